import CGEOS

extension Geometry {
    public func intersection(_ other: Geometry) throws(GEOSError) -> Geometry {
        try make(GEOSIntersection_r(context.handle, handle, handle(sharedWith: other)), "intersection")
    }

    public func difference(_ other: Geometry) throws(GEOSError) -> Geometry {
        try make(GEOSDifference_r(context.handle, handle, handle(sharedWith: other)), "difference")
    }

    public func union(_ other: Geometry) throws(GEOSError) -> Geometry {
        try make(GEOSUnion_r(context.handle, handle, handle(sharedWith: other)), "union")
    }

    public func symmetricDifference(_ other: Geometry) throws(GEOSError) -> Geometry {
        try make(GEOSSymDifference_r(context.handle, handle, handle(sharedWith: other)), "symmetric difference")
    }

    /// The union of all the parts of this geometry.
    public func unaryUnion() throws(GEOSError) -> Geometry {
        try make(GEOSUnaryUnion_r(context.handle, handle), "unary union")
    }

    /// Union of polygons that form a clean coverage: they meet edge to edge
    /// and never overlap. Much faster than `unaryUnion`, but GEOS 3.11
    /// returns a wrong area without an error when the parts overlap: check
    /// the coverage first, or use `unaryUnion`.
    public func coverageUnion() throws(GEOSError) -> Geometry {
        try make(GEOSCoverageUnion_r(context.handle, handle), "coverage union")
    }

    /// A collection of the given geometries' copies.
    public static func collection(_ members: [Geometry], context: GEOSContext = .current) throws(GEOSError) -> Geometry {
        let c = context.handle
        var copies: [OpaquePointer?] = []
        for member in members {
            assert(member.context === context, "a collection of geometries of two contexts; pass Shapes between threads")
            guard let copy = GEOSGeom_clone_r(c, member.handle) else {
                copies.forEach { GEOSGeom_destroy_r(c, $0) }
                throw context.takeError(operation: "collection")
            }
            copies.append(copy)
        }
        let result = copies.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createCollection_r(c, Int32(GEOS_GEOMETRYCOLLECTION.rawValue), buffer.baseAddress, UInt32(buffer.count))
        }
        return Geometry(owning: try context.check(result, "collection"), context: context)
    }

    /// The union of many geometries in one GEOS call.
    public static func union(_ members: [Geometry], context: GEOSContext = .current) throws(GEOSError) -> Geometry {
        try collection(members, context: context).unaryUnion()
    }
}
