import Testing
@testable import Territory
import FlowOracles

/// Cost scaling started from an earlier solve's flow and prices (the
/// exact distribution's later rounds) gives the same optimum as a solve
/// from scratch: checked against successive shortest paths on random
/// networks whose arcs arrive in two parts.
@Suite struct CostScalingWarmStartTests {
    typealias Random = FlowSolverAgreementTests.Random

    struct Arc { let from: Int, to: Int, capacity: Int64, cost: Int64 }

    /// A random network (some arcs of "unlimited" capacity, as the
    /// distribution's links), its supplies, and where its arcs split.
    static func network(seed: UInt64) -> (nodes: Int, arcs: [Arc], supply: [Int64], split: Int) {
        var random = Random(state: seed)
        let nodes = 4 + random.next(30), count = 2 * nodes + random.next(5 * nodes)
        var arcs: [Arc] = []
        for _ in 0..<count {
            let from = random.next(nodes), to = random.next(nodes)
            guard from != to else { continue }
            let capacity = random.next(4) == 0 ? Int64.max / 4 : Int64(random.next(30))
            arcs.append(Arc(from: from, to: to, capacity: capacity, cost: Int64(random.next(100))))
        }
        var supply = [Int64](repeating: 0, count: nodes)
        var balance: Int64 = 0
        for node in 0..<(nodes - 1) {
            supply[node] = Int64(random.next(31)) - 15
            balance += supply[node]
        }
        supply[nodes - 1] = -balance
        return (nodes, arcs, supply, arcs.count / 2 + random.next(arcs.count / 2 + 1))
    }

    static func solver(_ nodes: Int, _ arcs: ArraySlice<Arc>, _ supply: [Int64]) -> CostScaling {
        var solver = CostScaling(nodeCount: nodes)
        solver.tightensCapacities = false
        for arc in arcs { solver.addArc(from: arc.from, to: arc.to, capacity: arc.capacity, cost: arc.cost) }
        for (node, amount) in supply.enumerated() { solver.setSupply(node, amount) }
        return solver
    }

    @Test(arguments: 0..<40)
    func aWarmSolveOnMoreArcsIsTheColdOptimum(seed: Int) {
        let (nodes, arcs, supply, split) = Self.network(seed: UInt64(seed) &+ 77)
        let first = Self.solver(nodes, arcs[..<split], supply).solve()
        var warm = Self.solver(nodes, arcs[...], supply)
        warm.warmStart = CostScaling.WarmStart(flow: first.flow, prices: first.prices ?? [])
        let warmed = warm.solve()
        var oracle = MinCostFlow(nodeCount: nodes)
        for arc in arcs { oracle.addArc(from: arc.from, to: arc.to, capacity: arc.capacity, cost: arc.cost) }
        for (node, amount) in supply.enumerated() { oracle.setSupply(node, amount) }
        let expected = oracle.solve()
        #expect(warmed.delivered == expected.delivered, "seed \(seed)")
        #expect(warmed.cost == expected.cost, "seed \(seed)")
        // The flow is a flow: within capacities, balanced at every node but the supplies and demands.
        var balance = [Int64](repeating: 0, count: nodes)
        for (arc, amount) in zip(arcs, warmed.flow) {
            #expect(amount >= 0 && amount <= arc.capacity)
            balance[arc.from] -= amount
            balance[arc.to] += amount
        }
        for node in 0..<nodes where supply[node] == 0 { #expect(balance[node] == 0, "seed \(seed), node \(node)") }
    }

    /// A flow that does not balance the supplies is not a start: the solve
    /// begins from scratch, with the same answer.
    @Test func aStartThatDoesNotBalanceIsIgnored() {
        let (nodes, arcs, supply, _) = Self.network(seed: 5)
        let cold = Self.solver(nodes, arcs[...], supply).solve()
        var warm = Self.solver(nodes, arcs[...], supply)
        warm.warmStart = CostScaling.WarmStart(flow: arcs.map { _ in 1 }, prices: [Int64](repeating: 0, count: nodes))
        #expect(warm.solve().cost == cold.cost)
    }
}
