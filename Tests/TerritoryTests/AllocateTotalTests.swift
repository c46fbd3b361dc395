import Foundation
import Testing
@testable import Geo
@testable import Territory

/// tobler's `area_interpolate` divides a source's extensive value by its
/// whole area with allocate_total=False (Territorio's default), and by
/// its area inside any target with allocate_total=True (tobler's default,
/// `--allocate-total`). Worked by hand on 1 km squares in UTM 19N.
@Suite struct AllocateTotalTests {
    /// One 2 km x 1 km source of 1200 people.
    let source = Layer(features: [
        Feature(id: .string("s"), geometry: Envelope(minX: 500_000, minY: 1_000_000, maxX: 502_000, maxY: 1_001_000).shape,
                properties: ["population": 1200]),
    ], crs: CRS("EPSG:32619"))

    /// Targets over half of it (a) and a quarter (b); the last quarter lies in none.
    let targets = Layer(features: [
        Feature(id: .string("a"), geometry: Envelope(minX: 500_000, minY: 1_000_000, maxX: 501_000, maxY: 1_001_000).shape),
        Feature(id: .string("b"), geometry: Envelope(minX: 501_000, minY: 1_000_000, maxX: 501_500, maxY: 1_001_000).shape),
    ], crs: CRS("EPSG:32619"))

    func populations(allocateTotal: Bool) throws -> [Double] {
        var interpolation = ArealInterpolation(extensive: ["population"])
        interpolation.allocateTotal = allocateTotal
        return try interpolation.interpolate(from: source, to: targets).features.map { $0.properties["population"]?.doubleValue ?? -1 }
    }

    @Test func byTheSourcesWholeAreaTheUncoveredQuarterIsKeptBack() throws {
        // 1200 · 1 km² / 2 km² = 600; 1200 · 0.5 / 2 = 300; 300 people in no target.
        let values = try populations(allocateTotal: false)
        #expect(abs(values[0] - 600) < 1e-6 && abs(values[1] - 300) < 1e-6)
    }

    @Test func allocatingTheTotalHandsOutEveryPerson() throws {
        // 1200 · 1 / 1.5 = 800; 1200 · 0.5 / 1.5 = 400; all 1200 handed out.
        let values = try populations(allocateTotal: true)
        #expect(abs(values[0] - 800) < 1e-6 && abs(values[1] - 400) < 1e-6)
    }
}
