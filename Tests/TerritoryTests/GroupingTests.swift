import Foundation
import Testing
@testable import Geo
@testable import Territory

@Suite struct GroupingTests {
    static let crs = CRS("EPSG:32619")

    /// A 3 x 3 grid of 1 km squares numbered row by row, 100 people each,
    /// and optionally a tenth square far to the east.
    static func squares(withIsland: Bool = false, gap: Double = 0) -> [Geometry] {
        var cells: [(Double, Double)] = (0..<9).map { (Double($0 % 3) * (1000 + gap), Double($0 / 3) * (1000 + gap)) }
        if withIsland { cells.append((9000, 0)) }
        return cells.map { x, y in try! Geometry(Envelope(minX: 600_000 + x, minY: 1_100_000 + y, maxX: 601_000 + x, maxY: 1_101_000 + y).shape) }
    }

    static func layer(_ geometries: [Geometry]) -> Layer {
        Layer(features: geometries.enumerated().map { index, geometry in
            Feature(id: .string("U\(index)"), geometry: geometry.shape, properties: ["population": 100])
        }, crs: crs)
    }

    /// The study of the grid's squares grouped by `grouping`, with travel
    /// times along `roads` when given.
    static func study(_ grouping: Grouping, roads: RoadGraph? = nil) throws -> Study {
        try Study(territories: try StudyTerritories(layer(squares()), file: "<squares>"), grouping: grouping,
                  travel: try roads.map { try TravelTimes(graph: $0) })
    }

    @Test func rookAndQueenNeighbours() throws {
        let rook = try Contiguity(Self.squares(), rule: .rook)
        let queen = try Contiguity(Self.squares(), rule: .queen)
        #expect(rook.neighbours[4] == [1, 3, 5, 7])
        #expect(queen.neighbours[4] == [0, 1, 2, 3, 5, 6, 7, 8])
        #expect(rook.neighbours[0] == [1, 3])
        #expect(queen.neighbours[0] == [1, 3, 4])
        #expect(rook.components(of: [0, 8]) == [[0], [8]])
        #expect(queen.components(of: [0, 4, 8]) == [[0, 4, 8]])
    }

    @Test func islandsFollowThePolicy() throws {
        let squares = Self.squares(withIsland: true)
        #expect(try Contiguity(squares, islands: .own).neighbours[9] == [])
        #expect(try Contiguity(squares, islands: .joinNearest).neighbours[9] == [2])
        #expect(throws: ContiguityError.self) { try Contiguity(squares, islands: .error) }
        #expect(try Contiguity(squares, islands: .own).islands == [9])
    }

    @Test func snapBridgesSmallGaps() throws {
        let gapped = Self.squares(gap: 5)
        #expect(try Contiguity(gapped, rule: .rook, islands: .own).neighbours[4].isEmpty)
        #expect(try Contiguity(gapped, rule: .rook, snap: 10, islands: .own).neighbours[4] == [1, 3, 5, 7])
    }

    @Test func evaluateRowsAndAScatteredCircuit() throws {
        let rows = Grouping(rows: (0..<9).map { Grouping.Row(line: $0 + 2, territory: "U\($0)", circuit: $0 == 4 ? "D" : ["R0", "R1", "R2"][$0 / 3]) }
            + [Grouping.Row(line: 20, territory: "U4", circuit: "D")])
        let evaluation = try GroupingEvaluation(Self.study(rows))
        let byID = Dictionary(uniqueKeysWithValues: evaluation.circuits.map { ($0.id, $0) })
        // A 3 x 1 km strip: 4 pi 3 / 8² = 0.589.
        #expect(abs(byID["R0"]!.compactness - 12 * Double.pi / 64) < 1e-9)
        #expect(byID["R0"]!.contiguous)
        // R1 lost its middle square to D: two parts.
        #expect(byID["R1"]!.components == [["U3"], ["U5"]])
        #expect(byID["R1"]!.population == 200)
        #expect(byID["D"]!.population == 100)
        // R0's people sit 1 km either side of its centre or on it: mean trip 2/3 km.
        #expect(abs(byID["R0"]!.meanTripKm - 2.0 / 3) < 1e-9)
        #expect(byID["R0"]!.meanTripMinutes == nil)
    }

    @Test func meanTripAlongARoad() throws {
        // A 60 km/h road along the middle of the bottom row: a kilometre a minute.
        let road = Layer(features: [Feature(geometry: .lineString(CoordinateSequence([
            Position(x: 600_000, y: 1_100_500), Position(x: 603_000, y: 1_100_500)])), properties: ["maxspeed": 60])], crs: Self.crs)
        let rows = Grouping(rows: (0..<9).map { Grouping.Row(line: $0 + 2, territory: "U\($0)", circuit: ["R0", "R1", "R2"][$0 / 3]) })
        // Centres on the road: no leg off it.
        let evaluation = try GroupingEvaluation(Self.study(rows, roads: try RoadGraph(roads: road, crs: Self.crs)))
        #expect(abs(evaluation.circuits[0].meanTripMinutes! - 2.0 / 3) < 1e-9)
    }
}

@Suite struct GroupingFileTests {
    @Test func aSpreadsheetsQuotedExportReads() throws {
        let text = "\u{FEFF}\"territory_code\";\"circuit_id\"\r\n\"P-1\";\"Circuito Norte; Alto\"\r\n\r\n\"P-2\";\"C2\"\r\n"
        let grouping = try Grouping.parse(text, name: "g.csv")
        #expect(grouping.rows.map(\.territory) == ["P-1", "P-2"])
        #expect(grouping.rows.map(\.circuit) == ["Circuito Norte; Alto", "C2"])
        #expect(grouping.rows.map(\.line) == [2, 4])
    }

    @Test func writtenGroupingsQuoteCodesWithCommas() throws {
        let grouping = Grouping(rows: [.init(line: 2, territory: "Lara, Torres", circuit: "C1")])
        #expect(grouping.csv == "territory_code,circuit_id\n\"Lara, Torres\",C1\n")
        #expect(try Grouping.parse(grouping.csv, name: "g.csv").rows.map(\.territory) == ["Lara, Torres"])
    }
}
