import Foundation
import Testing
@testable import Geo
@testable import Territory

@Suite struct CircuitCoverageTests {
    static let metric = CRS("EPSG:32619")
    static let origin = (x: 600_000.0, y: 1_100_000.0)

    /// Nine 1 km squares, 1,000 people each: row 0 is circuit A, row 1 B, row 2 C.
    static let parishes = Layer(features: (0..<9).map { index in
        let x = origin.x + Double(index % 3) * 1000, y = origin.y + Double(index / 3) * 1000
        return Feature(id: .string("P\(index)"), geometry: Envelope(minX: x, minY: y, maxX: x + 1000, maxY: y + 1000).shape,
                       properties: ["population": 1000])
    }, crs: metric)

    static let grouping = Grouping(rows: (0..<9).map { Grouping.Row(line: $0 + 2, territory: "P\($0)", circuit: ["A", "B", "C"][$0 / 3]) })

    static let chain = try! ChainSpec.parse(Data("""
        {"product": "cheese", "demandKgPerPersonMonth": 0.6,
         "stages": [{"stage": "primary", "product": "milk", "unit": "l/month"},
                    {"stage": "collection", "product": "milk", "unit": "l/month"},
                    {"stage": "processing", "yield": 0.0001}, {"stage": "retail"}],
         "skippable": ["collection"]}
        """.utf8), name: "cheese.json")

    /// A site at the centre of parish `parish`.
    static func site(_ parish: Int, _ product: String, _ stage: Stage, _ capacity: Double, owner: Owner = .circuit) -> Feature {
        let x = origin.x + Double(parish % 3) * 1000 + 500, y = origin.y + Double(parish / 3) * 1000 + 500
        return Feature(geometry: .point(Position(x: x, y: y)), properties: [
            "product": .string(product), "stage": .string(stage.rawValue), "capacity": .number(capacity),
            "unit": .string(product == "milk" ? "l/month" : "t/month"), "owner": .string(owner.rawValue),
        ])
    }

    static let sites = Layer(features: [
        site(0, "milk", .primary, 30_000), site(1, "cheese", .processing, 2), site(1, "cheese", .retail, 5),  // A
        site(3, "milk", .primary, 10_000), site(4, "cheese", .processing, 3),                                  // B
        site(5, "cheese", .processing, 1, owner: .outside), site(5, "cheese", .retail, 1.5),
        site(6, "milk", .primary, 50_000),                                                                     // C
    ], crs: metric)

    /// The study of these parishes, sites and chain, grouped by `grouping`.
    static func study(_ grouping: Grouping = grouping, file: String = "<grouping>", chains: [ChainSpec] = [chain],
                      parishes: Layer = parishes, sites: Layer = sites, idField: String? = nil) throws -> Study {
        let territories = try StudyTerritories(parishes, file: "<parishes>", idField: idField)
        return try Study(territories: territories, sites: try StudySites(sites, file: "<sites>", in: territories),
                         chains: chains, grouping: grouping, groupingFile: file)
    }

    func run() throws -> CircuitCoverage.Result {
        var coverage = CircuitCoverage()
        coverage.radius = 500
        return try coverage.run(Self.study())
    }

    @Test func balancesByHand() throws {
        let result = try run()
        let (a, b, c) = (result.circuits[0].products[0], result.circuits[1].products[0], result.circuits[2].products[0])
        // 3,000 people x 0.6 kg = 1.8 t of cheese a month in each circuit.
        #expect(result.circuits.map(\.population) == [3000, 3000, 3000])
        #expect(result.circuits.map(\.families) == [750, 750, 750])
        #expect(abs(a.demand - 1.8) < 1e-12)
        // A: 30,000 l of milk make 3 t; plants 2 t; shops 5 t: processing limits the chain
        // to 2 t, more than its people need, so they get their 1.8 t; 1.2 t of milk can leave.
        #expect(abs(a.chainCapacity - 2) < 1e-12)
        #expect(abs(a.supply - 1.8) < 1e-12)
        #expect(a.bottleneck == .processing)
        #expect(a.selfSufficiency == 1)
        #expect(abs(a.exportableSurplus - 1.2) < 1e-12)
        #expect(abs(a.surplus - 1.2) < 1e-12)
        #expect(a.missing == [.collection])
        // Its stages in their own units: 18,000 l of milk needed, 12,000 l to spare.
        #expect(abs(a.stages[0].needed - 18_000) < 1e-6)
        #expect(abs(a.stages[0].balance - 12_000) < 1e-6)
        #expect(a.stages[1].toAdd == nil)   // collection may be skipped
        #expect(abs(a.stages[2].balance - 0.2) < 1e-12)
        #expect(a.stageShortages.isEmpty)
        // B: 10,000 l make 1 t: short of 0.8 t of product; a quarter of processing is
        // outside; shops of 1.5 t lack 0.3 t for its 1.8 t.
        #expect(abs(b.supply - 1) < 1e-12)
        #expect(b.bottleneck == .primary)
        #expect(abs(b.surplus - -0.8) < 1e-12)
        #expect(abs(b.productShortage - 0.8) < 1e-12)
        #expect(abs(b.stages[0].toAdd! - 8_000) < 1e-6)
        #expect(abs(b.stages[3].toAdd! - 0.3) < 1e-12)
        #expect(b.stages.first { $0.stage == .processing }?.outsideShare == 0.25)
        // C: milk for 5 t but no plant and no shop: nothing reaches its people, 3.2 t
        // can leave as milk, and 1.8 t of processing and of retail are to add.
        #expect(c.supply == 0)
        #expect(abs(c.exportableSurplus - 3.2) < 1e-12)
        #expect(c.productShortage == 0)
        #expect(c.bottleneck == .processing)
        #expect(c.missing == [.collection, .processing, .retail])
        #expect(c.stageShortages.map(\.stage) == [.processing, .retail])
        #expect(c.stageShortages.allSatisfy { abs($0.toAdd! - 1.8) < 1e-12 })
        #expect(result.circuits.map { $0.area.rounded() } == [3_000_000, 3_000_000, 3_000_000])
    }

