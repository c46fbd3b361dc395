import Foundation
import Geo

/// The inside of an isochrone band, found on a grid before any GEOS call,
/// so the band's union skips the buffered lines the inside already covers.
///
/// A band is the union of its reachable lines buffered by `width`. In a
/// town, every point is within the width of dozens of streets, and the
/// union of their buffers is mostly spent on overlaps that vanish. A grid
/// cell whose every point is closer than `reliable` to some reachable line
/// is inside the band for sure (`reliable` is below the width by more than
/// GEOS's buffer loses to its chords and its simplification of the input
/// line); a line whose buffer lies wholly in such cells adds nothing. So
/// the band is the union of the sure cells (row runs of them, as
/// rectangles) and the buffers of the lines that are left: the same set as
/// the union of every buffer, with the cells strictly inside it, so the
/// band's outline is made of the same buffer arcs.
struct IsochroneCore {
    /// Cell side, metres; cell (column, row) spans
    /// [originX + column * cell, originX + (column + 1) * cell) and the same in y.
    let cell: Double
    let originX: Double
    let originY: Double
    let columns: Int
    let rows: Int
    /// Sure cells, row after row.
    private(set) var isSure: [Bool]
    /// Sure cells in [0, column) x [0, row), (columns + 1) x (rows + 1):
    /// how many cells of any rectangle are sure, in four reads.
    private var sums: [Int32]

    /// A point is inside a buffer of `width` for sure when it is closer to
    /// the line than this share of the width: GEOS puts the vertices of a
    /// round join or cap on the circle, so a buffer of 4 segments a quarter
    /// circle holds the disc of cos(pi / 16) = 0.981 of the width, and it
    /// simplifies the input line by 1 % of the width at most; 0.95 leaves
    /// a margin of 1 % more, so sure cells never touch the outline.
    static let reliableShare = 0.95
    /// Cells of half the width: small enough that a street mesh denser
    /// than the width fills them, large enough to be few.
    static let cellShare = 0.5
    /// At most this many cells a band (64 MB of sums): a band wider than
    /// that gets larger cells, fewer of them sure, the same polygon.
    static let maximumCells = 8_000_000

    /// The sure cells of the band whose reachable lines are `lines`
    /// (straight pieces, metric coordinates), buffered by `width`.
    init(lines: [(Position, Position)], width: Double) {
        var (minX, minY, maxX, maxY) = (Double.infinity, Double.infinity, -Double.infinity, -Double.infinity)
        for (a, b) in lines {
            minX = min(minX, a.x, b.x); maxX = max(maxX, a.x, b.x)
            minY = min(minY, a.y, b.y); maxY = max(maxY, a.y, b.y)
        }
        var cell = width * Self.cellShare
        if lines.isEmpty || !(width > 0) || !(minX.isFinite && maxX.isFinite && minY.isFinite && maxY.isFinite) {
            cell = 1
            (minX, minY, maxX, maxY) = (0, 0, 0, 0)
        }
        let spanX = maxX - minX + 2 * width, spanY = maxY - minY + 2 * width
        if spanX / cell * spanY / cell > Double(Self.maximumCells) {
            cell = (spanX * spanY / Double(Self.maximumCells)).squareRoot()
        }
        // The grid is anchored at multiples of the cell, so cell corners
        // are the same numbers whatever the band.
        originX = ((minX - width) / cell).rounded(.down) * cell - cell
        originY = ((minY - width) / cell).rounded(.down) * cell - cell
        columns = Int(((maxX + width - originX) / cell).rounded(.up)) + 2
        rows = Int(((maxY + width - originY) / cell).rounded(.up)) + 2
        self.cell = cell
        isSure = [Bool](repeating: false, count: columns * rows)
        sums = []
        // A cell is sure when its centre is within `reliable` less half its
        // diagonal of a line: then all of it is within `reliable`.
        let radius = width * Self.reliableShare - cell * 0.5.squareRoot()
        if radius > 0, !lines.isEmpty {
            for (a, b) in lines { mark(a, b, radius: radius) }
        }
        sums = Self.prefixSums(isSure, columns: columns, rows: rows)
    }

