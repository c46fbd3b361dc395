import Foundation
import Testing
@testable import Geo
@testable import Territory

@Suite struct CoverageUnionTests {
    /// Dense clusters (where the grid drops most discs) and scattered
    /// points (where it drops none), with holes between them.
    static func points() -> [Position] {
        var state: UInt64 = 42
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        var points: [Position] = []
        for _ in 0..<1_500 { points.append(Position(x: 10_000 + 8_000 * next(), y: 10_000 + 8_000 * next())) }
        for _ in 0..<300 { points.append(Position(x: 60_000 * next(), y: 60_000 * next())) }
        return points
    }

    @Test func theGridShortcutGivesExactlyTheUnionOfAllDiscs() throws {
        let points = Self.points()
        let context = GEOSContext.current
        let fast = try Geometry(try Coverage.unionOfDiscs(around: points, radius: 2_000, quadrantSegments: 8), context: context)
        let discs = try points.map { try Geometry(.point($0), context: context).buffer(2_000, style: BufferStyle(quadrantSegments: 8)) }
        let plain = try Geometry.union(discs, context: context)
        let difference = try fast.symmetricDifference(plain).area()
        let (fastArea, plainArea) = (try fast.area(), try plain.area())
        #expect(abs(fastArea - plainArea) / plainArea < 1e-9)
        #expect(difference / plainArea < 1e-9)
        #expect(try fast.isValid())
    }

    @Test func oneDiscIsTheBufferItself() throws {
        let shape = try Coverage.unionOfDiscs(around: [Position(x: 0, y: 0)], radius: 1_000, quadrantSegments: 8)
        let area = try Geometry(shape).area()
        #expect(abs(area - 16 * 1_000_000 * sin(2 * Double.pi / 32)) < 1e-6)
    }
}
