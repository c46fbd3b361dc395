import Foundation

/// Messages for people on standard error; results never go there.
enum Diagnostics {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func warn(_ message: String) {
        write("territorio: warning: \(message)\n")
    }

    /// Prints the error and gives the data-error exit status.
    static func fail(_ message: String) -> Int32 {
        write("territorio: error: \(message)\n")
        return 1
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
