import Testing
@testable import Geo

@Suite struct RingOrientationTests {
    static let counterClockwise = CoordinateSequence([
        Position(x: 0, y: 0), Position(x: 1, y: 0), Position(x: 1, y: 1), Position(x: 0, y: 1), Position(x: 0, y: 0),
    ])

    @Test func unitSquareBothWays() {
        #expect(Self.counterClockwise.signedArea == 1)
        #expect(Self.counterClockwise.isCounterClockwise == true)
        let clockwise = Self.counterClockwise.reversed()
        #expect(clockwise.signedArea == -1)
        #expect(clockwise.isCounterClockwise == false)
    }

    @Test func farFromTheOriginAndWithZ() {
        // UTM-sized coordinates: relative to the first position, no digits lost.
        let shifted = CoordinateSequence(Self.counterClockwise.positions.map {
            Position(x: $0.x + 500_000, y: $0.y + 1_100_000, z: 7)
        })
        #expect(shifted.signedArea == 1)
        #expect(shifted.reversed().isCounterClockwise == false)
    }

    @Test func noOrientationWithoutARing() {
        let open = CoordinateSequence(Array(Self.counterClockwise.positions.dropLast()))
        #expect(open.isCounterClockwise == nil)
        #expect(open.signedArea == 0)
        let flat = CoordinateSequence([Position(x: 0, y: 0), Position(x: 1, y: 0), Position(x: 2, y: 0), Position(x: 0, y: 0)])
        #expect(flat.signedArea == 0)
        #expect(flat.isCounterClockwise == false)
        // Figures of eight whose loops cancel: decided at the top, as GEOS does.
        let bowtie = CoordinateSequence([Position(x: 0, y: 0), Position(x: 1, y: 1), Position(x: 1, y: 0),
                                         Position(x: 0, y: 1), Position(x: 0, y: 0)])
        #expect(bowtie.signedArea == 0)
        #expect(bowtie.isCounterClockwise == true)
        let flatTop = CoordinateSequence([Position(x: 0, y: 0), Position(x: 1, y: 0), Position(x: 0, y: 1),
                                          Position(x: 1, y: 1), Position(x: 0, y: 0)])
        #expect(flatTop.signedArea == 0)
        #expect(flatTop.isCounterClockwise == false)
    }
}
