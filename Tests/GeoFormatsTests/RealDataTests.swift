import Foundation
import Testing
@testable import Geo
@testable import GeoFormats
import Territory

/// Real files from ../shared/geodata/ (see its README).
@Suite(.enabled(if: Fixtures.hasSharedGeodata, "../shared/geodata is absent: real Shapefile and OpenStreetMap tests skipped"))
struct RealFormatTests {
    static func areas(_ layer: Layer, in metric: CRS) throws -> [Double] {
        try layer.projected(to: metric).features.map { try Geometry($0.geometry!).area() }
    }

    /// The shared data has no GeoJSON of the same departments, so the
    /// GeoJSON path is the Shapefile written by Territorio's own GeoJSON
    /// writer (15 decimals) and read back by its native reader.
    @Test func bolivianDepartmentsFromTheShapefile() throws {
        let path = Fixtures.shared("bolivia/bo_departamentos_hdx_adm1.shp")
        let read = try LayerSource.read(path)
        #expect(read.format == .gdal(driver: "ESRI Shapefile"))
        #expect(read.warnings.isEmpty)
        let layer = read.layer
        #expect(layer.count == 9)
        #expect(layer.crs == .wgs84)
        #expect(Set(layer.features.compactMap { $0.properties["ADM1_PCODE"]?.stringValue }) == Set((1...9).map { "BO0\($0)" }))
        #expect(layer.features[0].properties["ADM1_ES"] == "Beni")
        #expect(layer.features[0].properties["date"] == "2018-04-17")
        #expect(layer.features[0].properties["validTo"] == .null)
        #expect(read.fields.first { $0.name == "date" }?.kind == .date)
        let names: [String] = layer.features.compactMap { $0.properties["ADM1_ES"]?.stringValue }
        #expect(names.contains("Potosí"))
        #expect(try LayerValidator.problems(in: layer).isEmpty)
        #expect(Dictionary(grouping: layer.features) { $0.geometry!.type }.mapValues(\.count) == [.polygon: 7, .multiPolygon: 2])

        let geoJSON = Fixtures.folder("bolivia") + "/departments.geojson"
        try layer.writeGeoJSON(path: geoJSON, options: GeoJSONWriter.Options(precision: 15))
        let native = try Layer.readGeoJSON(path: geoJSON)
        #expect(native.features.map(\.properties) == layer.features.map(\.properties))
        let metric = try #require(try layer.metricCRS())
        #expect(try native.metricCRS() == metric)
        let fromShapefile = try Self.areas(layer, in: metric)
        let fromGeoJSON = try Self.areas(native, in: metric)
        for (a, b) in zip(fromShapefile, fromGeoJSON) { #expect(abs(a - b) / b < 1e-9) }
        // Bolivia is about 1,098,581 km² (these boundaries measure 1.5 % more).
        let squareKilometres: Double = fromShapefile.reduce(0, +) / 1e6
        #expect(abs(squareKilometres - 1_098_581) / 1_098_581 < 0.03)
    }

    /// The road graph built straight from the OpenStreetMap extract is the
    /// one built from the GeoJSON of its `lines` layer's ways with a
    /// highway tag, which is how that GeoJSON was made.
    @Test func duitamaRoadsStraightFromThePBF() throws {
        let pbf = try LayerSource.read(Fixtures.shared("colombia/co_duitama.osm.pbf"), options: .init(roads: true))
        #expect(pbf.format == .gdal(driver: "OSM"))
        #expect(pbf.warnings.isEmpty)
        let geoJSON = try Layer.readGeoJSON(path: Fixtures.shared("colombia/co_duitama_vias_osm.geojson"))
        #expect(pbf.layer.count == 5012)
        #expect(pbf.layer.count == geoJSON.count)
        // The same ways, in the same order, with the same vertices.
        #expect(pbf.layer.features.map { $0.properties["osm_id"] } == geoJSON.features.map { $0.properties["osm_id"] })
        #expect(pbf.layer.features.map { $0.id?.description } == geoJSON.features.map { $0.properties["osm_id"]?.stringValue })
        #expect(pbf.layer.features.map(\.geometry) == geoJSON.features.map(\.geometry))
        for key in ["highway", "name", "other_tags"] {
            #expect(pbf.layer.features.map { $0.properties[key] } == geoJSON.features.map { $0.properties[key] ?? .null }, "\(key)")
        }

        let fromPBF = try RoadGraph(roads: pbf.layer)
        let fromGeoJSON = try RoadGraph(roads: geoJSON)
        #expect(fromPBF.crs == fromGeoJSON.crs)
        #expect(fromPBF.nodeCount == 33_282)
        #expect(fromPBF.nodeCount == fromGeoJSON.nodeCount)
        #expect(fromPBF.segmentCount == fromGeoJSON.segmentCount)
        #expect(fromPBF.nodeXY == fromGeoJSON.nodeXY)
        #expect(fromPBF.segmentFrom == fromGeoJSON.segmentFrom && fromPBF.segmentTo == fromGeoJSON.segmentTo)
        #expect(fromPBF.segmentMinutes == fromGeoJSON.segmentMinutes)
        #expect(fromPBF.segmentForward == fromGeoJSON.segmentForward && fromPBF.segmentBackward == fromGeoJSON.segmentBackward)
        #expect(NetworkSummary(fromPBF).componentSizes == NetworkSummary(fromGeoJSON).componentSizes)
    }

    @Test func anOSMFileHasSeveralLayersToPickFrom() throws {
        let path = Fixtures.shared("colombia/co_duitama.osm.pbf")
        do {
            _ = try LayerSource.read(path)
            Issue.record("an OSM file was read without naming a layer")
        } catch {
            #expect(error.description == "\(path): holds 5 layers (points, lines, multilinestrings, multipolygons, other_relations): name one as \(path):points")
        }
        let points = try LayerSource.read(path + ":points")
        #expect(points.layer.count == 3409)
        #expect(points.layer.features.allSatisfy { $0.geometry?.type == .point })
        // Without roads: every line, not only those with a highway tag.
        #expect(try LayerSource.read(path + ":lines").layer.count == 5431)
    }
}
