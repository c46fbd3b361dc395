import Foundation

/// Messages for people on standard error; results never go there.
///
/// `--quiet` (any command) keeps only errors; lines about single features
/// (a point outside every territory, a site off the roads) stop after the
/// first `featureLineLimit` and are summarised at the end, unless
/// `--verbose` asks for every one: a run over a million points once
/// printed 250,545 such lines.
enum Diagnostics {
    /// The settings the global flags give; set once, before the command runs.
    struct Settings: Sendable {
        var quiet = false
        var verbose = false
    }

    static let featureLineLimit = 20

    private static let lock = NSLock()
    nonisolated(unsafe) private static var settings = Settings()
    nonisolated(unsafe) private static var featureLines = 0

    static func configure(_ new: Settings) {
        lock.withLock {
            settings = new
            featureLines = 0
        }
    }

    static var isQuiet: Bool { lock.withLock { settings.quiet } }

    /// A message for people (counts, notes, progress); nothing with --quiet.
    static func write(_ text: String) {
        guard !isQuiet else { return }
        writeAlways(text)
    }

    static func warn(_ message: String) {
        write("territorio: warning: \(message)\n")
    }

    /// A line about one feature: printed while fewer than
    /// `featureLineLimit` have been, then only counted (see `finish`).
    static func featureLine(_ line: String) {
        let show = lock.withLock { () -> Bool in
            featureLines += 1
            return settings.verbose || featureLines <= featureLineLimit
        }
        if show { write(line + "\n") }
    }

    /// Says how many lines about single features were not shown; once, at
    /// the end of the command.
    static func finish() {
        let hidden = lock.withLock { () -> Int in
            let hidden = settings.verbose ? 0 : max(0, featureLines - featureLineLimit)
            featureLines = 0
            return hidden
        }
        if hidden > 0 {
            write("territorio: \(hidden) more line\(hidden == 1 ? "" : "s") about single features not shown (the first \(featureLineLimit) are above; --verbose shows every one)\n")
        }
    }

    /// Prints the error and gives the data-error exit status; errors are
    /// printed even with --quiet.
    static func fail(_ message: String) -> Int32 {
        writeAlways("territorio: error: \(message)\n")
        return 1
    }

    static func writeAlways(_ text: String) {
        FileHandle.standardError.write(Data(ConnectionSecrets.masked(text).utf8))
    }

    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// A failure that is not the data's fault alone: a bad flag value found
/// late, an operation that cannot be done with the given inputs.
struct CommandFailure: Error {
    let message: String
}

/// The command ran and found problems: exit with `status` after having
/// reported them.
struct ProblemsFound: Error {
    var status: Int32 = 1
}
