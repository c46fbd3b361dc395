import Foundation
import Geo

/// Where a point meets the network: the nearest position on a segment
/// (GEOS STRtree + nearest points), how far it is, and how far along.
public struct Snap: Sendable {
    public let segment: Int
    /// 0 at the segment's first node, 1 at its second.
    public let fraction: Double
    public let metres: Double
    public let position: Position
}

/// Snaps points to the segments of one component of a road graph (the
/// largest unless told otherwise), so every snapped point can reach every
/// other along the roads.
public final class NetworkSnapper {
    public let graph: RoadGraph
    private let context: GEOSContext
    private let segments: [Int]
    private let index: SpatialIndex

    public init(_ graph: RoadGraph, component: Int? = 0, summary: NetworkSummary? = nil, context: GEOSContext = .current) throws {
        self.graph = graph
        self.context = context
        let summary = summary ?? NetworkSummary(graph)
        segments = graph.segmentFrom.indices.filter { segment in
            component.map { summary.componentOfNode[Int(graph.segmentFrom[segment])] == Int32($0) } ?? true
        }
        let lines = try segments.map { segment in
            try Geometry(.lineString(CoordinateSequence([graph.position(of: Int(graph.segmentFrom[segment])),
                                                         graph.position(of: Int(graph.segmentTo[segment]))])), context: context)
        }
        index = try SpatialIndex(lines, context: context)
    }

    /// The nearest position on the network to `point` (metric CRS).
    public func snap(_ point: Position) throws -> Snap? {
        let geometry = try Geometry(.point(point), context: context)
        guard let nearest = try index.nearest(to: geometry) else { return nil }
        let (onLine, _) = try index.items[nearest].nearestPoints(to: geometry)
        let segment = segments[nearest]
        let a = graph.position(of: Int(graph.segmentFrom[segment]))
        let length = graph.segmentLength[segment]
        let along = hypot(onLine.x - a.x, onLine.y - a.y)
        return Snap(segment: segment, fraction: length > 0 ? min(1, along / length) : 0,
                    metres: hypot(onLine.x - point.x, onLine.y - point.y), position: onLine)
    }
}

extension RoadGraph {
    /// The nodes a journey from a snapped point can start at, with the
    /// minutes to reach each along the snapped segment.
    public func starts(from snap: Snap) -> [(node: Int, minutes: Double)] {
        let minutes = segmentMinutes[snap.segment]
        var starts: [(node: Int, minutes: Double)] = []
        if segmentForward[snap.segment] { starts.append((Int(segmentTo[snap.segment]), (1 - snap.fraction) * minutes)) }
        if segmentBackward[snap.segment] { starts.append((Int(segmentFrom[snap.segment]), snap.fraction * minutes)) }
        return starts
    }

    /// Minutes straight along a shared segment, when both points are on the
    /// same one and its direction allows the trip; nil otherwise.
    public func directMinutes(from origin: Snap, to snap: Snap) -> Double? {
        guard snap.segment == origin.segment else { return nil }
        let ahead = snap.fraction >= origin.fraction
        guard (ahead && segmentForward[snap.segment]) || (!ahead && segmentBackward[snap.segment]) else { return nil }
        return abs(snap.fraction - origin.fraction) * segmentMinutes[snap.segment]
    }

    /// Minutes to a snapped point, given the shortest paths from an origin
    /// (itself snapped at `origin`, for trips along a single segment).
    public func minutes(to snap: Snap, from origin: Snap, paths: ShortestPaths) -> Double {
        let minutes = segmentMinutes[snap.segment]
        var best = Double.infinity
        if segmentForward[snap.segment] {
            best = min(best, paths.minutes[Int(segmentFrom[snap.segment])] + snap.fraction * minutes)
        }
        if segmentBackward[snap.segment] {
            best = min(best, paths.minutes[Int(segmentTo[snap.segment])] + (1 - snap.fraction) * minutes)
        }
        if let direct = directMinutes(from: origin, to: snap) { best = min(best, direct) }
        return best
    }
}

extension RoadGraph {
    /// The nodes a journey to a snapped point can leave the network by,
    /// with the minutes from each along the snapped segment: where a
    /// search over `reversed()` starts from a destination.
    public func ends(at snap: Snap) -> [(node: Int, minutes: Double)] {
        let minutes = segmentMinutes[snap.segment]
        var ends: [(node: Int, minutes: Double)] = []
        if segmentForward[snap.segment] { ends.append((Int(segmentFrom[snap.segment]), snap.fraction * minutes)) }
        if segmentBackward[snap.segment] { ends.append((Int(segmentTo[snap.segment]), (1 - snap.fraction) * minutes)) }
        return ends
    }

    /// Minutes from a snapped point, given the shortest paths over
    /// `reversed()` from `ends(at: destination)`: the mirror of
    /// `minutes(to:from:paths:)`. `through` is the start node the road
    /// route leaves the origin's segment by (nil when none reaches).
    public func minutes(from origin: Snap, to destination: Snap, reversePaths paths: ShortestPaths) -> (minutes: Double, through: Int?) {
        var best = Double.infinity, through: Int?
        for start in starts(from: origin) {
            let minutes = start.minutes + paths.minutes[start.node]
            if minutes < best { best = minutes; through = start.node }
        }
        if let direct = directMinutes(from: origin, to: destination), direct < best { return (direct, nil) }
        return (best, through)
    }
}
