import Foundation
import Testing
@testable import Geo

/// Large GeoJSON read and written on several cores (issue 23) gives what
/// one core gives: the same features, the same bytes, the same errors.
@Suite struct GeoJSONParallelTests {
    /// `count` points, one feature a line as Territorio, GDAL and GeoPandas
    /// write them, with an id, a string, an integer, a real and a null.
    private func collection(_ count: Int, crsFirst: Bool = false, crsLast: Bool = false) -> String {
        var text = #"{"type":"FeatureCollection","#
        if crsFirst { text += #""crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::32619"}},"# }
        text += "\"features\":[\n"
        text += (0..<count).map { index in
            #"{"type":"Feature","id":\#(index),"properties":{"name":"site-\#(index)","n":\#(index % 7),"capacity":\#(Double(index) / 8),"z":null},"#
                + #""geometry":{"type":"Point","coordinates":[\#(-70 + Double(index) * 1e-6),\#(8 + Double(index % 1000) * 1e-4)]}}"#
        }.joined(separator: ",\n")
        text += "\n]"
        if crsLast { text += #","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::32620"}}"# }
        return text + "}\n"
    }

    private func file(_ text: String) throws -> String {
        let path = Fixtures.temporaryPath("pieces-\(UUID().uuidString).geojson")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func sequential(_ path: String) throws -> Layer {
        try Layer.readGeoJSON(GeoJSONReader(path: path))
    }

    @Test func piecesGiveTheSequentialLayer() throws {
        let path = try file(collection(20_000))
        let pieces = try #require(GeoJSONPieces.read(path: path, workers: 3, minimumFileSize: 0))
        let whole = try sequential(path)
        #expect(pieces.count == 20_000)
        #expect(pieces.features == whole.features)
        #expect(pieces.crs == whole.crs)
        // Spot checks by hand: feature 12,345's properties and point.
        #expect(pieces.features[12_345].id == .number(JSONNumber(12_345)))
        #expect(pieces.features[12_345].properties["name"] == .string("site-12345"))
        #expect(pieces.features[12_345].geometry == .point(Position(x: -70 + 12_345 * 1e-6, y: 8 + 345 * 1e-4)))
    }

    @Test func theCRSIsFoundBeforeOrAfterTheFeatures() throws {
        let beforePath = try file(collection(5_000, crsFirst: true))
        let before = try #require(GeoJSONPieces.read(path: beforePath, workers: 2, minimumFileSize: 0))
        #expect(before.crs == CRS("urn:ogc:def:crs:EPSG::32619"))
        #expect(before.crs == (try sequential(beforePath)).crs)
        let afterPath = try file(collection(5_000, crsLast: true))
        let after = try #require(GeoJSONPieces.read(path: afterPath, workers: 2, minimumFileSize: 0))
        #expect(after.crs == CRS("urn:ogc:def:crs:EPSG::32620"))
        #expect(after.crs == (try sequential(afterPath)).crs)
        #expect(after.count == 5_000)
    }

    @Test func aCutInsideAFeatureIsRefusedNotMisread() throws {
        // Pretty-printed: every ",\n{" is a property object inside a
        // feature, so every guessed cut is wrong; nothing of the pieces is used.
        let feature = "{\"type\":\"Feature\",\"properties\":{\"list\":[\n{\"a\":1},\n{\"a\":2}]},\"geometry\":null}"
        let text = "{\"type\":\"FeatureCollection\",\"features\":[" + Array(repeating: feature, count: 3_000).joined(separator: ",") + "]}"
        let path = try file(text)
        #expect(GeoJSONPieces.read(path: path, workers: 2, minimumFileSize: 0) == nil)
        #expect(try Layer.readGeoJSON(path: path).count == 3_000)
    }

    @Test func anErrorLateInTheFileNamesTheSameLineAsOneCore() throws {
        var text = collection(10_000)
        text = text.replacingOccurrences(of: #""name":"site-9000","#, with: #""name":"site-9000" "#)
        let path = try file(text)
        #expect(GeoJSONPieces.read(path: path, workers: 2, minimumFileSize: 0) == nil)
        // What each reader says, as text (ReadError's description).
        func failure(_ read: () throws -> Layer) -> String? {
            do {
                _ = try read()
                return nil
            } catch {
                return "\(error)"
            }
        }
        let error = try #require(failure { try Layer.readGeoJSON(path: path) })
        #expect(error == failure { try sequential(path) })
        // Line 1 opens the collection; feature 9,000 is on line 9,002.
        #expect(error.contains(":9002:"))
    }

    @Test func writingOnSeveralCoresGivesTheSameBytes() throws {
        // Points, a polygon that plain rounding makes invalid (a hole
        // thinner than the grid: snap-rounded), and null geometries,
        // across more than two blocks of the parallel writer.
        let thin = Shape.polygon([CoordinateSequence(values: [0, 0, 1, 0, 1, 1, 0, 1, 0, 0]),
                                  CoordinateSequence(values: [0.2, 0.2, 0.2, 0.20000001, 0.8, 0.20000002, 0.2, 0.2])])
        let features = (0..<40_000).map { index -> Feature in
            let geometry: Shape? = index % 1000 == 7 ? thin : index % 10 == 3 ? nil
                : .point(Position(x: -70.123456789 + Double(index) * 1e-5, y: 8.5 - Double(index) * 1e-7))
            return Feature(id: .number(JSONNumber(index)), geometry: geometry, properties: ["n": .number(JSONNumber(Double(index) / 3))])
        }
        func written(workers: Int) throws -> (String, ValidRounding) {
            let path = Fixtures.temporaryPath("parallel-\(UUID().uuidString).geojson")
            let writer = try GeoJSONWriter(path: path)
            try writer.write(contentsOf: features, workers: workers)
            try writer.finish()
            return (try String(contentsOfFile: path, encoding: .utf8), writer.rounding)
        }
        let (one, oneRounding) = try written(workers: 1)
        let (three, threeRounding) = try written(workers: 3)
        #expect(one == three)
        #expect(oneRounding.snapRounded == 40)
        #expect(threeRounding.snapRounded == 40)
        #expect(one.hasPrefix("{\"type\":\"FeatureCollection\",\"features\":[\n{\"type\":\"Feature\",\"id\":0,\"geometry\":{\"type\":\"Point\",\"coordinates\":[-70.1234568,8.5]}"))
        #expect(one.components(separatedBy: "\n").count == 40_003)
    }

    @Test func coordinatesAreWrittenAsAPersonRoundsThem() {
        func text(_ value: Double, _ decimals: Int = 7) -> String {
            var bytes = JSONBytes()
            bytes.append(value, decimals: decimals)
            return String(decoding: bytes.bytes, as: UTF8.self)
        }
        #expect(text(-69.9163574) == "-69.9163574")
        #expect(text(8.32298630000001) == "8.3229863")
        #expect(text(0.00000006) == "0.0000001")
        #expect(text(-0.00000004) == "0")
        #expect(text(-0.5) == "-0.5")
        #expect(text(1234567.0) == "1234567")
        #expect(text(10.25, 1) == "10.3")
        #expect(text(2.5, 0) == "3")
        #expect(text(1e300) == "1e+300")
        #expect(text(.nan) == "null")
    }
}
