import Foundation
import Testing
@testable import Geo
@testable import Territory

@Suite struct DissolveTests {
    func square(_ code: String, _ group: String, _ x: Double, _ y: Double, size: Double = 1, population: Int) -> Feature {
        Feature(id: .string(code), geometry: Envelope(minX: x, minY: y, maxX: x + size, maxY: y + size).shape,
                properties: ["group": .string(group), "population": .number(population), "name": .string(code)])
    }

    @Test func rowsOfAGridBecomeRectanglesByCoverageUnion() throws {
        let layer = Layer(features: [
            square("a", "south", 0, 0, population: 10), square("b", "south", 1, 0, population: 5),
            square("c", "north", 0, 1, population: 1), square("d", "north", 1, 1, population: 2),
        ], crs: CRS("EPSG:32619"))
        let result = try Dissolve(options: .init(by: "group", sum: ["population"], first: ["name"])).dissolve(layer)
        #expect(result.layer.features.map(\.id) == [.string("south"), .string("north")])
        #expect(result.methods == [.coverageUnion, .coverageUnion])
        #expect(try result.layer.features.map { try Geometry($0.geometry!).area() } == [2, 2])
        #expect(result.layer.features[0].properties == ["group": "south", "name": "a", "population": 15, "units": 2])
    }

    @Test func overlappingMembersFallBackToUnaryUnion() throws {
        let layer = Layer(features: [
            square("a", "g", 0, 0, size: 2, population: 1), square("b", "g", 1, 1, size: 2, population: 1),
        ], crs: CRS("EPSG:32619"))
        let result = try Dissolve(options: .init(by: "group")).dissolve(layer)
        #expect(result.methods == [.unaryUnion])
        #expect(try Geometry(result.layer.features[0].geometry!).area() == 7)
    }
}

@Suite(.enabled(if: SharedGeodata.isPresent, "../shared/geodata is absent: real-data dissolve skipped"))
struct RealDissolveTests {
    @Test func bolivianMunicipalitiesDissolveIntoTheir112Provinces() throws {
        let folder = SharedGeodata.folder.appendingPathComponent("bolivia")
        let municipalities = try Layer.readGeoJSON(path: folder.appendingPathComponent("bo_municipios_geoboundaries_adm3_con_pcodes.geojson").path)
        let provinces = try Layer.readGeoJSON(path: folder.appendingPathComponent("bo_provincias_derivadas_adm2.geojson").path)
        let result = try Dissolve(options: .init(by: "ADM2_PCODE")).dissolve(municipalities)
        #expect(result.layer.count == 112)
        let metric = try #require(try municipalities.metricCRS())
        let ours = try result.layer.projected(to: metric)
        let theirs = try provinces.projected(to: metric)
        var areaByCode: [String: Double] = [:]
        for feature in theirs.features {
            areaByCode[feature.properties["ADM2_PCODE"]!.text] = try Geometry(feature.geometry!).area()
        }
        // Their provinces were dissolved by Shapely from the same municipalities.
        for feature in ours.features {
            let expected = try #require(areaByCode[feature.id!.description])
            #expect(abs(try Geometry(feature.geometry!).area() - expected) / expected < 1e-6, "\(feature.id!)")
        }
        #expect(result.layer.features.map { $0.properties["units"]?.doubleValue ?? 0 }.reduce(0, +) == 339)
    }
}
