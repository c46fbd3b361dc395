extension ResidualNetwork {
    /// Pushes as much as the residual capacities allow from `source` to
    /// `sink` (Dinic: BFS levels, then blocking flows along current arcs)
    /// and returns how much.
    func pushMaximumFlow(from source: Int, to sink: Int) -> Int64 {
        var level = [Int32](repeating: -1, count: nodeCount)
        var current = [Int32](repeating: 0, count: nodeCount)
        var queue = [Int32](repeating: 0, count: nodeCount)
        var path: [Int32] = []
        var total: Int64 = 0
        while buildLevels(from: source, to: sink, level: &level, queue: &queue) {
            for u in 0..<nodeCount { current[u] = firstOut[u] }
            while true {
                let pushed = augment(from: source, to: sink, level: level, current: &current, path: &path)
                if pushed == 0 { break }
                total += pushed
            }
        }
        return total
    }

    private func buildLevels(from source: Int, to sink: Int, level: inout [Int32], queue: inout [Int32]) -> Bool {
        for u in 0..<nodeCount { level[u] = -1 }
        level[source] = 0
        queue[0] = Int32(source)
        var read = 0, write = 1
        while read < write {
            let u = Int(queue[read]); read += 1
            for a in Int(firstOut[u])..<Int(firstOut[u + 1]) where residual[a] > 0 {
                let v = Int(head[a])
                if level[v] < 0 {
                    level[v] = level[u] + 1
                    queue[write] = Int32(v); write += 1
                }
            }
        }
        return level[sink] >= 0
    }

    /// One source-to-sink path along arcs that go one level deeper, found
    /// depth-first without recursion; dead ends advance their current arc.
    private func augment(from source: Int, to sink: Int, level: [Int32], current: inout [Int32], path: inout [Int32]) -> Int64 {
        path.removeAll(keepingCapacity: true)
        var u = source
        while true {
            if u == sink {
                var amount = Int64.max
                for a in path { amount = min(amount, residual[Int(a)]) }
                for a in path { push(amount, along: Int(a)) }
                return amount
            }
            var advanced = false
            while current[u] < firstOut[u + 1] {
                let a = Int(current[u])
                let v = Int(head[a])
                if residual[a] > 0, level[v] == level[u] + 1 {
                    path.append(Int32(a))
                    u = v
                    advanced = true
                    break
                }
                current[u] += 1
            }
            if advanced { continue }
            // Dead end: step back and skip the arc that led here.
            guard let last = path.popLast() else { return 0 }
            u = Int(head[Int(reverse[Int(last)])])
            current[u] += 1
        }
    }
}
