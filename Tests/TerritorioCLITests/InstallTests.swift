import Foundation
import Testing

/// `scripts/install PREFIX`: the installed binary runs with the Swift
/// toolchain's libraries off the library path, and the man page and the
/// completions are in place. Runs when TERRITORIO_INSTALLED names the
/// prefix an install went to (.ci/run installs to one); reported as
/// skipped otherwise, never as passed.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["TERRITORIO_INSTALLED"] != nil,
               "set TERRITORIO_INSTALLED=PREFIX after scripts/install PREFIX to check an install"))
struct InstallTests {
    /// The suite only runs when it is set.
    static var prefix: String { ProcessInfo.processInfo.environment["TERRITORIO_INSTALLED"]! }

    /// Runs a program with a bare environment: no LD_LIBRARY_PATH, a PATH
    /// without the toolchain.
    static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func theInstalledBinaryNeedsNoSwiftLibraries() throws {
        let prefix = Self.prefix
        let binary = prefix + "/bin/territorio"
        let libraries = try Self.run("/usr/bin/ldd", [binary])
        #expect(libraries.status == 0)
        let swiftLibraries = libraries.output.split(separator: "\n").filter {
            $0.contains("libswift") || $0.contains("libFoundation") || $0.contains("libdispatch") || $0.contains("not found")
        }
        #expect(swiftLibraries.isEmpty, "\(swiftLibraries)")
        #expect(libraries.output.contains("libgeos_c"))

        let version = try Self.run(binary, ["--version"])
        #expect(version.status == 0)
        #expect(version.output.hasPrefix("0.2.0-dev ("), "\(version.output)")

        let sample = CommandTests.repository.appendingPathComponent("geodata/territory/parishes.geojson").path
        let info = try Self.run(binary, ["info", sample, "--json"])
        #expect(info.status == 0, "\(info.output)")
        #expect(info.output.contains("\"features\""))
    }

    @Test func theManPageAndTheCompletionsAreInstalled() throws {
        let prefix = Self.prefix
        let manual = try String(contentsOfFile: prefix + "/share/man/man1/territorio.1", encoding: .utf8)
        #expect(manual.contains(".Nm territorio"))
        let zsh = try String(contentsOfFile: prefix + "/share/zsh/site-functions/_territorio", encoding: .utf8)
        #expect(zsh.contains("'--territories[") && zsh.contains(":file:_files'"))
        let bash = try String(contentsOfFile: prefix + "/share/bash-completion/completions/territorio", encoding: .utf8)
        #expect(bash.contains("complete -o default -o filenames -F _territorio territorio"))
        let fish = try String(contentsOfFile: prefix + "/share/fish/vendor_completions.d/territorio.fish", encoding: .utf8)
        #expect(fish.contains("-l 'territories' ") && fish.contains("-rF"))
    }
}
