import Territory

/// Min-cost flow by the primal network simplex method, for large networks:
/// a spanning tree kept in thread order (as LEMON's NetworkSimplex keeps
/// it: parent, thread, last successor, subtree size), entering arcs found
/// by block search, exact on integer capacities and costs.
///
/// Supplies must balance. Demand the arcs cannot meet is left on the
/// artificial arcs the method starts from and reported as `shortfall`.
public struct NetworkSimplex: Sendable {
    public private(set) var nodeCount: Int
    private var source: [Int] = []
    private var target: [Int] = []
    private var capacity: [Int64] = []
    private var cost: [Int64] = []
    private var supply: [Int64]

    /// Capacity meaning "no limit".
    public static let unlimited = Int64.max / 4

    public init(nodeCount: Int) {
        self.nodeCount = nodeCount
        supply = Array(repeating: 0, count: nodeCount)
    }

    public var arcCount: Int { source.count }

    @discardableResult
    public mutating func addArc(from: Int, to: Int, capacity arcCapacity: Int64, cost arcCost: Int64) -> Int {
        source.append(from)
        target.append(to)
        capacity.append(min(arcCapacity, Self.unlimited))
        cost.append(arcCost)
        return source.count - 1
    }

    public mutating func setSupply(_ node: Int, _ amount: Int64) {
        supply[node] = amount
    }

    public func solve() -> MinCostFlow.Solution {
        var state = SimplexState(self)
        state.run()
        let flow = Array(state.flow[0..<arcCount])
        let total = FlowUnits.totalCost(flow: flow, cost: cost)
        // Demand met through artificial arcs was not met by real ones.
        var shortfall: Int64 = 0
        for node in 0..<nodeCount where supply[node] < 0 { shortfall += state.flow[arcCount + node] }
        let demand = supply.filter { $0 < 0 }.reduce(0) { $0 - $1 }
        return MinCostFlow.Solution(flow: flow, cost: total, delivered: demand - shortfall, shortfall: shortfall)
    }

    /// The tree and flows while pivoting; arrays of nodes plus a root.
    private struct SimplexState {
        let nodes: Int, arcs: Int, root: Int
        var source: [Int], target: [Int], capacity: [Int64], cost: [Int64]
        var flow: [Int64], state: [Int8]
        var parent: [Int], pred: [Int], thread: [Int], revThread: [Int]
        var succNum: [Int], lastSucc: [Int], predDir: [Int64], pi: [Int64]
        var dirtyRevs: [Int] = []
        var inArc = 0, join = 0, uIn = 0, vIn = 0, uOut = 0, delta: Int64 = 0
        var nextArc = 0
        let blockSize: Int

        static let tree: Int8 = 0, lower: Int8 = 1, upper: Int8 = -1

        init(_ problem: NetworkSimplex) {
            nodes = problem.nodeCount
            arcs = problem.arcCount
            root = nodes
            let all = arcs + nodes
            source = problem.source + [Int](repeating: 0, count: nodes)
            target = problem.target + [Int](repeating: 0, count: nodes)
            capacity = problem.capacity + [Int64](repeating: NetworkSimplex.unlimited, count: nodes)
            cost = problem.cost + [Int64](repeating: 0, count: nodes)
            flow = [Int64](repeating: 0, count: all)
            state = [Int8](repeating: Self.lower, count: all)
            parent = [Int](repeating: -1, count: nodes + 1)
            pred = [Int](repeating: -1, count: nodes + 1)
            thread = [Int](repeating: 0, count: nodes + 1)
            revThread = [Int](repeating: 0, count: nodes + 1)
            succNum = [Int](repeating: 1, count: nodes + 1)
            lastSucc = [Int](repeating: 0, count: nodes + 1)
            predDir = [Int64](repeating: 1, count: nodes + 1)
            pi = [Int64](repeating: 0, count: nodes + 1)
            blockSize = max(Int(Double(arcs).squareRoot()), 10)
            // Artificial arcs cost more than any path of real ones.
            let largest = problem.cost.map { abs($0) }.max() ?? 0
            let artificial = (largest + 1) * Int64(nodes + 1)
            thread[root] = 0
            revThread[0] = root
            succNum[root] = nodes + 1
            lastSucc[root] = root - 1
            for u in 0..<nodes {
                let e = arcs + u
                parent[u] = root
                pred[u] = e
                thread[u] = u + 1
                revThread[u + 1] = u
                succNum[u] = 1
                lastSucc[u] = u
                state[e] = Self.tree
                if problem.supply[u] >= 0 {
                    predDir[u] = 1
                    pi[u] = 0
                    source[e] = u; target[e] = root
                    flow[e] = problem.supply[u]
                    cost[e] = 0
                } else {
                    predDir[u] = -1
                    pi[u] = artificial
                    source[e] = root; target[e] = u
                    flow[e] = -problem.supply[u]
                    cost[e] = artificial
                }
            }
        }

