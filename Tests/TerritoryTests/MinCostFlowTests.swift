import Testing
@testable import Territory
import FlowOracles

@Suite struct MinCostFlowTests {
    /// The classic diamond: 4 units from s to t; the cheap route s-a-t
    /// carries 2 (its capacity), s-b-t the rest; one unit may cross a-b.
    func diamond<Solver: FlowSolver>(_: Solver.Type) {
        var flow = Solver(nodeCount: 4)  // s 0, a 1, b 2, t 3
        let sa = flow.addArc(from: 0, to: 1, capacity: 3, cost: 1)
        let sb = flow.addArc(from: 0, to: 2, capacity: 2, cost: 4)
        let ab = flow.addArc(from: 1, to: 2, capacity: 1, cost: 1)
        let at = flow.addArc(from: 1, to: 3, capacity: 2, cost: 5)
        let bt = flow.addArc(from: 2, to: 3, capacity: 3, cost: 1)
        flow.setSupply(0, 4)
        flow.setSupply(3, -4)
        let solution = flow.solve()
        // s-a-b-t 1 unit (3), s-b-t 2 units (10), s-a-t 1 unit (6) = 19.
        #expect(solution.delivered == 4)
        #expect(solution.shortfall == 0)
        #expect(solution.cost == 19)
        #expect(solution.flow[sa] + solution.flow[sb] == 4)
        #expect([solution.flow[ab], solution.flow[at], solution.flow[bt]] == [1, 1, 3])
    }

    func infeasible<Solver: FlowSolver>(_: Solver.Type) {
        var flow = Solver(nodeCount: 2)
        flow.addArc(from: 0, to: 1, capacity: 3, cost: 2)
        flow.setSupply(0, 5)
        flow.setSupply(1, -5)
        let solution = flow.solve()
        #expect(solution.delivered == 3)
        #expect(solution.shortfall == 2)
        #expect(solution.cost == 6)
    }

    @Test func diamondByHandWithEitherSolver() {
        diamond(MinCostFlow.self)
        diamond(NetworkSimplex.self)
        diamond(CostScaling.self)
    }

    @Test func infeasibleDemandIsReportedNotCrashed() {
        infeasible(MinCostFlow.self)
        infeasible(NetworkSimplex.self)
        infeasible(CostScaling.self)
    }

    @Test func zeroCapacityAndParallelArcs() {
        zeroCapacityAndParallelArcs(MinCostFlow.self)
        zeroCapacityAndParallelArcs(NetworkSimplex.self)
        zeroCapacityAndParallelArcs(CostScaling.self)
    }

    func zeroCapacityAndParallelArcs<Solver: FlowSolver>(_: Solver.Type) {
        var flow = Solver(nodeCount: 2)
        let closed = flow.addArc(from: 0, to: 1, capacity: 0, cost: 0)
        let dear = flow.addArc(from: 0, to: 1, capacity: 10, cost: 7)
        let cheap = flow.addArc(from: 0, to: 1, capacity: 4, cost: 3)
        flow.setSupply(0, 6)
        flow.setSupply(1, -6)
        let solution = flow.solve()
        #expect(solution.flow[closed] == 0)
        #expect(solution.flow[cheap] == 4)
        #expect(solution.flow[dear] == 2)
        #expect(solution.cost == 4 * 3 + 2 * 7)
    }

    @Test func negativeCostsAndNodeCapacities() {
        // s -> m (node capacity 2) -> t, and a dearer bypass s -> t.
        var flow = MinCostFlow(nodeCount: 3)
        flow.addArc(from: 0, to: 1, capacity: 10, cost: -2)
        let exit = flow.addNodeCapacity(1, capacity: 2)
        let through = flow.addArc(from: exit, to: 2, capacity: 10, cost: 1)
        let bypass = flow.addArc(from: 0, to: 2, capacity: 10, cost: 5)
        flow.setSupply(0, 5)
        flow.setSupply(2, -5)
        let solution = flow.solve()
        #expect(solution.flow[through] == 2)
        #expect(solution.flow[bypass] == 3)
        #expect(solution.cost == 2 * (-2 + 1) + 3 * 5)
    }

    @Test func transportationProblemMatchesBruteForce() {
        // 2 plants (supplies 3 and 4) to 3 towns (demands 2, 3, 2).
        let costs: [[Int64]] = [[4, 6, 9], [5, 3, 8]]
        var flow = MinCostFlow(nodeCount: 5)
        for plant in 0..<2 { for town in 0..<3 { flow.addArc(from: plant, to: 2 + town, capacity: 10, cost: costs[plant][town]) } }
        flow.setSupply(0, 3); flow.setSupply(1, 4)
        flow.setSupply(2, -2); flow.setSupply(3, -3); flow.setSupply(4, -2)
        var best = Int64.max
        // Plant 0 sends x0, x1, x2 (sum 3); plant 1 the rest of each demand.
        for x0 in 0...2 { for x1 in 0...3 { let x2 = 3 - x0 - x1
            guard x2 >= 0, x2 <= 2 else { continue }
            let cost = costs[0][0] * Int64(x0) + costs[0][1] * Int64(x1) + costs[0][2] * Int64(x2)
                + costs[1][0] * Int64(2 - x0) + costs[1][1] * Int64(3 - x1) + costs[1][2] * Int64(2 - x2)
            best = min(best, cost)
        } }
        #expect(flow.solve().cost == best)
    }
}
