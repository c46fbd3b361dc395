import Foundation
import Testing
@testable import Geo
@testable import Territory

/// Coverage works out circuits on every core (issue 23: 336 circuits of
/// national data); each must come back in the grouping's order with the
/// figures it has on its own.
@Suite struct CoverageCircuitsInParallelTests {
    /// A 6 x 6 grid of 1 km squares, 1,000 people each, grouped in pairs
    /// (P0+P1 is C01, ...): 18 circuits, enough for more than one worker.
    /// Every third circuit has a shop at the centre of its first square.
    static func study() throws -> (Study, Grouping) {
        let metric = CRS("EPSG:32619")
        let parishes = Layer(features: (0..<36).map { index in
            let x = 600_000 + Double(index % 6) * 1000, y = 1_100_000 + Double(index / 6) * 1000
            return Feature(id: .string("P\(index)"), geometry: Envelope(minX: x, minY: y, maxX: x + 1000, maxY: y + 1000).shape,
                           properties: ["population": 1000])
        }, crs: metric)
        // Rows listed from the last circuit to the first: order is the grouping's, not the codes'.
        let grouping = Grouping(rows: (0..<36).reversed().map {
            Grouping.Row(line: 37 - $0, territory: "P\($0)", circuit: String(format: "C%02d", $0 / 2 + 1))
        })
        let shops = stride(from: 0, to: 36, by: 6).map { parish in
            Feature(geometry: .point(Position(x: 600_000 + Double(parish % 6) * 1000 + 500, y: 1_100_000 + Double(parish / 6) * 1000 + 500)),
                    properties: ["product": "cheese", "stage": "retail", "capacity": 1, "unit": "t/month", "owner": "circuit"])
        }
        let territories = try StudyTerritories(parishes, file: "<parishes>")
        let study = try Study(territories: territories, sites: try StudySites(Layer(features: shops, crs: metric), file: "<sites>", in: territories),
                              chains: [CircuitCoverageTests.chain], grouping: grouping, groupingFile: "<grouping>")
        return (study, grouping)
    }

    @Test func circuitsInTheGroupingsOrderWithTheirOwnFigures() throws {
        let (study, grouping) = try Self.study()
        var coverage = CircuitCoverage()
        coverage.radius = 500
        let result = try coverage.run(study)
        #expect(result.circuits.map(\.id) == grouping.circuits)
        #expect(result.circuits.first?.id == "C18")
        // A disc of 500 m drawn with 64 sides: 0.5 x 64 x 500² x sin(2π/64)
        // = 784,137 m², in a square of 1,000 people per km².
        let disc = 0.5 * 64 * 500 * 500 * sin(2 * Double.pi / 64)
        for circuit in result.circuits {
            let number = Int(circuit.id.dropFirst())!
            let first = 2 * (number - 1)
            #expect(circuit.territories == ["P\(first)", "P\(first + 1)"])
            #expect(abs(circuit.area - 2_000_000) < 1e-6, "\(circuit.id)")
            #expect(circuit.population == 2000)
            let hasShop = first % 6 == 0
            #expect(abs(circuit.populationNearDistribution - (hasShop ? disc / 1000 : 0)) < 1e-6, "\(circuit.id)")
            #expect(circuit.products[0].stages.first { $0.stage == .retail }?.capacity == (hasShop ? 1 : 0), "\(circuit.id)")
        }
    }
}
