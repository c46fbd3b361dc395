import Foundation
import Testing
@testable import Geo
@testable import Territory

/// The isochrone bands built over the segment tree (`IsochroneBuilder`,
/// what `Isochrones.bands` and `territorio isochrone` use) against today's
/// method (`Isochrones.polygons`: one union of every buffered line of a
/// band): the same areas within 0.5 %, on the hand-drawn 4 x 4 grid of
/// `RoadNetworkTests` and on the Duitama roads when they are present.
@Suite struct IsochroneBuilderTests {
    static func corner(_ column: Double, _ row: Double) -> Position {
        Position(x: RoadNetworkTests.origin.x + column * 1000, y: RoadNetworkTests.origin.y + row * 1000)
    }

    /// Band areas of each facility by today's method, nil where none.
    static func referenceAreas(_ snaps: [Snap], minutes: [Double], graph: RoadGraph, width: Double) throws -> [[Double?]] {
        var paths = ShortestPaths(nodeCount: graph.nodeCount)
        return try snaps.map { snap in
            try Isochrones(width: width).polygons(from: snap, minutes: minutes, graph: graph, paths: &paths, context: .current)
                .map { shape in try shape.map { try Geometry($0).area() } }
        }
    }

    static func builderAreas(_ snaps: [Snap], minutes: [Double], graph: RoadGraph, width: Double, leafSize: Int) throws -> [[Double?]] {
        let builder = IsochroneBuilder(graph: graph, tree: IsochroneTree(graph: graph, leafSize: leafSize), width: width, context: .current)
        return try snaps.map { snap in try builder.polygons(from: snap, minutes: minutes).map { try $0?.area() } }
    }

    @Test func wholeGridBandByHand() throws {
        let graph = try RoadGraph(roads: RoadNetworkTests.grid(), crs: RoadNetworkTests.crs)
        let snap = try #require(try NetworkSnapper(graph).snap(Self.corner(0, 0)))
        // The far corner is 9 minutes away: in 10 minutes all 24 km of road.
        // A 100 m band round a 3 x 3 km grid is the 3.2 km square less its
        // nine 800 m holes, less at each outer corner the square 100 m
        // corner the quarter circle (4 chords of 22.5 degrees) leaves out.
        let corner = 100.0 * 100 - 0.5 * 100 * 100 * 4 * sin(Double.pi / 8)
        let byHand = 3_200.0 * 3_200 - 9 * 800 * 800 - 4 * corner
        #expect(abs(byHand - 4_470_614.67) < 0.01)
        for leafSize in [1, 3, 32] {
            let area = try #require(try Self.builderAreas([snap], minutes: [10], graph: graph, width: 100, leafSize: leafSize)[0][0])
            #expect(abs(area - byHand) < 1, "leaves of \(leafSize)")
        }
        let reference = try #require(try Self.referenceAreas([snap], minutes: [10], graph: graph, width: 100)[0][0])
        #expect(abs(reference - byHand) < 1)
    }

