/// Min-cost flow by cost scaling (Goldberg's push-relabel with
/// ε-scaling, FIFO selection and global price updates, in the manner of
/// LEMON's `CostScaling` and OR-Tools' `SimpleMinCostFlow`): the solver for
/// networks of a million nodes, where the network simplex pivots too long.
///
/// Like `MinCostFlow`, it sends as much of the supply to the demands as
/// the arcs allow (a maximum flow first) and among such flows returns the
/// cheapest. Capacities above the total supply count as the total supply,
/// which changes nothing unless a cycle of negative cost is unbounded.
public struct CostScaling: Sendable {
    public private(set) var nodeCount: Int
    private var from: [Int] = []
    private var to: [Int] = []
    private var capacity: [Int64] = []
    private var cost: [Int64] = []
    private var supply: [Int64]

    /// How much ε shrinks between phases.
    public var alpha: Int64 = 16
    /// Whether to cap each arc at what can enter its tail and leave its
    /// head in this network (faster). Off when the prices are to price
    /// arcs left out: an arc saturated at such a cap may have a negative
    /// reduced cost, which a new arc into its tail would make exploitable.
    /// Capped at the total supply either way.
    public var tightensCapacities = true

    /// A flow and prices to start from: a solve of the same nodes on
    /// fewer arcs (those first in order), whose optimum is near. Prices
    /// per node, optionally followed by the super source's and sink's
    /// (nodeCount + 2), in costs × (nodeCount + 3), as `Solution.prices`. Refinement starts from the largest violation
    /// they leave instead of from the largest cost: a solve that only adds
    /// arcs to a solved network redoes only what the new arcs change.
    /// Ignored when the flow does not balance the supplies (a solve from
    /// scratch then).
    public struct WarmStart: Sendable {
        public var flow: [Int64]
        public var prices: [Int64]
        public init(flow: [Int64], prices: [Int64]) {
            self.flow = flow
            self.prices = prices
        }
    }
    public var warmStart: WarmStart?

    public init(nodeCount: Int) {
        self.nodeCount = nodeCount
        supply = Array(repeating: 0, count: nodeCount)
    }

    public var arcCount: Int { from.count }

    public mutating func addNode() -> Int {
        supply.append(0)
        nodeCount += 1
        return nodeCount - 1
    }

    @discardableResult
    public mutating func addArc(from tail: Int, to arcHead: Int, capacity arcCapacity: Int64, cost arcCost: Int64) -> Int {
        precondition(arcCapacity >= 0, "arc capacity must not be negative")
        from.append(tail)
        to.append(arcHead)
        capacity.append(arcCapacity)
        cost.append(arcCost)
        return from.count - 1
    }

    public mutating func setSupply(_ node: Int, _ amount: Int64) {
        supply[node] = amount
    }

    public func solve() -> MinCostFlow.Solution {
        let totalSupply = supply.reduce(Int64(0)) { $0 + max($1, 0) }
        let totalDemand = supply.reduce(Int64(0)) { $0 + max(-$1, 0) }
        let multiplier = Int64(nodeCount + 3)
        let largest = cost.reduce(Int64(0)) { max($0, abs($1)) }
        guard !largest.multipliedReportingOverflow(by: multiplier * 4 * alpha).overflow else {
            return fallback()
        }
        // A super source feeds the supplies and a super sink drains the
        // demands; a maximum flow between them is the amount to deliver.
        let source = nodeCount, sink = nodeCount + 1
        var tails = from, heads = to
        var capacities = tightensCapacities ? tightenedCapacities(limit: totalSupply) : capacity.map { min($0, totalSupply) }
        var scaledCosts = cost.map { $0 * multiplier }
        for node in 0..<nodeCount where supply[node] != 0 {
            if supply[node] > 0 { tails.append(source); heads.append(node) } else { tails.append(node); heads.append(sink) }
            capacities.append(abs(supply[node]))
            scaledCosts.append(0)
        }
        let network = ResidualNetwork(nodeCount: nodeCount + 2, from: tails, to: heads, capacity: capacities, cost: scaledCosts)
        let refinement = PriceRefinement(network: network, alpha: alpha)
        let warm = warmStart.flatMap { start(from: $0, network: network, capacities: capacities, refinement: refinement) }
        let delivered = (warm ?? 0) + network.pushMaximumFlow(from: source, to: sink)
        var epsilon = warm.map { _ in largestViolation(network, prices: refinement.price) } ?? max(largest * multiplier / alpha, 1)
        while true {
            refinement.refine(epsilon: epsilon)
            if epsilon == 1 { break }
            epsilon = max(epsilon / alpha, 1)
        }
        let flow = (0..<arcCount).map { network.flow(onInputArc: $0) }
        let total = FlowUnits.totalCost(flow: flow, cost: cost)
        var solution = MinCostFlow.Solution(flow: flow, cost: total, delivered: delivered, shortfall: totalDemand - delivered)
        // Refined down to ε = 1 on costs × (nodes + 3): the prices are the
        // certificate a caller can price arcs it left out against.
        solution.prices = (0..<nodeCount).map { refinement.price[$0] }
        solution.priceScale = multiplier
        return solution
    }

