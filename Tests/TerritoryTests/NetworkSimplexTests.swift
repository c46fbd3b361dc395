import Testing
@testable import Territory

@Suite struct NetworkSimplexTests {
    /// The same optimum as successive shortest paths on 300 random networks.
    @Test func agreesWithSuccessiveShortestPaths() {
        var state: UInt64 = 12345
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for trial in 0..<300 {
            let nodes = 3 + next(18), arcs = nodes + next(4 * nodes)
            var simplex = NetworkSimplex(nodeCount: nodes)
            var paths = MinCostFlow(nodeCount: nodes)
            for _ in 0..<arcs {
                let from = next(nodes), to = next(nodes)
                guard from != to else { continue }
                let capacity = Int64(next(25)), cost = Int64(next(60))
                simplex.addArc(from: from, to: to, capacity: capacity, cost: cost)
                paths.addArc(from: from, to: to, capacity: capacity, cost: cost)
            }
            // Balanced supplies: a few sources and sinks.
            var balance: Int64 = 0
            for node in 0..<(nodes - 1) {
                let amount = Int64(next(21)) - 10
                simplex.setSupply(node, amount)
                paths.setSupply(node, amount)
                balance += amount
            }
            simplex.setSupply(nodes - 1, -balance)
            paths.setSupply(nodes - 1, -balance)
            let a = simplex.solve(), b = paths.solve()
            #expect(a.shortfall == b.shortfall, "trial \(trial)")
            #expect(a.cost == b.cost, "trial \(trial) shortfall \(a.shortfall) delivered \(a.delivered) \(b.delivered)")
        }
    }
}
