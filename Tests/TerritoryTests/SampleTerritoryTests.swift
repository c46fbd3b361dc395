import Foundation
import Testing
@testable import Geo
@testable import Territory

/// The sample territory the project ships in geodata/territory/.
@Suite struct SampleTerritoryTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("geodata/territory")

    static func layer(_ name: String) throws -> Layer {
        try Layer.readGeoJSON(path: folder.appendingPathComponent(name).path)
    }

    @Test func levelsNestWithZeroProblems() throws {
        let spec = try HierarchySpec.read(path: Self.folder.appendingPathComponent("hierarchy.json").path)
        #expect(try HierarchyCheck().check(spec).problems.isEmpty)
        #expect(try Self.layer("parishes.geojson").count == 150)
        #expect(try Self.layer("municipalities.geojson").count == 15)
    }

    @Test func everySiteLiesInAParishAndReadsAsASite() throws {
        let sites = try Self.layer("sites.geojson")
        #expect(sites.count == 2449)
        let result = try SpatialJoin(options: .init(idField: "code")).join(points: sites, polygons: try Self.layer("parishes.geojson"))
        #expect(result.outside.isEmpty)
        let parsed = try sites.features.enumerated().map { try SiteFields().site(of: $1, index: $0, file: "sites.geojson") }
        #expect(Set(parsed.map(\.product)) == ["milk", "cheese", "maize", "maize flour", "coffee", "vegetables"])
        #expect(parsed.filter { $0.owner == .outside }.count == 128)
    }

    @Test func groupingsAssignEveryParishOnce() throws {
        let codes = Set(try Self.layer("parishes.geojson").features.compactMap { $0.properties["code"]?.stringValue })
        for name in ["circuits_by_municipality.csv", "circuits_alternative.csv"] {
            let rows = try String(contentsOf: Self.folder.appendingPathComponent("groupings/\(name)"), encoding: .utf8)
                .split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
            #expect(rows.count == 150, "\(name)")
            #expect(Set(rows.map { $0[0] }) == codes, "\(name)")
        }
    }

    @Test func populationIsConservedFromParishesToMunicipalities() throws {
        let parishes = try Self.layer("parishes.geojson")
        let total = parishes.features.compactMap { $0.properties["population"]?.doubleValue }.reduce(0, +)
        let municipalities = try ArealInterpolation(extensive: ["population"])
            .interpolate(from: parishes, to: try Self.layer("municipalities.geojson"))
        let moved = municipalities.features.compactMap { $0.properties["population"]?.doubleValue }.reduce(0, +)
        #expect(abs(moved - total) / total < 1e-9)
        #expect(total == 2_224_979)
    }
}
