import CGEOS

extension Geometry {
    public func intersects(_ other: Geometry) throws(GEOSError) -> Bool {
        try context.check(predicate: GEOSIntersects_r(context.handle, handle, handle(sharedWith: other)), "intersects")
    }

    public func contains(_ other: Geometry) throws(GEOSError) -> Bool {
        try context.check(predicate: GEOSContains_r(context.handle, handle, handle(sharedWith: other)), "contains")
    }

    public func within(_ other: Geometry) throws(GEOSError) -> Bool {
        try context.check(predicate: GEOSWithin_r(context.handle, handle, handle(sharedWith: other)), "within")
    }

    public func covers(_ other: Geometry) throws(GEOSError) -> Bool {
        try context.check(predicate: GEOSCovers_r(context.handle, handle, handle(sharedWith: other)), "covers")
    }

    public func coveredBy(_ other: Geometry) throws(GEOSError) -> Bool {
        try context.check(predicate: GEOSCoveredBy_r(context.handle, handle, handle(sharedWith: other)), "covered by")
    }

    public func touches(_ other: Geometry) throws(GEOSError) -> Bool {
        try context.check(predicate: GEOSTouches_r(context.handle, handle, handle(sharedWith: other)), "touches")
    }

    public func disjoint(_ other: Geometry) throws(GEOSError) -> Bool {
        try context.check(predicate: GEOSDisjoint_r(context.handle, handle, handle(sharedWith: other)), "disjoint")
    }

    public func overlaps(_ other: Geometry) throws(GEOSError) -> Bool {
        try context.check(predicate: GEOSOverlaps_r(context.handle, handle, handle(sharedWith: other)), "overlaps")
    }

    /// Same point set (topological equality), whatever the vertex order.
    public func equalsTopologically(_ other: Geometry) throws(GEOSError) -> Bool {
        try context.check(predicate: GEOSEquals_r(context.handle, handle, handle(sharedWith: other)), "equals")
    }
}

extension Geometry {
    /// Whether the DE-9IM relation of the two matches `pattern`
    /// ("2********": the interiors share an area).
    public func relate(_ other: Geometry, pattern: String) throws(GEOSError) -> Bool {
        try context.check(predicate: GEOSRelatePattern_r(context.handle, handle, handle(sharedWith: other), pattern), "relate")
    }
}