    /// Puts the warm start's flow on the arcs (and what it takes from the
    /// supplies and gives the demands on the super arcs) and its prices on
    /// the nodes; nil, leaving both untouched, when they do not fit.
    private func start(from warm: WarmStart, network: ResidualNetwork, capacities: [Int64],
                       refinement: PriceRefinement) -> Int64? {
        guard warm.flow.count <= arcCount, warm.prices.count == nodeCount || warm.prices.count == nodeCount + 2 else { return nil }
        var balance = [Int64](repeating: 0, count: nodeCount)
        for (k, amount) in warm.flow.enumerated() {
            guard amount >= 0, amount <= capacities[k] else { return nil }
            balance[from[k]] -= amount
            balance[to[k]] += amount
        }
        // Each node's balance must come from its supply (or go to its demand).
        var superFlow: [Int64] = []
        var delivered: Int64 = 0
        for node in 0..<nodeCount {
            if supply[node] > 0 {
                guard balance[node] <= 0, -balance[node] <= supply[node] else { return nil }
                superFlow.append(-balance[node])
            } else if supply[node] < 0 {
                guard balance[node] >= 0, balance[node] <= -supply[node] else { return nil }
                superFlow.append(balance[node])
                delivered += balance[node]
            } else if balance[node] != 0 {
                return nil
            }
        }
        for (k, amount) in warm.flow.enumerated() where amount > 0 { network.push(amount, along: Int(network.position[k])) }
        for (offset, amount) in superFlow.enumerated() where amount > 0 {
            network.push(amount, along: Int(network.position[arcCount + offset]))
        }
        for (node, price) in warm.prices.enumerated() { refinement.price[node] = price }
        if warm.prices.count == nodeCount {
            // Without the super nodes' prices: level with the nodes they
            // join; what this leaves violated, the first ε covers.
            let supplied = (0..<nodeCount).filter { supply[$0] > 0 }, demanding = (0..<nodeCount).filter { supply[$0] < 0 }
            refinement.price[nodeCount] = supplied.map { warm.prices[$0] }.max() ?? 0
            refinement.price[nodeCount + 1] = demanding.map { warm.prices[$0] }.min() ?? 0
        }
        return delivered
    }

    /// The most any residual arc's reduced cost falls below 0, at least 1:
    /// the ε the warm start's flow and prices are optimal within.
    private func largestViolation(_ network: ResidualNetwork, prices: UnsafeMutablePointer<Int64>) -> Int64 {
        var worst: Int64 = 1
        for u in 0..<network.nodeCount {
            for a in Int(network.firstOut[u])..<Int(network.firstOut[u + 1]) where network.residual[a] > 0 {
                let (difference, under) = prices[u].subtractingReportingOverflow(prices[Int(network.head[a])])
                let (sum, over) = network.cost[a].addingReportingOverflow(difference)
                worst = under || over ? max(worst, Int64.max / 4) : max(worst, -sum)
            }
        }
        return worst
    }

    /// No feasible flow puts more on an arc than can enter its tail or
    /// leave its head, so capping there changes nothing but keeps the
    /// excess that saturating an "unlimited" arc creates in proportion.
    private func tightenedCapacities(limit: Int64) -> [Int64] {
        var canEnter = supply.map { max($0, 0) }, canLeave = supply.map { max(-$0, 0) }
        for k in 0..<arcCount {
            let bounded = min(capacity[k], limit)
            canEnter[to[k]] = min(canEnter[to[k]] + bounded, limit)
            canLeave[from[k]] = min(canLeave[from[k]] + bounded, limit)
        }
        return (0..<arcCount).map { k in min(capacity[k], canEnter[from[k]], canLeave[to[k]], limit) }
    }

    /// Costs so large that scaling them by the node count would overflow.
    private func fallback() -> MinCostFlow.Solution {
        var paths = MinCostFlow(nodeCount: nodeCount)
        for k in 0..<arcCount { paths.addArc(from: from[k], to: to[k], capacity: capacity[k], cost: cost[k]) }
        for node in 0..<nodeCount where supply[node] != 0 { paths.setSupply(node, supply[node]) }
        return paths.solve()
    }
}
