/// One phase of cost scaling: turns a flow that is ε·α-optimal into one
/// that is ε-optimal (every residual arc's reduced cost, cost + π(tail) −
/// π(head), at least −ε) by saturating the arcs of negative reduced cost,
/// then pushing the excess this leaves along admissible arcs (negative
/// reduced cost) and lowering the price of nodes that have none.
///
/// Global price updates, every so many relabels, set each price from the
/// distance (in steps of ε) to the nearest node still short of flow: the
/// heuristic that makes push-relabel fast in practice.
final class PriceRefinement {
    let network: ResidualNetwork
    let nodes: Int
    let maxRank: Int
    let price: UnsafeMutablePointer<Int64>
    let excess: UnsafeMutablePointer<Int64>
    let nextOut: UnsafeMutablePointer<Int32>
    let queue: UnsafeMutablePointer<Int32>
    let rank: UnsafeMutablePointer<Int32>
    let bucket: UnsafeMutablePointer<Int32>
    let bucketNext: UnsafeMutablePointer<Int32>
    let bucketPrev: UnsafeMutablePointer<Int32>
    private(set) var relabels = 0

    init(network: ResidualNetwork, alpha: Int64) {
        self.network = network
        nodes = network.nodeCount
        maxRank = Int(min(Int64(Int32.max - 1), alpha * Int64(nodes + 1)))
        price = .allocate(capacity: nodes)
        price.initialize(repeating: 0, count: nodes)
        excess = .allocate(capacity: nodes)
        excess.initialize(repeating: 0, count: nodes)
        nextOut = .allocate(capacity: nodes)
        queue = .allocate(capacity: nodes)
        rank = .allocate(capacity: nodes)
        bucketNext = .allocate(capacity: nodes + 1)
        bucketPrev = .allocate(capacity: nodes + 1)
        bucket = .allocate(capacity: maxRank + 1)
        bucket.initialize(repeating: Int32(nodes), count: maxRank + 1)
    }

    deinit {
        price.deallocate(); excess.deallocate(); nextOut.deallocate(); queue.deallocate()
        rank.deallocate(); bucket.deallocate(); bucketNext.deallocate(); bucketPrev.deallocate()
    }

    func refine(epsilon: Int64) {
        let firstOut = network.firstOut, head = network.head, residual = network.residual, cost = network.cost
        for u in 0..<nodes {
            nextOut[u] = firstOut[u]
            let priceU = price[u]
            for a in Int(firstOut[u])..<Int(firstOut[u + 1]) where residual[a] > 0 {
                let v = Int(head[a])
                if cost[a] + priceU - price[v] < 0 {
                    let amount = residual[a]
                    network.push(amount, along: a)
                    excess[u] -= amount
                    excess[v] += amount
                }
            }
        }
        // A ring of active nodes: each is in it at most once, since it
        // enters only when its excess turns positive.
        var read = 0, count = 0
        for u in 0..<nodes where excess[u] > 0 { queue[count] = Int32(u); count += 1 }
        if count == 0 { return }
        globalUpdate(epsilon: epsilon)
        let updateEvery = nodes
        var nextUpdate = relabels + updateEvery
        while count > 0 {
            let u = Int(queue[read])
            read = read + 1 == nodes ? 0 : read + 1
            count -= 1
            while excess[u] > 0 {
                var a = Int(nextOut[u])
                let end = Int(firstOut[u + 1])
                let priceU = price[u]
                while a < end {
                    if residual[a] > 0 {
                        let t = Int(head[a])
                        if cost[a] + priceU - price[t] < 0 {
                            // Look ahead: a node that could only push back is relabelled first.
                            if excess[t] >= 0, !hasAdmissibleArc(t) {
                                relabel(t, epsilon: epsilon)
                                if cost[a] + priceU - price[t] >= 0 { a += 1; continue }
                            }
                            let amount = min(residual[a], excess[u])
                            network.push(amount, along: a)
                            excess[u] -= amount
                            excess[t] += amount
                            if excess[t] > 0, excess[t] <= amount {
                                var slot = read + count
                                if slot >= nodes { slot -= nodes }
                                queue[slot] = Int32(t)
                                count += 1
                            }
                            if excess[u] == 0 { break }
                        }
                    }
                    a += 1
                }
                nextOut[u] = Int32(a)
                if excess[u] > 0 {
                    relabel(u, epsilon: epsilon)
                    if relabels >= nextUpdate {
                        globalUpdate(epsilon: epsilon)
                        nextUpdate = relabels + updateEvery
                    }
                }
            }
        }
    }