        mutating func run() {
            guard nodes > 0 else { return }
            while findEnteringArc() {
                findJoinNode()
                let change = findLeavingArc()
                if delta >= NetworkSimplex.unlimited { return }  // unbounded: no negative cycles here
                changeFlow(change)
                if change {
                    updateTreeStructure()
                    updatePotential()
                }
            }
        }

        /// Block search: the most negative reduced cost in the next block
        /// that has one. Artificial arcs are searched too, so demand that
        /// cannot be met may move to where it costs least.
        mutating func findEnteringArc() -> Bool {
            var minimum: Int64 = 0
            var count = blockSize
            var e = nextArc
            var found = false
            let searched = arcs + nodes
            for _ in 0..<searched {
                let reduced = Int64(state[e]) * (cost[e] + pi[source[e]] - pi[target[e]])
                if reduced < minimum { minimum = reduced; inArc = e }
                e = e + 1 == searched ? 0 : e + 1
                count -= 1
                if count == 0 {
                    if minimum < 0 { found = true; break }
                    count = blockSize
                }
            }
            if !found, minimum >= 0 { return false }
            nextArc = e
            return true
        }

        mutating func findJoinNode() {
            var u = source[inArc], v = target[inArc]
            while u != v {
                if succNum[u] < succNum[v] { u = parent[u] } else { v = parent[v] }
            }
            join = u
        }

        /// The arc of the cycle that blocks first; true when it is not the
        /// entering arc itself.
        mutating func findLeavingArc() -> Bool {
            let first: Int, second: Int
            if state[inArc] == Self.lower { first = source[inArc]; second = target[inArc] } else { first = target[inArc]; second = source[inArc] }
            delta = capacity[inArc]
            var result = 0
            var u = first
            while u != join {
                let e = pred[u]
                var d = flow[e]
                if predDir[u] == -1 { d = capacity[e] >= NetworkSimplex.unlimited ? NetworkSimplex.unlimited : capacity[e] - d }
                if d < delta { delta = d; uOut = u; result = 1 }
                u = parent[u]
            }
            u = second
            while u != join {
                let e = pred[u]
                var d = flow[e]
                if predDir[u] == 1 { d = capacity[e] >= NetworkSimplex.unlimited ? NetworkSimplex.unlimited : capacity[e] - d }
                if d <= delta { delta = d; uOut = u; result = 2 }
                u = parent[u]
            }
            if result == 1 { uIn = first; vIn = second } else { uIn = second; vIn = first }
            return result != 0
        }

        mutating func changeFlow(_ change: Bool) {
            if delta > 0 {
                let value = Int64(state[inArc]) * delta
                flow[inArc] += value
                var u = source[inArc]
                while u != join { flow[pred[u]] -= predDir[u] * value; u = parent[u] }
                u = target[inArc]
                while u != join { flow[pred[u]] += predDir[u] * value; u = parent[u] }
            }
            if change {
                state[inArc] = Self.tree
                state[pred[uOut]] = flow[pred[uOut]] == 0 ? Self.lower : Self.upper
            } else {
                state[inArc] = -state[inArc]
            }
        }

