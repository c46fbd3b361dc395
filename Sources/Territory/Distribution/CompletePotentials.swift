import Foundation
import Geo

/// Potentials for the complete network, found without building it: the
/// pricing's answer to "potentials are not unique".
///
/// Why: priced with the potentials a solve on some links leaves, most
/// omitted links out of sellers no flow passes look improving (their
/// potentials are set only by the few links they have), so each round
/// added about 8 links per seller (100,000 sites: 600,000 a round) and
/// every solve grew with them. Potentials feasible for every link of the
/// complete network exist exactly when the flow is optimal over every
/// link, and when they exist this finds them; then no link is added.
///
/// How: label-correcting shortest paths over the residual network of the
/// solve (the links present, the super source and sink) completed by
/// every omitted link, which has no capacity of its own and so is always
/// there, forward. Labels start at feasible potentials for the links
/// present and only fall. An omitted link out of a seller is relaxed by
/// asking the pyramid of its buyers for those whose label exceeds the
/// seller's by more than the link costs (cells whose highest label cannot
/// pay for their distance are passed over), and the pyramid is kept exact
/// as labels fall. Ends:
/// - nothing left to relax: the labels price every residual arc and every
///   omitted link at 0 or more. That is the certificate.
/// - a cycle among the labels' parents (a negative cycle: the flow can
///   still improve), checked every `count` relaxations, or the budget
///   spent: no certificate this round; the omitted links the labels'
///   parents use are returned (at most one per node, the cycle's among
///   them), which the caller adds to the links the ordinary pricing finds.
///
/// Measured (cheese, 5,000 sites): on their own, the parents' links were
/// too few (100-900 a round, stopping at the first cycle) or the wrong
/// ones (about 6,000 a round, freezing each cycle and going on): not
/// certified in 60 rounds either way, where the ordinary pricing takes 8.
/// So they are added to its links, and the certificate ends the rounds
/// as soon as the flow is optimal, however the ordinary pricing prices.
struct CompletePotentials {
    typealias Pair = DistributionNetwork.Pair

    enum Outcome {
        /// Feasible potentials for the complete network (nodes, then the
        /// super source and sink): the flow is optimal.
        case certified([Int64])
        /// The omitted links the labels' parents use (none is present).
        case improving([DistributionNetwork.Link])
    }

    /// What the trace reports.
    struct Effort {
        var pops = 0, relaxations = 0, searches = 0, pairsScored = 0
        var cycles = 0, budgetSpent = false
    }

    let flow: DistributionFlow
    let costs: DistributionCosts

