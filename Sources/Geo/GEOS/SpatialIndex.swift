import CGEOS

/// GEOS's STRtree over a fixed set of geometries, answering which ones
/// have envelopes meeting a query and which one is nearest.
///
/// Items are numbered in insertion order; queries return those numbers in
/// ascending order so results never depend on the tree's layout.
public final class SpatialIndex {
    public let context: GEOSContext
    private let tree: OpaquePointer
    /// The geometries, kept alive as long as the tree points at them.
    public let items: [Geometry]

    public init(_ geometries: [Geometry], nodeCapacity: Int = 10, context: GEOSContext = .current) throws(GEOSError) {
        self.context = context
        self.items = geometries
        self.tree = try context.check(GEOSSTRtree_create_r(context.handle, max(2, nodeCapacity)), "STRtree")
        for (index, geometry) in geometries.enumerated() where !geometry.isEmpty {
            // The item pointer carries the index itself, not an address.
            GEOSSTRtree_insert_r(context.handle, tree, geometry.handle, UnsafeMutableRawPointer(bitPattern: index + 1))
        }
    }

    deinit {
        GEOSSTRtree_destroy_r(context.handle, tree)
    }

    public var count: Int { items.count }

    /// Indices of the items whose envelopes intersect `envelope`'s geometry.
    public func query(_ geometry: Geometry) -> [Int] {
        var found: [Int] = []
        withUnsafeMutablePointer(to: &found) { results in
            GEOSSTRtree_query_r(context.handle, tree, geometry.handle, { item, userdata in
                let results = userdata!.assumingMemoryBound(to: [Int].self)
                results.pointee.append(Int(bitPattern: item) - 1)
            }, results)
        }
        found.sort()
        return found
    }

    public func query(_ envelope: Envelope) throws(GEOSError) -> [Int] {
        query(try Geometry(envelope.shape, context: context))
    }

    /// Index of the item nearest to `geometry` by true distance, nil when
    /// the index holds no geometry. Ties go to the lowest index, so the
    /// answer never depends on the tree's layout.
    public func nearest(to geometry: Geometry) throws(GEOSError) -> Int? {
        guard items.contains(where: { !$0.isEmpty }) else { return nil }
        var search = NearestSearch(context: context.handle, items: items.map(\.handle), query: geometry.handle)
        let found = withUnsafeMutablePointer(to: &search) { userdata in
            GEOSSTRtree_nearest_generic_r(
                context.handle, tree, NearestSearch.queryItem, geometry.handle,
                { first, second, distance, userdata in
                    let search = userdata!.assumingMemoryBound(to: NearestSearch.self).pointee
                    return GEOSDistance_r(search.context, search.geometry(first), search.geometry(second), distance)
                }, userdata)
        }
        guard let found else { throw context.takeError(operation: "nearest") }
        let index = Int(bitPattern: found) - 1
        let distance = try items[index].distance(to: geometry)
        guard let envelope = try geometry.envelope() else { return index }
        let reach = Envelope(minX: envelope.minX - distance, minY: envelope.minY - distance,
                             maxX: envelope.maxX + distance, maxY: envelope.maxY + distance)
        for candidate in try query(reach) where candidate < index {
            if try items[candidate].distance(to: geometry) <= distance { return candidate }
        }
        return index
    }
}

/// What the nearest-neighbour callback needs, passed as its userdata.
private struct NearestSearch {
    /// The query's item pointer: no tree item has this number.
    static var queryItem: UnsafeRawPointer { UnsafeRawPointer(bitPattern: Int.max)! }

    let context: GEOSContextHandle_t
    let items: [OpaquePointer]
    let query: OpaquePointer

    func geometry(_ item: UnsafeRawPointer?) -> OpaquePointer {
        guard let item, item != Self.queryItem else { return query }
        return items[Int(bitPattern: item) - 1]
    }
}
