import Foundation
import Geo

/// The fictional state: an irregular outline tiled by parishes (Voronoi
/// cells of seeds clustered around three towns), grouped into
/// municipalities (the parishes nearest each municipal seat), all in
/// metres (UTM 19N).
struct Boundaries {
    static let center = Position(x: 609_600, y: 1_105_700)  // about 68° W, 10° N
    static let urbanCenters = [Position(x: 596_000, y: 1_118_000), Position(x: 628_000, y: 1_099_000), Position(x: 604_000, y: 1_082_000)]

    struct Parish {
        var seed: Position
        var cell: Shape
        var municipality = 0
        var code = ""
        var name = ""
        var population = 0
        var urban: Bool
    }

    var outline: Shape
    var parishes: [Parish]
    var seats: [Int]  // the parish index of each municipality's seat

    init(random: inout SeededRandom, parishCount: Int = 150, municipalityCount: Int = 15) throws {
        outline = Self.outline(&random)
        let outlineGeometry = try Geometry(outline)
        let prepared = try PreparedGeometry(outlineGeometry)
        var seeds: [(Position, Bool)] = []
        for center in Self.urbanCenters {
            var placed = 0
            while placed < 12 {
                let seed = Position(x: center.x + 3_500 * random.normal(), y: center.y + 3_500 * random.normal())
                if try prepared.contains(try Geometry(.point(seed))) { seeds.append((seed, true)); placed += 1 }
            }
        }
        let envelope = try outlineGeometry.envelope()!
        while seeds.count < parishCount {
            let seed = Position(x: random.uniform(envelope.minX, envelope.maxX), y: random.uniform(envelope.minY, envelope.maxY))
            let nearTown = Self.urbanCenters.contains { hypot($0.x - seed.x, $0.y - seed.y) < 12_000 }
            if !nearTown, try prepared.contains(try Geometry(.point(seed))) { seeds.append((seed, false)) }
        }

        // Voronoi cells, clipped to the outline, matched back to their seeds.
        let cells = try Geometry(.multiPoint(CoordinateSequence(seeds.map(\.0)))).voronoiDiagram(clip: envelope)
        let clipped = try cells.parts.map { try $0.intersection(outlineGeometry) }
        let locator = try PolygonLocator(clipped)
        parishes = try seeds.map { seed, urban in
            let cell = try locator.locate(x: seed.x, y: seed.y)!
            return Parish(seed: seed, cell: clipped[cell].shape, urban: urban)
        }

        // Municipal seats: the three towns' first parishes, then the
        // parishes farthest from every seat chosen so far.
        seats = [0, 12, 24]
        while seats.count < municipalityCount {
            let farthest = parishes.indices.max { a, b in
                Self.distanceToNearest(parishes[a].seed, seats.map { parishes[$0].seed })
                    < Self.distanceToNearest(parishes[b].seed, seats.map { parishes[$0].seed })
            }!
            seats.append(farthest)
        }
        for index in parishes.indices {
            let seed = parishes[index].seed
            parishes[index].municipality = seats.indices.min { a, b in
                Self.distance(seed, parishes[seats[a]].seed) < Self.distance(seed, parishes[seats[b]].seed)
            }!
        }
        // Municipalities numbered north-west first; parishes west to east within each.
        let order = seats.indices.sorted { a, b in
            let p = parishes[seats[a]].seed, q = parishes[seats[b]].seed
            return (-p.y.rounded(), p.x) < (-q.y.rounded(), q.x)
        }
        var renumber = [Int](repeating: 0, count: seats.count)
        for (number, municipality) in order.enumerated() { renumber[municipality] = number }
        seats = order.map { seats[$0] }
        for index in parishes.indices { parishes[index].municipality = renumber[parishes[index].municipality] }
        var nameIndex = 0
        for municipality in seats.indices {
            let members = parishes.indices.filter { parishes[$0].municipality == municipality }
                .sorted { parishes[$0].seed.x < parishes[$1].seed.x }
            for (number, index) in members.enumerated() {
                parishes[index].code = String(format: "EM%02d%02d", municipality + 1, number + 1)
                parishes[index].name = Names.parish(nameIndex)
                nameIndex += 1
                parishes[index].population = parishes[index].urban
                    ? Int(random.logUniform(15_000, 95_000)) : Int(random.logUniform(700, 9_000))
            }
        }
        // The story municipalities (Story.swift): the seat's parish grows
        // into a market town, the rest of the municipality as drawn.
        for (municipality, people) in Story.populations {
            let seat = seats[municipality]
            let drawn = parishes.filter { $0.municipality == municipality }.reduce(0) { $0 + $1.population }
            parishes[seat].population += people - drawn
            parishes[seat].urban = true
        }
    }

    /// A rounded, irregular outline about 110 km across.
    static func outline(_ random: inout SeededRandom) -> Shape {
        let phase1 = random.uniform(0, 2 * .pi), phase2 = random.uniform(0, 2 * .pi)
        var values: [Double] = []
        for step in 0...96 {
            let angle = Double(step % 96) / 96 * 2 * .pi
            let radius = 55_000 * (1 + 0.12 * sin(3 * angle + phase1) + 0.06 * sin(7 * angle + phase2))
            values += [center.x + radius * cos(angle), center.y + 0.8 * radius * sin(angle)]
        }
        return .polygon([CoordinateSequence(values: values)])
    }

    static func distance(_ a: Position, _ b: Position) -> Double { hypot(a.x - b.x, a.y - b.y) }

    static func distanceToNearest(_ point: Position, _ others: [Position]) -> Double {
        others.map { distance(point, $0) }.min() ?? .infinity
    }
}
