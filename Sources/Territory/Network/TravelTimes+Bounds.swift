import Foundation

extension TravelTimes {
    /// The fastest any trip can go, km/h: the fastest road, or the leg off
    /// the road when that is faster. A trip of d metres takes at least
    /// d / this, whatever route it follows (a route is never shorter than
    /// the straight line).
    public var fastestSpeed: Double {
        var fastest = access.offRoadSpeed
        for segment in 0..<graph.segmentCount where graph.segmentMinutes[segment] > 0 {
            fastest = max(fastest, graph.segmentLength[segment] / 1000 / (graph.segmentMinutes[segment] / 60))
        }
        return fastest
    }

    /// A bound on the door-to-door minutes of any trip the roads join:
    /// from one root per component, the slowest node to reach it plus the
    /// slowest node it reaches (a trip u -> v is at most u -> root -> v),
    /// plus two legs off the road at `access.maxSnap` and a segment at each
    /// end. Exact where each component joins both ways; a trip found longer
    /// (oneway roads that leave a node unable to reach the root) is caught
    /// by the caller, who raises the bound.
    public func longestTripBound() -> Double {
        var roots: [Int: Int] = [:]
        for node in 0..<graph.nodeCount where roots[Int(componentOfNode[node])] == nil { roots[Int(componentOfNode[node])] = node }
        let starts = roots.values.sorted().map { (node: $0, minutes: 0.0) }
        var forward = ShortestPaths(nodeCount: graph.nodeCount)
        forward.run(graph, from: starts)
        let reversedGraph = graph.reversed()
        var backward = ShortestPaths(nodeCount: graph.nodeCount)
        backward.run(reversedGraph, from: starts)
        var reach: [Int: Double] = [:], back: [Int: Double] = [:]
        for node in 0..<graph.nodeCount {
            let component = Int(componentOfNode[node])
            if forward.minutes[node].isFinite { reach[component] = max(reach[component] ?? 0, forward.minutes[node]) }
            if backward.minutes[node].isFinite { back[component] = max(back[component] ?? 0, backward.minutes[node]) }
        }
        let longestRoads = roots.keys.map { (reach[$0] ?? 0) + (back[$0] ?? 0) }.max() ?? 0
        let longestSegment = graph.segmentMinutes.max() ?? 0
        return longestRoads + 2 * longestSegment + 2 * access.minutes(offRoad: access.maxSnap)
    }
}

extension RoadAccess {
    /// Minutes of a leg off the road of `metres`.
    public func minutes(offRoad metres: Double) -> Double {
        metres / (offRoadSpeed * 1000 / 60)
    }
}
