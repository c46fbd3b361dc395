import Foundation
import Testing
@testable import Geo
@testable import Territory

@Suite struct RoadNetworkTests {
    static let crs = CRS("EPSG:32619")
    static let origin = Position(x: 600_000, y: 1_100_000)

    /// A 4 x 4 grid of roads 1 km apart: rows and columns as whole lines
    /// sharing their crossing vertices. The bottom row is a 60 km/h primary
    /// road, the rest 30 km/h residential streets.
    static func grid(oneWayDownColumn3: Bool = false) -> Layer {
        var features: [Feature] = []
        for row in 0..<4 {
            let line = (0..<4).map { Position(x: origin.x + Double($0) * 1000, y: origin.y + Double(row) * 1000) }
            features.append(Feature(geometry: .lineString(CoordinateSequence(line)),
                                    properties: ["highway": .string(row == 0 ? "primary" : "residential"), "maxspeed": .number(row == 0 ? 60 : 30)]))
        }
        for column in 0..<4 {
            // Columns run north to south, so a one-way column 3 goes down.
            let line = (0..<4).reversed().map { Position(x: origin.x + Double(column) * 1000, y: origin.y + Double($0) * 1000) }
            var properties: JSONObject = ["highway": "residential", "maxspeed": 30]
            if column == 3, oneWayDownColumn3 { properties["oneway"] = "yes" }
            features.append(Feature(geometry: .lineString(CoordinateSequence(line)), properties: properties))
        }
        return Layer(features: features, crs: crs)
    }

    func node(_ graph: RoadGraph, _ column: Int, _ row: Int) -> Int {
        (0..<graph.nodeCount).first { graph.position(of: $0) == Position(x: Self.origin.x + Double(column) * 1000, y: Self.origin.y + Double(row) * 1000) }!
    }

    @Test func gridHas16NodesAnd24Segments() throws {
        let graph = try RoadGraph(roads: Self.grid(), crs: Self.crs)
        let summary = NetworkSummary(graph)
        #expect(graph.nodeCount == 16)
        #expect(graph.segmentCount == 24)
        #expect(graph.arcCount == 48)
        #expect(summary.componentSizes == [16])
        #expect(summary.deadEnds == 0)
        #expect(summary.lengthMetres == 24_000)
    }

    @Test func fastestPathsByHand() throws {
        let graph = try RoadGraph(roads: Self.grid(), crs: Self.crs)
        var paths = ShortestPaths(nodeCount: graph.nodeCount)
        paths.run(graph, from: [(node(graph, 0, 0), 0)])
        // Along the primary road (3 km at 60 km/h: 3 min), then up column 3
        // (3 km at 30 km/h: 6 min): 9 minutes, beating any all-street route (12).
        #expect(abs(paths.minutes[node(graph, 3, 3)] - 9) < 1e-9)
        #expect(abs(paths.minutes[node(graph, 3, 0)] - 3) < 1e-9)
        #expect(abs(paths.minutes[node(graph, 0, 3)] - 6) < 1e-9)
        #expect(paths.arcs(to: node(graph, 3, 3), in: graph).count == 6)
        // Within 5 minutes: the bottom row (0, 1, 2, 3 min), one block up
        // from it (2, 3, 4, 5 min) and two blocks up its first two columns (4, 5).
        let reachable = (0..<graph.nodeCount).filter { paths.minutes[$0] <= 5 }.count
        #expect(reachable == 10)
    }

    @Test func oneWayStreetsAreRespected() throws {
        let graph = try RoadGraph(roads: Self.grid(oneWayDownColumn3: true), crs: Self.crs)
        var paths = ShortestPaths(nodeCount: graph.nodeCount)
        paths.run(graph, from: [(node(graph, 0, 0), 0)])
        // Column 3 only runs south: go up column 2 and across: 2 + 6 + 2.
        #expect(abs(paths.minutes[node(graph, 3, 3)] - 10) < 1e-9)
        paths.run(graph, from: [(node(graph, 3, 3), 0)])
        #expect(abs(paths.minutes[node(graph, 3, 0)] - 6) < 1e-9)
    }

