import Foundation
import Geo

/// EXPERIMENT (issue 23): a band as ONE GEOS buffer of the MultiLineString
/// of its reached lines, instead of unions over the `IsochroneTree`.
/// ISO_METHOD=buffer | merge (line-merged first) | snap (snapped to 1 cm
/// first) | merge-snap; ISO_REUSE=1: band k = band k-1 ∪ buffer(band k's
/// lines).
enum IsochroneExperiment {
    static let method = ProcessInfo.processInfo.environment["ISO_METHOD"] ?? "tree"
    static let reuse = ProcessInfo.processInfo.environment["ISO_REUSE"] == "1"
}

extension IsochroneBuilder {
    /// The reachable lines of every reached segment, in segment order.
    func reachedLines(of segments: [Int32]) -> [CoordinateSequence] {
        var lines: [CoordinateSequence] = []
        for segment in segments {
            let (a, b) = (graph.position(of: Int(graph.segmentFrom[Int(segment)])), graph.position(of: Int(graph.segmentTo[Int(segment)])))
            for (start, end) in reachSpans(of: Int(segment)) {
                lines.append(CoordinateSequence([Self.point(a, b, start), Self.point(a, b, end)]))
            }
        }
        return lines
    }

    func singleBuffer(_ lines: [CoordinateSequence], method: String) throws -> Geometry? {
        guard !lines.isEmpty else { return nil }
        var geometry = try Geometry(.multiLineString(lines), context: context)
        if method.contains("snap") { geometry = try geometry.snapRounded(gridSize: 0.01) }
        if method.contains("merge") { geometry = try geometry.lineMerged() }
        return try geometry.buffer(width, style: BufferStyle(quadrantSegments: 4))
    }
}
