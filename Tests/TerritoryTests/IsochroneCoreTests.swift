import Foundation
import Testing
@testable import Geo
@testable import Territory

/// The sure inside of a band (`IsochroneCore`) on the hand-drawn 4 x 4 grid
/// of `RoadNetworkTests` (roads 1 km apart) buffered by 1 km: every point
/// of the 3 km square is within 500 m of a road, so the inside is plain.
@Suite struct IsochroneCoreTests {
    static func gridLines() throws -> [(Position, Position)] {
        let graph = try RoadGraph(roads: RoadNetworkTests.grid(), crs: RoadNetworkTests.crs)
        return (0..<graph.segmentCount).map { segment in
            (graph.position(of: Int(graph.segmentFrom[segment])), graph.position(of: Int(graph.segmentTo[segment])))
        }
    }

    static func at(_ x: Double, _ y: Double) -> Position {
        Position(x: RoadNetworkTests.origin.x + x, y: RoadNetworkTests.origin.y + y)
    }

    @Test func sureCellsOfTheGridByHand() throws {
        let core = IsochroneCore(lines: try Self.gridLines(), width: 1000)
        // Cells of 500 m; sure when the centre is within 0.95 x 1000 less
        // half the diagonal (354 m), 596 m, of a road: the 36 cells of the
        // square and the ring of cells round it (centres 250 m out, 354 m
        // from the corners), not the next ring (750 m out). 8 x 8 cells from
        // -500 to 3,500 m: one run of 4 km on each of 8 rows.
        #expect(core.cell == 500)
        let rectangles = core.rectangles()
        #expect(rectangles.count == 8)
        let area = try rectangles.reduce(0.0) { $0 + (try Geometry(.polygon([$1])).area()) }
        #expect(abs(area - 16_000_000) < 1e-6)
        let xs = rectangles.flatMap { $0.positions.map(\.x) }
        #expect(xs.min() == Self.at(-500, 0).x && xs.max() == Self.at(3500, 0).x)
        // A middle street's buffer lies in sure cells; an outer one's reaches past them.
        #expect(core.covers(Self.at(1000, 1000), Self.at(2000, 1000), width: 1000))
        #expect(!core.covers(Self.at(0, 0), Self.at(1000, 0), width: 1000))
        #expect(!core.covers(Self.at(1000, 1000), Self.at(2000, 1000), width: 1600))
    }

    @Test func wholeGridBandWithItsInsideLeftOutByHand() throws {
        let graph = try RoadGraph(roads: RoadNetworkTests.grid(), crs: RoadNetworkTests.crs)
        let snap = try #require(try NetworkSnapper(graph).snap(IsochroneBuilderTests.corner(0, 0)))
        // In 10 minutes all 24 km of road; 1 km round the 3 km grid is the
        // 5 km square with no holes, less at each corner the 1 km square the
        // quarter circle (4 chords of 22.5 degrees) leaves out.
        let corner = 1000.0 * 1000 - 0.5 * 1000 * 1000 * 4 * sin(Double.pi / 8)
        let byHand = 5_000.0 * 5_000 - 4 * corner
        #expect(abs(byHand - 24_061_467.46) < 0.01)
        let area = try #require(try IsochroneBuilderTests.builderAreas([snap], minutes: [10], graph: graph, width: 1000)[0][0])
        #expect(abs(area - byHand) < 1)
        let reference = try #require(try IsochroneBuilderTests.referenceAreas([snap], minutes: [10], graph: graph, width: 1000)[0][0])
        #expect(abs(reference - byHand) < 1)
    }

    @Test func noLinesNoSureCells() {
        let core = IsochroneCore(lines: [], width: 200)
        #expect(core.rectangles().isEmpty)
    }
}
