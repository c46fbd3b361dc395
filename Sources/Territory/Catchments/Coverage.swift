import Foundation
import Geo

/// Area within reach of many points.
public enum Coverage {
    /// The union of discs of `radius` around `points` (metric CRS), each
    /// disc the polygon GEOS's buffer makes.
    ///
    /// Where many discs overlap, most lie wholly inside others, and unioning
    /// them is wasted work. So, exactly: a grid of squares half the radius
    /// wide is laid over the points; a square whose corners all lie within
    /// a point's inscribed radius is inside that point's disc; a disc whose
    /// bounding box lies wholly in such squares adds nothing and is dropped.
    /// The union is then the covered squares (merged into row runs) plus
    /// the remaining discs, in Z-ordered runs on every core.
    public static func unionOfDiscs(around points: [Position], radius: Double, quadrantSegments: Int = 8) throws -> Shape {
        guard !points.isEmpty else { return .multiPolygon([]) }
        let grid = CoveredGrid(points: points, radius: radius, quadrantSegments: quadrantSegments)
        let kept = points.filter { !grid.isRedundant($0) }
        let squares = grid.rowRuns()
        var xy: [Double] = []
        xy.reserveCapacity(kept.count * 2)
        for point in kept { xy += [point.x, point.y] }
        let order = xy.withUnsafeBufferPointer { SpatialOrder.permutation($0) }
        let pieces = squares + order.map { Shape.point(kept[Int($0)]) }
        let partial = try parallelChunks(count: pieces.count, minimumChunk: 500) { range in
            let context = GEOSContext()
            let parts = try pieces[range].map { piece -> Geometry in
                let geometry = try Geometry(piece, context: context)
                guard case .point = piece else { return geometry }
                return try geometry.buffer(radius, style: BufferStyle(quadrantSegments: quadrantSegments))
            }
            return try Geometry.union(parts, context: context).shape
        }
        let context = GEOSContext.current
        return try Geometry.union(partial.map { try Geometry($0, context: context) }, context: context).shape
    }
}

/// Grid squares known to lie inside some disc.
private struct CoveredGrid {
    let originX: Double
    let originY: Double
    let side: Double
    let columns: Int
    let rows: Int
    let radius: Double
    var covered: [Bool]

    init(points: [Position], radius: Double, quadrantSegments: Int) {
        self.radius = radius
        side = radius / 2
        let minX = points.map(\.x).min()! - radius, minY = points.map(\.y).min()! - radius
        let maxX = points.map(\.x).max()! + radius, maxY = points.map(\.y).max()! + radius
        originX = minX
        originY = minY
        columns = Int(((maxX - minX) / side).rounded(.up)) + 1
        rows = Int(((maxY - minY) / side).rounded(.up)) + 1
        covered = [Bool](repeating: false, count: columns * rows)
        // The buffer polygon is inscribed in the circle: it holds the disc
        // of radius r cos(pi / (4 quadrant segments)) and nothing less.
        let inner = radius * cos(Double.pi / Double(4 * quadrantSegments)) * (1 - 1e-9)
        let innerSquared = inner * inner
        for point in points {
            let (c0, c1, r0, r1) = cells(around: point)
            for row in r0...r1 {
                for column in c0...c1 where !covered[row * columns + column] {
                    let x0 = originX + Double(column) * side, y0 = originY + Double(row) * side
                    let farX = max(abs(point.x - x0), abs(point.x - x0 - side))
                    let farY = max(abs(point.y - y0), abs(point.y - y0 - side))
                    if farX * farX + farY * farY <= innerSquared { covered[row * columns + column] = true }
                }
            }
        }
    }

    /// The cells the bounding box of the point's disc touches.
    func cells(around point: Position) -> (Int, Int, Int, Int) {
        let c0 = max(0, Int(((point.x - radius - originX) / side).rounded(.down)))
        let c1 = min(columns - 1, Int(((point.x + radius - originX) / side).rounded(.down)))
        let r0 = max(0, Int(((point.y - radius - originY) / side).rounded(.down)))
        let r1 = min(rows - 1, Int(((point.y + radius - originY) / side).rounded(.down)))
        return (c0, c1, r0, r1)
    }

    /// The disc lies inside covered squares: it adds nothing to the union.
    func isRedundant(_ point: Position) -> Bool {
        let (c0, c1, r0, r1) = cells(around: point)
        for row in r0...r1 {
            for column in c0...c1 where !covered[row * columns + column] { return false }
        }
        return true
    }

    /// Covered squares merged into one rectangle per run along each row.
    func rowRuns() -> [Shape] {
        var runs: [Shape] = []
        for row in 0..<rows {
            var column = 0
            while column < columns {
                guard covered[row * columns + column] else { column += 1; continue }
                let start = column
                while column < columns, covered[row * columns + column] { column += 1 }
                runs.append(Envelope(minX: originX + Double(start) * side, minY: originY + Double(row) * side,
                                     maxX: originX + Double(column) * side, maxY: originY + Double(row + 1) * side).shape)
            }
        }
        return runs
    }
}
