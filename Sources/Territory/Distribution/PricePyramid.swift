import Foundation
import Geo

/// Buyers on a grid of square cells (about one a cell), with coarser
/// levels above it, each cell of a level covering 2 × 2 of the level
/// below and knowing the highest price under it: the pricing's spatial
/// index. A seller looks for buyers whose price exceeds its own by more
/// than the link costs; a cell far away can only hold one if its highest
/// price makes up for the distance, so whole regions are passed over at
/// once, however loose the bound is elsewhere (a flat grid visited every
/// cell within the loosest bound for every seller: quadratic at scale).
struct PricePyramid {
    let positions: [Position]
    private(set) var prices: [Double]
    let minX: Double, minY: Double, cell: Double
    /// Finest level's members, cell by cell: `order[start[c]..<start[c + 1]]`.
    private let start: [Int32]
    private let order: [Int32]
    /// Per level (0 the finest), its columns, rows and each cell's highest price.
    private let columns: [Int], rows: [Int]
    private var highest: [[Double]]
    /// The largest finite price magnitude: how far Double prices may be off.
    private(set) var largestMagnitude: Double

    init(positions: [Position], prices: [Double]) {
        precondition(!positions.isEmpty && positions.count == prices.count)
        self.positions = positions
        self.prices = prices
        let xs = positions.map(\.x), ys = positions.map(\.y)
        minX = xs.min()!; minY = ys.min()!
        let width = max(xs.max()! - minX, 1), height = max(ys.max()! - minY, 1)
        // About one point a cell, never more than 4 million cells.
        let cells = Double(min(positions.count, 4_000_000))
        cell = max(sqrt(width * height / cells), max(width, height) / 2000, 1)
        var columns = [Int(width / cell) + 1], rows = [Int(height / cell) + 1]
        let slots = columns[0] * rows[0]
        var count = [Int32](repeating: 0, count: slots + 1)
        var slotOf = [Int32](repeating: 0, count: positions.count)
        var finest = [Double](repeating: -.infinity, count: slots)
        for (index, position) in positions.enumerated() {
            let column = min(Int((position.x - minX) / cell), columns[0] - 1)
            let row = min(Int((position.y - minY) / cell), rows[0] - 1)
            let slot = row * columns[0] + column
            slotOf[index] = Int32(slot)
            count[slot + 1] += 1
            finest[slot] = max(finest[slot], prices[index])
        }
        for slot in 0..<slots { count[slot + 1] += count[slot] }
        var fill = count
        var order = [Int32](repeating: 0, count: positions.count)
        for index in positions.indices {
            let slot = Int(slotOf[index])
            order[Int(fill[slot])] = Int32(index)
            fill[slot] += 1
        }
        start = count
        self.order = order
        var highest = [finest]
        while columns.last! > 1 || rows.last! > 1 {
            let below = highest.last!, belowColumns = columns.last!, belowRows = rows.last!
            let c = (belowColumns + 1) / 2, r = (belowRows + 1) / 2
            var level = [Double](repeating: -.infinity, count: c * r)
            for row in 0..<belowRows { for column in 0..<belowColumns {
                let up = (row / 2) * c + column / 2
                level[up] = max(level[up], below[row * belowColumns + column])
            } }
            highest.append(level); columns.append(c); rows.append(r)
        }
        self.columns = columns
        self.rows = rows
        self.highest = highest
        // −∞ is no price (a point no search may find): it bounds nothing.
        largestMagnitude = prices.reduce(0) { $1 > -.infinity ? max($0, abs($1)) : $0 }
    }

    /// Lowers point `index`'s price (the complete-network potentials only
    /// ever fall), keeping each cell's highest price exact above it, so
    /// searches prune as tightly as on a fresh pyramid.
    mutating func lower(_ index: Int, to price: Double) {
        prices[index] = price
        largestMagnitude = max(largestMagnitude, abs(price))
        let p = positions[index]
        var column = min(Int((p.x - minX) / cell), columns[0] - 1)
        var row = min(Int((p.y - minY) / cell), rows[0] - 1)
        let slot = row * columns[0] + column
        var top = -Double.infinity
        for k in Int(start[slot])..<Int(start[slot + 1]) { top = max(top, prices[Int(order[k])]) }
        guard top != highest[0][slot] else { return }
        highest[0][slot] = top
        for level in 1..<highest.count {
            column /= 2; row /= 2
            var most = -Double.infinity
            children(level: level, column: column, row: row) { c, r in most = max(most, highest[level - 1][r * columns[level - 1] + c]) }
            let up = row * columns[level] + column
            guard most != highest[level][up] else { return }
            highest[level][up] = most
        }
    }

