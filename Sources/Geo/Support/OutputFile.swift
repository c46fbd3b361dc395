import Foundation

/// A destination written through a temporary file in the same folder and
/// renamed into place by `commit()`, so a failed or killed run never
/// leaves half a file (see `TemporaryName`). "-" writes standard output
/// directly.
public final class OutputFile {
    public let path: String
    private let descriptor: Int32
    private let temporaryPath: String?
    private var finished = false

    public init(path: String) throws(WriteError) {
        self.path = path
        if path == "-" {
            descriptor = STDOUT_FILENO
            temporaryPath = nil
            return
        }
        TemporaryName.removeLeftovers(of: path)
        let folder = TemporaryName.folder(of: path)
        var template = Array(TemporaryName.template(for: path).utf8CString)
        let opened = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard opened >= 0 else {
            throw WriteError(file: path, message: "cannot create a file in \(folder): \(String(cString: strerror(errno)))")
        }
        descriptor = opened
        temporaryPath = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        fchmod(descriptor, 0o644)
    }

    deinit {
        if !finished { abandon() }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(WriteError) {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw WriteError(file: path, message: "write failed: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    public func write(_ bytes: [UInt8]) throws(WriteError) {
        let result = bytes.withUnsafeBytes { buffer in Result { () throws(WriteError) in try write(buffer) } }
        try result.get()
    }

    public func write(_ text: String) throws(WriteError) {
        try write(Array(text.utf8))
    }

    /// Puts the complete file in place.
    public func commit() throws(WriteError) {
        guard !finished else { return }
        finished = true
        guard let temporaryPath else { return }
        guard fsync(descriptor) == 0 || errno == EINVAL else {
            let message = String(cString: strerror(errno))
            abandon()
            throw WriteError(file: path, message: "cannot flush to disk: \(message)")
        }
        close(descriptor)
        guard rename(temporaryPath, path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw WriteError(file: path, message: "cannot move the finished file into place: \(message)")
        }
        TemporaryName.syncFolder(of: path)
    }

    /// Drops what was written; the destination keeps what it had.
    public func abandon() {
        finished = true
        guard let temporaryPath else { return }
        close(descriptor)
        unlink(temporaryPath)
    }
}

/// Where outputs are written before they are renamed into place:
/// `.NAME.PID.XXXXXX` beside the destination (a file, or a folder for GDAL's
/// formats). A run killed before its rename (SIGKILL, a crash, a power cut)
/// leaves one behind: hidden, never taken for the destination, and removed
/// by the next run that writes the same destination once its process is
/// gone.
public enum TemporaryName {
    public static func folder(of path: String) -> String {
        URL(fileURLWithPath: path).deletingLastPathComponent().path
    }

    /// A `mkstemp` / `mkdtemp` template for `path`.
    public static func template(for path: String) -> String {
        "\(folder(of: path))/.\(URL(fileURLWithPath: path).lastPathComponent).\(getpid()).XXXXXX"
    }

    /// Removes what runs that no longer exist left while writing `path`.
    public static func removeLeftovers(of path: String) {
        let folder = folder(of: path)
        let prefix = ".\(URL(fileURLWithPath: path).lastPathComponent)."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            let parts = name.dropFirst(prefix.count).split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[1].utf8.count == 6, let pid = Int32(parts[0]), pid > 0, pid != getpid() else { continue }
            // Still running (or not ours to ask): leave it.
            guard kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: "\(folder)/\(name)")
        }
    }

    /// Flushes the folder's entries, so that a rename survives a power cut.
    public static func syncFolder(of path: String) {
        let descriptor = open(folder(of: path), O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}

public struct WriteError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
