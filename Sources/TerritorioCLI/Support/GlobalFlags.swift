import Foundation
import Territory

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

    /// The language `--lang es|en` (or `--lang=es`) asks for, else the
    /// environment's. The flag is left on the command line for the command,
    /// which declares it (`LanguageOption`); it is read here first so that
    /// errors found before or while the command runs are in that language.
    static func language(in arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        var given: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == "--lang", index + 1 < arguments.count { given = arguments[index + 1] }
            if argument.hasPrefix("--lang=") { given = String(argument.dropFirst("--lang=".count)) }
        }
        return given.flatMap(Language.init(rawValue:)) ?? Language.from(environment: environment)
    }

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
        settings.language = language(in: rest)
        return (settings, BareJSONFlag.expand(rest))
    }
}
