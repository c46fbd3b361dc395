import Foundation

/// The tests' own Python (`.venv-tests/`, made by `scripts/test-venv` from
/// `Tests/Python/requirements.txt`): independent oracles such as HiGHS
/// through highspy, and Selenium driving a real headless Chromium.
public enum TestPython {
    /// The package's root folder, found from this source file's place.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `.venv-tests/bin/python`, or nil when `scripts/test-venv` has not run.
    public static var executable: String? {
        let path = packageRoot.appendingPathComponent(".venv-tests/bin/python").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// Why a test that needs the venv skips, for its message.
    public static let missingMessage = "no .venv-tests/bin/python: run scripts/test-venv (scripts/test does) to install the tests' Python oracles"

    public struct Outcome: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
    }

    /// Runs `script` (a path, usually under Tests/Python/) with `arguments`,
    /// `input` on standard input; nil when the venv is missing.
    public static func run(script: String, arguments: [String] = [], input: Data? = nil) throws -> Outcome? {
        guard let python = executable else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script] + arguments
        // Outputs go to temporary files, so a large output can never block the child.
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("territorio-python-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
        let inURL = folder.appendingPathComponent("stdin")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: inURL.path, contents: input ?? Data())
        let output = try FileHandle(forWritingTo: outURL), error = try FileHandle(forWritingTo: errURL)
        let standardInput = try FileHandle(forReadingFrom: inURL)
        defer { try? output.close(); try? error.close(); try? standardInput.close() }
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try process.run()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       standardOutput: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                       standardError: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// A script in Tests/Python/ by file name.
    public static func script(_ name: String) -> String {
        packageRoot.appendingPathComponent("Tests/Python").appendingPathComponent(name).path
    }
}
