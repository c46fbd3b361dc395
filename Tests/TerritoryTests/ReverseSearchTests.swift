import Foundation
import Testing
@testable import Geo
@testable import Territory

/// Many origins to few destinations: `RouteMatrix` (without routes) and
/// `TravelTimes.minutes(of:)` search from the destinations over the
/// reversed graph; the answers must be those of the forward searches.
@Suite struct ReverseSearchTests {
    static func point(_ column: Double, _ row: Double) -> Position {
        Position(x: RoadNetworkTests.origin.x + column * 1000, y: RoadNetworkTests.origin.y + row * 1000)
    }

    /// Corners, mid-blocks and points part way along, on the one-way
    /// column 3 among them, and a few off the road.
    static let gridPoints: [Position] = {
        var points: [Position] = []
        for row in 0..<4 { for column in 0..<4 { points.append(point(Double(column), Double(row))) } }
        for (column, row) in [(0.3, 0.0), (3.0, 1.25), (3.0, 2.8), (1.0, 2.4), (2.6, 3.0), (3.0, 0.1), (0.05, 1.0), (2.2, 1.03), (3.02, 2.1)] {
            points.append(point(column, row))
        }
        return points
    }()

    @Test func gridReverseMatrixMatchesForwardPairByPair() throws {
        let graph = try RoadGraph(roads: RoadNetworkTests.grid(oneWayDownColumn3: true), crs: RoadNetworkTests.crs)
        let snapper = try NetworkSnapper(graph)
        let snaps = try Self.gridPoints.map { try snapper.snap($0) }
        // One and two destinations, on the one-way column and off it, and
        // origins on the destinations' own segments (the direct case).
        for destinationPoints in [[Self.point(3, 1.5)], [Self.point(3, 2.5), Self.point(0.5, 0)], [Self.point(1, 1)]] {
            let destinations = try destinationPoints.map { try snapper.snap($0) }
            let origins = snaps + [try snapper.snap(Self.point(3, 1.2)), try snapper.snap(Self.point(3, 1.9)), nil]
            let reversed = try RouteMatrix(graph: graph, origins: origins, destinations: destinations, keepRoutes: false)
            let forward = try RouteMatrix(graph: graph, origins: origins, destinations: destinations, keepRoutes: true)
            #expect(reversed.pairs.count == forward.pairs.count)
            #expect(reversed.pairs.map { [$0.origin, $0.destination] } == forward.pairs.map { [$0.origin, $0.destination] })
            for (r, f) in zip(reversed.pairs, forward.pairs) {
                #expect(r.minutes == f.minutes || abs(r.minutes - f.minutes) < 1e-9, "\(r.origin) → \(r.destination)")
                #expect(r.metres == f.metres || abs(r.metres - f.metres) < 1e-6, "\(r.origin) → \(r.destination)")
                #expect(r.route == nil)
            }
            // The one-way column makes some trips longer one way than back.
            #expect(reversed.pairs.contains { $0.minutes.isFinite })
        }
    }

    @Test func gridReverseTravelTimesMatchForwardPairByPair() throws {
        let graph = try RoadGraph(roads: RoadNetworkTests.grid(oneWayDownColumn3: true), crs: RoadNetworkTests.crs)
        let travel = try TravelTimes(graph: graph)
        let places = try travel.places(Self.gridPoints + [Self.point(3, 1.5), Self.point(0.5, 0)], from: RoadNetworkTests.crs)
        let destinations = [Self.gridPoints.count, Self.gridPoints.count + 1]
        let trips = Self.gridPoints.indices.flatMap { o in destinations.map { TravelTimes.Trip(o, $0) } }
        try Self.compare(travel, trips, places)
    }

    @Test func sampleRoadsManySitesToFewMatchForward() throws {
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("geodata/territory")
        let roads = try Layer.readGeoJSON(path: data.appendingPathComponent("roads.geojson").path)
        let sites = try Layer.readGeoJSON(path: data.appendingPathComponent("sites.geojson").path)
        let graph = try RoadGraph(roads: roads)
        let travel = try TravelTimes(graph: graph)
        let points: [Position?] = sites.features.prefix(300).map { feature in
            if case .point(let position?)? = feature.geometry { return position }
            return nil
        }
        let places = try travel.places(points, from: sites.crs)
        #expect(places.compactMap { $0 }.count > 100)
        let destinations = [7, 150, 299]
        let trips = points.indices.flatMap { o in destinations.map { TravelTimes.Trip(o, $0) } }
        try Self.compare(travel, trips, places)
        // The matrix both ways, pair by pair.
        let snaps = places.map { $0?.snap }
        let ends = destinations.map { snaps[$0] }
        let reversed = try RouteMatrix(graph: graph, origins: snaps, destinations: ends, keepRoutes: false)
        let forward = try RouteMatrix(graph: graph, origins: snaps, destinations: ends, keepRoutes: true)
        #expect(reversed.pairs.count == forward.pairs.count)
        var sameMetres = 0
        for (r, f) in zip(reversed.pairs, forward.pairs) {
            #expect(r.origin == f.origin && r.destination == f.destination)
            #expect(r.minutes == f.minutes || abs(r.minutes - f.minutes) < 1e-9)
            if r.metres == f.metres || abs(r.metres - f.metres) < 1e-6 { sameMetres += 1 }
        }
        #expect(sameMetres == forward.pairs.count)
    }

    /// Reversed (many origins, few destinations) against one forward
    /// search per trip.
    static func compare(_ travel: TravelTimes, _ trips: [TravelTimes.Trip], _ places: [TravelTimes.Place?]) throws {
        let reversed = try travel.minutes(of: trips, from: places, to: places)
        var finite = 0
        for (trip, minutes) in zip(trips, reversed) {
            let forward = try travel.minutes(of: [trip], from: places, to: places)[0]
            #expect((minutes == nil) == (forward == nil), "\(trip)")
            if let minutes, let forward {
                #expect(abs(minutes - forward) < 1e-9, "\(trip)")
                finite += 1
            }
        }
        #expect(finite > 0)
    }
}
