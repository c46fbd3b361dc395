import CGEOS

extension Geometry {
    /// Area in the square units of the coordinates: square metres in a
    /// projected CRS. Project first; degrees squared mean nothing.
    public func area() throws(GEOSError) -> Double {
        var value = 0.0
        try context.check(status: GEOSArea_r(context.handle, handle, &value), "area")
        return value
    }

    /// Length of lines, or perimeter of polygons, in coordinate units.
    public func length() throws(GEOSError) -> Double {
        var value = 0.0
        try context.check(status: GEOSLength_r(context.handle, handle, &value), "length")
        return value
    }

    public func distance(to other: Geometry) throws(GEOSError) -> Double {
        var value = 0.0
        try context.check(status: GEOSDistance_r(context.handle, handle, handle(sharedWith: other), &value), "distance")
        return value
    }

    /// The closest point of this geometry and of `other`, in that order.
    public func nearestPoints(to other: Geometry) throws(GEOSError) -> (Position, Position) {
        let c = context.handle
        guard let sequence = GEOSNearestPoints_r(c, handle, handle(sharedWith: other)) else {
            throw context.takeError(operation: "nearest points")
        }
        defer { GEOSCoordSeq_destroy_r(c, sequence) }
        var xy = [Double](repeating: 0, count: 4)
        try context.check(status: GEOSCoordSeq_copyToBuffer_r(c, sequence, &xy, 0, 0), "nearest points")
        return (Position(x: xy[0], y: xy[1]), Position(x: xy[2], y: xy[3]))
    }

    public func envelope() throws(GEOSError) -> Envelope? {
        guard !isEmpty else { return nil }
        var minX = 0.0, minY = 0.0, maxX = 0.0, maxY = 0.0
        try context.check(status: GEOSGeom_getExtent_r(context.handle, handle, &minX, &minY, &maxX, &maxY), "envelope")
        return Envelope(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
    }

    public func centroid() throws(GEOSError) -> Geometry {
        try make(GEOSGetCentroid_r(context.handle, handle), "centroid")
    }

    /// A point guaranteed to lie inside the geometry.
    public func pointOnSurface() throws(GEOSError) -> Geometry {
        try make(GEOSPointOnSurface_r(context.handle, handle), "point on surface")
    }

    /// The position of a point geometry; nil when it is empty.
    public var position: Position? {
        guard type == .point, case .point(let position) = shape else { return nil }
        return position
    }
}
