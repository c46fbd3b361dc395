import Geo

/// Candidates made rather than read: a square grid over the demand's
/// area, the demand units' own places, or the road graph's nodes.
public enum GeneratedCandidates {
    /// Cell centres of a grid of `spacing` metres over `envelope`, kept
    /// only where they fall inside one of `within` (when given: the demand
    /// territories, so no candidate lands in the sea or abroad).
    public static func grid(spacing: Double, over envelope: Envelope, within areas: [Geometry]? = nil) throws -> [Position] {
        precondition(spacing > 0)
        let columns = Int(((envelope.maxX - envelope.minX) / spacing).rounded(.up)), rows = Int(((envelope.maxY - envelope.minY) / spacing).rounded(.up))
        guard columns * rows <= 1_000_000 else {
            throw SitingError("a grid of \(columns) x \(rows) candidates is too many; give a larger spacing")
        }
        let locator = try areas.map { try PolygonLocator($0) }
        var points: [Position] = []
        for row in 0..<max(1, rows) {
            for column in 0..<max(1, columns) {
                let point = Position(x: envelope.minX + (Double(column) + 0.5) * spacing, y: envelope.minY + (Double(row) + 0.5) * spacing)
                if let locator, try locator.locate(x: point.x, y: point.y) == nil { continue }
                points.append(point)
            }
        }
        return points
    }

    /// Every node of the road graph where three or more roads meet or a road ends, in the graph's CRS.
    public static func roadNodes(_ graph: RoadGraph) -> [Position] {
        var degree = [Int](repeating: 0, count: graph.nodeXY.count / 2)
        for (from, to) in zip(graph.segmentFrom, graph.segmentTo) { degree[Int(from)] += 1; degree[Int(to)] += 1 }
        return degree.indices.filter { degree[$0] != 2 && degree[$0] > 0 }.map { Position(x: graph.nodeXY[2 * $0], y: graph.nodeXY[2 * $0 + 1]) }
    }
}
