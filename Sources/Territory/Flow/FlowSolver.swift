/// What the two min-cost flow solvers share, so callers and tests can use
/// either: successive shortest paths (`MinCostFlow`, simple, for small
/// networks and node capacities), the network simplex (`NetworkSimplex`,
/// for mid-sized ones) or cost scaling (`CostScaling`, for a million
/// nodes).
public protocol FlowSolver {
    init(nodeCount: Int)
    @discardableResult
    mutating func addArc(from: Int, to: Int, capacity: Int64, cost: Int64) -> Int
    mutating func setSupply(_ node: Int, _ amount: Int64)
    func solve() -> MinCostFlow.Solution
}

extension MinCostFlow: FlowSolver {}
extension NetworkSimplex: FlowSolver {}
extension CostScaling: FlowSolver {}
