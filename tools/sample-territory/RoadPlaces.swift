import Foundation
import Geo

/// Points beside the roads of each parish: a registry's actors stand along
/// roads, not in the middle of a field far from any track.
struct RoadPlaces {
    struct Piece {
        let a: Position
        let b: Position
        let length: Double
    }

    /// The road pieces inside each parish, and each parish's area.
    let pieces: [[Piece]]
    let areas: [Double]
    private let cells: [PreparedGeometry]

    init(parishes: [Boundaries.Parish], roads: [Feature]) throws {
        let lines = try roads.compactMap { feature -> Geometry? in
            guard let shape = feature.geometry, case .lineString = shape else { return nil }
            return try Geometry(shape)
        }
        let network = try Geometry.collection(lines)
        var pieces: [[Piece]] = []
        for parish in parishes {
            let inside = try network.intersection(try Geometry(parish.cell))
            var found: [Piece] = []
            for part in Self.lineStrings(inside.shape) {
                for index in 1..<part.count {
                    let a = part[index - 1], b = part[index]
                    let length = Boundaries.distance(a, b)
                    if length > 0 { found.append(Piece(a: a, b: b, length: length)) }
                }
            }
            // Every parish has its seed on a road; a parish with no piece
            // inside would be a bug of the road network.
            precondition(!found.isEmpty, "parish \(parish.code) has no road")
            pieces.append(found)
        }
        self.pieces = pieces
        areas = try parishes.map { try Geometry($0.cell).area() }
        cells = try parishes.map { try PreparedGeometry(Geometry($0.cell)) }
    }

    /// A point in the parish at most `within` metres to one side of one of
    /// its roads, the road drawn by length.
    func point(in parish: Int, within: Double, random: inout SeededRandom) throws -> Position {
        let roads = pieces[parish]
        while true {
            let piece = roads[random.weighted(roads.map(\.length))]
            let along = random.unit()
            let side = random.uniform(-within, within)
            let dx = (piece.b.x - piece.a.x) / piece.length, dy = (piece.b.y - piece.a.y) / piece.length
            let point = Position(x: piece.a.x + along * (piece.b.x - piece.a.x) - side * dy,
                                 y: piece.a.y + along * (piece.b.y - piece.a.y) + side * dx)
            if try cells[parish].contains(try Geometry(.point(point))) { return point }
        }
    }

    static func lineStrings(_ shape: Shape) -> [[Position]] {
        switch shape {
        case .lineString(let sequence): [sequence.positions]
        case .multiLineString(let parts): parts.map(\.positions)
        case .geometryCollection(let members): members.flatMap(lineStrings)
        default: []
        }
    }
}
