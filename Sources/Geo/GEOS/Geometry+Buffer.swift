import CGEOS

/// How a buffer rounds its ends and corners.
public struct BufferStyle: Sendable, Hashable {
    public enum Cap: Int32, Sendable { case round = 1, flat = 2, square = 3 }
    public enum Join: Int32, Sendable { case round = 1, mitre = 2, bevel = 3 }

    /// Segments used to approximate a quarter circle.
    public var quadrantSegments: Int = 8
    public var cap: Cap = .round
    public var join: Join = .round
    public var mitreLimit: Double = 5
    public var singleSided = false

    public init(quadrantSegments: Int = 8, cap: Cap = .round, join: Join = .round, mitreLimit: Double = 5, singleSided: Bool = false) {
        self.quadrantSegments = quadrantSegments
        self.cap = cap
        self.join = join
        self.mitreLimit = mitreLimit
        self.singleSided = singleSided
    }
}

extension Geometry {
    /// The area within `distance` of the geometry (negative shrinks
    /// polygons), in coordinate units.
    public func buffer(_ distance: Double, style: BufferStyle = BufferStyle()) throws(GEOSError) -> Geometry {
        let c = context.handle
        guard let parameters = GEOSBufferParams_create_r(c) else { throw context.takeError(operation: "buffer parameters") }
        defer { GEOSBufferParams_destroy_r(c, parameters) }
        GEOSBufferParams_setQuadrantSegments_r(c, parameters, Int32(style.quadrantSegments))
        GEOSBufferParams_setEndCapStyle_r(c, parameters, style.cap.rawValue)
        GEOSBufferParams_setJoinStyle_r(c, parameters, style.join.rawValue)
        GEOSBufferParams_setMitreLimit_r(c, parameters, style.mitreLimit)
        GEOSBufferParams_setSingleSided_r(c, parameters, style.singleSided ? 1 : 0)
        return try make(GEOSBufferWithParams_r(c, handle, parameters, distance), "buffer")
    }
}
