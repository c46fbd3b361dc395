import Foundation

/// The k nearest of a fixed set of points, through GEOS's STRtree: the
/// tree is asked for the points in a square around the query, the square
/// grown until it holds k points within its inscribed circle. Ties go to
/// the lower index.
public final class PointIndex {
    public let points: [Position]
    private let index: SpatialIndex
    private let spacing: Double

    public init(_ points: [Position], context: GEOSContext = .current) throws(GEOSError) {
        self.points = points
        var geometries: [Geometry] = []
        geometries.reserveCapacity(points.count)
        for point in points { geometries.append(try Geometry(.point(point), context: context)) }
        index = try SpatialIndex(geometries, context: context)
        let envelope = Shape.multiPoint(CoordinateSequence(points)).envelope
        let area = envelope.map { max($0.width * $0.height, 1) } ?? 1
        spacing = (area / Double(max(points.count, 1))).squareRoot()
    }

    public func nearest(_ k: Int, to point: Position) throws(GEOSError) -> [Int] {
        let wanted = min(k, points.count)
        guard wanted > 0 else { return [] }
        var radius = spacing * (Double(wanted).squareRoot() + 1)
        while true {
            let candidates = try index.query(Envelope(minX: point.x - radius, minY: point.y - radius,
                                                      maxX: point.x + radius, maxY: point.y + radius))
            let within = candidates.map { ($0, hypot(points[$0].x - point.x, points[$0].y - point.y)) }.filter { $0.1 <= radius }
            if within.count >= wanted || candidates.count == points.count {
                return within.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(wanted).map(\.0)
            }
            radius *= 2
        }
    }
}
