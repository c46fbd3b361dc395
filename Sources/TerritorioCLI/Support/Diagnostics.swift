import Foundation
import Geo
import Territory

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
        /// The language of every message: the command's `--lang`, else the
        /// environment's (`GlobalFlags.language`).
        var language = Language.en
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

    /// The language messages on standard error are written in.
    static var language: Language { lock.withLock { settings.language } }

    /// A catalogue text in the messages' language.
    static func text(_ key: Catalogue.Key) -> String { language.text(key) }

    /// A message for people (counts, notes, progress); nothing with --quiet.
    static func write(_ text: String) {
        guard !isQuiet else { return }
        writeAlways(text)
    }

    static func warn(_ message: String) {
        write("territorio: \(text(.warningLabel)): \(message)\n")
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
            write("territorio: \(text(.linesNotShown(hidden: hidden, limit: featureLineLimit)))\n")
        }
    }

    /// Prints the error and gives the data-error exit status; errors are
    /// printed even with --quiet.
    static func fail(_ message: String) -> Int32 {
        writeAlways("territorio: \(text(.errorLabel)): \(message)\n")
        return 1
    }

    /// `FILE: feature 12 (id P0113)` in the messages' language.
    static func place(_ location: FeatureLocation) -> String {
        text(.location(file: location.file, line: nil, column: nil, feature: location.index, id: location.id.map { "\($0)" }))
    }

    /// An error's text in the messages' language: the kinds the catalogue
    /// keys are looked up there, others keep their own text.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as ReadError: language.describe(error)
        case let error as CRSError: language.describe(error)
        case let error as CommandFailure: error.message
        case let error as CustomStringConvertible: error.description
        default: "\(error)"
        }
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
