import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The built `territorio` executable run as a child process: for what only
/// a separate process shows (its peak memory, its environment read once, a
/// SIGKILL at a random moment). It sits beside the test bundle.
struct ChildProcess {
    struct Outcome {
        /// The exit status, or 128 + the signal that ended it.
        var status: Int32
        var killedBy: Int32?
        var standardOutput: String
        var standardError: String
        /// Peak resident memory in bytes, measured by `peak-memory`; 0 for a
        /// process started with `start` (its ru_maxrss would include the
        /// test runner's own peak: posix_spawn shares the runner's memory
        /// until exec, and exec keeps that memory's peak).
        var peakMemory: Int

        var peakMegabytes: Double { Double(peakMemory) / 1_048_576 }
    }

    static let buildFolder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    static let territorio = buildFolder.appendingPathComponent("territorio").path
    /// Tests/PeakMemory: runs a command and writes its peak memory.
    static let peakMemoryProgram = buildFolder.appendingPathComponent("peak-memory").path

    let pid: pid_t
    private let stem: String

    /// Starts `territorio ARGUMENTS` with `environment` added to this
    /// process's own, standard input from /dev/null.
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> ChildProcess {
        try start(executable: territorio, arguments, environment: environment)
    }

    private static func start(executable: String, _ arguments: [String], environment: [String: String] = [:],
                              stem: String? = nil) throws -> ChildProcess {
        let stem = try stem ?? newStem()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stem + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stem + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        var variables = ProcessInfo.processInfo.environment
        // Reports follow LANG (es_* gives Spanish): the tests read English
        // unless a test sets the language itself.
        variables["LC_ALL"] = nil
        variables["LANG"] = "C.UTF-8"
        for (key, value) in environment { variables[key] = value }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard status == 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot start \(executable): \(String(cString: strerror(status)))"])
        }
        return ChildProcess(pid: pid, stem: stem)
    }

    private static func newStem() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("territorio-child-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(UUID().uuidString).path
    }

    func kill(_ signal: Int32 = SIGKILL) {
        _ = Glibc.kill(pid, signal)
    }

    /// Waits for the child to end.
    func wait() -> Outcome {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        var exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        var peak = 0
        if let text = try? String(contentsOfFile: stem + ".rss", encoding: .utf8), let kilobytes = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
            peak = kilobytes * 1024
        }
        let output = (try? String(contentsOfFile: stem + ".out", encoding: .utf8)) ?? ""
        let error = (try? String(contentsOfFile: stem + ".err", encoding: .utf8)) ?? ""
        for suffix in [".out", ".err", ".rss"] { unlink(stem + suffix) }
        // peak-memory gives 128 + the signal that ended territorio.
        let killedBy: Int32? = exitStatus > 128 ? exitStatus - 128 : nil
        if (status & 0x7F) != 0 { exitStatus = 128 + (status & 0x7F) }
        return Outcome(status: exitStatus, killedBy: killedBy, standardOutput: output, standardError: error, peakMemory: peak)
    }

    /// Runs `territorio ARGUMENTS` to its end through `peak-memory`, which
    /// measures its peak memory.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        let stem = try newStem()
        return try start(executable: peakMemoryProgram, [stem + ".rss", territorio] + arguments,
                         environment: environment, stem: stem).wait()
    }
}
