import Foundation

/// A destination written through a temporary file in the same folder and
/// renamed into place by `commit()`, so a failed or killed run never
/// leaves half a file. "-" writes standard output directly.
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
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var template = Array("\(folder)/.\(url.lastPathComponent).XXXXXX".utf8CString)
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
    }

    /// Drops what was written; the destination keeps what it had.
    public func abandon() {
        finished = true
        guard let temporaryPath else { return }
        close(descriptor)
        unlink(temporaryPath)
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
