import Foundation

/// Tells a progress callback how much of a parallel loop is done: workers
/// add what they finished, and the callback is called under a lock, one
/// call at a time, with (done, total). Territory knows nothing of
/// terminals; the CLI turns the calls into its progress line.
public final class ProgressCounter: @unchecked Sendable {
    public typealias Callback = @Sendable (_ done: Int, _ total: Int) -> Void

    private let lock = NSLock()
    private let total: Int
    private let callback: Callback?
    private var done = 0

    public init(total: Int, _ callback: Callback?) {
        self.total = total
        self.callback = callback
    }

    public func add(_ count: Int) {
        guard let callback else { return }
        lock.withLock {
            done += count
            callback(done, total)
        }
    }
}
