import Foundation
import Testing

/// `territorio demo` as a user runs it: the built executable in a child
/// process (the demo swaps standard output while a step prints its JSON,
/// which must not happen inside the test runner's own process).
@Suite struct DemoTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The executable sits beside the test bundle in the build folder.
    static let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("territorio")

    func runDemo(into folder: URL) throws -> (status: Int32, standardOutput: Data) {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["demo", "-o", folder.path]
        process.currentDirectoryURL = Self.repository
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    @Test func demoWritesEveryOutputAndExplainsTheFigures() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build the territorio executable first (swift build)")
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("territorio-demo-\(getpid())")
        defer { try? FileManager.default.removeItem(at: base) }
        let first = base.appendingPathComponent("first"), second = base.appendingPathComponent("second")
        let run = try runDemo(into: first)
        #expect(run.status == 0)
        #expect(run.standardOutput.isEmpty, "results go to files, not stdout")
        let report = try String(contentsOf: first.appendingPathComponent("report.md"), encoding: .utf8)
        // Figures of the sample territory (geodata/README.md): 150 parishes, 2,449 actors, 15 municipal circuits.
        #expect(report.contains("**150 parishes, 0 geometry problems; 0 problems"))
        #expect(report.contains("**2,449 actors, 2,449 located in a parish"))
        #expect(report.contains("**15 circuits (one per municipality)"))
        #expect(report.contains("t through outside intermediaries against"))
        #expect(report.contains("![Cheese coverage and routes](coverage_map.png)"))
        // Every file the report links to exists.
        let links = report.matches(of: /\]\(([^)]+)\)/).map { String($0.output.1) }
        #expect(links.count >= 10)
        for link in Set(links) {
            #expect(FileManager.default.fileExists(atPath: first.appendingPathComponent(link).path), "\(link)")
        }
        // The study the demo used is written, and reproduces its coverage.
        let study = first.appendingPathComponent("study.json").path
        #expect(report.contains("[study.json](study.json)"))
        let again = base.appendingPathComponent("again")
        try FileManager.default.createDirectory(at: again, withIntermediateDirectories: true)
        let rerun = Process()
        rerun.executableURL = Self.executable
        rerun.arguments = ["coverage", "--study", study, "-o", again.appendingPathComponent("circuits.geojson").path,
                           "--json", again.appendingPathComponent("coverage.json").path, "--report", again.appendingPathComponent("coverage.md").path]
        rerun.currentDirectoryURL = Self.repository
        rerun.standardError = FileHandle.nullDevice
        try rerun.run()
        rerun.waitUntilExit()
        #expect(rerun.terminationStatus == 0)
        for name in ["circuits.geojson", "coverage.json", "coverage.md"] {
            let original = FileManager.default.contents(atPath: first.appendingPathComponent(name).path)
            #expect(original != nil && original == FileManager.default.contents(atPath: again.appendingPathComponent(name).path), "\(name)")
        }
        // Same input, same bytes.
        #expect(try runDemo(into: second).status == 0)
        // report.md and report.html list the commands, with the output folder in them.
        for name in try FileManager.default.contentsOfDirectory(atPath: first.path).sorted() where name != "report.md" && name != "report.html" {
            #expect(FileManager.default.contents(atPath: first.appendingPathComponent(name).path)
                    == FileManager.default.contents(atPath: second.appendingPathComponent(name).path), "\(name)")
        }
    }
}
