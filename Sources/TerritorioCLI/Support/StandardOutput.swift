import Geo

/// Where a command's printed answer goes (`info`, `validate --json`, a
/// table): standard output, unless the caller runs the command for a file
/// (the demo's steps), in which case it goes to that file through
/// `OutputFile`, atomically, without touching descriptor 1.
enum StandardOutput {
    /// The destination bound for the running command, if any.
    final class Sink: @unchecked Sendable {
        let file: OutputFile
        init(_ file: OutputFile) { self.file = file }
    }

    @TaskLocal static var sink: Sink?

    static func print(_ unmasked: String, terminator: String = "\n") throws {
        let text = ConnectionSecrets.masked(unmasked)
        if let sink {
            try sink.file.write(text + terminator)
        } else {
            Swift.print(text, terminator: terminator)
        }
    }

    /// Runs `body` with what it prints written to `path`; the file appears
    /// when the body succeeds or finds problems (which it reports there).
    static func capture<T>(into path: String, _ body: () throws -> T) throws -> T {
        let file = try OutputFile(path: path)
        do {
            let result = try $sink.withValue(Sink(file)) { try body() }
            try file.commit()
            return result
        } catch let problems as ProblemsFound {
            try file.commit()
            throw problems
        }
    }
}
