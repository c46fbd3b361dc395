import Foundation

/// The min-cost flow of a chain's layered network on the links taken so
/// far: each site an arc of its capacity (in final product) from its
/// in-node to its out-node, the source feeding the first link's sites,
/// each territory demanding its people's consumption. Node numbers are
/// fixed, so prices from one solve price links for the next.
struct DistributionFlow {
    let network: DistributionNetwork
    /// Per site (feature index); -1 for sites of no chain link.
    let inNode: [Int]
    let outNode: [Int]
    let territoryNode: [Int]
    let source: Int
    let nodeCount: Int
    /// Per site, units of final product that may pass it.
    let capacity: [Int64]
    /// Per territory, units demanded.
    let demand: [Int64]
    /// Per site, whether it is an outside intermediary.
    let outside: [Bool]

    init(network: DistributionNetwork, capacity: [Int64], demand: [Int64], outside: [Bool]) {
        self.network = network
        self.capacity = capacity
        self.demand = demand
        self.outside = outside
        var next = 0
        var inNode = [Int](repeating: -1, count: capacity.count), outNode = inNode
        for layer in network.layers { for site in layer {
            inNode[site] = next; outNode[site] = next + 1; next += 2
        } }
        territoryNode = demand.indices.map { next + $0 }
        next += demand.count
        source = next
        nodeCount = next + 1
        self.inNode = inNode
        self.outNode = outNode
    }

    func head(_ pair: DistributionNetwork.Pair) -> Int { pair.toTerritory ? territoryNode[pair.to] : inNode[pair.to] }

    /// One solve and where each arc of it went.
    struct Solved {
        let solution: MinCostFlow.Solution
        let flow: DistributionFlow
        let links: [DistributionNetwork.Link]
        /// Arc numbers: through arcs per site, source arcs per first-link
        /// site, then one per link in order.
        let throughArc: [Int]
        let sourceArc: [Int]
        let firstLinkArc: Int

        func through(_ site: Int) -> Int64 { throughArc[site] < 0 ? 0 : solution.flow[throughArc[site]] }
        func onLink(_ index: Int) -> Int64 { solution.flow[firstLinkArc + index] }
        /// Units into each territory.
        var inflow: [Int64] {
            var inflow = [Int64](repeating: 0, count: flow.demand.count)
            for (index, link) in links.enumerated() where link.pair.toTerritory { inflow[link.pair.to] += onLink(index) }
            return inflow
        }
    }

    /// Solves on `links`; a link from an outside intermediary costs
    /// `penalty` more. `warm`: the flow of a solve on the first of these
    /// links, and exact potentials for it (the node numbers never change).
    func solve(_ links: [DistributionNetwork.Link], penalty: Int64, warm: (flow: [Int64], potentials: [Int64])? = nil) -> Solved {
        var solver = CostScaling(nodeCount: nodeCount)
        // Not tightened by the links present: prices must hold when links are added (see tightensCapacities).
        solver.tightensCapacities = false
        if let warm {
            // Exact potentials in the solver's units, costs × (nodes + 3); none if that overflows.
            let scale = Int64(nodeCount + 3)
            let prices = warm.potentials.map { $0.multipliedReportingOverflow(by: scale) }
            if !prices.contains(where: \.overflow) {
                solver.warmStart = CostScaling.WarmStart(flow: warm.flow, prices: prices.map(\.partialValue))
            }
        }
        var throughArc = [Int](repeating: -1, count: capacity.count), sourceArc = throughArc
        for layer in network.layers { for site in layer {
            throughArc[site] = solver.addArc(from: inNode[site], to: outNode[site], capacity: capacity[site], cost: 0)
        } }
        // Links have no capacity of their own, but none can carry more than
        // passes its seller, nor more than its buyer passes on (or the
        // territory demands), in any network of links: capped there, the
        // solve is the same, while an arc of "unlimited" capacity that
        // refinement saturates pushes the whole supply into one node, to be
        // pushed back (20,000 sites: most of a 15 s solve). Every flow
        // of the complete network respects these caps, so prices and
        // potentials still certify it.
        for site in network.layers.first ?? [] {
            sourceArc[site] = solver.addArc(from: source, to: inNode[site], capacity: capacity[site], cost: 0)
        }
        let firstLinkArc = solver.arcCount
        for link in links {
            let passed = link.pair.toTerritory ? demand[link.pair.to] : capacity[link.pair.to]
            solver.addArc(from: outNode[link.pair.from], to: head(link.pair), capacity: min(capacity[link.pair.from], passed),
                          cost: link.cost + (outside[link.pair.from] ? penalty : 0))
        }
        var total: Int64 = 0
        for (territory, units) in demand.enumerated() {
            solver.setSupply(territoryNode[territory], -units)
            total += units
        }
        solver.setSupply(source, total)
        return Solved(solution: solver.solve(), flow: self, links: links, throughArc: throughArc, sourceArc: sourceArc,
                      firstLinkArc: firstLinkArc)
    }
}
