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

    /// The two municipalities the sample is built around (geodata/README.md,
    /// "The story"); the same sums with geopandas (sjoin of the sites on
    /// the parishes, grouped by municipality, chain and stage).
    @Test func theStoryMunicipalitiesHoldWhatTheReadmeSays() throws {
        let parishes = try Self.layer("parishes.geojson"), sites = try Self.layer("sites.geojson")
        let joined = try SpatialJoin(options: .init(idField: "code")).join(points: sites, polygons: parishes)
        func sum(_ municipality: String, _ chain: String, _ stage: String) -> Double {
            let total = sites.features.indices.filter { index in
                let properties = sites.features[index].properties
                return joined.code(ofPoint: index).stringValue?.hasPrefix(municipality) == true
                    && properties["chain"]?.stringValue == chain && properties["stage"]?.stringValue == stage
            }.reduce(0) { $0 + (sites.features[$1].properties["capacity"]?.doubleValue ?? 0) }
            return (total * 10).rounded() / 10
        }
        let population = { (municipality: String) in
            parishes.features.filter { $0.properties["municipality_code"]?.stringValue == municipality }
                .compactMap { $0.properties["population"]?.doubleValue }.reduce(0, +)
        }
        // Tovar, the vegetable valley: 100,840 people x 8 kg = 806.72 t of demand.
        #expect(population("EM09") == 100_840)
        #expect(sum("EM09", "vegetables", "primary") == 12_000)
        #expect(sum("EM09", "vegetables", "collection") == 7_500)
        #expect(sum("EM09", "vegetables", "retail") == 647)
        // Colina, the dairy plain: 155,210 people x 0.6 kg = 93.126 t of demand.
        #expect(population("EM04") == 155_210)
        #expect(sum("EM04", "cheese", "processing") == 450)
        #expect(sum("EM04", "cheese", "primary") == 5_100_000)
        #expect(sum("EM04", "cheese", "retail") == 66)
    }

    /// A registry sits along roads: every actor, and the middle of every
    /// parish (the point GEOS puts on its surface), within 2 km of a road
    /// (geopandas: at most 1,194 m and 11 m).
    @Test func sitesAndParishesLieNearTheRoads() throws {
        let metric = CRS("EPSG:32619")
        let roads = try Self.layer("roads.geojson").projected(to: metric)
        let network = try PreparedGeometry(Geometry.collection(roads.features.compactMap { $0.geometry }.map { try Geometry($0) }))
        let sites = try Self.layer("sites.geojson").projected(to: metric)
        let farthestSite = try sites.features.compactMap(\.geometry).map { try network.distance(to: Geometry($0)) }.max()!
        #expect(farthestSite < 1_200)
        let parishes = try Self.layer("parishes.geojson").projected(to: metric)
        let farthestParish = try parishes.features.compactMap(\.geometry).map { try network.distance(to: Geometry($0).pointOnSurface()) }.max()!
        #expect(farthestParish < 50)
    }
}
