import Foundation
import Testing
@testable import Geo
@testable import GeoFormats
@testable import TerritorioCLI

/// Commands reading and writing formats other than GeoJSON, through GDAL.
@Suite(.serialized) struct FormatCommandTests {
    static let parishes = CommandTests.parishes

    static func bytes(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    @Test func convertThroughGeoPackageGivesBackTheSameGeoJSON() throws {
        let direct = CommandTests.temporary("direct.geojson")
        let gpkg = CommandTests.temporary("parishes.gpkg")
        let back = CommandTests.temporary("parishes-from-gpkg.geojson")
        #expect(Territorio.run(arguments: ["convert", Self.parishes, "-o", direct]) == 0)
        #expect(Territorio.run(arguments: ["convert", Self.parishes, "-o", gpkg]) == 0)
        #expect(Territorio.run(arguments: ["convert", gpkg, "-o", back]) == 0)
        // Ids, property types and order, nulls and coordinates all survive.
        #expect(try Self.bytes(back) == Self.bytes(direct))
        // The layer is named after the file and can be picked by that name.
        #expect(Territorio.run(arguments: ["info", gpkg + ":parishes"]) == 0)
        #expect(Territorio.run(arguments: ["info", gpkg + ":roads"]) == 1)
    }

    @Test func convertShapefileToGeoPackage() throws {
        let shp = CommandTests.temporary("parishes.shp")
        let gpkg = CommandTests.temporary("from-shp.gpkg")
        #expect(Territorio.run(arguments: ["convert", Self.parishes, "-o", shp]) == 0)
        for sidecar in ["shx", "dbf", "prj", "cpg"] {
            #expect(FileManager.default.fileExists(atPath: String(shp.dropLast(3)) + sidecar), "\(sidecar)")
        }
        #expect(Territorio.run(arguments: ["convert", shp, "-o", gpkg]) == 0)
        let original = try Layer.readGeoJSON(path: Self.parishes)
        let read = try LayerSource.read(gpkg)
        #expect(read.layer.features.map(\.id) == original.features.map(\.id))
        // municipality_code is 17 characters: the Shapefile holds it as "municipali".
        #expect(read.layer.features.map { $0.properties["municipali"] } == original.features.map { $0.properties["municipality_code"] })
        #expect(read.layer.features.map { $0.properties["population"] } == original.features.map { $0.properties["population"] })
        #expect(read.fields.first { $0.name == "population" }?.kind == .integer)
        #expect(read.layer.crs == .wgs84)
    }

    @Test func flatGeobufWithFilterAndReprojection() throws {
        let fgb = CommandTests.temporary("plants.fgb")
        #expect(Territorio.run(arguments: ["convert", CommandTests.sites, "--id-column", "id", "--rejects", CommandTests.temporary("rejects-fgb.csv"),
                                           "--where", "stage == 'processing'", "--to", "EPSG:32619", "-o", fgb]) == 0)
        let read = try LayerSource.read(fgb)
        #expect(read.layer.crs == CRS("EPSG:32619"))
        #expect(read.layer.count > 0)
        #expect(read.layer.features.allSatisfy { $0.properties["stage"] == "processing" && $0.id != nil })
    }

    @Test func hierarchyLevelsFromAGeoPackage() throws {
        let gpkg = CommandTests.temporary("hierarchy-parishes.gpkg")
        #expect(Territorio.run(arguments: ["convert", Self.parishes, "-o", gpkg]) == 0)
        let spec = CommandTests.temporary("hierarchy-gpkg.json")
        let geoJSONSpec = CommandTests.repository.appendingPathComponent("geodata/sample_hierarchy.json").path
        try String(contentsOfFile: geoJSONSpec, encoding: .utf8).replacingOccurrences(of: "sample_parishes.geojson", with: gpkg)
            .write(toFile: spec, atomically: true, encoding: .utf8)
        let fromGeoJSON = CommandTests.temporary("problems-geojson.geojson"), fromGPKG = CommandTests.temporary("problems-gpkg.geojson")
        let status = Territorio.run(arguments: ["hierarchy", "check", geoJSONSpec, "-o", fromGeoJSON])
        #expect(Territorio.run(arguments: ["hierarchy", "check", spec, "-o", fromGPKG]) == status)
        #expect(try Self.bytes(fromGPKG) == Self.bytes(fromGeoJSON))
    }

    @Test func refusalsAndUsageErrorsLeaveNoFile() throws {
        let mixed = CommandTests.temporary("mixed.geojson")
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}},{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[1,2],[3,4]]}}]}"#
            .write(toFile: mixed, atomically: true, encoding: .utf8)
        let shp = CommandTests.temporary("mixed.shp")
        #expect(Territorio.run(arguments: ["convert", mixed, "-o", shp]) == 1)
        #expect(!FileManager.default.fileExists(atPath: shp))
        #expect(Territorio.run(arguments: ["convert", mixed, "-o", CommandTests.temporary("mixed.gpkg")]) == 0)
        #expect(Territorio.run(arguments: ["convert", mixed, "--seq", "-o", CommandTests.temporary("seq.gpkg")]) != 0)
        #expect(Territorio.run(arguments: ["convert", mixed, "--format", "NoSuchDriver"]) == 1)
        #expect(Territorio.run(arguments: ["convert", mixed + ":layer"]) == 1)
    }
}

