import Foundation
import Testing
@testable import Geo

/// Every polygon the GeoJSON writer writes is valid at the precision it
/// writes: plain rounding would collapse thin holes and parts into
/// two-point rings, so those polygons are snap-rounded.
@Suite struct ValidRoundingTests {
    private func writtenAndReadBack(_ layer: Layer, precision: Int, warnings: inout [String]) throws -> (text: String, layer: Layer) {
        let path = Fixtures.temporaryPath("valid-\(UUID().uuidString).geojson")
        var heard: [String] = []
        let writer = try GeoJSONWriter(path: path, options: .init(precision: precision), onWarning: { heard.append($0) })
        try writer.write(contentsOf: layer.features)
        try writer.finish()
        warnings = heard
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return (text, try Layer.readGeoJSON(path: path))
    }

    private func isValid(_ shape: Shape) throws -> Bool {
        try Geometry(shape).isValid()
    }

    /// A 1 x 1 square with a hole 0.0004 high: at 3 decimals its two long
    /// sides round onto one line.
    private let square = CoordinateSequence(values: [0, 0, 1, 0, 1, 1, 0, 1, 0, 0])
    private let thinHole = CoordinateSequence(values: [0.2, 0.2001, 0.2, 0.2004, 0.8, 0.2004, 0.8, 0.2001, 0.2, 0.2001])

    @Test func aTinyHoleThatCollapsesAtPrecision3IsWrittenValid() throws {
        let polygon = Shape.polygon([square, thinHole])
        #expect(try isValid(polygon))
        // Plain rounding, as the writer did before, gives an invalid polygon.
        let plain = polygon.mapSequences { sequence in
            CoordinateSequence(values: sequence.values.map { ($0 * 1000).rounded() / 1000 }, hasZ: false)
        }
        #expect(try !isValid(plain))

        var warnings: [String] = []
        let (_, back) = try writtenAndReadBack(Layer(features: [Feature(geometry: polygon, properties: ["n": 1])]), precision: 3, warnings: &warnings)
        let written = try #require(back.features.first?.geometry)
        #expect(try isValid(written))
        #expect(written.rings.count == 1, "the hole thinner than the grid is gone")
        #expect(warnings.count == 1 && warnings[0].contains("1 polygon(s) snap-rounded to the 3-decimal grid"))
    }

    @Test func aMultiPolygonStaysOneAndValidPolygonsKeepTheirBytes() throws {
        let thin = CoordinateSequence(values: [2, 2, 2.5, 2, 2.5, 2.0002, 2, 2.0002, 2, 2])
        let shapes: [Shape] = [
            .multiPolygon([[square, thinHole], [thin]]),
            .polygon([square]),
        ]
        var warnings: [String] = []
        let features = shapes.map { Feature(geometry: $0) }
        let (text, back) = try writtenAndReadBack(Layer(features: features), precision: 3, warnings: &warnings)
        let first = try #require(back.features[0].geometry)
        guard case .multiPolygon(let polygons) = first else { Issue.record("not a MultiPolygon: \(first)"); return }
        #expect(polygons.count == 1, "the thin part collapsed, the square stays")
        #expect(try isValid(first))
        #expect(text.contains(#"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]},"properties":{}}"#))
    }

    @Test func aPolygonThinnerThanTheGridBecomesANullGeometryAndIsCounted() throws {
        let sliver = CoordinateSequence(values: [0, 0, 1, 0, 1, 0.0001, 0, 0.0001, 0, 0])
        var warnings: [String] = []
        let (text, back) = try writtenAndReadBack(Layer(features: [Feature(id: .string("s"), geometry: .polygon([sliver]))]), precision: 3, warnings: &warnings)
        #expect(back.features.count == 1)
        #expect(back.features[0].geometry == nil)
        #expect(text.contains(#"{"type":"Feature","id":"s","geometry":null,"properties":{}}"#))
        #expect(warnings.first?.contains("1 polygon(s) thinner than the 3-decimal grid written as null geometries") == true)
    }

    private let bowTie = Shape.polygon([CoordinateSequence(values: [0, 0, 1, 1, 1, 0, 0, 1, 0, 0])])

    @Test func aPolygonInvalidAsGivenIsMadeValidAndCounted() throws {
        var warnings: [String] = []
        let (_, back) = try writtenAndReadBack(Layer(features: [Feature(geometry: bowTie)]), precision: 7, warnings: &warnings)
        #expect(try isValid(try #require(back.features[0].geometry)))
        #expect(warnings.first?.contains("1 invalid polygon(s) made valid (GEOS MakeValid)") == true)
    }

    @Test func keepingInvalidPolygonsWritesThemAsTheyCameAndCountsThem() throws {
        let path = Fixtures.temporaryPath("bowtie-\(UUID().uuidString).geojson")
        let writer = try GeoJSONWriter(path: path, options: .init(keepInvalidPolygons: true))
        try writer.write(Feature(geometry: bowTie))
        try writer.finish()
        #expect(writer.rounding.invalidInput == 1)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains(#"[[[0,0],[1,1],[1,0],[0,1],[0,0]]]"#))
    }
}
