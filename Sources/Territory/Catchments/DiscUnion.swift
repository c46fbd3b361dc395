import Foundation
import Geo

/// Area within reach of many points: the union of discs around them.
/// ("Coverage" means circuit coverage, `CircuitCoverage`, only.)
public enum DiscUnion {
    /// The union of discs of `radius` around `points` (metric CRS), each
    /// disc the polygon GEOS's buffer makes.
    ///
    /// Where many discs overlap, most lie wholly inside others, and unioning
    /// them is wasted work. So, exactly: a grid of squares half the radius
    /// wide (wider when that would pass `CoveredGrid.cellLimit`) is laid
    /// over the points; a square whose corners all lie within
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
struct CoveredGrid {
    let originX: Double
    let originY: Double
    let side: Double
    let columns: Int
    let rows: Int
    let radius: Double
    var covered: [Bool]

    /// The most cells for `points` points: 16 a point, and at least 2^16.
    /// Squares half the radius wide over the whole extent once asked for
    /// 38 GB (`--radius 1m`) or 10 GB (one swapped lat/lon site at 100 m);
    /// past the limit the squares widen, and when wider than the inscribed
    /// disc holds none is covered and every disc is unioned: the same union,
    /// with memory in proportion to the input.
    static func cellLimit(points: Int) -> Double {
        Double(max(1 << 16, 16 * points))
    }

    init(points: [Position], radius: Double, quadrantSegments: Int) {
        self.radius = radius
        let minX = points.map(\.x).min()! - radius, minY = points.map(\.y).min()! - radius
        let maxX = points.map(\.x).max()! + radius, maxY = points.map(\.y).max()! + radius
        originX = minX
        originY = minY
        let (width, height) = (maxX - minX, maxY - minY)
        let limit = Self.cellLimit(points: points.count)
        let side = max(radius / 2, (width * height / limit).squareRoot(), width / limit, height / limit)
        self.side = side
        // Extents that overflow (or a NaN) get one cell: no square is covered.
        let spans = ((width / side).rounded(.up), (height / side).rounded(.up))
        let fits = spans.0.isFinite && spans.1.isFinite && (spans.0 + 1) * (spans.1 + 1) <= 2 * limit
        columns = fits ? Int(spans.0) + 1 : 1
        rows = fits ? Int(spans.1) + 1 : 1
        covered = [Bool](repeating: false, count: columns * rows)
        guard fits else { return }
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
        let c0 = Self.cell((point.x - radius - originX) / side, count: columns)
        let c1 = Self.cell((point.x + radius - originX) / side, count: columns)
        let r0 = Self.cell((point.y - radius - originY) / side, count: rows)
        let r1 = Self.cell((point.y + radius - originY) / side, count: rows)
        return (c0, c1, r0, r1)
    }

    /// The cell of a position in cell widths, held to the grid in Double
    /// before the conversion (a NaN counts as the first).
    private static func cell(_ position: Double, count: Int) -> Int {
        let down = position.rounded(.down)
        guard down >= 0 else { return 0 }
        return down >= Double(count - 1) ? count - 1 : Int(down)
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