    /// Whether u has an admissible arc; its scan pointer moves to the first.
    @inline(__always) private func hasAdmissibleArc(_ u: Int) -> Bool {
        let firstOut = network.firstOut, head = network.head, residual = network.residual, cost = network.cost
        let priceU = price[u]
        var a = Int(nextOut[u])
        let end = Int(firstOut[u + 1])
        while a < end {
            if residual[a] > 0, cost[a] + priceU - price[Int(head[a])] < 0 {
                nextOut[u] = Int32(a)
                return true
            }
            a += 1
        }
        nextOut[u] = Int32(end)
        return false
    }

    /// Lowers u's price until its cheapest residual arc costs −ε.
    private func relabel(_ u: Int, epsilon: Int64) {
        let firstOut = network.firstOut, head = network.head, residual = network.residual, cost = network.cost
        var cheapest = Int64.max
        let priceU = price[u]
        for a in Int(firstOut[u])..<Int(firstOut[u + 1]) where residual[a] > 0 {
            cheapest = min(cheapest, cost[a] + priceU - price[Int(head[a])])
        }
        // A node looked ahead to may have no residual arc at all: nothing
        // bounds its price then, and one step of ε is as good as any.
        price[u] -= cheapest == .max ? epsilon : cheapest + epsilon
        nextOut[u] = firstOut[u]
        relabels += 1
    }

    /// Buckets by rank (distance in ε to a node with a deficit, over
    /// residual arcs walked backwards), then every node's price drops by
    /// ε per rank, so arcs towards deficits become admissible.
    private func globalUpdate(epsilon: Int64) {
        let firstOut = network.firstOut, head = network.head, reverse = network.reverse
        let residual = network.residual, cost = network.cost
        let empty = Int32(nodes)
        let unreached = Int32(maxRank)
        var pendingExcess: Int64 = 0
        var first = empty
        for u in 0..<nodes {
            if excess[u] < 0 {
                rank[u] = 0
                bucketNext[u] = first
                bucketPrev[Int(first)] = Int32(u)
                first = Int32(u)
            } else {
                pendingExcess += excess[u]
                rank[u] = unreached
            }
        }
        if pendingExcess == 0 { return }
        bucket[0] = first
        var highest = 0
        var r = 0
        search: while r <= highest {
            while bucket[r] != empty {
                let u = Int(bucket[r])
                bucket[r] = bucketNext[u]
                let priceU = price[u]
                for a in Int(firstOut[u])..<Int(firstOut[u + 1]) {
                    let back = Int(reverse[a])
                    guard residual[back] > 0 else { continue }
                    let v = Int(head[a])
                    let oldRank = Int(rank[v])
                    guard r < oldRank else { continue }
                    // Floor, not truncation: an admissible arc (−ε ≤ reduced < 0) adds no rank.
                    let reduced = cost[back] + price[v] - priceU
                    let steps = reduced >= 0 ? reduced / epsilon : -((epsilon - 1 - reduced) / epsilon)
                    guard steps < Int64(maxRank - r - 1) else { continue }
                    let newRank = r + 1 + Int(steps)
                    guard newRank < oldRank else { continue }
                    if oldRank < maxRank {
                        if bucket[oldRank] == Int32(v) {
                            bucket[oldRank] = bucketNext[v]
                        } else {
                            let before = Int(bucketPrev[v]), after = bucketNext[v]
                            bucketNext[before] = after
                            bucketPrev[Int(after)] = Int32(before)
                        }
                    }
                    rank[v] = Int32(newRank)
                    let next = bucket[newRank]
                    bucketNext[v] = next
                    bucketPrev[Int(next)] = Int32(v)
                    bucket[newRank] = Int32(v)
                    highest = max(highest, newRank)
                }
                if excess[u] > 0 {
                    pendingExcess -= excess[u]
                    if pendingExcess <= 0 { break search }
                }
            }
            r += 1
        }
        for u in 0..<nodes {
            if rank[u] < unreached { bucket[Int(rank[u])] = empty }
            let k = min(Int(rank[u]), r)
            if k > 0 {
                price[u] -= epsilon * Int64(k)
                nextOut[u] = firstOut[u]
            }
        }
    }
}