        mutating func updateTreeStructure() {
            let oldRevThread = revThread[uOut]
            let oldSuccNum = succNum[uOut]
            let oldLastSucc = lastSucc[uOut]
            let vOut = parent[uOut]
            if uIn == uOut {
                parent[uIn] = vIn
                pred[uIn] = inArc
                predDir[uIn] = uIn == source[inArc] ? 1 : -1
                if thread[vIn] != uOut {
                    var after = thread[oldLastSucc]
                    thread[oldRevThread] = after
                    revThread[after] = oldRevThread
                    after = thread[vIn]
                    thread[vIn] = uOut
                    revThread[uOut] = vIn
                    thread[oldLastSucc] = after
                    revThread[after] = oldLastSucc
                }
            } else {
                let threadContinue = oldRevThread == vIn ? thread[oldLastSucc] : thread[vIn]
                var stem = uIn, parentStem = vIn
                var last = lastSucc[uIn]
                var after = thread[last]
                thread[vIn] = uIn
                dirtyRevs.removeAll(keepingCapacity: true)
                dirtyRevs.append(vIn)
                while stem != uOut {
                    let nextStem = parent[stem]
                    thread[last] = nextStem
                    dirtyRevs.append(last)
                    let before = revThread[stem]
                    thread[before] = after
                    revThread[after] = before
                    parent[stem] = parentStem
                    parentStem = stem
                    stem = nextStem
                    last = lastSucc[stem] == lastSucc[parentStem] ? revThread[parentStem] : lastSucc[stem]
                    after = thread[last]
                }
                parent[uOut] = parentStem
                thread[last] = threadContinue
                revThread[threadContinue] = last
                lastSucc[uOut] = last
                if oldRevThread != vIn {
                    thread[oldRevThread] = after
                    revThread[after] = oldRevThread
                }
                for u in dirtyRevs { revThread[thread[u]] = u }
                var subtreeCount = 0
                let subtreeLast = lastSucc[uOut]
                var u = uOut, p = parent[u]
                while u != uIn {
                    pred[u] = pred[p]
                    predDir[u] = -predDir[p]
                    subtreeCount += succNum[u] - succNum[p]
                    succNum[u] = subtreeCount
                    lastSucc[p] = subtreeLast
                    u = p
                    p = parent[u]
                }
                pred[uIn] = inArc
                predDir[uIn] = uIn == source[inArc] ? 1 : -1
                succNum[uIn] = oldSuccNum
            }
            let upLimitOut = lastSucc[join] == vIn ? join : -1
            let lastSuccOut = lastSucc[uOut]
            var u = vIn
            while u != -1, lastSucc[u] == vIn { lastSucc[u] = lastSuccOut; u = parent[u] }
            if join != oldRevThread, vIn != oldRevThread {
                u = vOut
                while u != upLimitOut, lastSucc[u] == oldLastSucc { lastSucc[u] = oldRevThread; u = parent[u] }
            } else if lastSuccOut != oldLastSucc {
                u = vOut
                while u != upLimitOut, lastSucc[u] == oldLastSucc { lastSucc[u] = lastSuccOut; u = parent[u] }
            }
            u = vIn
            while u != join { succNum[u] += oldSuccNum; u = parent[u] }
            u = vOut
            while u != join { succNum[u] -= oldSuccNum; u = parent[u] }
        }

        mutating func updatePotential() {
            let sigma = pi[vIn] - pi[uIn] - predDir[uIn] * cost[inArc]
            let end = thread[lastSucc[uIn]]
            var u = uIn
            while u != end { pi[u] += sigma; u = thread[u] }
        }
    }
}

extension NetworkSimplex: FlowSolver {}
