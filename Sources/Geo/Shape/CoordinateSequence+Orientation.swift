extension CoordinateSequence {
    /// The area a closed ring encloses, in the square of its
    /// units, positive when it runs counter-clockwise (x east, y north) and
    /// negative when clockwise, by the shoelace formula on coordinates taken
    /// relative to the first position (fewer digits lost far from the
    /// origin); 0 for a ring of fewer than 4 positions or not closed.
    public var signedArea: Double {
        guard count >= 4, isClosed else { return 0 }
        let step = dimension
        let x0 = values[0], y0 = values[1]
        var twice = 0.0
        var previousX = 0.0, previousY = 0.0
        var base = step
        while base < values.count {
            let x = values[base] - x0, y = values[base + 1] - y0
            twice += previousX * y - x * previousY
            previousX = x
            previousY = y
            base += step
        }
        return twice / 2
    }

    /// Whether a closed ring runs counter-clockwise: its signed area is
    /// positive (negative: clockwise); nil when the ring is too short or
    /// not closed to have an orientation. A ring enclosing no area (flat,
    /// or a figure of eight whose loops cancel) is decided as GEOS decides
    /// it, by the cap at its highest point, so the writer's bytes are
    /// those it wrote when it asked GEOS.
    public var isCounterClockwise: Bool? {
        guard count >= 4, isClosed else { return nil }
        let area = signedArea
        if area > 0 { return true }
        if area < 0 { return false }
        return isCounterClockwiseAtTheTop
    }

    /// GEOS's `Orientation::isCCW`: the turn at the highest point of the
    /// ring, or the direction of a flat top; false for a flat ring.
    private var isCounterClockwiseAtTheTop: Bool {
        let n = count - 1
        func x(_ i: Int) -> Double { values[i * dimension] }
        func y(_ i: Int) -> Double { values[i * dimension + 1] }
        func same(_ a: Int, _ b: Int) -> Bool { x(a) == x(b) && y(a) == y(b) }
        var upHigh = 0, upLow = 0
        var previousY = y(0)
        for i in 1...n {
            let py = y(i)
            if py > previousY && py >= y(upHigh) {
                upHigh = i
                upLow = i - 1
            }
            previousY = py
        }
        if upHigh == 0 { return false }
        var downLow = upHigh
        repeat { downLow = (downLow + 1) % n } while downLow != upHigh && y(downLow) == y(upHigh)
        let downHigh = downLow > 0 ? downLow - 1 : n - 1
        guard same(upHigh, downHigh) else { return x(downHigh) - x(upHigh) < 0 }
        if same(upLow, upHigh) || same(downLow, upHigh) || same(upLow, downLow) { return false }
        let turn = (x(upHigh) - x(upLow)) * (y(downLow) - y(upLow)) - (y(upHigh) - y(upLow)) * (x(downLow) - x(upLow))
        return turn > 0
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
    func oriented(exterior: Bool) -> CoordinateSequence {
        guard let counterClockwise = isCounterClockwise else { return self }
        return counterClockwise == exterior ? self : reversed()
    }
}

extension Shape {
    /// Exterior rings counter-clockwise and holes clockwise (RFC 7946).
    public func orientedForGeoJSON() -> Shape {
        switch self {
        case .polygon(let rings):
            return .polygon(Self.orient(rings))
        case .multiPolygon(let polygons):
            return .multiPolygon(polygons.map(Self.orient))
        case .geometryCollection(let members):
            return .geometryCollection(members.map { $0.orientedForGeoJSON() })
        default:
            return self
        }
    }

    private static func orient(_ rings: [CoordinateSequence]) -> [CoordinateSequence] {
        rings.enumerated().map { index, ring in ring.oriented(exterior: index == 0) }
    }
}
