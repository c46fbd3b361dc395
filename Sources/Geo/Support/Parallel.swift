import Dispatch
import Foundation

/// Splits `0..<count` into contiguous chunks, one per worker, runs `body`
/// on each at once and returns their results in chunk order, so the
/// output never depends on how many cores did the work.
///
/// Each chunk runs on its own thread: GEOS and PROJ work inside `body`
/// should use `GEOSContext.current` / `PROJContext.current` or make its own.
public func parallelChunks<Result: Sendable>(
    count: Int,
    workers: Int = Parallelism.workers,
    minimumChunk: Int = 1,
    _ body: @Sendable (Range<Int>) throws -> Result
) throws -> [Result] {
    let chunkCount = max(1, min(workers, count / max(1, minimumChunk)))
    let bounds = (0...chunkCount).map { $0 * count / chunkCount }
    let slots = ResultSlots<Result>(count: chunkCount)
    DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
        slots.set(chunk, Swift.Result { try body(bounds[chunk]..<bounds[chunk + 1]) })
    }
    return try slots.values.map { try $0!.get() }
}

/// How many workers parallel work uses: the `TERRITORIO_WORKERS`
/// environment variable, else every available core.
public enum Parallelism {
    public static var workers: Int {
        if let text = ProcessInfo.processInfo.environment["TERRITORIO_WORKERS"], let value = Int(text), value > 0 {
            return value
        }
        return ProcessInfo.processInfo.activeProcessorCount
    }
}

/// Each chunk writes only its own slot, under a lock.
private final class ResultSlots<Result: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Swift.Result<Result, any Error>?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Swift.Result<Result, any Error>) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }
}
