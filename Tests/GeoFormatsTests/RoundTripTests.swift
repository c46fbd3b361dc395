import CGDAL
import Foundation
import Testing
@testable import Geo
@testable import GeoFormats

/// Layers written through GDAL and read back.
@Suite(.serialized) struct RoundTripTests {
    static func square(_ x: Double) -> Shape {
        .polygon([CoordinateSequence([Position(x: x, y: 10), Position(x: x + 0.1, y: 10), Position(x: x + 0.1, y: 10.1),
                                      Position(x: x, y: 10)])])
    }

    /// Every kind of value a field can hold, nulls, a missing member, and
    /// ids that a GeoPackage keeps as its FID.
    static let layer = Layer(features: [
        Feature(id: .number(JSONNumber(3)), geometry: square(-68), properties: [
            "name": "Potosí", "count": 12, "big": .number(JSONNumber(12_345_678_901_234)), "ratio": .number(JSONNumber(real: 5)),
            "share": 0.25, "active": true, "tags": .array(["a", 1]), "day": "2018-04-17", "at": "2020-05-14T10:20:30Z",
            "small64": 3, "note": nil,
        ]),
        Feature(id: .number(JSONNumber(7)), geometry: .point(Position(x: -67.5, y: 10.2)), properties: [
            "name": "Ñuflo de Chávez", "count": nil, "big": 1, "ratio": 1.5, "share": nil, "active": false, "tags": nil,
            "day": nil, "at": "2021-01-02T03:04:05.250+02:00", "small64": 4,
        ]),
        Feature(id: .number(JSONNumber(12)), geometry: nil, properties: ["name": nil, "count": -4, "big": nil, "ratio": nil]),
    ])

    /// What a reader tells a writer: `small64` stays Integer64, dates stay dates.
    static let hints = [
        FieldDefinition(name: "small64", kind: .integer64), FieldDefinition(name: "day", kind: .date),
        FieldDefinition(name: "at", kind: .dateTime),
    ]

    /// The properties with every field present, as a reader gives them.
    static func complete(_ feature: Feature, keys: [String]) -> JSONObject {
        JSONObject(keys.map { JSONObject.Member(key: $0, value: feature.properties[$0] ?? .null) })
    }

    static func write(_ layer: Layer, _ path: String, hints: [FieldDefinition] = []) throws -> [String] {
        var warnings: [String] = []
        try LayerOutput.write(layer, to: path, fields: hints) { warnings.append($0) }
        return warnings
    }

