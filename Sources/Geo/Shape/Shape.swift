/// A geometry as plain coordinates, in the nesting GeoJSON uses.
///
/// Shapes are values: cheap to read and write, safe to hand to another
/// thread. Geometry work happens in GEOS: `Geometry(shape, context:)` makes
/// one, `Geometry.shape` comes back.
public indirect enum Shape: Sendable, Hashable {
    /// `nil` is the empty point.
    case point(Position?)
    case lineString(CoordinateSequence)
    /// Exterior ring first, then the holes.
    case polygon([CoordinateSequence])
    case multiPoint(CoordinateSequence)
    case multiLineString([CoordinateSequence])
    case multiPolygon([[CoordinateSequence]])
    case geometryCollection([Shape])

    public var type: GeometryType {
        switch self {
        case .point: .point
        case .lineString: .lineString
        case .polygon: .polygon
        case .multiPoint: .multiPoint
        case .multiLineString: .multiLineString
        case .multiPolygon: .multiPolygon
        case .geometryCollection: .geometryCollection
        }
    }

    public var isEmpty: Bool {
        switch self {
        case .point(let position): position == nil
        case .lineString(let sequence), .multiPoint(let sequence): sequence.isEmpty
        case .polygon(let rings), .multiLineString(let rings): rings.allSatisfy(\.isEmpty)
        case .multiPolygon(let polygons): polygons.allSatisfy { $0.allSatisfy(\.isEmpty) }
        case .geometryCollection(let members): members.allSatisfy(\.isEmpty)
        }
    }

    /// Every coordinate sequence of the shape, in order; a point counts as
    /// a sequence of one.
    public var sequences: [CoordinateSequence] {
        switch self {
        case .point(let position): position.map { [CoordinateSequence([$0])] } ?? []
        case .lineString(let sequence), .multiPoint(let sequence): [sequence]
        case .polygon(let rings), .multiLineString(let rings): rings
        case .multiPolygon(let polygons): polygons.flatMap { $0 }
        case .geometryCollection(let members): members.flatMap(\.sequences)
        }
    }

    /// The rings of every polygon in the shape.
    public var rings: [CoordinateSequence] {
        switch self {
        case .polygon(let rings): rings
        case .multiPolygon(let polygons): polygons.flatMap { $0 }
        case .geometryCollection(let members): members.flatMap(\.rings)
        default: []
        }
    }

    public var hasZ: Bool {
        switch self {
        case .point(let position): position?.z != nil
        default: sequences.contains(where: \.hasZ)
        }
    }

    /// The same shape with every coordinate sequence rewritten by `body`.
    public func mapSequences<E: Error>(_ body: (CoordinateSequence) throws(E) -> CoordinateSequence) throws(E) -> Shape {
        switch self {
        case .point(let position):
            guard let position else { return self }
            let mapped = try body(CoordinateSequence([position]))
            return .point(mapped.count > 0 ? mapped[0] : nil)
        case .lineString(let sequence): return .lineString(try body(sequence))
        case .multiPoint(let sequence): return .multiPoint(try body(sequence))
        case .polygon(let rings): return .polygon(try Self.map(rings, body))
        case .multiLineString(let lines): return .multiLineString(try Self.map(lines, body))
        case .multiPolygon(let polygons):
            var mapped: [[CoordinateSequence]] = []
            for rings in polygons { mapped.append(try Self.map(rings, body)) }
            return .multiPolygon(mapped)
        case .geometryCollection(let members): var mapped: [Shape] = []
            for member in members { mapped.append(try member.mapSequences(body)) }
            return .geometryCollection(mapped)
        }
    }

    private static func map<E: Error>(_ sequences: [CoordinateSequence], _ body: (CoordinateSequence) throws(E) -> CoordinateSequence) throws(E) -> [CoordinateSequence] {
        var mapped: [CoordinateSequence] = []
        mapped.reserveCapacity(sequences.count)
        for sequence in sequences { mapped.append(try body(sequence)) }
        return mapped
    }

    /// The smallest envelope around every coordinate, nil when empty.
    public var envelope: Envelope? {
        var envelope: Envelope?
        switch self {
        case .point(let position):
            if let position { envelope = Envelope(minX: position.x, minY: position.y, maxX: position.x, maxY: position.y) }
        default:
            for sequence in sequences { envelope = Envelope.union(envelope, Envelope(covering: sequence)) }
        }
        return envelope
    }
}
