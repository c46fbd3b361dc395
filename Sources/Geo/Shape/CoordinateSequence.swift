/// Positions stored contiguously, x y[ z] interleaved, so they go to GEOS
/// and PROJ in one call.
///
/// A sequence read with both 2D and 3D positions has `hasZ` and NaN as the
/// z of its 2D positions; `hasMixedDimensions` tells.
public struct CoordinateSequence: Sendable, Hashable {
    public var values: [Double]
    public let hasZ: Bool

    public init(values: [Double] = [], hasZ: Bool = false) {
        self.values = values
        self.hasZ = hasZ
    }

    public init(_ positions: [Position]) {
        let hasZ = positions.contains { $0.z != nil }
        var values: [Double] = []
        values.reserveCapacity(positions.count * (hasZ ? 3 : 2))
        for position in positions {
            values.append(position.x)
            values.append(position.y)
            if hasZ { values.append(position.z ?? .nan) }
        }
        self.init(values: values, hasZ: hasZ)
    }

    public var dimension: Int { hasZ ? 3 : 2 }
    public var count: Int { values.count / dimension }
    public var isEmpty: Bool { values.isEmpty }

    public subscript(index: Int) -> Position {
        let base = index * dimension
        let z = hasZ ? values[base + 2] : nil
        return Position(x: values[base], y: values[base + 1], z: z.flatMap { $0.isNaN ? nil : $0 })
    }

    public var positions: [Position] { (0..<count).map { self[$0] } }

    /// A closed ring ends where it starts.
    public var isClosed: Bool {
        guard count > 0 else { return true }
        let first = self[0], last = self[count - 1]
        return first.x == last.x && first.y == last.y
    }

    public var hasMixedDimensions: Bool {
        guard hasZ else { return false }
        var sawZ = false, sawNoZ = false
        for index in stride(from: 2, to: values.count, by: 3) {
            if values[index].isNaN { sawNoZ = true } else { sawZ = true }
        }
        return sawZ && sawNoZ
    }
}
