import Foundation
import Testing
@testable import Geo
@testable import Territory

/// The study as the README's library example builds it, on the sample
/// territory: prepared once, then regrouped without reading anything again.
@Suite struct StudyTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("geodata/territory").path

    static func study() throws -> Study {
        let parishes = try Layer.readGeoJSON(path: folder + "/parishes.geojson")
        let territories = try StudyTerritories(parishes, file: "parishes.geojson", idField: "code", nameField: "name")
        let sites = try StudySites(try Layer.readGeoJSON(path: folder + "/sites.geojson"), file: "sites.geojson", in: territories)
        return try Study(territories: territories, sites: sites,
                         chains: [try ChainSpec.read(path: folder + "/chains/cheese.json")],
                         grouping: try Grouping.read(path: folder + "/groupings/circuits_by_municipality.csv"))
    }

    @Test func theReadmeExampleRuns() throws {
        let study = try Self.study()
        #expect(study.territories.count == 150)
        #expect(study.territories.totalPopulation == 2_224_979)
        #expect(study.sites?.count == 2449)
        // Every sample actor lies in a parish.
        #expect(study.sites?.territory.allSatisfy { $0 != nil } == true)
        let coverage = try CircuitCoverage().run(study)
        #expect(coverage.circuits.count == 15)
        #expect(CoverageReport(coverage).markdown.contains("## "))
    }

    @Test func regroupingKeepsThePreparedTerritories() throws {
        let study = try Self.study()
        let other = try study.regrouped(try Grouping.read(path: Self.folder + "/groupings/circuits_alternative.csv"), file: "alternative.csv")
        // The same prepared territories, covered the other way: its circuits,
        // and every person counted once whichever the grouping.
        let grouped = try CircuitCoverage().run(other)
        #expect(grouped.circuits.map(\.id) == other.grouping?.circuits)
        #expect(grouped.circuits.map(\.id) != (try CircuitCoverage().run(study)).circuits.map(\.id))
        let people = grouped.circuits.reduce(0) { $0 + $1.population } + grouped.unassigned.reduce(0) { $0 + $1.population }
        #expect(people == 2_224_979)
        #expect(throws: ReadError.self) {
            try study.regrouped(Grouping(rows: [.init(line: 2, territory: "NOPE", circuit: "X")]), file: "bad.csv")
        }
    }

    @Test func labelsNameTerritoriesByCodeAndName() throws {
        let territories = try Self.study().territories
        let label = territories.label(0)
        #expect(label.hasPrefix(territories.codes[0]))
        #expect(label.contains("("))
    }

    @Test func aMissingPopulationIsAnErrorUnlessTheChoiceIsSaid() throws {
        let layer = Layer(features: [
            Feature(id: .string("A"), geometry: Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1).shape, properties: ["population": 10]),
            Feature(id: .string("B"), geometry: Envelope(minX: 1, minY: 0, maxX: 2, maxY: 1).shape, properties: ["population": .null]),
        ], crs: .wgs84)
        #expect(throws: ReadError.self) { try StudyTerritories(layer, file: "t.geojson") }
        let zeroed = try StudyTerritories(layer, file: "t.geojson", missingPopulation: .zero)
        #expect(zeroed.populations == [10, 0])
        #expect(zeroed.populationCheck.zeroed == [1])
        let skipped = try StudyTerritories(layer, file: "t.geojson", missingPopulation: .skip)
        #expect(skipped.codes == ["A"])
        #expect(skipped.populationCheck.skipped == [1])
    }

    @Test func duplicateCodesAreAnError() throws {
        let square = Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1).shape
        let layer = Layer(features: [Feature(geometry: square, properties: ["code": "X", "population": 1]),
                                     Feature(geometry: square, properties: ["code": "X", "population": 1])], crs: .wgs84)
        #expect(throws: ReadError.self) { try StudyTerritories(layer, file: "t.geojson", idField: "code") }
    }
}
