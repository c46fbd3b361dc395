import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A real PostgreSQL with PostGIS for the tests, started by them: Debian's
/// `postgresql-15-postgis-3` (.ci/run installs it), a cluster made with
/// initdb in a temporary folder, listening on 127.0.0.1 on a free port,
/// trusting local connections, gone when `stop()` is called. PostgreSQL
/// refuses to run as root, so a root run (CI) runs it as `nobody`.
final class PostGISServer {
    /// The folder of initdb, pg_ctl and psql; nil when not installed.
    static let binaries: String? = {
        let base = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []).sorted { Int($0) ?? 0 > Int($1) ?? 0 }
        for version in versions where FileManager.default.isExecutableFile(atPath: "\(base)/\(version)/bin/initdb")
            && FileManager.default.fileExists(atPath: "/usr/share/postgresql/\(version)/extension/postgis.control") {
            return "\(base)/\(version)/bin"
        }
        return nil
    }()

    static var available: Bool { binaries != nil }
    static let skipReason: Comment = "PostgreSQL with PostGIS is not installed (apt-get install postgresql-15-postgis-3; .ci/run does)"

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    let folder: String
    let port: Int
    let database = "territorio"
    private let bin: String
    private var running = false

    /// `PG:` connection string of the test database, `tables=` added when given.
    func connection(table: String? = nil) -> String {
        "PG:host=127.0.0.1 port=\(port) user=postgres dbname=\(database)" + (table.map { " tables=\($0)" } ?? "")
    }

    init() throws {
        guard let bin = Self.binaries else { throw Failure(description: "\(Self.skipReason)") }
        self.bin = bin
        var template = Array("/tmp/territorio-postgis-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw Failure(description: "cannot make a temporary folder") }
        folder = String(cString: made)
        chmod(folder, 0o755)
        port = try Self.freePort()
        let data = folder + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: false)
        if geteuid() == 0 {
            guard chown(data, 65534, 65534) == 0 else { throw Failure(description: "cannot give \(data) to nobody") }
        }
        try check(asServer("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]), "initdb")
        try check(asServer("pg_ctl", ["-D", data, "-l", data + "/log", "-w", "-t", "60",
                                      "-o", "-h 127.0.0.1 -p \(port) -k \(data) -c fsync=off -c full_page_writes=off", "start"]), "pg_ctl start")
        running = true
        try check(psql("CREATE DATABASE \(database)", database: "postgres"), "CREATE DATABASE")
        try check(psql("CREATE EXTENSION postgis"), "CREATE EXTENSION postgis")
    }

    deinit { stop() }

    func stop() {
        guard running else { return }
        running = false
        _ = try? asServer("pg_ctl", ["-D", folder + "/data", "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// One SQL statement's result, unaligned and without headers: the
    /// values of each row joined by `|`, rows by newlines.
    func query(_ sql: String) throws -> String {
        let run = try psql(sql)
        try check(run, sql)
        return run.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func psql(_ sql: String, database: String? = nil) throws -> Run {
        try Self.run(bin + "/psql", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", database ?? self.database,
                                     "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql])
    }

    private func check(_ run: Run, _ what: String) throws {
        guard run.status == 0 else {
            let log = (try? String(contentsOfFile: folder + "/data/log", encoding: .utf8)) ?? ""
            throw Failure(description: "\(what) failed (\(run.status)): \(run.error)\(run.output)\(log.suffix(2000))")
        }
    }

    /// Runs a server program as the user that owns the data (`nobody` under root).
    private func asServer(_ program: String, _ arguments: [String]) throws -> Run {
        if geteuid() == 0 {
            return try Self.run("/usr/sbin/runuser", ["-u", "nobody", "--", bin + "/" + program] + arguments, in: folder)
        }
        return try Self.run(bin + "/" + program, arguments, in: folder)
    }

    /// Runs a program to its end. posix_spawn and waitpid, not Foundation's
    /// Process: the server pg_ctl starts keeps the descriptors it inherited,
    /// and Process would wait for them to close.
    static func run(_ executable: String, _ arguments: [String], in directory: String? = nil) throws -> Run {
        let stem = FileManager.default.temporaryDirectory.path + "/postgis-run-\(UUID().uuidString)"
        defer { unlink(stem + ".out"); unlink(stem + ".err") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stem + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stem + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // The folder through the shell: a server run as nobody cannot stay in the test's folder.
        let command = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory ?? "/", executable] + arguments
        let argv = command.map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let started = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, envp)
        guard started == 0 else { throw Failure(description: "cannot start \(executable): \(String(cString: strerror(started)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let out = FileManager.default.contents(atPath: stem + ".out") ?? Data()
        let err = FileManager.default.contents(atPath: stem + ".err") ?? Data()
        return Run(status: exit, output: String(decoding: out, as: UTF8.self), error: String(decoding: err, as: UTF8.self))
    }

    /// A port on 127.0.0.1 the kernel had free a moment ago.
    private static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw Failure(description: "cannot find a free port: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
