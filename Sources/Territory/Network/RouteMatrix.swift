import Foundation
import Geo

/// Travel times over the roads from every origin to every destination,
/// and the fastest route of each pair when asked: one shortest-path search
/// per origin, origins in parallel, or, when fewer destinations than
/// origins snapped and routes are not kept, one search per destination
/// over the reversed graph, destinations in parallel. Pairs come in
/// origin-major order whatever the number of cores or direction; points
/// that did not snap (nil) are left out.
public struct RouteMatrix: Sendable {
    public struct Pair: Sendable {
        public let origin: Int
        public let destination: Int
        /// Infinity when the destination cannot be reached (one-way roads).
        public let minutes: Double
        /// Along the route; infinity when unreachable.
        public let metres: Double
        /// The route's line (metric CRS), when routes were kept.
        public let route: Route?
    }

    public let pairs: [Pair]

    /// `progress` is told (searches done, searches): one per origin, or
    /// per destination when the search runs from them.
    public init(graph: RoadGraph, origins: [Snap?], destinations: [Snap?], keepRoutes: Bool,
                progress: ProgressCounter.Callback? = nil) throws {
        if !keepRoutes && destinations.compactMap({ $0 }).count < origins.compactMap({ $0 }).count {
            pairs = try Self.reversedPairs(graph: graph, origins: origins, destinations: destinations,
                                           counter: ProgressCounter(total: destinations.count, progress))
            return
        }
        let counter = ProgressCounter(total: origins.count, progress)
        let chunks = try parallelChunks(count: origins.count) { range in
            var pairs: [Pair] = []
            var paths = ShortestPaths(nodeCount: graph.nodeCount)
            for o in range {
                defer { counter.add(1) }
                guard let origin = origins[o] else { continue }
                paths.run(graph, from: graph.starts(from: origin))
                for (d, destination) in destinations.enumerated() {
                    guard let destination else { continue }
                    let minutes = graph.minutes(to: destination, from: origin, paths: paths)
                    let route = minutes.isFinite ? graph.route(from: origin, to: destination, paths: paths) : nil
                    pairs.append(Pair(origin: o, destination: d, minutes: minutes, metres: route?.metres ?? .infinity,
                                      route: keepRoutes ? route : nil))
                }
            }
            return pairs
        }
        pairs = chunks.flatMap { $0 }
    }

    /// Minutes and metres of every pair, one search per destination over
    /// the reversed graph; the route of each origin is walked along the
    /// search's arc chain towards the destination, its metres added in the
    /// order `RoadGraph.route(from:to:paths:)` adds them.
    private static func reversedPairs(graph: RoadGraph, origins: [Snap?], destinations: [Snap?], counter: ProgressCounter) throws -> [Pair] {
        let reversed = graph.reversed()
        let chunks = try parallelChunks(count: destinations.count) { range in
            var columns: [(Int, [Pair?])] = []
            var paths = ShortestPaths(nodeCount: reversed.nodeCount)
            for d in range {
                defer { counter.add(1) }
                guard let destination = destinations[d] else { continue }
                paths.run(reversed, from: reversed.ends(at: destination))
                var column = [Pair?](repeating: nil, count: origins.count)
                for (o, origin) in origins.enumerated() {
                    guard let origin else { continue }
                    let (minutes, through) = reversed.minutes(from: origin, to: destination, reversePaths: paths)
                    var metres = Double.infinity
                    if minutes.isFinite {
                        var positions = [origin.position]
                        if var node = through {
                            positions.append(graph.position(of: node))
                            while paths.arcInto[node] >= 0 {
                                let segment = Int(reversed.arcSegment[Int(paths.arcInto[node])])
                                node = Int(graph.segmentFrom[segment]) == node ? Int(graph.segmentTo[segment]) : Int(graph.segmentFrom[segment])
                                positions.append(graph.position(of: node))
                            }
                        }
                        positions.append(destination.position)
                        metres = Route.length(of: positions)
                    }
                    column[o] = Pair(origin: o, destination: d, minutes: minutes, metres: metres, route: nil)
                }
                columns.append((d, column))
            }
            return columns
        }
        var pairs: [Pair] = []
        let columns = chunks.flatMap { $0 }
        for o in origins.indices {
            for (_, column) in columns { if let pair = column[o] { pairs.append(pair) } }
        }
        return pairs
    }
}
