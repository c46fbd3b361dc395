import Testing
@testable import Territory
import FlowOracles

/// The network simplex and cost scaling against successive shortest
/// paths, the simplest of the three, on random networks.
@Suite struct FlowSolverAgreementTests {
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// A random network, its supplies balanced or not, given to each solver.
    func network<Solver: FlowSolver>(_: Solver.Type, seed: UInt64, balanced: Bool) -> Solver {
        var random = Random(state: seed)
        let nodes = 3 + random.next(18), arcs = nodes + random.next(4 * nodes)
        var solver = Solver(nodeCount: nodes)
        for _ in 0..<arcs {
            let from = random.next(nodes), to = random.next(nodes)
            guard from != to else { continue }
            solver.addArc(from: from, to: to, capacity: Int64(random.next(25)), cost: Int64(random.next(60)))
        }
        var balance: Int64 = 0
        for node in 0..<(nodes - 1) {
            let amount = Int64(random.next(21)) - 10
            solver.setSupply(node, amount)
            balance += amount
        }
        solver.setSupply(nodes - 1, balanced ? -balance : Int64(random.next(21)) - 10)
        return solver
    }

    @Test func networkSimplexAgreesOnBalancedNetworks() {
        for trial in 0..<300 {
            let a = network(NetworkSimplex.self, seed: UInt64(trial), balanced: true).solve()
            let b = network(MinCostFlow.self, seed: UInt64(trial), balanced: true).solve()
            #expect(a.shortfall == b.shortfall, "trial \(trial)")
            #expect(a.cost == b.cost, "trial \(trial)")
        }
    }

    @Test(arguments: [true, false]) func costScalingAgrees(balanced: Bool) {
        for trial in 0..<300 {
            let a = network(CostScaling.self, seed: UInt64(trial), balanced: balanced).solve()
            let b = network(MinCostFlow.self, seed: UInt64(trial), balanced: balanced).solve()
            #expect(a.delivered == b.delivered, "trial \(trial)")
            #expect(a.cost == b.cost, "trial \(trial)")
        }
    }
}

@Suite struct CostScalingTests {
    /// Costs too large to scale by the node count are solved by successive
    /// shortest paths instead, with the same answer.
    @Test func hugeCostsStillSolveExactly() {
        var flow = CostScaling(nodeCount: 3)
        let dear = flow.addArc(from: 0, to: 2, capacity: 5, cost: 1 << 60)
        let cheap = flow.addArc(from: 0, to: 1, capacity: 3, cost: 1 << 58)
        flow.addArc(from: 1, to: 2, capacity: 3, cost: 1)
        flow.setSupply(0, 4)
        flow.setSupply(2, -4)
        let solution = flow.solve()
        #expect(solution.flow[cheap] == 3)
        #expect(solution.flow[dear] == 1)
        #expect(solution.cost == 3 * ((1 << 58) + 1) + (1 << 60))
    }

    /// "Unlimited" capacities (Int64.max / 4) on a chain: no overflow when
    /// the solver caps them, and the whole supply arrives.
    @Test func unlimitedCapacitiesDoNotOverflow() {
        var flow = CostScaling(nodeCount: 4)
        for node in 0..<3 { flow.addArc(from: node, to: node + 1, capacity: Int64.max / 4, cost: 2) }
        flow.addArc(from: 0, to: 3, capacity: Int64.max / 4, cost: 7)
        flow.setSupply(0, 1_000_000_000_000)
        flow.setSupply(3, -1_000_000_000_000)
        let solution = flow.solve()
        #expect(solution.shortfall == 0)
        #expect(solution.cost == 6_000_000_000_000)
    }
}
