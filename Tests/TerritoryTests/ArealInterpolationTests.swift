import Foundation
import Testing
@testable import Geo
@testable import Territory

@Suite struct ArealInterpolationTests {
    /// Two 1 km x 1 km parishes side by side in UTM 19N.
    let parishes = Layer(features: [
        Feature(id: .string("west"), geometry: Envelope(minX: 500_000, minY: 1_000_000, maxX: 501_000, maxY: 1_001_000).shape,
                properties: ["population": 1000, "density": 1000]),
        Feature(id: .string("east"), geometry: Envelope(minX: 501_000, minY: 1_000_000, maxX: 502_000, maxY: 1_001_000).shape,
                properties: ["population": 400, "density": 400]),
    ], crs: CRS("EPSG:32619"))

    @Test func extensiveSplitsByAreaShareIntensiveAveragesByArea() throws {
        // A zone over the east half of west and a quarter of east.
        let zone = Layer(features: [
            Feature(id: .string("zone"), geometry: Envelope(minX: 500_500, minY: 1_000_000, maxX: 501_250, maxY: 1_001_000).shape),
            Feature(id: .string("away"), geometry: Envelope(minX: 600_000, minY: 1_000_000, maxX: 601_000, maxY: 1_001_000).shape),
        ], crs: CRS("EPSG:32619"))
        let result = try ArealInterpolation(extensive: ["population"], intensive: ["density"]).interpolate(from: parishes, to: zone)
        let population = result.features[0].properties["population"]?.doubleValue ?? -1
        let density = result.features[0].properties["density"]?.doubleValue ?? -1
        #expect(abs(population - (500 + 100)) < 1e-6)                          // half of 1000, a quarter of 400
        #expect(abs(density - (1000 * 500_000 + 400 * 250_000) / 750_000) < 1e-6)  // 800
        #expect(abs((result.features[0].properties["covered_area_m2"]?.doubleValue ?? 0) - 750_000) < 1e-6)
        #expect(result.features[1].properties["population"] == .number(0))
        #expect(result.features[1].properties["density"] == .null)
    }

    @Test func aTargetCoveringEverythingGetsTheWholeTotal() throws {
        let everything = Layer(features: [
            Feature(geometry: Envelope(minX: 499_000, minY: 999_000, maxX: 503_000, maxY: 1_002_000).shape),
        ], crs: CRS("EPSG:32619"))
        let result = try ArealInterpolation(extensive: ["population"]).interpolate(from: parishes, to: everything)
        #expect(result.features[0].properties["population"]?.doubleValue == 1400)
    }
}

@Suite struct InterpolationOnTheSampleTests {
    @Test func populationIsConservedOntoTheMunicipalitiesItTiles() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let parishes = try LayerRepair.repair(try Layer.readGeoJSON(path: repository.appendingPathComponent("geodata/sample_parishes.geojson").path)).layer
        let municipalities = try Dissolve(options: .init(by: "municipality_code")).dissolve(parishes).layer
        let result = try ArealInterpolation(extensive: ["population"]).interpolate(from: parishes, to: municipalities)
        let totals = result.features.map { $0.properties["population"]?.doubleValue ?? 0 }
        // SM01: 48,210 + 3,120 + 22,950 + 960; SM02: 1,875 + 4,410.
        #expect(abs(totals[0] - 75_240) < 1e-6)
        #expect(abs(totals[1] - 6_285) < 1e-6)
    }
}
