import Foundation

/// A destination written safely (see `OutputDestination`):
///
/// - a regular file (a symbolic link's target, for a link) is written to a
///   temporary file beside it (`TemporaryName`) and renamed into place by
///   `commit()`, so a failed or killed run never leaves half a file; it
///   keeps the old file's permissions, and a new file gets 0666 less the
///   umask, as any file the user's shell creates;
/// - standard output (`-`), `/dev/fd/N`, a device or a FIFO is written
///   through, as the output is made: it is never replaced by a file.
///
/// Inside an `OutputTransaction`, `commit()` stages the rename until the
/// command has succeeded.
public final class OutputFile {
    public let path: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    /// The temporary file and the file it is renamed over; nil when streaming.
    private let rename: (temporary: String, target: String)?
    private var finished = false

    public init(path: String) throws(WriteError) {
        self.path = path
        func failure(_ what: String) -> WriteError {
            WriteError(file: path, message: "\(what): \(String(cString: strerror(errno)))")
        }
        switch OutputDestination(path) {
        case .standardOutput:
            descriptor = STDOUT_FILENO
            ownsDescriptor = false
            rename = nil
        case .descriptor(let number):
            let copy = dup(number)
            guard copy >= 0 else { throw failure("cannot write to descriptor \(number)") }
            descriptor = copy
            ownsDescriptor = true
            rename = nil
        case .stream(let node):
            // A FIFO's open waits for its reader.
            var opened: Int32
            repeat { opened = open(node, O_WRONLY | O_CLOEXEC) } while opened < 0 && errno == EINTR
            guard opened >= 0 else { throw failure("cannot open for writing") }
            descriptor = opened
            ownsDescriptor = true
            rename = nil
        case .folder:
            throw WriteError(file: path, message: "is a folder: name a file to write")
        case .file(let target):
            TemporaryName.removeLeftovers(of: target)
            let made = try TemporaryFiles.makeFile(beside: target, for: path)
            descriptor = made.descriptor
            ownsDescriptor = true
            rename = (made.path, target)
            fchmod(descriptor, OutputDestination.mode(for: target))
        }
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

    /// Puts the complete file in place (when the open transaction ends, if any).
    public func commit() throws(WriteError) {
        guard !finished else { return }
        finished = true
        guard let rename else {
            if ownsDescriptor { close(descriptor) }
            return
        }
        guard fsync(descriptor) == 0 || errno == EINVAL else {
            let message = String(cString: strerror(errno))
            abandonTemporary()
            throw WriteError(file: path, message: "cannot flush to disk: \(message)")
        }
        close(descriptor)
        let path = path
        try OutputTransaction.stage(place: { () throws(WriteError) in
            try TemporaryFiles.settle(rename.temporary) { () throws(WriteError) in
                guard Foundation.rename(rename.temporary, rename.target) == 0 else {
                    let message = String(cString: strerror(errno))
                    unlink(rename.temporary)
                    throw WriteError(file: path, message: "cannot move the finished file into place: \(message)")
                }
            }
            TemporaryName.syncFolder(of: rename.target)
        }, drop: { TemporaryFiles.remove(rename.temporary) })
    }

    /// Drops what was written; the destination keeps what it had (a stream
    /// keeps what it was sent).
    public func abandon() {
        guard !finished else { return }
        finished = true
        if rename != nil {
            abandonTemporary()
        } else if ownsDescriptor {
            close(descriptor)
        }
    }

    private func abandonTemporary() {
        close(descriptor)
        if let rename { TemporaryFiles.remove(rename.temporary) }
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
