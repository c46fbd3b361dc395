import CGEOS

/// Finds which polygon covers each point: GEOS's STRtree to narrow the
/// candidates, prepared geometries to test them. Built for millions of
/// points: the loop holds raw GEOS handles in flat buffers and allocates
/// nothing per point but the GEOS point it tests, as a C loop would.
///
/// A point on a boundary shared by several polygons goes to the one with
/// the lowest index, so the answer never depends on the tree's layout.
public final class PolygonLocator {
    public let context: GEOSContext
    public let polygons: [Geometry]
    /// Kept alive for the handles below.
    private let prepared: [PreparedGeometry]
    private let preparedHandles: UnsafeMutableBufferPointer<OpaquePointer>
    private let tree: OpaquePointer
    private let candidates: UnsafeMutablePointer<CandidateBuffer>

    public init(_ polygons: [Geometry], context: GEOSContext = .current) throws(GEOSError) {
        self.context = context
        self.polygons = polygons
        var prepared: [PreparedGeometry] = []
        prepared.reserveCapacity(polygons.count)
        for polygon in polygons { prepared.append(try PreparedGeometry(polygon)) }
        self.prepared = prepared
        preparedHandles = .allocate(capacity: prepared.count)
        _ = preparedHandles.initialize(from: prepared.map(\.handle))
        candidates = .allocate(capacity: 1)
        candidates.initialize(to: CandidateBuffer())
        guard let tree = GEOSSTRtree_create_r(context.handle, 10) else {
            preparedHandles.deallocate()
            candidates.pointee.deallocate()
            candidates.deallocate()
            throw context.takeError(operation: "STRtree")
        }
        self.tree = tree
        for (index, polygon) in polygons.enumerated() where !polygon.isEmpty {
            GEOSSTRtree_insert_r(context.handle, tree, polygon.handle, UnsafeMutableRawPointer(bitPattern: index + 1))
        }
    }

    deinit {
        GEOSSTRtree_destroy_r(context.handle, tree)
        preparedHandles.deallocate()
        candidates.pointee.deallocate()
        candidates.deallocate()
    }

    /// The index of the polygon covering (x, y), nil when none does.
    public func locate(x: Double, y: Double) throws(GEOSError) -> Int? {
        let found = try locate(x, y, context.handle)
        return found < 0 ? nil : Int(found)
    }

    /// `locate` for interleaved x, y pairs: the polygon index of each, -1
    /// where no polygon covers it.
    public func locate(_ xy: UnsafeBufferPointer<Double>) throws(GEOSError) -> [Int32] {
        let c = context.handle
        let count = xy.count / 2
        var found = [Int32](repeating: -1, count: count)
        try found.withUnsafeMutableBufferPointer { found throws(GEOSError) in
            for index in 0..<count { found[index] = try locate(xy[2 * index], xy[2 * index + 1], c) }
        }
        return found
    }

    @inline(__always)
    private func locate(_ x: Double, _ y: Double, _ c: GEOSContextHandle_t) throws(GEOSError) -> Int32 {
        guard let point = GEOSGeom_createPointFromXY_r(c, x, y) else { throw context.takeError(operation: "point") }
        defer { GEOSGeom_destroy_r(c, point) }
        candidates.pointee.count = 0
        GEOSSTRtree_query_r(c, tree, point, { item, userdata in
            userdata!.assumingMemoryBound(to: CandidateBuffer.self).pointee.append(Int32(Int(bitPattern: item) - 1))
        }, candidates)
        var best = Int32.max
        let buffer = candidates.pointee
        for slot in 0..<buffer.count {
            let candidate = buffer.items[slot]
            guard candidate < best else { continue }
            switch GEOSPreparedCovers_r(c, preparedHandles[Int(candidate)], point) {
            case 1: best = candidate
            case 0: break
            default: throw context.takeError(operation: "prepared covers")
            }
        }
        return best == .max ? -1 : best
    }
}

/// A growable list of candidate indices filled by GEOS's query callback.
private struct CandidateBuffer {
    var items = UnsafeMutablePointer<Int32>.allocate(capacity: 64)
    var count = 0
    var capacity = 64

    mutating func append(_ item: Int32) {
        if count == capacity {
            let grown = UnsafeMutablePointer<Int32>.allocate(capacity: capacity * 2)
            grown.moveInitialize(from: items, count: count)
            items.deallocate()
            items = grown
            capacity *= 2
        }
        items[count] = item
        count += 1
    }

    func deallocate() {
        items.deallocate()
    }
}
