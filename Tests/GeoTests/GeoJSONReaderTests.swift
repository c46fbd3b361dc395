import Testing
@testable import Geo

@Suite struct GeoJSONReaderTests {
    @Test func readsACollectionWithIdsPropertiesAndEveryGeometryType() throws {
        let layer = try Fixtures.layer("""
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "id": "P1", "properties": {"name": "Fraternidad", "population": 12687.0, "code": "0101"},
               "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}},
              {"type": "Feature", "id": 7, "geometry": {"coordinates": [-66.5, 10.25], "type": "Point"}, "properties": null},
              {"type": "Feature", "geometry": null, "properties": {"nested": {"a": [1, true, null]}}},
              {"type": "Feature", "properties": {}, "geometry": {"type": "GeometryCollection", "geometries": [
                {"type": "MultiPoint", "coordinates": [[1, 2], [3, 4]]},
                {"type": "MultiLineString", "coordinates": [[[0, 0], [1, 1]]]},
                {"type": "MultiPolygon", "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]]]}]}}
            ]}
            """)
        #expect(layer.count == 4)
        #expect(layer.crs == .wgs84)
        #expect(layer.features[0].id == .string("P1"))
        #expect(layer.features[0].properties.keys == ["name", "population", "code"])
        #expect(layer.features[0].properties["population"]?.doubleValue == 12687)
        #expect(layer.features[0].properties["code"] == .string("0101"))
        #expect(layer.features[1].id == .number(JSONNumber(7)))
        #expect(layer.features[1].geometry == .point(Position(x: -66.5, y: 10.25)))
        #expect(layer.features[2].geometry == nil)
        #expect(layer.features[3].geometry?.type == .geometryCollection)
    }

    @Test func readsASingleFeatureABareGeometryAndTextSequences() throws {
        #expect(try Fixtures.layer(#"{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{}}"#).count == 1)
        let bare = try Fixtures.layer(#"{"type":"LineString","coordinates":[[1,2],[3,4,5]]}"#)
        guard case .lineString(let line)? = bare.features.first?.geometry else { Issue.record("no line"); return }
        #expect(line.hasMixedDimensions)
        let recordSeparated = "\u{1E}{\"type\":\"Point\",\"coordinates\":[1,2]}\n\u{1E}{\"type\":\"Point\",\"coordinates\":[3,4]}\n"
        #expect(try Fixtures.layer(recordSeparated).count == 2)
        let newlineDelimited = "{\"type\":\"Point\",\"coordinates\":[1,2]}\n{\"type\":\"Point\",\"coordinates\":[3,4]}\n"
        #expect(try Fixtures.layer(newlineDelimited).count == 2)
    }

    @Test func honoursTheCRSMemberOfGeoJSON2008() throws {
        let layer = try Fixtures.layer("""
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::32619"}},
             "features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[500000,1105412.49]},"properties":{}}]}
            """)
        #expect(layer.crs == CRS("urn:ogc:def:crs:EPSG::32619"))
        #expect(layer.crs.epsgCode == 32619)
    }

    @Test func acceptsBOMAndCRLFAndEmptyCollections() throws {
        let text = "\u{FEFF}{\"type\":\"FeatureCollection\",\r\n\"features\":[\r\n]}\r\n"
        #expect(try Fixtures.layer(text).count == 0)
    }

    @Test func parsesNumbersExactly() throws {
        let layer = try Fixtures.layer(#"{"type":"MultiPoint","coordinates":[[-0,1e2],[0.1,-66.12345678901234567],[1E-7,123456789012345678]]}"#)
        guard case .multiPoint(let points)? = layer.features[0].geometry else { Issue.record("no points"); return }
        #expect(points.values == [-0.0, 100, 0.1, -66.12345678901234567, 1e-7, 123456789012345678])
        #expect(points.values[0].sign == .minus)
    }

    @Test(arguments: [
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{}}"#,
         "test.geojson:1:91: feature 0: unexpected end of file: expected ',' or ']' in the features array"),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","id":"A","geometry":{"type":"Point","coordinates":"x"},"properties":{}}]}"#,
         "test.geojson:1:109: feature 0 (id A): expected a coordinates array, found '\"'"),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","id":3,"geometry":null,"properties":5}]}"#,
         "test.geojson:1:95: feature 0 (id 3): \"properties\" must be an object or null"),
        (#"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[0,1]},"properties":{}}"#,
         "test.geojson:1:68: Polygon coordinates must be an array of linear rings (arrays of positions)"),
        (#"{"type":"Point","coordinates":[NaN,1]}"#,
         "test.geojson:1:32: NaN and Infinity are not JSON numbers; write null for a missing value"),
        (#"{"type":"Point","coordinates":[1e400,1]}"#,
         "test.geojson:1:37: the number 1e400 is out of range for a double"),
        ("{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"a\":\"\u{1}\"}}",
         "test.geojson:1:54: control character byte 0x01 inside a string; escape it"),
        (#"{"type":"Feature","geometry":null,"properties":{"a":"\u12"}}"#,
         "test.geojson:1:59: expected four hex digits after \\u, found '\"'"),
        ("", "test.geojson: the file is empty; expected a GeoJSON object"),
        (#"{"type":"Pointy","coordinates":[1,2]}"#, "test.geojson:1:17: unknown GeoJSON type \"Pointy\""),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","id":{"a":1},"geometry":null}]}"#,
         "test.geojson:1:71: feature 0: \"id\" must be a string or a number, not object"),
    ])
    func badInputGivesItsMessage(input: String, message: String) {
        #expect(Fixtures.readError(input) == message)
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let deep = "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"a\":" + String(repeating: "[", count: 100_000)
        #expect(Fixtures.readError(deep) == "test.geojson:1:306: values nest deeper than 256 levels")
    }

    @Test func invalidUTF8IsRefused() {
        var bytes = Array(#"{"type":"Feature","geometry":null,"properties":{"name":"Caf"#.utf8)
        bytes += [0xE9] + Array(#""}}"#.utf8)
        #expect(Fixtures.readError(bytes: bytes) == "test.geojson:1:62: invalid UTF-8 in a string; save the file as UTF-8")
    }

    @Test func readsTheSampleParishes() throws {
        let layer = try Layer.readGeoJSON(path: Fixtures.sample("sample_parishes.geojson"))
        #expect(layer.count == 6)
        #expect(layer.features.map { $0.id?.description } == ["SM0101", "SM0102", "SM0103", "SM0104", "SM0105", "SM0106"])
    }
}
