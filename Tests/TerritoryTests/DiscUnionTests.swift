import Foundation
import Testing
@testable import Geo
@testable import Territory

@Suite struct DiscUnionTests {
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
        let fast = try Geometry(try DiscUnion.unionOfDiscs(around: points, radius: 2_000, quadrantSegments: 8), context: context)
        let discs = try points.map { try Geometry(.point($0), context: context).buffer(2_000, style: BufferStyle(quadrantSegments: 8)) }
        let plain = try Geometry.union(discs, context: context)
        let difference = try fast.symmetricDifference(plain).area()
        let (fastArea, plainArea) = (try fast.area(), try plain.area())
        #expect(abs(fastArea - plainArea) / plainArea < 1e-9)
        #expect(difference / plainArea < 1e-9)
        #expect(try fast.isValid())
    }

    @Test func oneDiscIsTheBufferItself() throws {
        let shape = try DiscUnion.unionOfDiscs(around: [Position(x: 0, y: 0)], radius: 1_000, quadrantSegments: 8)
        let area = try Geometry(shape).area()
        #expect(abs(area - 16 * 1_000_000 * sin(2 * Double.pi / 32)) < 1e-6)
    }

    /// Squares half the radius wide over the whole extent once asked for
    /// 38 GB (`--radius 1m`): past `cellLimit` they widen, and the union
    /// is the same.
    @Test func theGridStaysWithinItsCellLimitAndTheUnionIsTheSame() throws {
        var points = Self.points()
        // One site with latitude and longitude swapped, a world away.
        points.append(Position(x: -7_000_000, y: 1_100_000))
        let context = GEOSContext.current
        for radius in [1.0, 100] {
            let grid = CoveredGrid(points: points, radius: radius, quadrantSegments: 8)
            #expect(Double(grid.covered.count) <= 2 * CoveredGrid.cellLimit(points: points.count), "radius \(radius)")
            let fast = try Geometry(try DiscUnion.unionOfDiscs(around: points, radius: radius, quadrantSegments: 8), context: context)
            let discs = try points.map { try Geometry(.point($0), context: context).buffer(radius, style: BufferStyle(quadrantSegments: 8)) }
            let plain = try Geometry.union(discs, context: context)
            #expect(try fast.symmetricDifference(plain).area() / plain.area() < 1e-9, "radius \(radius)")
        }
        // Within the limit (the sample's case), squares stay half the radius wide.
        #expect(CoveredGrid(points: Self.points(), radius: 2_000, quadrantSegments: 8).side == 1_000)
        // An extent that overflows gets one cell and no shortcut.
        let huge = CoveredGrid(points: [Position(x: -1e308, y: 0), Position(x: 1e308, y: 0)], radius: 1, quadrantSegments: 8)
        #expect(huge.covered.count == 1)
    }
}