    /// `start`: potentials feasible for `arcs` (the residual network, the
    /// super source and sink last). `budget`: relaxations per node before
    /// giving up the certificate for this round.
    func run(start: [Int64], arcs: [[(head: Int32, cost: Int64)]], present: Set<Pair>, penalty: Int64,
             budget: Int = 8) -> (Outcome, Effort) {
        let network = flow.network
        let count = start.count
        var label = start
        var parent = [Int32](repeating: -1, count: count)
        // Whether a node's parent arc is an omitted link (from the parent's site).
        var viaOmitted = [Bool](repeating: false, count: count)
        // Seller out-nodes: their site and layer.
        var siteOfOut = [Int32](repeating: -1, count: count)
        for layer in network.layers { for site in layer { siteOfOut[flow.outNode[site]] = Int32(site) } }
        // Each layer's buyers (the sites of the layers it sells to, then
        // the territories) in one pyramid; a node's place in each.
        var positionInLayer = [Int32](repeating: -1, count: flow.capacity.count)
        for layer in network.layers { for (position, site) in layer.enumerated() { positionInLayer[site] = Int32(position) } }
        var pyramids: [PricePyramid?] = []
        var offsets: [[Int: Int]] = []  // per pyramid: buyer layer (-1 territories) -> first index
        var buyerNodes: [[Int32]] = []
        var pyramidsOfLayer = [[Int]](repeating: [], count: network.layers.count), pyramidsOfTerritories: [Int] = []
        for (k, _) in network.layers.enumerated() {
            var nodes: [Int32] = [], positions: [Position] = [], offset: [Int: Int] = [:]
            for j in network.targets[k] {
                offset[j] = nodes.count
                pyramidsOfLayer[j].append(k)
                for site in network.layers[j] { nodes.append(Int32(flow.inNode[site])); positions.append(costs.sites[site]) }
            }
            if network.sellsToPeople[k] {
                offset[-1] = nodes.count
                pyramidsOfTerritories.append(k)
                for territory in flow.demand.indices { nodes.append(Int32(flow.territoryNode[territory])); positions.append(costs.territories[territory]) }
            }
            pyramids.append(nodes.isEmpty ? nil : PricePyramid(positions: positions, prices: nodes.map { Double(label[Int($0)]) }))
            offsets.append(offset)
            buyerNodes.append(nodes)
        }
        var siteOfInNode = [Int32](repeating: -1, count: count)
        for layer in network.layers { for site in layer { siteOfInNode[flow.inNode[site]] = Int32(site) } }
        func siteOfIn(_ node: Int) -> Int? { siteOfInNode[node] >= 0 ? Int(siteOfInNode[node]) : nil }
        // A lowered buyer's label, into each pyramid it is in.
        var territoryOfNode = [Int32](repeating: -1, count: count)
        for (territory, node) in flow.territoryNode.enumerated() { territoryOfNode[node] = Int32(territory) }
        func lowered(_ node: Int) {
            if territoryOfNode[node] >= 0 {
                for k in pyramidsOfTerritories { pyramids[k]!.lower(offsets[k][-1]! + Int(territoryOfNode[node]), to: Double(label[node])) }
            } else if node < flow.nodeCount, let site = siteOfIn(node), let j = network.layerOfSite[site] {
                for k in pyramidsOfLayer[j] { pyramids[k]!.lower(offsets[k][j]! + Int(positionInLayer[site]), to: Double(label[node])) }
            }
        }

        // Most lowered first (present arcs cost 0 or more reduced by `start`).
        var heap = MinHeap<Int64>()
        for node in 0..<count where siteOfOut[node] >= 0 { heap.push(0, Int32(node)) }
        var effort = Effort()
        var nextCheck = count
        // A walk along parents that meets itself is a cycle (stamps per
        // walk): a negative cycle, since labels only fall. Its nodes are
        // frozen (neither lowered nor searched again, their parents kept),
        // so the search goes on elsewhere instead of going round it.
        var stamp = [Int32](repeating: 0, count: count)
        var frozen = [Bool](repeating: false, count: count)
        func freezeCycles() -> Int {
            var cycles = 0
            for first in 0..<count where stamp[first] == 0 && !frozen[first] {
                let walk = Int32(first + 1)
                var node = first
                while node >= 0, !frozen[node], stamp[node] == 0 {
                    stamp[node] = walk
                    node = Int(parent[node])
                }
                guard node >= 0, !frozen[node], stamp[node] == walk else { continue }
                cycles += 1
                while !frozen[node] { frozen[node] = true; node = Int(parent[node]) }
            }
            for i in 0..<count { stamp[i] = 0 }
            return cycles
        }
        func relax(_ u: Int, _ v: Int, _ cost: Int64, omitted: Bool) {
            let (candidate, overflow) = label[u].addingReportingOverflow(cost)
            guard !overflow, candidate < label[v], !frozen[v] else { return }
            label[v] = candidate
            parent[v] = Int32(u)
            viaOmitted[v] = omitted
            effort.relaxations += 1
            heap.push(candidate - start[v], Int32(v))
            lowered(v)
        }
        search: while let (key, node) = heap.pop() {
            let u = Int(node)
            guard key == label[u] - start[u], !frozen[u] else { continue }
            effort.pops += 1
            for (head, cost) in arcs[u] { relax(u, Int(head), cost, omitted: false) }
            if siteOfOut[u] >= 0 {
                let seller = Int(siteOfOut[u]), k = network.layerOfSite[seller]!
                if let pyramid = pyramids[k] {
                    effort.searches += 1
                    let surcharge = flow.outside[seller] ? penalty : 0
                    let own = label[u]
                    let margin = 16 * max(pyramid.largestMagnitude, abs(Double(own)), Double(surcharge)).ulp + 2
                    let origin = costs.sites[seller]
                    var found: [Int] = []
                    // A link d metres long costs at least d / 100 − 1 units.
                    pyramid.search(around: origin) { distance, price in
                        costs.costPerMetreAtLeast * distance - 1 + Double(surcharge) + Double(own) - price - margin < 0
                    } found: { found.append($0) }
                    for index in found {
                        effort.pairsScored += 1
                        let buyer = Int(buyerNodes[k][index])
                        let pair = Pair(from: seller, to: territoryOfNode[buyer] >= 0 ? Int(territoryOfNode[buyer]) : siteOfIn(buyer)!,
                                        toTerritory: territoryOfNode[buyer] >= 0)
                        guard let units = FlowUnits.cost(costs.metres(pair) / 100) else { continue }
                        relax(u, buyer, units + surcharge, omitted: true)
                    }
                }
            }
            if effort.relaxations >= nextCheck {
                nextCheck = effort.relaxations + count
                // One negative cycle settles it: no certificate this round.
                effort.cycles += freezeCycles()
                if effort.cycles > 0 { break search }
                if effort.relaxations > budget * count { effort.budgetSpent = true; break search }
            }
        }
        // Cycles closed after the last check.
        if effort.cycles == 0 && !effort.budgetSpent { effort.cycles = freezeCycles() }
        if effort.cycles == 0 && !effort.budgetSpent { return (.certified(label), effort) }
        var links: [DistributionNetwork.Link] = []
        for node in 0..<count where viaOmitted[node] {
            let seller = Int(siteOfOut[Int(parent[node])])
            let pair = territoryOfNode[node] >= 0 ? Pair(from: seller, to: Int(territoryOfNode[node]), toTerritory: true)
                                                  : Pair(from: seller, to: siteOfIn(node)!, toTerritory: false)
            guard !present.contains(pair), let units = FlowUnits.cost(costs.metres(pair) / 100) else { continue }
            links.append(DistributionNetwork.Link(pair: pair, metres: costs.metres(pair), cost: units))
        }
        return (.improving(links), effort)
    }
}