    @Test func partialBandsAgreeWithTodaysMethodOnTheGrid() throws {
        for oneWay in [false, true] {
            let graph = try RoadGraph(roads: RoadNetworkTests.grid(oneWayDownColumn3: oneWay), crs: RoadNetworkTests.crs)
            let snapper = try NetworkSnapper(graph)
            // A corner, a point along the primary road, one in the middle of a street.
            let snaps = try [Self.corner(0, 0), Self.corner(1.3, 0), Self.corner(2, 1.5), Self.corner(3, 2.2)].map { try #require(try snapper.snap($0)) }
            let minutes: [Double] = [1.5, 3, 5, 7]
            let reference = try Self.referenceAreas(snaps, minutes: minutes, graph: graph, width: 100)
            for leafSize in [1, 2, 5, 32] {
                let areas = try Self.builderAreas(snaps, minutes: minutes, graph: graph, width: 100, leafSize: leafSize)
                for (facility, (mine, theirs)) in zip(areas, reference).enumerated() {
                    for (band, (a, b)) in zip(mine, theirs).enumerated() {
                        let a = try #require(a), b = try #require(b)
                        #expect(abs(a - b) <= 0.005 * b, "one way \(oneWay), leaves of \(leafSize), facility \(facility), \(minutes[band]) min: \(a) against \(b)")
                    }
                }
            }
        }
    }

    @Test func sameBytesWhateverTheNumberOfWorkers() throws {
        let graph = try RoadGraph(roads: RoadNetworkTests.grid(), crs: RoadNetworkTests.crs)
        let snapper = try NetworkSnapper(graph)
        let snaps = try (0..<12).map { try snapper.snap(Self.corner(Double($0 % 4), Double($0 / 4) * 1.4)) }
        let ids = snaps.indices.map { "F\($0)" }
        let layers = try [1, 2, 3].map { workers in
            Layer(features: try Isochrones(width: 100).bands(of: snaps, ids: ids, minutes: [2, 4, 6], graph: graph, workers: workers),
                  crs: graph.crs)
        }
        let bytes = try layers.enumerated().map { index, layer in
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("isochrones-\(getpid())-\(index).geojson").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try layer.writeGeoJSON(path: path)
            return try Data(contentsOf: URL(fileURLWithPath: path))
        }
        #expect(bytes[0] == bytes[1] && bytes[1] == bytes[2])
        #expect(layers[0].count == 36)
    }
}

/// The same agreement on the OpenStreetMap roads and tagged points of
/// interest of Duitama (`../shared/geodata/colombia/`), a few facilities
/// spread through the 850, at 5, 10 and 15 minutes as in issue 23.
@Suite(.enabled(if: IsochroneDuitama.isPresent, "\(IsochroneDuitama.directory) is absent: isochrones on the Duitama roads skipped"))
struct IsochroneDuitamaTests {
    @Test func bandsAgreeWithTodaysMethodWithinHalfAPercent() throws {
        let graph = try RoadGraph(roads: try Layer.readGeoJSON(path: IsochroneDuitama.roads), file: IsochroneDuitama.roads)
        let travel = try TravelTimes(graph: graph)
        let pois = try Layer.readGeoJSON(path: IsochroneDuitama.pois)
        let filter = try FeatureFilter("other_tags != null")
        let tagged = pois.features.filter { filter.matches($0) }
        #expect(tagged.count == 850)
        // Two facilities, the first and the middle one (today's method
        // takes about 2 s each).
        let points = stride(from: 0, to: tagged.count, by: 425).map { index -> Position? in
            if case .point(let position?)? = tagged[index].geometry { return position }
            return nil
        }
        let snaps = try travel.places(points, from: pois.crs).map { try #require($0?.snap) }
        let minutes: [Double] = [5, 10, 15]
        let reference = try IsochroneBuilderTests.referenceAreas(snaps, minutes: minutes, graph: graph, width: 200)
        let features = try Isochrones(width: 200).bands(of: snaps, ids: snaps.indices.map { "\($0)" }, minutes: minutes, graph: graph)
        let areas = features.map { $0.properties["area_m2"]?.doubleValue }
        let expected = reference.flatMap { $0 }.compactMap { $0 }
        #expect(areas.count == expected.count)
        for (index, (a, b)) in zip(areas, expected).enumerated() {
            let a = try #require(a)
            #expect(abs(a - b) <= 0.005 * b, "band \(index): \(a) m² against \(b) m²")
        }
    }
}

enum IsochroneDuitama {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/geodata/colombia").standardized.path
    static let roads = directory + "/co_duitama_vias_osm.geojson"
    static let pois = directory + "/co_duitama_pois_osm.geojson"
    static var isPresent: Bool {
        FileManager.default.fileExists(atPath: roads) && FileManager.default.fileExists(atPath: pois)
    }
}
