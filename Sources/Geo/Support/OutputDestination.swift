import Foundation

/// What an output path names, decided before anything is written:
///
/// - `-`: standard output;
/// - an open descriptor (`/dev/stdout`, `/dev/stderr`, `/dev/fd/N`,
///   `/proc/self/fd/N`, as process substitution gives): written through it;
/// - anything else that exists and is neither a regular file nor a folder
///   (a character device such as `/dev/null`, a FIFO, a socket): opened and
///   written through, as the output is made;
/// - a regular file, existing or not, found by following symbolic links:
///   written beside that target and renamed over it, so a link stays a link.
public enum OutputDestination: Equatable, Sendable {
    case standardOutput
    case descriptor(Int32)
    case stream(String)
    /// The file a temporary beside it is renamed over.
    case file(target: String)
    /// An existing folder: nothing can be written there.
    case folder(String)

    public init(_ path: String) {
        if path == "-" {
            self = .standardOutput
            return
        }
        if let number = Self.descriptorNumber(path) {
            self = .descriptor(number)
            return
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            // Missing, or a link to nothing: a new file where the link points.
            self = .file(target: Self.followLinks(path))
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: self = .file(target: Self.followLinks(path))
        case S_IFDIR: self = .folder(path)
        default: self = .stream(path)
        }
    }

    /// True when bytes go out as they are written, with nothing to rename.
    public var isStream: Bool {
        switch self {
        case .standardOutput, .descriptor, .stream: true
        case .file, .folder: false
        }
    }

    /// `/dev/stdout` 1, `/dev/stderr` 2, `/dev/fd/N` and `/proc/self/fd/N` N.
    static func descriptorNumber(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }

    /// The path a chain of symbolic links ends at (the last one may point
    /// to nothing yet). Only the last component matters: a rename goes
    /// through linked folders by itself.
    static func followLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK,
                  let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = target.hasPrefix("/") ? target : TemporaryName.folder(of: current) + "/" + target
        }
        return current
    }

    /// The permissions a finished file gets: the old file's when there is
    /// one, else what `creat` would give (0666 less the umask).
    public static func mode(for target: String) -> mode_t {
        var info = stat()
        if stat(target, &info) == 0 { return info.st_mode & 0o7777 }
        return 0o666 & ~umaskValue
    }

    /// The process's umask, read without changing it (`umask()` can only be
    /// read by setting it, which would race with other threads creating files).
    static let umaskValue: mode_t = {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
           let value = mode_t(line.dropFirst(6).trimmingCharacters(in: .whitespaces), radix: 8) {
            return value
        }
        let value = umask(0o022)
        umask(value)
        return value
    }()
}
