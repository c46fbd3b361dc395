import Testing
@testable import Geo

/// Real boundaries from ../shared/geodata/ (see its README for their flaws).
@Suite(.enabled(if: Fixtures.hasSharedGeodata, "../shared/geodata is absent: real-data tests skipped"))
struct RealDataTests {
    @Test func venezuelanParishesHaveExactlyOneInvalidPolygonAndRepairKeepsTheArea() throws {
        let path = Fixtures.shared("venezuela/ve_parroquias_farojson.geojson")
        let layer = try Layer.readGeoJSON(path: path)
        #expect(layer.count == 1127)
        let invalid = try LayerValidator.problems(in: layer).filter { $0.kind == .invalidGeometry }
        #expect(invalid.count == 1)
        let problem = try #require(invalid.first)
        let parish = layer.features[problem.index].properties
        #expect(parish["PARROQUIA"] == .string("Fraternidad"))
        #expect(parish["MUNICIPIO"] == .string("Puerto Cabello"))
        #expect(problem.reason == "Self-intersection")
        let location = try #require(problem.location)
        // The geodata README rounds it to (-68.0051, 10.4615).
        #expect(abs(location.x - -68.0057) < 1e-4 && abs(location.y - 10.4614) < 1e-4)

        let (repaired, changes) = try LayerRepair.repair(layer)
        #expect(repaired.count == 1127)
        #expect(changes.count == 1)
        let metric = try #require(try layer.metricCRS())
        func totalArea(_ layer: Layer) throws -> Double {
            let projected = try layer.projected(to: metric)
            return try projected.features.reduce(0) { sum, feature in sum + (try Geometry(feature.geometry!).area()) }
        }
        let before = try totalArea(layer)
        let after = try totalArea(repaired)
        #expect(abs(after - before) / before < 1e-4)
    }

    @Test func everyRealLayerReads() throws {
        for (file, count) in [("venezuela/ve_estados_wof.geojson", 25), ("venezuela/ve_municipios_wof.geojson", 335),
                              ("venezuela/ve_vias_troncales_sigot.geojson", 150), ("venezuela/ve_localidades_wof.geojson", 23359),
                              ("bolivia/bo_municipios_geoboundaries_adm3_con_pcodes.geojson", 339),
                              ("colombia/co_duitama_vias_osm.geojson", 5012)] {
            #expect(try Layer.readGeoJSON(path: Fixtures.shared(file)).count == count, "\(file)")
        }
    }
}
