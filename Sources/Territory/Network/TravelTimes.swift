import Foundation
import Geo

/// Travel along the roads, the one way every analysis measures it: points
/// placed on the network's largest component once (or, with `.nearestRoad`,
/// on whichever road is nearest, so a point on an island of roads stays
/// there and reaches only that island; none farther than `access.maxSnap`),
/// the legs off the road timed at `access.offRoadSpeed`, one shortest-path
/// search per origin, origins in parallel.
///
/// Memory grows as points + nodes: each worker keeps one set of search
/// arrays, and only the asked minutes (and routes) are kept.
public final class TravelTimes: @unchecked Sendable {
    /// A point where it meets the roads.
    public struct Place: Sendable {
        /// The point itself, in the graph's CRS.
        public let position: Position
        public let snap: Snap
    }

    /// One trip asked for: origin and destination by their index in the
    /// places given.
    public struct Trip: Sendable, Hashable {
        public let origin: Int
        public let destination: Int

        public init(_ origin: Int, _ destination: Int) {
            self.origin = origin
            self.destination = destination
        }
    }

    /// Where points meet the roads: on the largest component (every placed
    /// point reaches every other), or on the nearest road of any component
    /// (points on different components do not reach each other).
    public enum Snapping: Sendable {
        case largestComponent
        case nearestRoad
    }

    public let graph: RoadGraph
    public let access: RoadAccess
    public let snapping: Snapping
    /// The component of each road node (as if every road were two-way),
    /// numbered largest first.
    public let componentOfNode: [Int32]
    private let snapper: NetworkSnapper
    // NetworkSnapper keeps a GEOS context: one caller at a time.
    private let snapLock = NSLock()
    // The reversed graph, built on first need (`minutes(of:)` with fewer
    // destinations than origins).
    private var reversedGraph: RoadGraph?
    private let reversedLock = NSLock()

    private var reversed: RoadGraph {
        reversedLock.withLock {
            if let reversedGraph { return reversedGraph }
            let built = graph.reversed()
            reversedGraph = built
            return built
        }
    }

    public init(graph: RoadGraph, access: RoadAccess = RoadAccess(), snapping: Snapping = .largestComponent) throws {
        self.graph = graph
        self.access = access
        self.snapping = snapping
        let summary = NetworkSummary(graph)
        componentOfNode = summary.componentOfNode
        snapper = try NetworkSnapper(graph, component: snapping == .largestComponent ? 0 : nil, summary: summary)
    }

    /// The road component a placed point is on.
    public func component(of place: Place) -> Int {
        Int(componentOfNode[Int(graph.segmentFrom[place.snap.segment])])
    }

    /// Where each point (in `crs`) meets the roads; nil beyond
    /// `access.maxSnap` (or when it cannot be projected).
    public func places(_ points: [Position?], from crs: CRS) throws -> [Place?] {
        let transformer = try Transformer(from: crs, to: graph.crs)
        return try snapLock.withLock {
            try points.map { point -> Place? in
                guard let point, case .point(let position?) = try transformer.transform(.point(point)) else { return nil }
                guard let snap = access.accepts(try snapper.snap(position)) else { return nil }
                return Place(position: position, snap: snap)
            }
        }
    }

    /// The unlimited snap of a point already in the graph's CRS, for
    /// callers that report how far a refused point is.
    public func nearestSnap(_ position: Position) throws -> Snap? {
        try snapLock.withLock { try snapper.snap(position) }
    }

    /// Door-to-door minutes of each trip (legs off the road included);
    /// nil where either end is off the roads or the roads do not join them.
    public func minutes(of trips: [Trip], from origins: [Place?], to destinations: [Place?]) throws -> [Double?] {
        let graph = self.graph, access = self.access
        if Set(trips.map(\.destination)).count < Set(trips.map(\.origin)).count {
            return try perDestination(trips, origins, destinations)
        }
        return try perOrigin(trips, origins, destinations) { paths, origin, destination, _ in
            let minutes = graph.minutes(to: destination.snap, from: origin.snap, paths: paths)
            return minutes.isFinite ? minutes + access.minutes(origin.snap) + access.minutes(destination.snap) : nil
        }
    }

