#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sends what a block prints on standard output to a file instead, so a
/// command that prints its answer (`validate --json`) can be run for its
/// file. The descriptor is swapped, so `print` and C writes both follow.
/// The file appears, complete, only when the block succeeds.
enum StandardOutputCapture {
    static func capture<T>(into path: String, _ body: () throws -> T) throws -> T {
        let partial = "\(path).partial-\(getpid())"
        fflush(nil)  // all streams: naming stdout is not concurrency-safe
        let file = open(partial, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard file >= 0 else { throw CommandFailure(message: "\(path): cannot write: \(String(cString: strerror(errno)))") }
        let saved = dup(STDOUT_FILENO)
        dup2(file, STDOUT_FILENO)
        close(file)
        func restore() {
            fflush(nil)
            fsync(STDOUT_FILENO)
            dup2(saved, STDOUT_FILENO)
            close(saved)
        }
        do {
            let result = try body()
            restore()
            guard rename(partial, path) == 0 else { throw CommandFailure(message: "\(path): cannot write: \(String(cString: strerror(errno)))") }
            return result
        } catch {
            restore()
            if error is ProblemsFound, rename(partial, path) == 0 { throw error }
            unlink(partial)
            throw error
        }
    }
}
