import ArgumentParser
import Geo

/// One command of the guided demo, run exactly as a user would type it.
struct DemoStep {
    let title: String
    let arguments: [String]
    /// Where the command's standard output goes, for commands that print their answer.
    var standardOutput: String? = nil

    /// Runs the command, what it prints going to `standardOutput` when set.
    /// Problems found (by validate, hierarchy check) are figures of the
    /// report, not a failure.
    func run() throws {
        var command = try Territorio.parseAsRoot(arguments)
        do {
            // Its outputs in place before the next step reads them.
            try OutputTransaction.run(keepingOutputsOn: { $0 is ProblemsFound }) {
                if let standardOutput {
                    try StandardOutput.capture(into: standardOutput) { try command.run() }
                } else {
                    try command.run()
                }
            }
        } catch is ProblemsFound {}
    }

    /// The command line, for the report and the log.
    var commandLine: String {
        (["territorio"] + arguments.map { $0.contains(" ") || $0.contains("'") ? "\"\($0)\"" : $0 }).joined(separator: " ")
            + (standardOutput.map { " > \($0)" } ?? "")
    }
}
