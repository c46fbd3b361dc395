import Foundation

/// Every temporary file and folder this process has made beside a
/// destination and not yet renamed or removed, so that an interrupted run
/// (`InterruptCleanup`) can remove them. Creating, renaming and removing
/// them happen under one lock, which the cleanup takes before it removes
/// anything: nothing is half renamed when the process ends.
public enum TemporaryFiles {
    static let lock = NSRecursiveLock()
    nonisolated(unsafe) private static var paths: Set<String> = []

    /// A new file `.NAME.PID.XXXXXX` beside `target`, open for writing.
    public static func makeFile(beside target: String, for destination: String) throws(WriteError) -> (descriptor: Int32, path: String) {
        lock.lock()
        defer { lock.unlock() }
        var template = Array(TemporaryName.template(for: target).utf8CString)
        let opened = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard opened >= 0 else {
            throw WriteError(file: destination, message: "cannot create a file in \(TemporaryName.folder(of: target)): \(String(cString: strerror(errno)))")
        }
        let path = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        paths.insert(path)
        return (opened, path)
    }

    /// A new folder `.NAME.PID.XXXXXX` in `folder` (beside `target` when nil).
    public static func makeFolder(beside target: String, in folder: String? = nil, for destination: String) throws(WriteError) -> String {
        lock.lock()
        defer { lock.unlock() }
        var pattern = TemporaryName.template(for: target)
        if let folder { pattern = folder + "/" + URL(fileURLWithPath: pattern).lastPathComponent }
        var template = Array(pattern.utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw WriteError(file: destination, message: "cannot create a folder in \(TemporaryName.folder(of: pattern)): \(String(cString: strerror(errno)))")
        }
        let path = String(cString: made)
        paths.insert(path)
        return path
    }

    /// Runs `body` (a rename into place, say) under the lock, then forgets
    /// `path`: it is no longer temporary.
    public static func settle<T, E: Error>(_ path: String, _ body: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        defer { paths.remove(path) }
        return try body()
    }

    /// Removes a temporary file or folder and forgets it.
    public static func remove(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        paths.remove(path)
        removeItem(path)
    }

    /// Removes everything still registered and returns holding the lock, so
    /// that no other thread creates or renames anything before the process
    /// ends. For `InterruptCleanup` only.
    static func removeAllAndHold() {
        lock.lock()
        for path in paths { removeItem(path) }
        paths.removeAll()
    }

    private static func removeItem(_ path: String) {
        if unlink(path) == 0 || errno == ENOENT { return }
        // A folder: GDAL may still be adding files to it on another thread.
        for _ in 0..<10 {
            try? FileManager.default.removeItem(atPath: path)
            if access(path, F_OK) != 0 { return }
        }
    }
}