    /// `minutes(of:)` by one search per distinct destination over the
    /// reversed graph, destinations in parallel chunks; each search stops
    /// once the start nodes of every origin of its destination are settled.
    private func perDestination(_ trips: [Trip], _ origins: [Place?], _ destinations: [Place?]) throws -> [Double?] {
        let byDestination = Dictionary(grouping: trips.indices, by: { trips[$0].destination }).sorted { $0.key < $1.key }
        let graph = self.graph, reversed = self.reversed, access = self.access
        let chunks = try parallelChunks(count: byDestination.count) { range in
            var paths = ShortestPaths(nodeCount: reversed.nodeCount)
            var answers: [(Int, Double)] = []
            for (destination, indices) in byDestination[range] {
                guard let end = destinations[destination] else { continue }
                var targets = Set<Int>()
                for index in indices {
                    guard let start = origins[trips[index].origin] else { continue }
                    for node in graph.starts(from: start.snap) { targets.insert(node.node) }
                }
                guard !targets.isEmpty else { continue }
                paths.run(reversed, from: reversed.ends(at: end.snap), targets: targets)
                for index in indices {
                    guard let start = origins[trips[index].origin] else { continue }
                    let minutes = reversed.minutes(from: start.snap, to: end.snap, reversePaths: paths).minutes
                    if minutes.isFinite { answers.append((index, minutes + access.minutes(start.snap) + access.minutes(end.snap))) }
                }
            }
            return answers
        }
        var result = [Double?](repeating: nil, count: trips.count)
        for chunk in chunks { for (index, answer) in chunk { result[index] = answer } }
        return result
    }

    /// The route of each trip (graph CRS) from the origin's own position
    /// to the destination's, with the legs off the road.
    public func routes(of trips: [Trip], from origins: [Place?], to destinations: [Place?]) throws -> [Route?] {
        let graph = self.graph, access = self.access
        return try perOrigin(trips, origins, destinations) { paths, origin, destination, _ in
            guard graph.minutes(to: destination.snap, from: origin.snap, paths: paths).isFinite else { return nil }
            let road = graph.route(from: origin.snap, to: destination.snap, paths: paths)
            guard case .lineString(let line) = road.shape else { return nil }
            let positions = [origin.position] + line.positions + [destination.position]
            return Route(shape: .lineString(CoordinateSequence(positions)),
                         metres: road.metres + origin.snap.metres + destination.snap.metres,
                         minutes: road.minutes + access.minutes(origin.snap) + access.minutes(destination.snap))
        }
    }

    /// Every origin to every destination (see `RouteMatrix`), on the road
    /// from snap to snap as `route` reports it.
    public func matrix(from origins: [Place?], to destinations: [Place?], keepRoutes: Bool,
                       progress: ProgressCounter.Callback? = nil) throws -> RouteMatrix {
        try RouteMatrix(graph: graph, origins: origins.map { $0?.snap }, destinations: destinations.map { $0?.snap }, keepRoutes: keepRoutes,
                        progress: progress)
    }

    /// One search per distinct origin, origins in parallel chunks each
    /// with its own search arrays; each search stops once every
    /// destination of its origin is settled. `body` answers each trip.
    private func perOrigin<T: Sendable>(_ trips: [Trip], _ origins: [Place?], _ destinations: [Place?],
                                        _ body: @escaping @Sendable (ShortestPaths, Place, Place, Trip) -> T?) throws -> [T?] {
        let byOrigin = Dictionary(grouping: trips.indices, by: { trips[$0].origin }).sorted { $0.key < $1.key }
        let graph = self.graph
        let chunks = try parallelChunks(count: byOrigin.count) { range in
            var paths = ShortestPaths(nodeCount: graph.nodeCount)
            var answers: [(Int, T)] = []
            for (origin, indices) in byOrigin[range] {
                guard let start = origins[origin] else { continue }
                var targets = Set<Int>()
                for index in indices {
                    guard let end = destinations[trips[index].destination] else { continue }
                    targets.insert(Int(graph.segmentFrom[end.snap.segment]))
                    targets.insert(Int(graph.segmentTo[end.snap.segment]))
                }
                guard !targets.isEmpty else { continue }
                paths.run(graph, from: graph.starts(from: start.snap), targets: targets)
                for index in indices {
                    guard let end = destinations[trips[index].destination],
                          let answer = body(paths, start, end, trips[index]) else { continue }
                    answers.append((index, answer))
                }
            }
            return answers
        }
        var result = [T?](repeating: nil, count: trips.count)
        for chunk in chunks { for (index, answer) in chunk { result[index] = answer } }
        return result
    }
}