    @Test func snappedPointsTravelPartSegments() throws {
        let graph = try RoadGraph(roads: Self.grid(), crs: Self.crs)
        let snapper = try NetworkSnapper(graph)
        // 100 m south of the primary road, a quarter of the way along its
        // first block; and 50 m east of column 3, halfway up its top block.
        let a = try #require(try snapper.snap(Position(x: Self.origin.x + 250, y: Self.origin.y - 100)))
        let b = try #require(try snapper.snap(Position(x: Self.origin.x + 3050, y: Self.origin.y + 2500)))
        #expect(abs(a.metres - 100) < 1e-9)
        #expect(abs(b.metres - 50) < 1e-9)
        var paths = ShortestPaths(nodeCount: graph.nodeCount)
        paths.run(graph, from: graph.starts(from: a))
        // 2.75 km of primary road (2.75 min) and 2.5 km up column 3 (5 min).
        let minutes = graph.minutes(to: b, from: a, paths: paths)
        #expect(abs(minutes - 7.75) < 1e-9)
        let route = graph.route(from: a, to: b, paths: paths)
        #expect(abs(route.metres - 5_250) < 1e-6)
        #expect(abs(route.minutes - 7.75) < 1e-9)
    }

    @Test func isochroneOfFiveMinutesByHand() throws {
        let graph = try RoadGraph(roads: Self.grid(), crs: Self.crs)
        let snap = try #require(try NetworkSnapper(graph).snap(Self.origin))
        var paths = ShortestPaths(nodeCount: graph.nodeCount)
        let isochrones = Isochrones(width: 100)
        let polygons = try isochrones.polygons(from: snap, minutes: [5], graph: graph, paths: &paths, context: .current)
        let lines = isochrones.reachableLines(within: 5, from: snap, graph: graph, paths: paths)
        let length = lines.reduce(0.0) { sum, line in sum + hypot(line[1].x - line[0].x, line[1].y - line[0].y) }
        // Bottom row 3 km; columns up from it 2.5, 2, 1.5 and 1 km; row 1
        // 2.5 km; row 2 0.5 km: 13 km of road within 5 minutes.
        #expect(abs(length - 13_000) < 1e-6)
        let area = try Geometry(try #require(polygons[0])).area()
        // A 100 m band each side of 13 km of road, less the overlaps at joints.
        #expect(area > 13_000 * 200 * 0.8 && area < 13_000 * 200 + Double.pi * 100 * 100 * 8)
    }

    @Test func networkCatchmentsGoByTravelTime() throws {
        // Two villages: one beside the fast bottom road 1.5 km from F0, one
        // beside column 3 half a kilometre below F1 at the far corner.
        let village = { (x: Double, y: Double, people: Int) in
            Feature(geometry: Envelope(minX: Self.origin.x + x - 50, minY: Self.origin.y + y - 50,
                                       maxX: Self.origin.x + x + 50, maxY: Self.origin.y + y + 50).shape,
                    properties: ["population": .number(people)])
        }
        let territories = Layer(features: [village(1500, 60, 10), village(3060, 2500, 20)], crs: Self.crs)
        let facilities = Layer(features: [Self.origin, Position(x: Self.origin.x + 3000, y: Self.origin.y + 3000)].map {
            Feature(geometry: .point($0))
        }, crs: Self.crs)
        let travel = try TravelTimes(graph: try RoadGraph(roads: Self.grid(), crs: Self.crs))
        let result = try CatchmentAnalysis(method: .network)
            .run(facilities: facilities, in: try StudyTerritories(territories, file: "<territories>"), travel: travel)
        let populations = result.layer.features.filter { $0.properties["kind"] == "catchment" }.map { $0.properties["population"]?.doubleValue }
        // 1.5 min from F0 against 7.5 from F1; 1 min from F1 against 8 from F0.
        #expect(populations == [10, 20])
    }

    @Test func eachDestinationFindsTheOriginItReachesFirst() throws {
        let travel = try TravelTimes(graph: try RoadGraph(roads: Self.grid(), crs: Self.crs))
        let at = { (x: Double, y: Double) in Position(x: Self.origin.x + x, y: Self.origin.y + y) }
        // F0 at the corner on the fast road, F1 at the far corner; a third
        // origin 30 km away is off the roads and never chosen.
        let origins = try travel.places([at(0, 0), at(3000, 3000), at(0, -30_000)], from: Self.crs)
        #expect(origins[2] == nil)
        // On the fast road 1.5 km from F0 (1.5 min; 7.5 from F1); half a
        // kilometre below F1 (1 min); on F0's own segment (0.5 min); off the roads.
        let destinations = try travel.places([at(1500, 0), at(3000, 2500), at(500, 0), at(1500, -30_000)], from: Self.crs)
        let nearest = travel.nearestOrigins(to: destinations, from: origins)
        #expect(nearest.map { $0?.origin } == [0, 1, 0, nil])
        let minutes = nearest.map { $0?.minutes ?? -1 }
        for (found, expected) in zip(minutes, [1.5, 1, 0.5, -1]) { #expect(abs(found - expected) < 1e-9) }
    }

    @Test func speedsAndDirectionsFromProperties() {
        let attributes = RoadAttributes()
        #expect(attributes.speed(of: ["maxspeed": "50 km/h"]) == 50)
        #expect(abs(attributes.speed(of: ["maxspeed": "30 mph"]) - 48.28) < 0.01)
        #expect(attributes.speed(of: ["highway": "track"]) == 15)
        #expect(attributes.speed(of: ["other_tags": "\"maxspeed\"=>\"40\",\"oneway\"=>\"yes\""]) == 40)
        #expect(attributes.direction(of: ["other_tags": "\"maxspeed\"=>\"40\",\"oneway\"=>\"yes\""]) == .forward)
        #expect(attributes.direction(of: ["oneway": "-1"]) == .backward)
        #expect(attributes.direction(of: ["oneway": .null]) == .both)
    }
}

@Suite(.enabled(if: SharedGeodata.isPresent, "../shared/geodata is absent: Duitama roads skipped"))
struct DuitamaRoadTests {
    static func layer(_ name: String) throws -> Layer {
        try Layer.readGeoJSON(path: SharedGeodata.folder.appendingPathComponent("colombia/\(name)").path)
    }

    /// 20 points of interest snapped to the largest component, and the
    /// 20 x 20 matrix of minutes between them.
    static func matrix(respectOneWay: Bool) throws -> (RoadGraph, [Snap], [[Double]], [[ShortestPaths]]) {
        var attributes = RoadAttributes()
        attributes.respectOneWay = respectOneWay
        let graph = try RoadGraph(roads: try layer("co_duitama_vias_osm.geojson"), attributes: attributes)
        let snapper = try NetworkSnapper(graph)
        let pois = try layer("co_duitama_pois_osm.geojson").projected(to: graph.crs)
        let snaps = try stride(from: 0, to: 800, by: 40).map { index -> Snap in
            guard case .point(let position?)? = pois.features[index].geometry else { throw ReadError(file: "pois", message: "not a point") }
            return try snapper.snap(position)!
        }
        var paths = ShortestPaths(nodeCount: graph.nodeCount)
        var matrix: [[Double]] = []
        var all: [[ShortestPaths]] = []
        for origin in snaps {
            paths.run(graph, from: graph.starts(from: origin))
            matrix.append(snaps.map { graph.minutes(to: $0, from: origin, paths: paths) })
            all.append([paths])
        }
        return (graph, snaps, matrix, all)
    }

    @Test func theGraphAndItsComponents() throws {
        let graph = try RoadGraph(roads: try Self.layer("co_duitama_vias_osm.geojson"))
        let summary = NetworkSummary(graph)
        #expect(summary.componentSizes.count == 20)
        #expect(summary.componentSizes[0] == 32_620)
        #expect(summary.nodes == 33_282)
        #expect(graph.crs == CRS("EPSG:32618"))
    }

    @Test func twoWayMatrixIsSymmetricAndObeysTheTriangleInequality() throws {
        let (_, _, matrix, _) = try Self.matrix(respectOneWay: false)
        for a in 0..<20 {
            #expect(matrix[a][a] == 0)
            for b in 0..<20 {
                #expect(abs(matrix[a][b] - matrix[b][a]) < 1e-9, "\(a) \(b)")
                for c in 0..<20 { #expect(matrix[a][c] <= matrix[a][b] + matrix[b][c] + 1e-9) }
            }
        }
    }

    @Test func eachRouteTakesTheSumOfItsArcs() throws {
        let (graph, snaps, matrix, paths) = try Self.matrix(respectOneWay: true)
        for (a, origin) in snaps.enumerated() {
            for (b, destination) in snaps.enumerated() where a != b && matrix[a][b].isFinite {
                // The matrix figure is the arcs' minutes plus the partial
                // segments at both ends, taken from the path found.
                let route = graph.route(from: origin, to: destination, paths: paths[a][0])
                #expect(abs(route.minutes - matrix[a][b]) < 1e-9, "\(a) -> \(b)")
                for c in 0..<20 { #expect(matrix[a][b] <= matrix[a][c] + matrix[c][b] + 1e-9) }
            }
        }
    }
}
