import Foundation
import Geo

extension TravelTimes {
    /// The origin each destination reaches first along the roads, and in
    /// how many minutes door to door: one search from every origin at once
    /// (each starting after its leg off the road), then each destination
    /// entered from whichever end of its segment is reached first, or
    /// straight along the segment it shares with an origin. Nil for a
    /// destination off the roads or that no origin reaches. Ties go to the
    /// first origin found, as the search settles them.
    public func nearestOrigins(to destinations: [Place?], from origins: [Place?]) -> [(origin: Int, minutes: Double)?] {
        var starts: [(node: Int, minutes: Double, label: Int32)] = []
        for (index, origin) in origins.enumerated() {
            guard let origin else { continue }
            starts += graph.starts(from: origin.snap).map { ($0.node, $0.minutes + access.minutes(origin.snap), Int32(index)) }
        }
        var paths = ShortestPaths(nodeCount: graph.nodeCount)
        paths.run(graph, from: starts)
        return destinations.map { destination in
            guard let snap = destination?.snap else { return nil }
            var best = (minutes: Double.infinity, origin: -1)
            let minutes = graph.segmentMinutes[snap.segment]
            let from = Int(graph.segmentFrom[snap.segment]), to = Int(graph.segmentTo[snap.segment])
            if graph.segmentForward[snap.segment], paths.origin[from] >= 0, paths.minutes[from] + snap.fraction * minutes < best.minutes {
                best = (paths.minutes[from] + snap.fraction * minutes, Int(paths.origin[from]))
            }
            if graph.segmentBackward[snap.segment], paths.origin[to] >= 0, paths.minutes[to] + (1 - snap.fraction) * minutes < best.minutes {
                best = (paths.minutes[to] + (1 - snap.fraction) * minutes, Int(paths.origin[to]))
            }
            for (index, origin) in origins.enumerated() {
                if let origin, let direct = graph.directMinutes(from: origin.snap, to: snap).map({ $0 + access.minutes(origin.snap) }),
                   direct < best.minutes {
                    best = (direct, index)
                }
            }
            guard best.origin >= 0 else { return nil }
            return (best.origin, best.minutes + access.minutes(snap))
        }
    }
}
