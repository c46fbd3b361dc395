import CGEOS

extension CoordinateSequence {
    /// Whether a closed ring runs counter-clockwise, by GEOS; nil when the
    /// ring is too short or not closed to have an orientation.
    public func isCounterClockwise(context: GEOSContext = .current) -> Bool? {
        guard count >= 4, isClosed else { return nil }
        let c = context.handle
        let sequence = values.withUnsafeBufferPointer { buffer in
            GEOSCoordSeq_copyFromBuffer_r(c, buffer.baseAddress, UInt32(count), hasZ ? 1 : 0, 0)
        }
        guard let sequence else { return nil }
        defer { GEOSCoordSeq_destroy_r(c, sequence) }
        var counterClockwise: CChar = 0
        guard GEOSCoordSeq_isCCW_r(c, sequence, &counterClockwise) == 1 else { return nil }
        return counterClockwise == 1
    }

    /// The same positions in reverse order.
    public func reversed() -> CoordinateSequence {
        var reversed: [Double] = []
        reversed.reserveCapacity(values.count)
        for index in stride(from: count - 1, through: 0, by: -1) {
            let base = index * dimension
            reversed.append(contentsOf: values[base..<(base + dimension)])
        }
        return CoordinateSequence(values: reversed, hasZ: hasZ)
    }

    /// Oriented as RFC 7946 asks: counter-clockwise for an exterior ring,
    /// clockwise for a hole.
    func oriented(exterior: Bool, context: GEOSContext) -> CoordinateSequence {
        guard let counterClockwise = isCounterClockwise(context: context) else { return self }
        return counterClockwise == exterior ? self : reversed()
    }
}

extension Shape {
    /// Exterior rings counter-clockwise and holes clockwise (RFC 7946).
    public func orientedForGeoJSON(context: GEOSContext = .current) -> Shape {
        switch self {
        case .polygon(let rings):
            return .polygon(Self.orient(rings, context))
        case .multiPolygon(let polygons):
            return .multiPolygon(polygons.map { Self.orient($0, context) })
        case .geometryCollection(let members):
            return .geometryCollection(members.map { $0.orientedForGeoJSON(context: context) })
        default:
            return self
        }
    }

    private static func orient(_ rings: [CoordinateSequence], _ context: GEOSContext) -> [CoordinateSequence] {
        rings.enumerated().map { index, ring in ring.oriented(exterior: index == 0, context: context) }
    }
}
