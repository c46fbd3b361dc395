import Foundation

/// Bytes from a file, standard input or memory, handed out in chunks so a
/// file of any size is read in constant memory.
final class ByteInput {
    let name: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var memory: [UInt8]?
    /// How much of `memory` has been handed out.
    private var memoryOffset = 0
    /// A piece of a file (`init(path:range:)`), read with `pread`; where
    /// the next read starts.
    private var piece: Range<Int>?
    private var pieceOffset = 0

    /// `path` "-" reads standard input.
    init(path: String) throws(ReadError) {
        name = path == "-" ? "<stdin>" : path
        if path == "-" {
            descriptor = STDIN_FILENO
            ownsDescriptor = false
        } else {
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else {
                let number = errno
                throw ReadError(file: path, reason: .cannotOpen(errno: number, system: String(cString: strerror(number))))
            }
            var status = stat()
            if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
                close(descriptor)
                throw ReadError(file: path, reason: .isFolder)
            }
            ownsDescriptor = true
        }
    }

    /// Only `range` of the file at `path`, for a worker parsing one piece
    /// of a large file while others parse the rest (`pread`: the pieces
    /// share nothing).
    convenience init(path: String, range: Range<Int>) throws(ReadError) {
        try self.init(path: path)
        piece = range
        pieceOffset = range.lowerBound
    }

    /// The file's size in bytes; nil for standard input or what is not a regular file.
    var fileSize: Int? {
        guard descriptor >= 0, descriptor != STDIN_FILENO else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    init(bytes: [UInt8], name: String) {
        self.name = name
        descriptor = -1
        ownsDescriptor = false
        memory = bytes
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// How many bytes there are, when known up front (in memory): a reader
    /// of a small text need not allocate a whole chunk.
    var size: Int? { memory?.count }

    /// Fills `buffer` from the start; 0 at the end of the input.
    func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(ReadError) -> Int {
        if let bytes = memory {
            let count = min(bytes.count - memoryOffset, buffer.count)
            bytes.withUnsafeBufferPointer { source in
                _ = buffer.initialize(from: source[memoryOffset..<(memoryOffset + count)])
            }
            memoryOffset += count
            return count
        }
        if let piece {
            let wanted = min(buffer.count, piece.upperBound - pieceOffset)
            guard wanted > 0 else { return 0 }
            while true {
                let count = pread(descriptor, buffer.baseAddress, wanted, off_t(pieceOffset))
                if count >= 0 {
                    pieceOffset += count
                    return count
                }
                if errno == EINTR { continue }
                throw ReadError(file: name, message: "read failed: \(String(cString: strerror(errno)))")
            }
        }
        while true {
            let count = Foundation.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw ReadError(file: name, message: "read failed: \(String(cString: strerror(errno)))")
        }
    }
}
