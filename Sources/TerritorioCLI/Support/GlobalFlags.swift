/// `--quiet` and `--verbose`, which every command takes (before or after
/// its name) and which only change what goes to standard error. They are
/// taken off the command line before it is parsed, so no command has to
/// declare them; `territorio --help` lists them.
enum GlobalFlags {
    static let help = """
        Global options, for every command:
          --quiet    only errors on standard error: no counts, notes, warnings or progress
          --verbose  every line about a single feature (by default the first 20, then a count)
        """

    /// The settings, and the arguments without the flags. Words after `--`
    /// are arguments, never flags.
    static func take(from arguments: [String]) -> (Diagnostics.Settings, [String]) {
        var settings = Diagnostics.Settings()
        var rest: [String] = []
        var afterTerminator = false
        for argument in arguments {
            if afterTerminator {
                rest.append(argument)
                continue
            }
            switch argument {
            case "--": afterTerminator = true; rest.append(argument)
            case "--quiet": settings.quiet = true
            case "--verbose": settings.verbose = true
            default: rest.append(argument)
            }
        }
        return (settings, BareJSONFlag.expand(rest))
    }
}