    @Test func geoPackageKeepsFieldTypesNullsAndIds() throws {
        let path = Fixtures.folder("gpkg") + "/sites.gpkg"
        let written = try Self.write(Self.layer, path, hints: Self.hints)
        #expect(written.isEmpty)
        let read = try LayerSource.read(path)
        #expect(read.format == .gdal(driver: "GPKG"))
        // A GeoPackage holds date-times in UTC.
        var expected = Self.layer
        expected.features[1].properties["at"] = "2021-01-02T01:04:05.250Z"
        #expect(read.warnings.isEmpty)
        let kinds = Dictionary(uniqueKeysWithValues: read.fields.map { ($0.name, $0.kind) })
        #expect(kinds == ["name": .string, "count": .integer, "big": .integer64, "ratio": .real, "share": .real,
                          "active": .boolean, "tags": .json, "day": .date, "at": .dateTime, "small64": .integer64, "note": .string])
        let keys = Self.layer.features[0].properties.keys
        #expect(read.layer.features.map(\.id) == Self.layer.features.map(\.id))
        for (got, expected) in zip(read.layer.features, expected.features) {
            #expect(got.properties == Self.complete(expected, keys: keys))
            #expect(got.geometry == expected.geometry)
        }
        #expect(read.layer.crs == .wgs84)

        // Again from what was read, with the reader's fields: the same file.
        let again = Fixtures.folder("gpkg2") + "/again.gpkg"
        #expect(try Self.write(read.layer, again, hints: read.fields).isEmpty)
        let second = try LayerSource.read(again)
        #expect(second.fields == read.fields)
        #expect(second.layer.features == read.layer.features)
    }

    @Test func flatGeobufKeepsFieldTypesNullsAndIds() throws {
        let folder = Fixtures.folder("fgb")
        let path = folder + "/sites.fgb"
        // GDAL 3.6 cannot write a feature without geometry to FlatGeobuf: refused, not dropped.
        #expect(throws: WriteError.self) { try Self.write(Self.layer, path, hints: Self.hints) }
        #expect(Fixtures.files(in: folder).isEmpty)
        let layer = Layer(features: Self.layer.features.filter { $0.geometry != nil })
        let warnings = try Self.write(layer, path, hints: Self.hints)
        #expect(warnings == ["\(path): field tags: GDAL writes no JSON type to FlatGeobuf; written as JSON text",
                             "\(path): field day: FlatGeobuf has no date type; written as ISO 8601 text"])
        #expect(Fixtures.files(in: folder) == ["sites.fgb"])
        let read = try LayerSource.read(path)
        #expect(read.format == .gdal(driver: "FlatGeobuf"))
        let kinds = Dictionary(uniqueKeysWithValues: read.fields.map { ($0.name, $0.kind) })
        // FlatGeobuf has no JSON nor date type: the array and the date come back as their text.
        #expect(kinds == ["name": .string, "count": .integer, "big": .integer64, "ratio": .real, "share": .real,
                          "active": .boolean, "tags": .string, "day": .string, "at": .dateTime, "small64": .integer64, "note": .string])
        // The spatial index orders the features: compare them by id.
        let byID = Dictionary(uniqueKeysWithValues: read.layer.features.map { ($0.id!, $0) })
        #expect(byID.count == 2)
        let keys = Self.layer.features[0].properties.keys
        for expected in layer.features {
            let got = try #require(byID[expected.id!])
            var properties = Self.complete(expected, keys: keys)
            if expected.properties["tags"] == .array(["a", 1]) { properties["tags"] = .string(#"["a",1]"#) }
            #expect(got.properties == properties)
            #expect(got.geometry == expected.geometry)
        }
    }

    @Test func stringIdsGoToAnIdField() throws {
        let layer = Layer(features: [
            Feature(id: .string("BO01"), geometry: .point(Position(x: 1, y: 2)), properties: ["n": 1]),
            Feature(id: .string("BO02"), geometry: .point(Position(x: 3, y: 4)), properties: ["n": 2]),
        ])
        for name in ["ids.gpkg", "ids.fgb", "ids.shp"] {
            let path = Fixtures.folder("ids-\(name)") + "/" + name
            #expect(try Self.write(layer, path).isEmpty)
            var read = try LayerSource.read(path).layer.features
            read.sort { $0.properties["n"]!.doubleValue! < $1.properties["n"]!.doubleValue! }
            #expect(read.map(\.id) == [.string("BO01"), .string("BO02")], "\(name)")
            #expect(read.map(\.properties) == [["n": 1], ["n": 2]], "\(name)")
        }
    }

    @Test func shapefileWithEverySidecarShortNamesAndUTF8() throws {
        let folder = Fixtures.folder("shp")
        let path = folder + "/departments.shp"
        let layer = Layer(features: [
            Feature(id: .number(JSONNumber(1)), geometry: Self.square(-68), properties: [
                "department_name": "Potosí", "department_code": "BO05", "population_2012": 823_517, "area_km2": 117_218.5,
            ]),
            Feature(id: .number(JSONNumber(2)), geometry: .multiPolygon([[Self.square(-66).rings[0]], [Self.square(-65).rings[0]]]),
                    properties: ["department_name": "Santa Cruz", "department_code": "BO07", "population_2012": nil, "area_km2": 370_621.0]),
        ])
        let warnings = try Self.write(layer, path)
        #expect(warnings == ["\(path): field names longer than 10 characters shortened for the Shapefile: department_name -> department, department_code -> departme_1, population_2012 -> population"])
        #expect(Fixtures.files(in: folder) == ["departments.cpg", "departments.dbf", "departments.prj", "departments.shp", "departments.shx"])
        #expect(try String(contentsOfFile: folder + "/departments.cpg", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) == "UTF-8")
        let read = try LayerSource.read(path)
        #expect(read.warnings.isEmpty)
        #expect(read.layer.crs == .wgs84)
        #expect(read.fields.map(\.name) == ["department", "departme_1", "population", "area_km2"])
        #expect(read.layer.features.map(\.id) == [.number(JSONNumber(1)), .number(JSONNumber(2))])
        #expect(read.layer.features[0].properties["department"] == "Potosí")
        #expect(read.layer.features[0].properties["population"] == 823_517)
        #expect(read.layer.features[1].properties["population"] == .null)
        #expect(read.layer.features[1].properties["area_km2"] == .number(JSONNumber(real: 370_621)))
        #expect(read.layer.features[1].geometry?.type == .multiPolygon)
    }

    @Test func shapefileRefusesMixedGeometryTypesAndLeavesNothing() throws {
        let folder = Fixtures.folder("shp-mixed")
        let layer = Layer(features: [
            Feature(geometry: .point(Position(x: 1, y: 2))), Feature(geometry: Self.square(0)), Feature(geometry: Self.square(1)),
        ])
        do {
            _ = try Self.write(layer, folder + "/mixed.shp")
            Issue.record("a mixed layer was written as a Shapefile")
        } catch let error as WriteError {
            #expect(error.description == "\(folder)/mixed.shp: a Shapefile holds one geometry type per file, and this layer has Point 1, Polygon 2. Write a GeoPackage (.gpkg) or FlatGeobuf (.fgb) instead")
        }
        #expect(Fixtures.files(in: folder).isEmpty)
        // A GeoPackage takes them.
        #expect(try Self.write(layer, folder + "/mixed.gpkg").isEmpty)
        #expect(try LayerSource.read(folder + "/mixed.gpkg").layer.features.map { $0.geometry?.type } == [.point, .polygon, .polygon])
    }

    @Test func rewritingAShapefileReplacesEverySidecar() throws {
        let folder = Fixtures.folder("shp-rewrite")
        let path = folder + "/roads.shp"
        let line = Shape.lineString(CoordinateSequence([Position(x: 0, y: 0), Position(x: 1, y: 1)]))
        _ = try Self.write(Layer(features: [Feature(geometry: line, properties: ["a": 1])]), path)
        _ = FileManager.default.createFile(atPath: folder + "/roads.qix", contents: Data([1, 2, 3]))
        _ = try Self.write(Layer(features: [Feature(geometry: line, properties: ["b": "x"]), Feature(geometry: line, properties: ["b": "y"])]), path)
        #expect(Fixtures.files(in: folder) == ["roads.cpg", "roads.dbf", "roads.prj", "roads.shp", "roads.shx"])
        let read = try LayerSource.read(path)
        #expect(read.layer.features.map(\.properties) == [["b": "x"], ["b": "y"]])
    }

    /// A DBF without `.cpg` or language id is read as UTF-8; bytes that are
    /// not UTF-8 are replaced and reported; `--encoding` or a `.cpg` reads them right.
    @Test func shapefileTextEncoding() throws {
        let folder = Fixtures.folder("shp-encoding")
        let path = folder + "/places.shp"
        _ = try Self.write(Layer(features: [Feature(geometry: .point(Position(x: 1, y: 2)), properties: ["name": "Potosí"])]), path)
        // Turn the UTF-8 "í" (C3 AD) into ISO-8859-1 "í " (ED 20) and drop the .cpg.
        var dbf = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/places.dbf")))
        let at = try #require((0..<dbf.count - 1).first { dbf[$0] == 0xC3 && dbf[$0 + 1] == 0xAD })
        dbf[at] = 0xED
        dbf[at + 1] = 0x20
        #expect(dbf[29] == 0, "no language id")
        try Data(dbf).write(to: URL(fileURLWithPath: folder + "/places.dbf"))
        try FileManager.default.removeItem(atPath: folder + "/places.cpg")

        let undeclared = try LayerSource.read(path)
        #expect(undeclared.layer.features[0].properties["name"] == "Potos\u{FFFD}")
        #expect(undeclared.warnings == ["\(path): 1 text value(s) are not valid UTF-8 and the file declares no encoding (no .cpg); read with replacement characters (first: feature 0, field name). Name the encoding with --encoding (e.g. ISO-8859-1) or a .cpg file"])

        let named = try LayerSource.read(path, options: .init(encoding: "ISO-8859-1"))
        #expect(named.layer.features[0].properties["name"] == "Potosí")
        #expect(named.warnings.isEmpty)

        try "1252\n".write(toFile: folder + "/places.cpg", atomically: true, encoding: .utf8)
        let declared = try LayerSource.read(path)
        #expect(declared.layer.features[0].properties["name"] == "Potosí")
        #expect(declared.warnings.isEmpty)
    }

    @Test func layersArePickedByName() throws {
        let folder = Fixtures.folder("pick")
        let path = folder + "/points.gpkg"
        _ = try Self.write(Layer(features: [Feature(geometry: .point(Position(x: 1, y: 2)))]), path)
        #expect(try LayerSource.read(path + ":points").layer.count == 1)
        #expect(LayerSource.split(path + ":points") == (path, "points"))
        #expect(LayerSource.split(path) == (path, nil))
        #expect(LayerSource.split("/no/such.gpkg:x") == ("/no/such.gpkg:x", nil))
        do {
            _ = try LayerSource.read(path + ":roads")
            Issue.record("a missing layer was read")
        } catch let error as ReadError {
            #expect(error.description == "\(path): no layer named 'roads'; its layers: points")
        }
    }

    @Test func formatsByExtensionAndName() throws {
        #expect(try LayerSource.format(of: "a.geojson") == .geoJSON)
        #expect(try LayerSource.format(of: "-") == .geoJSON)
        #expect(try LayerSource.format(of: "a.CSV") == .csv)
        #expect(try LayerSource.format(of: "a.shp") == .gdal(driver: nil))
        #expect(try LayerSource.format(of: "a.osm.pbf") == .gdal(driver: nil))
        #expect(try LayerSource.format(of: "a.dat", named: "shp") == .gdal(driver: "ESRI Shapefile"))
        #expect(try LayerSource.format(of: "a.csv", named: "gdal:CSV") == .gdal(driver: "CSV"))
        #expect(try LayerSource.format(of: "a.txt", named: "GeoJSON") == .geoJSON)
        // No known extension: GeoJSON text is recognised by its first bytes.
        let folder = Fixtures.folder("sniff")
        try #" {"type":"FeatureCollection","features":[]}"#.write(toFile: folder + "/layer", atomically: true, encoding: .utf8)
        #expect(try LayerSource.format(of: folder + "/layer") == .geoJSON)
        #expect(try LayerSource.read(folder + "/layer").layer.count == 0)
    }

    static func readError(_ path: String) -> String? {
        do {
            _ = try LayerSource.read(path)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func unreadableFilesAreNamed() throws {
        let folder = Fixtures.folder("bad")
        try "not a shapefile".write(toFile: folder + "/broken.shp", atomically: true, encoding: .utf8)
        #expect(Self.readError("/no/such/roads.shp") == "/no/such/roads.shp: no such file")
        let broken = Self.readError(folder + "/broken.shp") ?? ""
        #expect(broken.hasPrefix("\(folder)/broken.shp: cannot open: "), "\(broken)")
        #expect(throws: ReadError.self) { try LayerSource.read(folder + "/broken.shp", options: .init(format: "NoSuchDriver")) }
    }
}


/// A feature GDAL cannot read is an error naming it.
@Suite(.serialized) struct BrokenFeatureTests {
    @Test func aBrokenGeometryIsNamed() throws {
        let path = Fixtures.folder("broken-feature") + "/sites.gpkg"
        let points = (0..<4).map { Feature(id: .number(JSONNumber($0 + 1)), geometry: .point(Position(x: Double($0), y: 1))) }
        try LayerOutput.write(Layer(features: points), to: path)
        let dataset = try #require(GDALOpenEx(path, UInt32(GDAL_OF_VECTOR | GDAL_OF_UPDATE), nil, nil, nil))
        let result = GDALDatasetExecuteSQL(dataset, "UPDATE sites SET geom = x'4750000100000000' WHERE fid = 3", nil, nil)
        if let result { GDALDatasetReleaseResultSet(dataset, result) }
        GDALClose(dataset)
        do {
            _ = try LayerSource.read(path)
            Issue.record("a broken geometry was read")
        } catch {
            #expect(error.description.hasPrefix("\(path): feature 2 (id 3): "), "\(error)")
        }
    }
}

/// Formats Territorio only reads: KML, and CSV through GDAL's own driver.
struct ReadOnlyFormatTests {
    @Test func kmlPlacemarks() throws {
        let path = Fixtures.folder("kml") + "/plants.kml"
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder><name>plants</name>
            <Placemark><name>Planta Láctea</name><description>cheese</description><Point><coordinates>-68.15,10.25,0</coordinates></Point></Placemark>
            <Placemark><name>Acopio</name><LineString><coordinates>-68.1,10.2 -68.0,10.3</coordinates></LineString></Placemark>
            </Folder></Document></kml>
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let read = try LayerSource.read(path)
        #expect(read.layer.count == 2)
        #expect(read.layer.crs == .wgs84)
        #expect(read.layer.features[0].properties["Name"] == "Planta Láctea")
        #expect(read.layer.features[0].properties["description"] == "cheese")
        #expect(read.layer.features[0].geometry == .point(Position(x: -68.15, y: 10.25, z: 0)))
        #expect(read.layer.features[1].geometry?.type == .lineString)
    }

    @Test func csvWithWKTThroughGDAL() throws {
        let path = Fixtures.folder("gdal-csv") + "/zones.csv"
        try "WKT,code,population\n\"POLYGON ((0 0,1 0,1 1,0 0))\",Z1,120\n\"POINT (5 5)\",Z2,\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        // By its extension a .csv is points with lon/lat columns; gdal:CSV reads the WKT.
        #expect(throws: ReadError.self) { try LayerSource.read(path) }
        let read = try LayerSource.read(path, options: .init(format: "gdal:CSV", crs: CRS("EPSG:32619")))
        #expect(read.warnings.isEmpty)
        #expect(read.layer.crs == CRS("EPSG:32619"))
        #expect(read.layer.features.map { $0.geometry?.type } == [.polygon, .point])
        #expect(read.layer.features.map(\.properties) == [["WKT": "POLYGON ((0 0,1 0,1 1,0 0))", "code": "Z1", "population": "120"],
                                                          ["WKT": "POINT (5 5)", "code": "Z2", "population": ""]])
    }
}
