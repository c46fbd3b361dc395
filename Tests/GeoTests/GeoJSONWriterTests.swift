import Foundation
import Testing
@testable import Geo

@Suite struct GeoJSONWriterTests {
    private func written(_ layer: Layer, _ options: GeoJSONWriter.Options = .init()) throws -> String {
        let path = Fixtures.temporaryPath("written-\(UUID().uuidString).geojson")
        try layer.writeGeoJSON(path: path, options: options)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func writesRFC7946WithCounterClockwiseShellsAndClockwiseHoles() throws {
        // Shell clockwise and hole counter-clockwise: both must flip.
        let shell = CoordinateSequence(values: [0, 0, 0, 4, 4, 4, 4, 0, 0, 0])
        let hole = CoordinateSequence(values: [1, 1, 2, 1, 2, 2, 1, 1])
        let layer = Layer(features: [Feature(id: .string("a"), geometry: .polygon([shell, hole]), properties: ["n": 1])])
        #expect(try written(layer) == """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","id":"a","geometry":{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,4],[0,0]],[[1,1],[2,2],[2,1],[1,1]]]},"properties":{"n":1}}
            ]}

            """)
    }

    @Test func roundsToTheAskedPrecisionAndKeepsPropertyText() throws {
        let layer = try Fixtures.layer(#"{"type":"Feature","id":85680511,"geometry":{"type":"Point","coordinates":[-66.123456789,10.00000004]},"properties":{"p":12687.0,"s":"a\"b\n","z":null}}"#)
        let text = try written(layer, GeoJSONWriter.Options(precision: 3))
        #expect(text.contains(#"{"type":"Feature","id":85680511,"geometry":{"type":"Point","coordinates":[-66.123,10]},"properties":{"p":12687.0,"s":"a\"b\n","z":null}}"#))
    }

    @Test func escapesControlCharactersAsRFC8259Asks() throws {
        let layer = Layer(features: [Feature(id: nil, geometry: nil, properties: ["s": .string("\u{0}\u{1f}\t\r\\ü")])])
        #expect(try written(layer).contains(#""properties":{"s":"\u0000\u001f\t\r\\ü"}"#))
    }

    @Test func sameInputSameBytesAndGEOSRoundTripIsLossless() throws {
        let input = try Layer.readGeoJSON(path: Fixtures.sample("sample_parishes.geojson"))
        let first = try written(input)
        let second = try written(try Fixtures.layer(first))
        #expect(first == second)
        // Through GEOS and back, after GEOS's normalisation on both sides.
        var viaGEOS = input
        var normalized = input
        for index in input.features.indices {
            let geometry = try Geometry(input.features[index].geometry!)
            viaGEOS.features[index].geometry = try Geometry(geometry.shape).normalized().shape
            normalized.features[index].geometry = try geometry.normalized().shape
        }
        #expect(try written(viaGEOS) == written(normalized))
    }

    @Test func textSequenceAndCRSMember() throws {
        let layer = Layer(features: [Feature(geometry: .point(Position(x: 1, y: 2)))], crs: CRS("EPSG:32619"))
        #expect(try written(layer) == "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::32619\"}},\"features\":[\n{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]},\"properties\":{}}\n]}\n")
        let sequence = try written(Layer(features: layer.features), GeoJSONWriter.Options(textSequence: true))
        #expect(sequence == "\u{1E}{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]},\"properties\":{}}\n")
        #expect(try Fixtures.layer(sequence).count == 1)
    }

    @Test func anAbandonedWriteLeavesTheOldFile() throws {
        let path = Fixtures.temporaryPath("kept.geojson")
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        let writer = try GeoJSONWriter(path: path)
        try writer.write(Feature(geometry: .point(Position(x: 1, y: 2))))
        writer.abandon()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        let folder = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).allSatisfy { !$0.hasPrefix(".kept.geojson.") })
    }
}
