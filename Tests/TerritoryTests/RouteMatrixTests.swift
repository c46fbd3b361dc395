import Foundation
import Testing
@testable import Geo
@testable import Territory

/// The route matrix and the isochrone batch on the hand-drawn 4 x 4 grid of
/// `RoadNetworkTests` (1 km blocks, a 60 km/h bottom row, 30 km/h streets).
@Suite struct RouteMatrixTests {
    static func corner(_ column: Double, _ row: Double) -> Position {
        Position(x: RoadNetworkTests.origin.x + column * 1000, y: RoadNetworkTests.origin.y + row * 1000)
    }

    @Test func timesAndLengthsOfEveryPairByHand() throws {
        let graph = try RoadGraph(roads: RoadNetworkTests.grid(), crs: RoadNetworkTests.crs)
        let snapper = try NetworkSnapper(graph)
        let origins = [try snapper.snap(Self.corner(0, 0)), nil]
        let destinations = [try snapper.snap(Self.corner(3, 3)), try snapper.snap(Self.corner(3, 0))]
        let matrix = try RouteMatrix(graph: graph, origins: origins, destinations: destinations, keepRoutes: true)
        // The second origin did not snap: two pairs, origin-major.
        #expect(matrix.pairs.map { [$0.origin, $0.destination] } == [[0, 0], [0, 1]])
        // 3 km along the primary road (3 min), 3 km up column 3 (6 min).
        #expect(abs(matrix.pairs[0].minutes - 9) < 1e-9)
        #expect(abs(matrix.pairs[0].metres - 6_000) < 1e-6)
        #expect(abs(matrix.pairs[1].minutes - 3) < 1e-9)
        #expect(abs(matrix.pairs[1].metres - 3_000) < 1e-6)
        #expect(matrix.pairs.allSatisfy { $0.route != nil })
    }

    @Test func routesAreLeftOutWhenNotAskedFor() throws {
        let graph = try RoadGraph(roads: RoadNetworkTests.grid(), crs: RoadNetworkTests.crs)
        let snapper = try NetworkSnapper(graph)
        let matrix = try RouteMatrix(graph: graph, origins: [try snapper.snap(Self.corner(3, 3))],
                                     destinations: [try snapper.snap(Self.corner(0, 0))], keepRoutes: false)
        #expect(abs(matrix.pairs[0].minutes - 9) < 1e-9)
        #expect(matrix.pairs[0].route == nil)
    }

    @Test func isochroneBandsPerFacilityAndThreshold() throws {
        let graph = try RoadGraph(roads: RoadNetworkTests.grid(), crs: RoadNetworkTests.crs)
        let snapper = try NetworkSnapper(graph)
        let facilities = [try snapper.snap(Self.corner(0, 0)), nil, try snapper.snap(Self.corner(3, 3))]
        let bands = try Isochrones(width: 100).bands(of: facilities, ids: ["F0", "F1", "F2"], minutes: [5, 10], graph: graph)
        #expect(bands.map { $0.properties["facility_id"] } == ["F0", "F0", "F2", "F2"])
        #expect(bands.map { $0.properties["minutes"] } == [5, 10, 5, 10])
        // 13 km of road within 5 minutes of the corner (RoadNetworkTests), in a 200 m band.
        let area = try #require(bands[0].properties["area_m2"]?.doubleValue)
        #expect(area > 13_000 * 200 * 0.8 && area < 13_000 * 200 + Double.pi * 100 * 100 * 8)
        // 10 minutes from (0, 0) reaches all 24 km of the grid (the farthest corner is 9 min away).
        let whole = try #require(bands[1].properties["area_m2"]?.doubleValue)
        #expect(whole > area)
    }
}
