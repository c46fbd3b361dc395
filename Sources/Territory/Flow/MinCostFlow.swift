/// An exact min-cost flow solver on integer capacities and costs:
/// successive shortest paths with node potentials (Dijkstra on reduced
/// costs, after one Bellman-Ford pass when some cost is negative).
///
/// Nodes have supplies (positive) and demands (negative). `solve()` sends
/// as much of the supply to the demands as the arcs allow, and among all
/// such flows the cheapest: optimal for a balanced, feasible problem, and
/// max-flow-min-cost otherwise (`Solution.shortfall` says how much demand
/// was left unmet). Node capacities are modelled by splitting a node into
/// two joined by an arc of that capacity (`addNodeCapacity`).
public struct MinCostFlow: Sendable {
    public private(set) var nodeCount: Int
    // Residual arcs in pairs: 2k is arc k, 2k + 1 its reverse.
    private var head: [Int32] = []
    private var residual: [Int64] = []
    private var cost: [Int64] = []
    private var capacityOf: [Int64] = []
    private var outgoing: [[Int32]]
    private var supply: [Int64]

    public init(nodeCount: Int) {
        self.nodeCount = nodeCount
        outgoing = Array(repeating: [], count: nodeCount)
        supply = Array(repeating: 0, count: nodeCount)
    }

    public var arcCount: Int { head.count / 2 }

    public mutating func addNode() -> Int {
        outgoing.append([])
        supply.append(0)
        nodeCount += 1
        return nodeCount - 1
    }

    /// Adds an arc and returns its index.
    @discardableResult
    public mutating func addArc(from: Int, to: Int, capacity: Int64, cost arcCost: Int64) -> Int {
        precondition(capacity >= 0, "arc capacity must not be negative")
        let arc = head.count / 2
        head += [Int32(to), Int32(from)]
        residual += [capacity, 0]
        cost += [arcCost, -arcCost]
        capacityOf.append(capacity)
        outgoing[from].append(Int32(2 * arc))
        outgoing[to].append(Int32(2 * arc + 1))
        return arc
    }

    /// Positive: the node supplies that much; negative: it demands it.
    public mutating func setSupply(_ node: Int, _ amount: Int64) {
        supply[node] = amount
    }

    /// Splits `node`: a new node takes over its outgoing arcs, joined to it
    /// by one arc of `capacity` (and `cost`), so at most `capacity` passes
    /// through. Returns the new (outgoing side) node. Call before adding
    /// the node's outgoing arcs.
    public mutating func addNodeCapacity(_ node: Int, capacity: Int64, cost: Int64 = 0) -> Int {
        let exit = addNode()
        addArc(from: node, to: exit, capacity: capacity, cost: cost)
        return exit
    }

    public struct Solution: Sendable {
        /// Flow on each arc, in the order they were added.
        public let flow: [Int64]
        public let cost: Int64
        /// Flow delivered from supplies to demands.
        public let delivered: Int64
        /// Demand left unmet (0 when the problem is feasible).
        public let shortfall: Int64
        /// Node prices that certify the flow (cost scaling only): every
        /// residual arc's reduced cost, cost × `priceScale` + price(tail) −
        /// price(head), is at least −1, which with `priceScale` above the
        /// node count makes the flow optimal. An arc not in the network
        /// whose reduced cost would be −1 or more cannot improve it.
        public var prices: [Int64]?
        public var priceScale: Int64 = 1

        /// Whether an arc absent from the network, `tail` -> `head` at
        /// `cost`, would make a cheaper flow possible; nil without prices.
        public func wouldImprove(from tail: Int, to head: Int, cost: Int64) -> Bool? {
            guard let prices else { return nil }
            let (scaled, overflow) = cost.multipliedReportingOverflow(by: priceScale)
            if overflow { return false }
            return scaled + prices[tail] - prices[head] < -1
        }

        public init(flow: [Int64], cost: Int64, delivered: Int64, shortfall: Int64) {
            self.flow = flow
            self.cost = cost
            self.delivered = delivered
            self.shortfall = shortfall
        }
    }

    public func solve() -> Solution {
        var solver = self
        return solver.run()
    }

    private mutating func run() -> Solution {
        // A super source feeds every supply, every demand drains to a super sink.
        let source = addNode(), sink = addNode()
        var totalDemand: Int64 = 0
        for node in 0..<(nodeCount - 2) {
            if supply[node] > 0 { addArc(from: source, to: node, capacity: supply[node], cost: 0) }
            if supply[node] < 0 {
                addArc(from: node, to: sink, capacity: -supply[node], cost: 0)
                totalDemand += -supply[node]
            }
        }
        var potential = initialPotentials(from: source)
        var distance = [Int64](repeating: .max, count: nodeCount)
        var arcInto = [Int32](repeating: -1, count: nodeCount)
        var heap = MinHeap<Int64>()
        var delivered: Int64 = 0
        while true {
            for index in distance.indices { distance[index] = .max; arcInto[index] = -1 }
            distance[source] = 0
            heap.removeAll()
            heap.push(0, Int32(source))
            while let (d, node) = heap.pop() {
                let u = Int(node)
                guard d == distance[u] else { continue }
                for arc in outgoing[u] where residual[Int(arc)] > 0 {
                    let v = Int(head[Int(arc)])
                    let reduced = cost[Int(arc)] + potential[u] - potential[v]
                    let candidate = d + reduced
                    if candidate < distance[v] {
                        distance[v] = candidate
                        arcInto[v] = arc
                        heap.push(candidate, Int32(v))
                    }
                }
            }
            guard distance[sink] != .max else { break }
            for node in 0..<nodeCount where distance[node] != .max { potential[node] += distance[node] }
            // The bottleneck along the path, then push it.
            var amount = Int64.max
            var node = sink
            while node != source {
                let arc = Int(arcInto[node])
                amount = min(amount, residual[arc])
                node = Int(head[arc ^ 1])
            }
            node = sink
            while node != source {
                let arc = Int(arcInto[node])
                residual[arc] -= amount
                residual[arc ^ 1] += amount
                node = Int(head[arc ^ 1])
            }
            delivered += amount
        }
        let userArcs = capacityOf.count - outgoing[source].count - outgoing[sink].count
        let flow = (0..<userArcs).map { capacityOf[$0] - residual[2 * $0] }
        let total = FlowUnits.totalCost(flow: flow, cost: (0..<userArcs).map { cost[2 * $0] })
        return Solution(flow: flow, cost: total, delivered: delivered, shortfall: totalDemand - delivered)
    }

    /// Potentials that make every residual reduced cost non-negative: zero
    /// when no cost is negative, else Bellman-Ford distances from `source`.
    private func initialPotentials(from source: Int) -> [Int64] {
        var potential = [Int64](repeating: 0, count: nodeCount)
        guard cost.enumerated().contains(where: { $0.offset % 2 == 0 && $0.element < 0 }) else { return potential }
        var distance = [Int64](repeating: .max, count: nodeCount)
        distance[source] = 0
        for _ in 0..<nodeCount {
            var changed = false
            for arc in stride(from: 0, to: head.count, by: 2) where residual[arc] > 0 {
                let u = Int(head[arc + 1]), v = Int(head[arc])
                if distance[u] != .max, distance[u] + cost[arc] < distance[v] {
                    distance[v] = distance[u] + cost[arc]
                    changed = true
                }
            }
            if !changed { break }
        }
        for node in 0..<nodeCount { potential[node] = distance[node] == .max ? 0 : distance[node] }
        return potential
    }
}