    /// The distance from `centre` to cell (column, row) of `level`.
    private func distance(from centre: Position, level: Int, column: Int, row: Int) -> Double {
        let size = cell * Double(1 << level)
        let x0 = minX + Double(column) * size, y0 = minY + Double(row) * size
        let dx = max(0, x0 - centre.x, centre.x - (x0 + size))
        let dy = max(0, y0 - centre.y, centre.y - (y0 + size))
        return hypot(dx, dy)
    }

    /// The four cells under (column, row) of `level`, those that exist.
    private func children(level: Int, column: Int, row: Int, _ body: (Int, Int) -> Void) {
        let below = level - 1
        for r in (2 * row)...(2 * row + 1) where r < rows[below] {
            for c in (2 * column)...(2 * column + 1) where c < columns[below] { body(c, r) }
        }
    }

    /// Calls `found` with every point p for which `qualifies(d(p), price(p))`,
    /// entering only cells whose nearest edge and highest price qualify.
    /// `qualifies` must grow stricter as the distance grows and looser as
    /// the price grows.
    func search(around centre: Position, qualifies: (Double, Double) -> Bool, found: (Int) -> Void) {
        var stack = [(level: highest.count - 1, column: 0, row: 0)]
        while let (level, column, row) = stack.popLast() {
            let price = highest[level][row * columns[level] + column]
            guard price > -.infinity, qualifies(distance(from: centre, level: level, column: column, row: row), price) else { continue }
            if level == 0 {
                let slot = row * columns[0] + column
                for k in Int(start[slot])..<Int(start[slot + 1]) {
                    let index = Int(order[k]), p = positions[index]
                    if qualifies(hypot(p.x - centre.x, p.y - centre.y), prices[index]) { found(index) }
                }
            } else {
                children(level: level, column: column, row: row) { stack.append((level - 1, $0, $1)) }
            }
        }
    }

    /// The `count` points of least `score`, those below `cutoff`, best
    /// first, visiting cells in the order of `bound(d, highest price)`, a
    /// lower bound of the score of any point at least d away with at most
    /// that price. `score` is nil for points to pass over.
    func best(_ count: Int, around centre: Position, below cutoff: Int64, bound: (Double, Double) -> Double,
              score: (Int) -> Int64?) -> [(index: Int, score: Int64)] {
        var kept: [(index: Int, score: Int64)] = []
        // Cells by bound; the heap holds each cell's place in `cells`.
        var heap = MinHeap<Double>()
        var cells: [(level: Int, column: Int, row: Int)] = []
        func push(_ level: Int, _ column: Int, _ row: Int) {
            let price = highest[level][row * columns[level] + column]
            guard price > -.infinity else { return }
            cells.append((level, column, row))
            heap.push(bound(distance(from: centre, level: level, column: column, row: row), price), Int32(cells.count - 1))
        }
        push(highest.count - 1, 0, 0)
        while let (lowest, _) = heap.first {
            // The score a cell must be able to beat: the cutoff, or the worst kept once full.
            let limit = kept.count < count ? cutoff : kept[kept.count - 1].score
            guard lowest < Double(limit) else { break }
            let (level, column, row) = cells[Int(heap.pop()!.1)]
            if level > 0 {
                children(level: level, column: column, row: row) { push(level - 1, $0, $1) }
                continue
            }
            let slot = row * columns[0] + column
            for k in Int(start[slot])..<Int(start[slot + 1]) {
                let index = Int(order[k])
                guard let value = score(index) else { continue }
                let limit = kept.count < count ? cutoff : kept[kept.count - 1].score
                guard value < limit else { continue }
                // Sorted insertion: `count` is small.
                var at = kept.count
                while at > 0, (kept[at - 1].score, kept[at - 1].index) > (value, index) { at -= 1 }
                kept.insert((index, value), at: at)
                if kept.count > count { kept.removeLast() }
            }
        }
        return kept
    }
}