/// ../shared/geodata beside the repository, when it is there.
enum SharedGeodata {
    static let folder = CommandTests.repository.deletingLastPathComponent().appendingPathComponent("shared/geodata").path
    static var isPresent: Bool { FileManager.default.fileExists(atPath: folder) }
}

@Suite(.enabled(if: SharedGeodata.isPresent, "../shared/geodata is absent: real-format commands skipped"))
struct FormatRealDataTests {
    static let shared = SharedGeodata.folder

    @Test func convertTheBolivianShapefileToGeoPackage() throws {
        let gpkg = CommandTests.temporary("departments.gpkg")
        let shp = Self.shared + "/bolivia/bo_departamentos_hdx_adm1.shp"
        #expect(Territorio.run(arguments: ["convert", shp, "-o", gpkg]) == 0)
        let original = try LayerSource.read(shp)
        let converted = try LayerSource.read(gpkg)
        #expect(converted.layer.count == 9)
        #expect(converted.layer.features.map(\.properties) == original.layer.features.map(\.properties))
        #expect(converted.layer.features.map(\.geometry) == original.layer.features.map(\.geometry))
        #expect(converted.fields == original.fields.map { FieldDefinition(name: $0.name, kind: $0.kind) })
    }

    @Test func networkCommandsTakeTheOSMExtract() throws {
        let pbf = Self.shared + "/colombia/co_duitama.osm.pbf"
        #expect(Territorio.run(arguments: ["network", "info", pbf, "--json"]) == 0)
        #expect(Territorio.run(arguments: ["network", "info", "--roads", pbf]) == 0)
        #expect(Territorio.run(arguments: ["network", "info"]) != 0)
        let pois = Self.shared + "/colombia/co_duitama_pois_osm.geojson"
        let first = CommandTests.temporary("duitama-from.geojson"), second = CommandTests.temporary("duitama-to.geojson")
        #expect(Territorio.run(arguments: ["convert", pois, "--where", "name == 'La dorada'", "-o", first]) == 0)
        #expect(Territorio.run(arguments: ["convert", pbf + ":points", "--where", "highway == 'traffic_signals'", "-o", second]) == 0)
        let matrix = CommandTests.temporary("duitama.csv")
        #expect(Territorio.run(arguments: ["route", "--from", first, "--to", second, "--roads", pbf, "--matrix", matrix]) == 0)
        let rows = try String(contentsOfFile: matrix, encoding: .utf8).split(separator: "\n")
        #expect(rows.count > 2)
    }
}