    private func column(_ x: Double) -> Int { Int(((x - originX) / cell).rounded(.down)) }
    private func row(_ y: Double) -> Int { Int(((y - originY) / cell).rounded(.down)) }

    /// Marks the cells whose centre is within `radius` of the segment a-b.
    private mutating func mark(_ a: Position, _ b: Position, radius: Double) {
        let firstColumn = max(0, column(min(a.x, b.x) - radius)), lastColumn = min(columns - 1, column(max(a.x, b.x) + radius))
        let firstRow = max(0, row(min(a.y, b.y) - radius)), lastRow = min(rows - 1, row(max(a.y, b.y) + radius))
        guard firstColumn <= lastColumn, firstRow <= lastRow else { return }
        let (dx, dy) = (b.x - a.x, b.y - a.y)
        let length2 = dx * dx + dy * dy
        let radius2 = radius * radius
        for row in firstRow...lastRow {
            let y = originY + (Double(row) + 0.5) * cell
            for column in firstColumn...lastColumn where !isSure[row * columns + column] {
                let x = originX + (Double(column) + 0.5) * cell
                let t = length2 > 0 ? min(1, max(0, ((x - a.x) * dx + (y - a.y) * dy) / length2)) : 0
                let (ex, ey) = (a.x + t * dx - x, a.y + t * dy - y)
                if ex * ex + ey * ey <= radius2 { isSure[row * columns + column] = true }
            }
        }
    }

    private static func prefixSums(_ isSure: [Bool], columns: Int, rows: Int) -> [Int32] {
        var sums = [Int32](repeating: 0, count: (columns + 1) * (rows + 1))
        let stride = columns + 1
        for row in 0..<rows {
            var running: Int32 = 0
            for column in 0..<columns {
                if isSure[row * columns + column] { running += 1 }
                sums[(row + 1) * stride + column + 1] = sums[row * stride + column + 1] + running
            }
        }
        return sums
    }

    /// Whether every point within `width` of the segment a-b is in sure
    /// cells (its envelope grown by the width is), so its buffer adds nothing.
    func covers(_ a: Position, _ b: Position, width: Double) -> Bool {
        let firstColumn = column(min(a.x, b.x) - width), lastColumn = column(max(a.x, b.x) + width)
        let firstRow = row(min(a.y, b.y) - width), lastRow = row(max(a.y, b.y) + width)
        guard firstColumn >= 0, firstRow >= 0, lastColumn < columns, lastRow < rows else { return false }
        let stride = columns + 1
        let sure = sums[(lastRow + 1) * stride + lastColumn + 1] - sums[firstRow * stride + lastColumn + 1]
            - sums[(lastRow + 1) * stride + firstColumn] + sums[firstRow * stride + firstColumn]
        return Int(sure) == (lastColumn - firstColumn + 1) * (lastRow - firstRow + 1)
    }

    /// The sure cells as rectangles, one per run of them along a row,
    /// rows from the bottom, runs from the left.
    func rectangles() -> [CoordinateSequence] {
        var rectangles: [CoordinateSequence] = []
        for row in 0..<rows {
            var column = 0
            while column < columns {
                guard isSure[row * columns + column] else { column += 1; continue }
                let start = column
                while column < columns, isSure[row * columns + column] { column += 1 }
                let (x0, x1) = (originX + Double(start) * cell, originX + Double(column) * cell)
                let (y0, y1) = (originY + Double(row) * cell, originY + Double(row + 1) * cell)
                rectangles.append(CoordinateSequence([
                    Position(x: x0, y: y0), Position(x: x1, y: y0), Position(x: x1, y: y1), Position(x: x0, y: y1), Position(x: x0, y: y0),
                ]))
            }
        }
        return rectangles
    }
}
