/// A fixed number of contiguous regions as alike inside as possible
/// (SKATER, Assunção et al. 2006): the minimum spanning tree of the
/// contiguity graph weighted by how different neighbours' values are, cut
/// k - 1 times, each time at the edge whose removal lowers the sum of
/// squared deviations most (subtree sums make each candidate O(1)); then
/// the max-p local search moves border units while it lowers that sum.
public struct Skater: Sendable {
    public var solver: MaxPRegions
    public var regions: Int

    /// `solver` holds the units (their `value`), neighbours and floor.
    public init(solver: MaxPRegions, regions: Int) {
        self.solver = solver
        self.solver.objective = .heterogeneity
        self.regions = regions
    }

    public func solve() -> MaxPRegions.Solution {
        let units = solver.units, n = units.count
        // Kruskal: neighbour pairs by value difference (ties by index).
        var edges: [(Double, Int, Int)] = []
        for (u, list) in solver.neighbours.enumerated() { for v in list where v > u { edges.append((abs(units[u].value - units[v].value), u, v)) } }
        edges.sort { $0.0 != $1.0 ? $0.0 < $1.0 : ($0.1, $0.2) < ($1.1, $1.2) }
        var parent = Array(0..<n)
        func find(_ x: Int) -> Int { var r = x; while parent[r] != r { r = parent[r] }; var c = x; while parent[c] != r { let nx = parent[c]; parent[c] = r; c = nx }; return r }
        var tree = [[Int]](repeating: [], count: n)
        for (_, u, v) in edges {
            let (ru, rv) = (find(u), find(v))
            guard ru != rv else { continue }
            parent[max(ru, rv)] = min(ru, rv)
            tree[u].append(v)
            tree[v].append(u)
        }
        var label = components(tree)
        var count = (label.max() ?? -1) + 1
        while count < regions, let cut = bestCut(tree, label) {
            tree[cut.0].removeAll { $0 == cut.1 }
            tree[cut.1].removeAll { $0 == cut.0 }
            label = components(tree)
            count += 1
        }
        let value = solver.objectiveValue(label, regions: count)
        let grown = MaxPRegions.Solution(regionOfUnit: label, regions: count, objective: value)
        return solver.renumbered(solver.improve(grown))
    }

    /// Connected parts of the forest, numbered by their lowest unit.
    private func components(_ tree: [[Int]]) -> [Int] {
        var label = [Int](repeating: -1, count: tree.count), next = 0
        for start in tree.indices where label[start] < 0 {
            var stack = [start]
            label[start] = next
            while let u = stack.popLast() { for v in tree[u] where label[v] < 0 { label[v] = next; stack.append(v) } }
            next += 1
        }
        return label
    }

    /// The tree edge whose removal lowers the sum of squared deviations
    /// most, keeping both sides above the floor.
    private func bestCut(_ tree: [[Int]], _ label: [Int]) -> (Int, Int)? {
        let units = solver.units
        var best: (gain: Double, edge: (Int, Int))?
        var visited = [Bool](repeating: false, count: tree.count)
        for root in tree.indices where !visited[root] {
            // Depth-first order with parents, then subtree sums bottom-up.
            var order: [Int] = [], parentOf = [Int: Int](), stack = [root]
            visited[root] = true
            while let u = stack.popLast() {
                order.append(u)
                for v in tree[u] where !visited[v] { visited[v] = true; parentOf[v] = u; stack.append(v) }
            }
            var count = [Int: Double](), sum = [Int: Double](), squares = [Int: Double](), people = [Int: Double]()
            for u in order.reversed() {
                count[u, default: 0] += 1
                sum[u, default: 0] += units[u].value
                squares[u, default: 0] += units[u].value * units[u].value
                people[u, default: 0] += units[u].population
                if let p = parentOf[u] {
                    count[p, default: 0] += count[u]!; sum[p, default: 0] += sum[u]!
                    squares[p, default: 0] += squares[u]!; people[p, default: 0] += people[u]!
                }
            }
            func ssd(_ c: Double, _ s: Double, _ q: Double) -> Double { c > 0 ? q - s * s / c : 0 }
            let (tc, ts, tq, tp) = (count[root]!, sum[root]!, squares[root]!, people[root]!)
            let whole = ssd(tc, ts, tq)
            for u in order where u != root {
                let (c, s, q, p) = (count[u]!, sum[u]!, squares[u]!, people[u]!)
                guard Int(c) >= solver.minimumUnits, Int(tc - c) >= solver.minimumUnits,
                      p >= solver.minimumPopulation, tp - p >= solver.minimumPopulation else { continue }
                let gain = whole - ssd(c, s, q) - ssd(tc - c, ts - s, tq - q)
                if best == nil || gain > best!.gain + 1e-12 { best = (gain, (parentOf[u]!, u)) }
            }
        }
        return best?.edge
    }
}
