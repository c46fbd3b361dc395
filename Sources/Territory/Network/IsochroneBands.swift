import Foundation
import Geo

extension Isochrones {
    /// The isochrone polygons of many facilities: one feature per facility
    /// and threshold reached, in facility order, with `facility_id`,
    /// `minutes` and `area_m2` (metric CRS of the graph). Facilities that
    /// did not snap (nil) have none.
    ///
    /// One search per facility serves all its bands, each band is built
    /// over one `IsochroneTree` (`IsochroneBuilder`), and facilities are
    /// handed out one at a time to the workers, each with its own builder.
    /// A facility's features depend on it alone, so the output is the same
    /// bytes whatever the number of workers. `progress` is told the number
    /// of facilities done and the total, one call at a time.
    public func bands(of facilities: [Snap?], ids: [String], minutes thresholds: [Double], graph: RoadGraph,
                      workers: Int = Parallelism.workers,
                      progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> [Feature] {
        let tree = IsochroneTree(graph: graph)
        let width = self.width
        let queue = FacilityQueue(count: facilities.count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, facilities.count))) { _ in
            let builder = IsochroneBuilder(graph: graph, tree: tree, width: width)
            while let index = queue.next() {
                let result = Swift.Result { () throws -> [Feature] in
                    guard let snap = facilities[index] else { return [] }
                    let polygons = try builder.polygons(from: snap, minutes: thresholds)
                    return try zip(thresholds, polygons).compactMap { threshold, polygon in
                        guard let polygon else { return nil }
                        return Feature(geometry: polygon.shape, properties: [
                            "facility_id": .string(ids[index]), "minutes": .number(threshold),
                            "area_m2": .number(try polygon.area().rounded()),
                        ])
                    }
                }
                queue.finish(index, result, progress: progress)
            }
        }
        return try queue.results()
    }
}

/// Hands out facility numbers one at a time (so a slow facility does not
/// hold back a whole chunk) and keeps each one's features in its slot.
private final class FacilityQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private var done = 0
    private var failed = false
    private var slots: [Result<[Feature], any Error>?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    /// The next facility to work on; nil when all are handed out or one failed.
    func next() -> Int? {
        lock.withLock {
            guard !failed, nextIndex < slots.count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }

    func finish(_ index: Int, _ result: Result<[Feature], any Error>, progress: (@Sendable (Int, Int) -> Void)?) {
        lock.withLock {
            slots[index] = result
            if case .failure = result { failed = true }
            done += 1
            progress?(done, slots.count)
        }
    }

    /// Every facility's features in facility order, or the error of the
    /// first facility (in facility order) that failed.
    func results() throws -> [Feature] {
        var features: [Feature] = []
        for slot in slots {
            guard let slot else { continue }
            features += try slot.get()
        }
        return features
    }
}
