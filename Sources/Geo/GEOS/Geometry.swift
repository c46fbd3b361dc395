import CGEOS

/// A GEOS geometry. It owns its handle and frees it when it goes away.
///
/// Operations run in the geometry's own context; a geometry must stay on
/// the thread (or task) that owns that context. To move geometry between
/// workers, pass its `Shape`, which is a plain value.
public final class Geometry {
    public let context: GEOSContext
    let handle: OpaquePointer

    init(owning handle: OpaquePointer, context: GEOSContext) {
        self.handle = handle
        self.context = context
    }

    deinit {
        GEOSGeom_destroy_r(context.handle, handle)
    }

    /// `other`'s handle, for an operation run in this geometry's context.
    /// Both geometries of a binary operation must share one context: a
    /// context is used by one thread at a time, and a geometry of another
    /// thread's context handed in here would be two threads in one. Checked
    /// in debug builds (no cost in release).
    @inline(__always)
    func handle(sharedWith other: Geometry) -> OpaquePointer {
        assert(other.context === context, "a binary GEOS operation on geometries of two contexts; pass the other geometry's Shape to this thread instead")
        return other.handle
    }

    /// A new geometry owning `result`, or the GEOS error of `operation`.
    func make(_ result: OpaquePointer?, _ operation: String) throws(GEOSError) -> Geometry {
        Geometry(owning: try context.check(result, operation), context: context)
    }

    public var type: GeometryType {
        GeometryType(geosTypeID: GEOSGeomTypeId_r(context.handle, handle))
    }

    public var isEmpty: Bool { GEOSisEmpty_r(context.handle, handle) == 1 }

    public var hasZ: Bool { GEOSHasZ_r(context.handle, handle) == 1 }

    /// Number of parts of a collection; 1 for a single geometry.
    public var partCount: Int { Int(GEOSGetNumGeometries_r(context.handle, handle)) }

    /// The parts of a collection, each an independent copy.
    public var parts: [Geometry] {
        (0..<partCount).compactMap { index in
            guard let part = GEOSGetGeometryN_r(context.handle, handle, Int32(index)),
                  let copy = GEOSGeom_clone_r(context.handle, part) else { return nil }
            return Geometry(owning: copy, context: context)
        }
    }

    public func copy() throws(GEOSError) -> Geometry {
        try make(GEOSGeom_clone_r(context.handle, handle), "clone")
    }

    /// The same geometry in its normal form: rings start at their least
    /// point, parts are sorted. Two equal geometries normalise alike.
    public func normalized() throws(GEOSError) -> Geometry {
        let result = try copy()
        if GEOSNormalize_r(context.handle, result.handle) != 0 {
            throw context.takeError(operation: "normalize")
        }
        return result
    }
}

extension GeometryType {
    init(geosTypeID: Int32) {
        switch Int(geosTypeID) {
        case Int(GEOS_POINT.rawValue): self = .point
        case Int(GEOS_LINESTRING.rawValue): self = .lineString
        case Int(GEOS_LINEARRING.rawValue): self = .linearRing
        case Int(GEOS_POLYGON.rawValue): self = .polygon
        case Int(GEOS_MULTIPOINT.rawValue): self = .multiPoint
        case Int(GEOS_MULTILINESTRING.rawValue): self = .multiLineString
        case Int(GEOS_MULTIPOLYGON.rawValue): self = .multiPolygon
        default: self = .geometryCollection
        }
    }
}
