import Foundation
import Testing
@testable import Geo
@testable import Territory

/// `coverage`'s "where the surplus goes": tonnes to named circuits from the
/// exact distribution, checked on cases drawn by hand. Vegetables at 10 kg
/// a person a month, grown and eaten; circuits are 1 km squares far apart,
/// so none touches another.
@Suite struct CoverageExchangeTests {
    static let metric = CRS("EPSG:32619")

    static let chain = try! ChainSpec.parse(Data("""
        {"product": "vegetables", "unit": "t/month", "demandKgPerPersonMonth": 10,
         "stages": [{"stage": "primary", "product": "vegetables", "unit": "t/month"},
                    {"stage": "retail", "product": "vegetables", "unit": "t/month"}],
         "skippable": ["retail"]}
        """.utf8), name: "vegetables.json")

    /// A 1 km square `km` kilometres east of the origin, one per circuit.
    static func parish(_ code: String, km: Double, people: Double) -> Feature {
        let x = 600_000 + km * 1000
        return Feature(id: .string(code), geometry: Envelope(minX: x, minY: 1_100_000, maxX: x + 1000, maxY: 1_101_000).shape,
                       properties: ["population": .number(people)])
    }

    /// A farm in the middle of the square `km` kilometres east.
    static func farm(km: Double, tonnes: Double) -> Feature {
        Feature(geometry: .point(Position(x: 600_000 + km * 1000 + 500, y: 1_100_500)), properties: [
            "product": "vegetables", "stage": "primary", "capacity": .number(tonnes), "unit": "t/month", "owner": "circuit",
        ])
    }

    static func study(parishes: [Feature], farms: [Feature], circuits: [String], zoning: Zoning? = nil) throws -> Study {
        let territories = try StudyTerritories(Layer(features: parishes, crs: metric), file: "<parishes>")
        let grouping = Grouping(rows: parishes.indices.map { Grouping.Row(line: $0 + 2, territory: parishes[$0].id!.description, circuit: circuits[$0]) })
        return try Study(territories: territories, sites: try StudySites(Layer(features: farms, crs: metric), file: "<sites>", in: territories),
                         chains: [chain], grouping: grouping, zoning: zoning)
    }

    /// A grows 50 t for 1,000 people (10 t): 40 t of surplus. B, 10 km
    /// away, grows nothing for 6,000 people (60 t). min(40, 60) = 40 t
    /// go from A to B.
    static func twoCircuits() throws -> Study {
        try study(parishes: [parish("PA", km: 0, people: 1000), parish("PB", km: 10, people: 6000)],
                  farms: [farm(km: 0, tonnes: 50)], circuits: ["A", "B"])
    }

