import CGEOS

/// A geometry indexed for many predicate tests against it, as in
/// point-in-polygon over millions of points.
public final class PreparedGeometry {
    public let base: Geometry
    let handle: OpaquePointer
    var context: GEOSContext { base.context }

    public init(_ base: Geometry) throws(GEOSError) {
        self.base = base
        self.handle = try base.context.check(GEOSPrepare_r(base.context.handle, base.handle), "prepare")
    }

    deinit {
        GEOSPreparedGeom_destroy_r(base.context.handle, handle)
    }

    public func contains(_ other: Geometry) throws(GEOSError) -> Bool {
        try context.check(predicate: GEOSPreparedContains_r(context.handle, handle, base.handle(sharedWith: other)), "prepared contains")
    }

    public func covers(_ other: Geometry) throws(GEOSError) -> Bool {
        try context.check(predicate: GEOSPreparedCovers_r(context.handle, handle, base.handle(sharedWith: other)), "prepared covers")
    }

    public func intersects(_ other: Geometry) throws(GEOSError) -> Bool {
        try context.check(predicate: GEOSPreparedIntersects_r(context.handle, handle, base.handle(sharedWith: other)), "prepared intersects")
    }

    public func containsProperly(_ other: Geometry) throws(GEOSError) -> Bool {
        try context.check(predicate: GEOSPreparedContainsProperly_r(context.handle, handle, base.handle(sharedWith: other)), "prepared contains properly")
    }

    public func within(_ other: Geometry) throws(GEOSError) -> Bool {
        try context.check(predicate: GEOSPreparedWithin_r(context.handle, handle, base.handle(sharedWith: other)), "prepared within")
    }

    public func distance(to other: Geometry) throws(GEOSError) -> Double {
        var value = 0.0
        try context.check(status: GEOSPreparedDistance_r(context.handle, handle, base.handle(sharedWith: other), &value), "prepared distance")
        return value
    }
}
