/// What the min-cost flow solvers share, so callers and tests can use
/// either: successive shortest paths (`MinCostFlow`, simple, for small
/// networks and node capacities) or cost scaling (`CostScaling`, for a
/// million nodes). The network simplex that checks them lives with the
/// tests (`Tests/Oracles`).
public protocol FlowSolver {
    init(nodeCount: Int)
    @discardableResult
    mutating func addArc(from: Int, to: Int, capacity: Int64, cost: Int64) -> Int
    mutating func setSupply(_ node: Int, _ amount: Int64)
    func solve() -> MinCostFlow.Solution
}

extension MinCostFlow: FlowSolver {}
extension CostScaling: FlowSolver {}