    @Test func surplusGoesToACircuitThatDoesNotTouch() throws {
        let study = try Self.twoCircuits()
        #expect(try !study.territories.geometries[0].intersects(study.territories.geometries[1]))
        var coverage = CircuitCoverage()
        coverage.radius = 500
        coverage.exchange = true
        let result = try coverage.run(study)
        let run = try #require(result.exchange(of: "vegetables"))
        #expect(run.optimal)
        #expect(abs(run.delivered - 50) < 1e-9)
        #expect(abs(run.circuits.tonnes(from: "A", to: "B") - 40) < 1e-9)
        #expect(abs(run.circuits.tonnes(from: "A", to: "A") - 10) < 1e-9)
        #expect(run.circuits.tonnes(from: "B", to: "A") == 0)
        let a = try #require(run.circuits.circuit("A")), b = try #require(run.circuits.circuit("B"))
        #expect(abs(a.ownSupplyUsed - 10) < 1e-9 && abs(a.exported - 40) < 1e-9 && a.imported == 0)
        #expect(b.ownSupplyUsed == 0 && b.exported == 0 && abs(b.imported - 40) < 1e-9)
        #expect(abs(run.moved - 40) < 1e-9)

        // The JSON names the circuit and the tonnes; the report too.
        let report = CoverageReport(result)
        guard case .object(let root) = report.json, case .array(let circuits) = root["circuits"],
              case .object(let first) = circuits[0], case .array(let products) = first["products"],
              case .object(let vegetables) = products[0] else { Issue.record("no circuits in the JSON"); return }
        #expect(vegetables["exported_to"] == .array([.object(["circuit_id": "B", "tonnes": 40])]))
        #expect(vegetables["own_supply_used"] == .number(10))
        #expect(vegetables["neighbours_in_deficit"] == nil)
        guard case .array(let exchange) = root["exchange"], case .object(let first) = exchange[0] else { Issue.record("no exchange"); return }
        #expect(first["matrix"] == .array([.object(["from_circuit": "A", "to_circuit": "A", "tonnes": 10]),
                                           .object(["from_circuit": "A", "to_circuit": "B", "tonnes": 40])]))
        let markdown = report.markdown
        #expect(markdown.contains("| A | vegetables | 50.0 | 10.0 | 40.0 | t/month | B 40.0 |"))
        #expect(markdown.contains("| A | B | 40.0 |"))
        #expect(markdown.contains("| B | 0.0 | 0.0 | 40.0 |"))
        let layer = try report.circuits()
        #expect(layer.features[0].properties["vegetables_exported_to"] == "B:40.0")
        #expect(layer.features[1].properties["vegetables_imported_t_month"] == .number(40))
    }

    /// Deficit smaller than the surplus: A grows 50 t for 10 t, B 10 km
    /// away needs 25 t: min(40, 25) = 25 t move, 15 t stay unused.
    @Test func theDeficitCapsWhatMoves() throws {
        let study = try Self.study(parishes: [Self.parish("PA", km: 0, people: 1000), Self.parish("PB", km: 10, people: 2500)],
                                   farms: [Self.farm(km: 0, tonnes: 50)], circuits: ["A", "B"])
        let run = try CoverageExchange(chain: Self.chain, study: study, grouping: study.grouping!)
        #expect(abs(run.circuits.tonnes(from: "A", to: "B") - 25) < 1e-9)
        #expect(abs(run.delivered - 35) < 1e-9)
    }

    /// Zones: A (zone N) as before; B and C (zone S) 10 and 30 km away,
    /// C growing 5 t for 2,000 people (20 t). A's 40 t go to B, nearer
    /// than C; C eats its own 5 t. Zone to zone: N→N 10, N→S 40, S→S 5.
    @Test func zonesAddTheirCircuits() throws {
        let zoning = try Zoning.parse("circuit_id,zone_id\nA,N\nB,S\nC,S\n", name: "zones.csv")
        let study = try Self.study(parishes: [Self.parish("PA", km: 0, people: 1000), Self.parish("PB", km: 10, people: 6000),
                                              Self.parish("PC", km: 30, people: 2000)],
                                   farms: [Self.farm(km: 0, tonnes: 50), Self.farm(km: 30, tonnes: 5)], circuits: ["A", "B", "C"], zoning: zoning)
        let run = try CoverageExchange(chain: Self.chain, study: study, grouping: study.grouping!)
        #expect(abs(run.circuits.tonnes(from: "A", to: "B") - 40) < 1e-9)
        #expect(abs(run.circuits.tonnes(from: "C", to: "C") - 5) < 1e-9)
        let zones = try #require(run.zones)
        #expect(zones.matrix.map(\.from) == ["N", "N", "S"])
        #expect(zones.matrix.map(\.to) == ["N", "S", "S"])
        #expect(zip(zones.matrix.map(\.tonnes), [10.0, 40, 5]).allSatisfy { abs($0 - $1) < 1e-9 })
        let south = try #require(zones.circuit("S"))
        #expect(abs(south.ownSupplyUsed - 5) < 1e-9 && south.exported == 0 && abs(south.imported - 40) < 1e-9)
        #expect(abs(south.delivered - 45) < 1e-9)
    }
}
