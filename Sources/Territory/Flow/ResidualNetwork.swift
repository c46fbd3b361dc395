/// A flow network in forward-star form: every arc and its reverse, grouped
/// by tail node (CSR), with residual capacities. Flat buffers, no bounds
/// checks: the solvers that use it run tens of millions of arc scans.
final class ResidualNetwork {
    let nodeCount: Int
    let arcCount: Int
    /// Arcs leaving `u` are `firstOut[u] ..< firstOut[u + 1]`.
    let firstOut: UnsafeMutablePointer<Int32>
    let head: UnsafeMutablePointer<Int32>
    /// The index of each arc's partner (its reverse).
    let reverse: UnsafeMutablePointer<Int32>
    let residual: UnsafeMutablePointer<Int64>
    let cost: UnsafeMutablePointer<Int64>
    /// Where the forward copy of input arc `k` sits.
    let position: UnsafeMutablePointer<Int32>
    let inputArcCount: Int

    /// `arcs` are (from, to, capacity, cost); each becomes a forward arc of
    /// that capacity and a reverse arc of capacity 0 and opposite cost.
    init(nodeCount: Int, from: [Int], to: [Int], capacity: [Int64], cost arcCost: [Int64]) {
        self.nodeCount = nodeCount
        inputArcCount = from.count
        arcCount = 2 * from.count
        firstOut = .allocate(capacity: nodeCount + 1)
        head = .allocate(capacity: arcCount)
        reverse = .allocate(capacity: arcCount)
        residual = .allocate(capacity: arcCount)
        cost = .allocate(capacity: arcCount)
        position = .allocate(capacity: inputArcCount)
        firstOut.initialize(repeating: 0, count: nodeCount + 1)
        for k in 0..<inputArcCount {
            firstOut[from[k] + 1] += 1
            firstOut[to[k] + 1] += 1
        }
        for u in 0..<nodeCount { firstOut[u + 1] += firstOut[u] }
        var next = [Int32](unsafeUninitializedCapacity: nodeCount) { buffer, count in
            for u in 0..<nodeCount { buffer[u] = firstOut[u] }
            count = nodeCount
        }
        for k in 0..<inputArcCount {
            let u = from[k], v = to[k]
            let forward = Int(next[u]); next[u] += 1
            let backward = Int(next[v]); next[v] += 1
            head[forward] = Int32(v); head[backward] = Int32(u)
            reverse[forward] = Int32(backward); reverse[backward] = Int32(forward)
            residual[forward] = capacity[k]; residual[backward] = 0
            cost[forward] = arcCost[k]; cost[backward] = -arcCost[k]
            position[k] = Int32(forward)
        }
    }

    deinit {
        firstOut.deallocate(); head.deallocate(); reverse.deallocate()
        residual.deallocate(); cost.deallocate(); position.deallocate()
    }

    /// Pushes `amount` along arc `a`.
    @inline(__always) func push(_ amount: Int64, along a: Int) {
        residual[a] -= amount
        residual[Int(reverse[a])] += amount
    }

    /// Flow on input arc `k`: what its reverse has gained.
    func flow(onInputArc k: Int) -> Int64 {
        residual[Int(reverse[Int(position[k])])]
    }
}
