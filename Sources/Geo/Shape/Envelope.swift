/// An axis-aligned rectangle: a bounding box.
public struct Envelope: Sendable, Hashable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// The envelope of a sequence, nil when it is empty.
    public init?(covering sequence: CoordinateSequence) {
        guard !sequence.isEmpty else { return nil }
        var minX = Double.infinity, minY = Double.infinity
        var maxX = -Double.infinity, maxY = -Double.infinity
        sequence.values.withUnsafeBufferPointer { values in
            for base in stride(from: 0, to: values.count, by: sequence.dimension) {
                minX = min(minX, values[base]); maxX = max(maxX, values[base])
                minY = min(minY, values[base + 1]); maxY = max(maxY, values[base + 1])
            }
        }
        self.init(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
    }

    public var width: Double { maxX - minX }
    public var height: Double { maxY - minY }
    public var center: Position { Position(x: (minX + maxX) / 2, y: (minY + maxY) / 2) }

    public func union(_ other: Envelope) -> Envelope {
        Envelope(minX: min(minX, other.minX), minY: min(minY, other.minY),
                 maxX: max(maxX, other.maxX), maxY: max(maxY, other.maxY))
    }

    public static func union(_ a: Envelope?, _ b: Envelope?) -> Envelope? {
        guard let a else { return b }
        guard let b else { return a }
        return a.union(b)
    }

    public func intersects(_ other: Envelope) -> Bool {
        minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
    }

    public func contains(_ position: Position) -> Bool {
        position.x >= minX && position.x <= maxX && position.y >= minY && position.y <= maxY
    }

    /// The four corners as a closed counter-clockwise ring.
    public var shape: Shape {
        .polygon([CoordinateSequence(values: [minX, minY, maxX, minY, maxX, maxY, minX, maxY, minX, minY])])
    }
}
