import Foundation
import Geo

/// Travel along the roads between sites and territories, each snapped to
/// the network's largest component (none farther than `access.maxSnap`),
/// the legs off the road costing time at `access.offRoadSpeed`.
///
/// Memory grows as sites + nodes: the links are grouped by origin and each
/// origin's single search serves all of its links, then is dropped; only
/// the asked minutes (and routes) are kept.
final class RoadTravel: @unchecked Sendable {
    struct Link: Sendable {
        let from: Int
        let to: Int
        let toTerritory: Bool
    }

    let graph: RoadGraph
    let access: RoadAccess
    let siteSnaps: [Snap?]
    let territorySnaps: [Snap?]
    private let sites: [Position]
    private let territories: [Position]

    init(graph: RoadGraph, sites: [Position], territories: [Position], from crs: CRS, access: RoadAccess) throws {
        self.graph = graph
        self.access = access
        let snapper = try NetworkSnapper(graph)
        let transformer = try Transformer(from: crs, to: graph.crs)
        func place(_ point: Position) throws -> Position? {
            guard case .point(let position?) = try transformer.transform(.point(point)) else { return nil }
            return position
        }
        self.sites = try sites.map { try place($0) ?? $0 }
        self.territories = try territories.map { try place($0) ?? $0 }
        siteSnaps = try self.sites.map { access.accepts(try snapper.snap($0)) }
        territorySnaps = try self.territories.map { access.accepts(try snapper.snap($0)) }
    }

    /// Minutes of every link, door to door; nil where the roads do not join them.
    func minutes(of links: [Link]) throws -> [Double?] {
        try perOrigin(links) { paths, origin, destination, _ in
            let minutes = self.graph.minutes(to: destination, from: origin, paths: paths)
            return minutes.isFinite ? minutes + self.access.minutes(origin) + self.access.minutes(destination) : nil
        }
    }

    /// The route of every link (metric CRS of the graph), from the site's
    /// own position to the target's, with the legs off the road.
    func routes(of links: [Link]) throws -> [Route?] {
        try perOrigin(links) { paths, origin, destination, link in
            guard self.graph.minutes(to: destination, from: origin, paths: paths).isFinite else { return nil }
            let road = self.graph.route(from: origin, to: destination, paths: paths)
            guard case .lineString(let line) = road.shape else { return nil }
            let start = self.sites[link.from], end = link.toTerritory ? self.territories[link.to] : self.sites[link.to]
            let positions = [start] + line.positions + [end]
            return Route(shape: .lineString(CoordinateSequence(positions)), metres: road.metres + origin.metres + destination.metres,
                         minutes: road.minutes + self.access.minutes(origin) + self.access.minutes(destination))
        }
    }

    /// One search per origin, origins in parallel chunks each with its own
    /// search arrays; `body` answers each link of the origin.
    private func perOrigin<T: Sendable>(_ links: [Link], _ body: @escaping @Sendable (ShortestPaths, Snap, Snap, Link) -> T?) throws -> [T?] {
        let byOrigin = Dictionary(grouping: links.indices, by: { links[$0].from }).sorted { $0.key < $1.key }
        let graph = self.graph, siteSnaps = self.siteSnaps, territorySnaps = self.territorySnaps
        let chunks = try parallelChunks(count: byOrigin.count) { range in
            var paths = ShortestPaths(nodeCount: graph.nodeCount)
            var answers: [(Int, T)] = []
            for (site, indices) in byOrigin[range] {
                guard let origin = siteSnaps[site] else { continue }
                // The search stops once the ends of every destination's segment are settled.
                var targets = Set<Int>()
                for index in indices {
                    let link = links[index]
                    guard let destination = link.toTerritory ? territorySnaps[link.to] : siteSnaps[link.to] else { continue }
                    targets.insert(Int(graph.segmentFrom[destination.segment]))
                    targets.insert(Int(graph.segmentTo[destination.segment]))
                }
                guard !targets.isEmpty else { continue }
                paths.run(graph, from: graph.starts(from: origin), targets: targets)
                for index in indices {
                    let link = links[index]
                    guard let destination = link.toTerritory ? territorySnaps[link.to] : siteSnaps[link.to],
                          let answer = body(paths, origin, destination, link) else { continue }
                    answers.append((index, answer))
                }
            }
            return answers
        }
        var result = [T?](repeating: nil, count: links.count)
        for chunk in chunks { for (index, answer) in chunk { result[index] = answer } }
        return result
    }
}
