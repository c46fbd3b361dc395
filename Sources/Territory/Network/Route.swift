import Foundation
import Geo

/// A route on the road graph: its line (metric CRS), length, and the
/// minutes of its parts added up (the part segments at both ends and every
/// arc between), which is what the shortest paths found.
public struct Route: Sendable {
    public let shape: Shape
    public let metres: Double
    public let minutes: Double
}

extension RoadGraph {
    /// The line of the fastest route to `destination`: from the origin's
    /// snapped position along the arcs the shortest paths used, to the
    /// destination's snapped position.
    public func route(from origin: Snap, to destination: Snap, paths: ShortestPaths) -> Route {
        let minutes = segmentMinutes[destination.segment]
        // Which end of the destination's segment the route enters by.
        let viaFrom = segmentForward[destination.segment]
            ? paths.minutes[Int(segmentFrom[destination.segment])] + destination.fraction * minutes : .infinity
        let viaTo = segmentBackward[destination.segment]
            ? paths.minutes[Int(segmentTo[destination.segment])] + (1 - destination.fraction) * minutes : .infinity
        let direct = self.minutes(to: destination, from: origin, paths: paths)
        var positions = [origin.position]
        var total = direct
        if !(destination.segment == origin.segment && direct < min(viaFrom, viaTo)) {
            let entry = viaFrom <= viaTo ? Int(segmentFrom[destination.segment]) : Int(segmentTo[destination.segment])
            let arcs = paths.arcs(to: entry, in: self)
            let first = arcs.first.map { source(of: $0) } ?? entry
            positions.append(position(of: first))
            for arc in arcs { positions.append(position(of: Int(arcTarget[arc]))) }
            let startPart = starts(from: origin).filter { $0.node == first }.map(\.minutes).min() ?? 0
            let endPart = viaFrom <= viaTo ? destination.fraction * minutes : (1 - destination.fraction) * minutes
            total = startPart + arcs.reduce(0) { $0 + arcMinutes[$1] } + endPart
        }
        positions.append(destination.position)
        return Route(shape: .lineString(CoordinateSequence(positions)), metres: Route.length(of: positions), minutes: total)
    }
}

extension Route {
    /// Metres along `positions`, added in order (the reversed matrix adds
    /// them the same way, so both directions give the same figure).
    static func length(of positions: [Position]) -> Double {
        var metres = 0.0
        for index in 1..<positions.count {
            metres += hypot(positions[index].x - positions[index - 1].x, positions[index].y - positions[index - 1].y)
        }
        return metres
    }
}