    @Test func peopleNearTheirOwnShops() throws {
        let result = try run()
        // A's shop sits in the middle of P1: a 500 m disc (a 64-gon) wholly inside it.
        let disc = 32 * 500.0 * 500 * sin(2 * Double.pi / 64)
        #expect(abs(result.circuits[0].populationNearDistribution - disc / 1000) < 1e-6)
        #expect(result.circuits[2].populationNearDistribution == 0)
    }

    @Test func overlapsUnassignedAndCriticalNodes() throws {
        let rows = Self.grouping.rows.filter { $0.territory != "P8" } + [Grouping.Row(line: 20, territory: "P2", circuit: "B")]
        let result = try CircuitCoverage().run(Self.study(Grouping(rows: rows)))
        #expect(result.overlaps.map(\.territory) == ["P2"])
        #expect(result.overlaps.first?.circuits == ["A", "B"])
        #expect(result.unassigned.map(\.territory) == ["P8"])
        let report = CoverageReport(result)
        // C (P6, P7: 1.2 t) lacks processing and shops altogether; B (P2-P5: 2.4 t) lacks
        // 14,000 of its 24,000 l of milk and 0.9 of its 2.4 t of shops.
        #expect(report.criticalNodes.map { "\($0.circuit) \($0.stage.stage)" } == ["C processing", "C retail", "B primary", "B retail"])
        #expect(report.criticalNodes.map(\.kind) == [.stage, .stage, .product, .stage])
        #expect(report.criticalNodes[2].proposal == "add 14,000.0 l/month of primary")
        #expect(report.markdown.contains("| C | cheese | processing | 0.0 | 1.2 | 100 % | add 1.2 t/month of processing |"))
        #expect(report.markdown.contains("| B | cheese | 1.0 | 2.4 | 1.4 | t/month | add 14,000.0 l/month of primary |"))
    }

    @Test func unknownTerritoriesAreErrorsNamingTheLine() {
        let grouping = Grouping(rows: [Grouping.Row(line: 7, territory: "P99", circuit: "A")])
        #expect {
            try CircuitCoverage().run(Self.study(grouping, file: "g.csv"))
        } throws: { error in
            "\(error)" == "g.csv:7: territory P99 is not in the territories"
        }
    }
}

@Suite struct SampleCoverageTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("geodata/territory")

    @Test(arguments: ["circuits_by_municipality.csv", "circuits_alternative.csv"])
    func everyCircuitHasAReportAndThePopulationAddsUp(grouping: String) throws {
        let parishes = try Layer.readGeoJSON(path: Self.folder.appendingPathComponent("parishes.geojson").path)
        let chains = try ["cheese", "maize_flour", "coffee", "vegetables"].map {
            try ChainSpec.read(path: Self.folder.appendingPathComponent("chains/\($0).json").path)
        }
        let groups = try Grouping.read(path: Self.folder.appendingPathComponent("groupings/\(grouping)").path)
        let result = try CircuitCoverage().run(CircuitCoverageTests.study(
            groups, chains: chains, parishes: parishes,
            sites: try Layer.readGeoJSON(path: Self.folder.appendingPathComponent("sites.geojson").path), idField: "code"))
        #expect(result.circuits.count == groups.circuits.count)
        #expect(result.circuits.allSatisfy { $0.products.count == 4 })
        let inCircuits = result.circuits.reduce(0) { $0 + $1.population }
        let outside = result.unassigned.reduce(0) { $0 + $1.population }
        #expect(inCircuits + outside == result.totalPopulation)
        #expect(result.totalPopulation == 2_224_979)
        let markdown = CoverageReport(result).markdown
        for circuit in groups.circuits { #expect(markdown.contains("## \(circuit)\n")) }
    }
}
