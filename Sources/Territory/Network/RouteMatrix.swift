import Geo

/// Travel times over the roads from every origin to every destination,
/// and the fastest route of each pair when asked: one shortest-path search
/// per origin, origins in parallel. Pairs come in origin-major order
/// whatever the number of cores; points that did not snap (nil) are left
/// out.
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

    public init(graph: RoadGraph, origins: [Snap?], destinations: [Snap?], keepRoutes: Bool) throws {
        let chunks = try parallelChunks(count: origins.count) { range in
            var pairs: [Pair] = []
            var paths = ShortestPaths(nodeCount: graph.nodeCount)
            for o in range {
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
}
