import Testing
@testable import Geo
@testable import GeoFormats

struct WKBTests {
    static let shapes: [Shape] = [
        .point(Position(x: 1.5, y: -2)),
        .point(Position(x: 1, y: 2, z: 3)),
        .point(nil),
        .lineString(CoordinateSequence([Position(x: 0, y: 0), Position(x: 1, y: 1)])),
        .polygon([CoordinateSequence([Position(x: 0, y: 0), Position(x: 4, y: 0), Position(x: 4, y: 4), Position(x: 0, y: 0)]),
                  CoordinateSequence([Position(x: 1, y: 1), Position(x: 2, y: 1), Position(x: 2, y: 2), Position(x: 1, y: 1)])]),
        .multiPoint(CoordinateSequence([Position(x: 0, y: 0, z: 1), Position(x: 5, y: 5, z: 2)])),
        .multiLineString([CoordinateSequence([Position(x: 0, y: 0), Position(x: 1, y: 0)]), CoordinateSequence([])]),
        .multiPolygon([[CoordinateSequence([Position(x: 0, y: 0), Position(x: 1, y: 0), Position(x: 1, y: 1), Position(x: 0, y: 0)])]]),
        .geometryCollection([.point(Position(x: 9, y: 9)), .lineString(CoordinateSequence([Position(x: 0, y: 0), Position(x: 1, y: 2)]))]),
    ]

    @Test(arguments: shapes) func roundTrip(_ shape: Shape) throws {
        #expect(try WKBReader.shape(WKBWriter.wkb(shape)) == shape)
    }

    @Test func agreesWithGEOS() throws {
        for shape in Self.shapes where shape != .point(nil) {
            let ours = WKBWriter.wkb(shape)
            #expect(try Geometry(wkb: ours).shape == shape)
            #expect(try WKBReader.shape(try Geometry(shape).wkb()) == shape)
        }
    }

    @Test func bigEndianAndMeasuresAndBadInput() throws {
        // POINT ZM (1 2 3 4), big-endian: M is dropped.
        var bytes: [UInt8] = [0, 0, 0, 0x0B, 0xB9]
        for value in [1.0, 2, 3, 4] { withUnsafeBytes(of: value.bitPattern.bigEndian) { bytes += $0 } }
        let read = try bytes.withUnsafeBytes { try WKBReader.shape($0) }
        #expect(read.shape == .point(Position(x: 1, y: 2, z: 3)))
        #expect(read.droppedM)
        #expect(throws: WKBReader.Failure.self) { try WKBReader.shape(Array(bytes.prefix(20))) }
        #expect(throws: WKBReader.Failure.self) { try WKBReader.shape([1, 2, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x7F]) }
    }
}
