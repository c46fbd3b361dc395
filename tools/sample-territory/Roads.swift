import Foundation
import Geo

/// A road network: trunk roads joining the municipal seats (a minimum
/// spanning tree plus a few loops), secondary roads from every parish to
/// its seat, local roads between neighbouring parishes and into the
/// middle of each parish. Noded by GEOS, so
/// roads meet at nodes wherever they cross; each piece keeps the best
/// class of the roads it came from.
enum Roads {
    struct Road {
        let from: Position
        let to: Position
        let roadClass: String
    }

    static let speeds: [String: Int] = ["primary": 80, "secondary": 60, "tertiary": 40]

    static func make(_ boundaries: Boundaries) throws -> [Feature] {
        let parishes = boundaries.parishes
        let seats = boundaries.seats.map { parishes[$0].seed }
        var roads: [Road] = []
        // Trunk roads: Prim's minimum spanning tree over the seats, then the
        // three shortest remaining links, for loops.
        var inTree = [0]
        var links: Set<[Int]> = []
        while inTree.count < seats.count {
            var best: (Int, Int, Double)?
            for a in inTree {
                for b in seats.indices where !inTree.contains(b) {
                    let d = Boundaries.distance(seats[a], seats[b])
                    if best == nil || d < best!.2 { best = (a, b, d) }
                }
            }
            inTree.append(best!.1)
            links.insert([min(best!.0, best!.1), max(best!.0, best!.1)])
        }
        var extra = seats.indices.flatMap { a in seats.indices.filter { $0 > a }.map { [a, $0] } }
            .filter { !links.contains($0) }
            .sorted { Boundaries.distance(seats[$0[0]], seats[$0[1]]) < Boundaries.distance(seats[$1[0]], seats[$1[1]]) }
        extra = Array(extra.prefix(3))
        for link in links.sorted(by: { $0.lexicographicallyPrecedes($1) }) + extra {
            roads.append(Road(from: seats[link[0]], to: seats[link[1]], roadClass: "primary"))
        }
        for parish in parishes where !boundaries.seats.contains(where: { parishes[$0].seed == parish.seed }) {
            roads.append(Road(from: parish.seed, to: seats[parish.municipality], roadClass: "secondary"))
        }
        var neighbours: Set<[Int]> = []
        for (index, parish) in parishes.enumerated() {
            let nearest = parishes.indices.filter { $0 != index }
                .sorted { Boundaries.distance(parish.seed, parishes[$0].seed) < Boundaries.distance(parish.seed, parishes[$1].seed) }
            for other in nearest.prefix(2) { neighbours.insert([min(index, other), max(index, other)]) }
        }
        for pair in neighbours.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            roads.append(Road(from: parishes[pair[0]].seed, to: parishes[pair[1]].seed, roadClass: "tertiary"))
        }

        // A local road from each parish's seed to the middle of the parish
        // (the point GEOS puts on its surface, where analyses place the
        // parish), so that no parish lies far from a road.
        for parish in parishes {
            let middle = try Geometry(parish.cell).pointOnSurface().position!
            if Boundaries.distance(parish.seed, middle) > 300 {
                roads.append(Road(from: parish.seed, to: middle, roadClass: "tertiary"))
            }
        }

        // Node everything together, then give each piece its best class.
        let lines = try roads.map { try Geometry(.lineString(CoordinateSequence([$0.from, $0.to]))) }
        let noded = try Geometry.collection(lines).noded()
        let index = try SpatialIndex(lines)
        let rank = ["primary": 0, "secondary": 1, "tertiary": 2]
        var features: [Feature] = []
        for piece in noded.parts {
            guard case .lineString(let sequence) = piece.shape, sequence.count >= 2 else { continue }
            let middle = try piece.interpolatedMidpoint()
            let classes = try index.query(middle).filter { try lines[$0].distance(to: middle) < 1e-6 }.map { roads[$0].roadClass }
            let best = classes.min { rank[$0]! < rank[$1]! } ?? "tertiary"
            let id = String(format: "R%04d", features.count + 1)
            features.append(Feature(id: .string(id), geometry: .lineString(sequence), properties: [
                "id": .string(id), "highway": .string(best), "maxspeed": .number(speeds[best]!), "oneway": "no",
            ]))
        }
        return features
    }
}

extension Geometry {
    /// The point halfway along a two-point line.
    func interpolatedMidpoint() throws -> Geometry {
        guard case .lineString(let sequence) = shape else { return try centroid() }
        let a = sequence[0], b = sequence[sequence.count - 1]
        return try Geometry(.point(Position(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2)), context: context)
    }
}
