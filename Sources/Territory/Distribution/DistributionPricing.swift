import Foundation
import Geo

/// The two checks that make a flow on some links optimal over every link
/// of the complete layered network, and the links they find missing.
///
/// 1. Most demand met: the nodes the source reaches in the residual
///    network, where an omitted link is there whenever its ends are (it
///    has unlimited capacity). No unmet territory reached: the cut is a
///    cut of the complete network, so no more can be delivered. Reached:
///    the omitted links on the way are added.
/// 2. Cheapest: cost scaling leaves prices under which every residual arc
///    costs at least −1 (costs × nodes + 3). An omitted link that would
///    cost less than that could improve the flow and is added; none: the
///    flow is optimal with every link present. Sellers and buyers are
///    found by a grid search bounded by the price differences: a link
///    costs at least its straight-line length times a rate (1 per 100 m,
///    or 0.6 / the fastest speed per metre along the roads), so only
///    buyers whose price exceeds the seller's by that much can qualify.
struct DistributionPricing {
    typealias Pair = DistributionNetwork.Pair
    let flow: DistributionFlow
    let costs: DistributionCosts
    /// Links the roads cannot join (oneway roads inside a component).
    var unjoinable: Set<Pair> = []
    /// The exact potentials of the last pricing (nodes, then the super
    /// source and sink), nil if it had none: where the next solve starts.
    private(set) var potentials: [Int64]?
    /// Improving links the last pricing found, before any budget.
    private(set) var lastImproving = 0
    /// Potentials feasible for every link of the complete network, when
    /// the last pricing certified the flow with them (OmittedSitesCheck
    /// starts from them).
    private(set) var certifiedPotentials: [Int64]?

    init(flow: DistributionFlow, costs: DistributionCosts) {
        self.flow = flow
        self.costs = costs
    }

    private var network: DistributionNetwork { flow.network }

    /// Whether an omitted link may exist: both ends placed on one road
    /// component (always without roads), and not found unjoinable.
    private func mayJoin(_ pair: Pair) -> Bool {
        guard costs.isPlaced(site: pair.from) else { return false }
        if pair.toTerritory {
            guard costs.isPlaced(territory: pair.to), costs.component(territory: pair.to) == costs.component(site: pair.from) else { return false }
        } else {
            guard costs.isPlaced(site: pair.to), costs.component(site: pair.to) == costs.component(site: pair.from) else { return false }
        }
        return !unjoinable.contains(pair)
    }

    // MARK: 1. most demand met

    /// The most the complete network can deliver, and links that carry it.
    /// Links have no capacity, so every seller of a layer on one road
    /// component reaches every buyer there alike: a hub per layer and
    /// component, with arcs in from its sellers and out to its buyers, has
    /// the complete network's maximum flow on a number of arcs that grows
    /// as the sites. The hub flow, paired seller to buyer, gives the links.
    func maximumFlowLinks() -> (units: Int64, links: [Pair]) {
        var tails: [Int] = [], heads: [Int] = [], capacities: [Int64] = []
        let unlimited = flow.demand.reduce(0, +)
        func arc(_ a: Int, _ b: Int, _ capacity: Int64) { tails.append(a); heads.append(b); capacities.append(capacity) }
        var nodes = flow.nodeCount
        struct Key: Hashable { let layer: Int; let component: Int }
        var hub: [Key: Int] = [:]
        for site in network.layers.first ?? [] { arc(flow.source, flow.inNode[site], unlimited) }
        for layer in network.layers { for site in layer { arc(flow.inNode[site], flow.outNode[site], flow.capacity[site]) } }
        for (k, layer) in network.layers.enumerated() {
            for site in layer where costs.isPlaced(site: site) {
                let key = Key(layer: k, component: costs.component(site: site))
                if hub[key] == nil { hub[key] = nodes; nodes += 1 }
                arc(flow.outNode[site], hub[key]!, unlimited)
            }
        }
        var hubArcs: [Int: [(arc: Int, pair: (Int) -> Pair)]] = [:]
        for (key, node) in hub.sorted(by: { $0.value < $1.value }) {
            for j in network.targets[key.layer] { for site in network.layers[j] where costs.isPlaced(site: site) && costs.component(site: site) == key.component {
                hubArcs[node, default: []].append((tails.count, { Pair(from: $0, to: site, toTerritory: false) }))
                arc(node, flow.inNode[site], unlimited)
            } }
            if network.sellsToPeople[key.layer] {
                for territory in flow.demand.indices where costs.isPlaced(territory: territory) && costs.component(territory: territory) == key.component {
                    hubArcs[node, default: []].append((tails.count, { Pair(from: $0, to: territory, toTerritory: true) }))
                    arc(node, flow.territoryNode[territory], unlimited)
                }
            }
        }
        let sink = nodes
        nodes += 1
        for (territory, units) in flow.demand.enumerated() where units > 0 { arc(flow.territoryNode[territory], sink, units) }
        let residual = ResidualNetwork(nodeCount: nodes, from: tails, to: heads, capacity: capacities, cost: tails.map { _ in 0 })
        let units = residual.pushMaximumFlow(from: flow.source, to: sink)
        // Pair each hub's sellers with its buyers, in order, as the flow allows.
        var siteOfOut: [Int: Int] = [:]
        for layer in network.layers { for site in layer { siteOfOut[flow.outNode[site]] = site } }
        var sellers: [Int: [(site: Int, units: Int64)]] = [:]
        for (index, tail) in tails.enumerated() where heads[index] >= flow.nodeCount && heads[index] < sink {
            let amount = residual.flow(onInputArc: index)
            if amount > 0, let site = siteOfOut[tail] { sellers[heads[index], default: []].append((site, amount)) }
        }
        var links: [Pair] = []
        for (node, outgoing) in hubArcs.sorted(by: { $0.key < $1.key }) {
            var queue = sellers[node] ?? []
            var next = 0
            for (arcIndex, pair) in outgoing {
                var wanted = residual.flow(onInputArc: arcIndex)
                while wanted > 0, next < queue.count {
                    let amount = min(wanted, queue[next].units)
                    links.append(pair(queue[next].site))
                    wanted -= amount
                    queue[next].units -= amount
                    if queue[next].units == 0 { next += 1 }
                }
            }
        }
        return (units, links)
    }

    /// Omitted links on paths from the source to territories still short,
    /// through the residual network completed by every omitted link; empty
    /// when no such path exists (the delivery is the most possible).
    func augmentingLinks(_ solved: DistributionFlow.Solved, present: Set<Pair>) -> [Pair] {
        let inflow = solved.inflow
        guard inflow.indices.contains(where: { inflow[$0] < flow.demand[$0] }) else { return [] }
        // Residual arcs of the links present, node to node.
        var adjacent = [[Int32]](repeating: [], count: flow.nodeCount)
        for layer in network.layers { for site in layer {
            let through = solved.through(site)
            if through < flow.capacity[site] { adjacent[flow.inNode[site]].append(Int32(flow.outNode[site])) }
            if through > 0 { adjacent[flow.outNode[site]].append(Int32(flow.inNode[site])) }
        } }
        for site in network.layers.first ?? [] {
            adjacent[flow.source].append(Int32(flow.inNode[site]))
            if solved.solution.flow[solved.sourceArc[site]] > 0 { adjacent[flow.inNode[site]].append(Int32(flow.source)) }
        }
        for (index, link) in solved.links.enumerated() {
            let tail = flow.outNode[link.pair.from], head = flow.head(link.pair)
            adjacent[tail].append(Int32(head))
            if solved.onLink(index) > 0 { adjacent[head].append(Int32(tail)) }
        }
        var siteOfOut = [Int32](repeating: -1, count: flow.nodeCount)
        for layer in network.layers { for site in layer { siteOfOut[flow.outNode[site]] = Int32(site) } }
        var territoryOfNode = [Int32](repeating: -1, count: flow.nodeCount)
        for (territory, node) in flow.territoryNode.enumerated() { territoryOfNode[node] = Int32(territory) }
        // Unreached buyers by layer and road component, and territories by component.
        struct Key: Hashable { let layer: Int; let component: Int }
        var pools: [Key: [Int]] = [:]
        for (k, layer) in network.layers.enumerated() { for site in layer where costs.isPlaced(site: site) {
            pools[Key(layer: k, component: costs.component(site: site)), default: []].append(site)
        } }
        for territory in flow.demand.indices where costs.isPlaced(territory: territory) {
            pools[Key(layer: -1, component: costs.component(territory: territory)), default: []].append(territory)
        }
        var parent = [Int32](repeating: -1, count: flow.nodeCount)
        var implicit: [Int: Pair] = [:]
        var visited = [Bool](repeating: false, count: flow.nodeCount)
        var queue = [flow.source]
        visited[flow.source] = true
        var goals: [Int] = []
        var read = 0
        while read < queue.count {
            let node = queue[read]; read += 1
            for next in adjacent[node] where !visited[Int(next)] {
                visited[Int(next)] = true
                parent[Int(next)] = Int32(node)
                queue.append(Int(next))
            }
            if territoryOfNode[node] >= 0, inflow[Int(territoryOfNode[node])] < flow.demand[Int(territoryOfNode[node])] { goals.append(node) }
            guard siteOfOut[node] >= 0 else { continue }
            let site = Int(siteOfOut[node]), k = network.layerOfSite[site]!
            let component = costs.component(site: site)
            var keys = network.targets[k].map { Key(layer: $0, component: component) }
            if network.sellsToPeople[k] { keys.append(Key(layer: -1, component: component)) }
            for key in keys {
                guard var pool = pools[key] else { continue }
                for member in pool {
                    let pair = Pair(from: site, to: member, toTerritory: key.layer < 0)
                    let head = flow.head(pair)
                    guard !visited[head], !present.contains(pair), mayJoin(pair) else { continue }
                    visited[head] = true
                    parent[head] = Int32(node)
                    implicit[head] = pair
                    queue.append(head)
                }
                pool.removeAll { visited[flow.head(Pair(from: site, to: $0, toTerritory: key.layer < 0))] }
                pools[key] = pool
            }
        }
        var found: [Pair] = [], taken = Set<Pair>()
        for goal in goals {
            var node = goal
            while node != flow.source, parent[node] >= 0 {
                if let pair = implicit[node], taken.insert(pair).inserted { found.append(pair) }
                node = Int(parent[node])
            }
        }
        return found
    }

    // MARK: 2. cheapest

    /// Exact node potentials for the solve (nodes, then the super source
    /// and sink): every residual arc's reduced cost, cost + p(tail) −
    /// p(head), at least 0 in the solver's own units.
    /// Cost scaling leaves prices within 1/(nodes + 3) of that; rounded
    /// down and corrected by label-correcting shortest paths (few passes,
    /// since they start nearly right). Nil without prices, or if the
    /// correction runs long; the ε test is used then.
    func exactPotentials(_ solved: DistributionFlow.Solved, penalty: Int64) -> (potentials: [Int64], arcs: [[(head: Int32, cost: Int64)]])? {
        guard let prices = solved.solution.prices else { return nil }
        let arcs = residualArcs(solved, penalty: penalty)
        guard let exact = correctedPotentials(prices, scale: solved.solution.priceScale, arcs: arcs) else { return nil }
        return (DistributionTrace.enabled && ProcessInfo.processInfo.environment["TERRITORIO_PRICING_DUAL"] == "scaling"
            ? exact : raisedPotentials(exact, arcs: arcs), arcs)
    }

    /// The residual network of a solve, node by node (the super source
    /// and sink last): the arcs any potentials must price at 0 or more.
    private func residualArcs(_ solved: DistributionFlow.Solved, penalty: Int64) -> [[(head: Int32, cost: Int64)]] {
        let n = flow.nodeCount, superSource = n, superSink = n + 1
        var arcs: [[(head: Int32, cost: Int64)]] = Array(repeating: [], count: n + 2)
        for layer in network.layers { for site in layer {
            let through = solved.through(site)
            if through < flow.capacity[site] { arcs[flow.inNode[site]].append((Int32(flow.outNode[site]), 0)) }
            if through > 0 { arcs[flow.outNode[site]].append((Int32(flow.inNode[site]), 0)) }
        } }
        for site in network.layers.first ?? [] {
            arcs[flow.source].append((Int32(flow.inNode[site]), 0))
            if solved.solution.flow[solved.sourceArc[site]] > 0 { arcs[flow.inNode[site]].append((Int32(flow.source), 0)) }
        }
        for (index, link) in solved.links.enumerated() {
            let tail = flow.outNode[link.pair.from], head = flow.head(link.pair)
            let cost = link.cost + (flow.outside[link.pair.from] ? penalty : 0)
            arcs[tail].append((Int32(head), cost))
            if solved.onLink(index) > 0 { arcs[head].append((Int32(tail), -cost)) }
        }
        let delivered = solved.solution.delivered, total = flow.demand.reduce(0, +)
        if delivered < total { arcs[superSource].append((Int32(flow.source), 0)) }
        if delivered > 0 { arcs[flow.source].append((Int32(superSource), 0)) }
        let inflow = solved.inflow
        for (territory, node) in flow.territoryNode.enumerated() {
            if inflow[territory] < flow.demand[territory] { arcs[node].append((Int32(superSink), 0)) }
            if inflow[territory] > 0 { arcs[superSink].append((Int32(node), 0)) }
        }
        return arcs
    }

    /// The solver's prices, rounded down from its units and corrected.
    private func correctedPotentials(_ prices: [Int64], scale: Int64, arcs: [[(head: Int32, cost: Int64)]]) -> [Int64]? {
        let n = flow.nodeCount
        var potential = (0..<n).map { prices[$0] >= 0 ? prices[$0] / scale : -((-prices[$0] + scale - 1) / scale) }
        // The super source and sink start level with the nodes they join
        // (finite: the potentials also start the next solve).
        potential += [potential[flow.source], flow.territoryNode.map { potential[$0] }.max() ?? potential[flow.source]]
        var queued = [Bool](repeating: true, count: n + 2)
        var queue = Array(0..<(n + 2))
        var read = 0, relaxations = 0
        while read < queue.count {
            let u = queue[read]; read += 1
            queued[u] = false
            for (head, cost) in arcs[u] {
                let v = Int(head)
                if potential[u] + cost < potential[v] {
                    potential[v] = potential[u] + cost
                    relaxations += 1
                    if relaxations > 64 * (n + 2) { return nil }
                    if !queued[v] { queued[v] = true; queue.append(v) }
                }
            }
            if read > 1 << 20 { queue.removeFirst(read); read = 0 }
        }
        return potential
    }

    /// Feasible potentials, each as high as the residual network allows:
    /// the cost of the cheapest path from the source (Dijkstra on the
    /// costs reduced by `exact`, all at least 0), and for nodes no path
    /// reaches, the least that keeps their arcs priced at 0 or more.
    ///
    /// Why: potentials are not unique, and with the solver's own most
    /// links out of sellers no flow passes looked improving (20,000 sites:
    /// 7 million of 42 million pairs, a few hundred per seller). Priced at
    /// the cheapest path, a left-out link is improving only where it
    /// shortens the way product reaches its buyer. Measured so far, it
    /// chose the same links at 5,000 sites (TERRITORIO_PRICING_DUAL=scaling
    /// with the trace on prices with the solver's own, to compare), and
    /// rounds still add close to 8 links per seller at 20,000.
    func raisedPotentials(_ exact: [Int64], arcs: [[(head: Int32, cost: Int64)]]) -> [Int64] {
        let count = exact.count
        var distance = [Int64](repeating: .max, count: count)
        var heap = MinHeap<Int64>()
        heap.push(0, Int32(flow.source))
        distance[flow.source] = 0
        while let (reached, node) = heap.pop() {
            let u = Int(node)
            guard reached == distance[u] else { continue }
            for (head, cost) in arcs[u] {
                let v = Int(head)
                let next = reached + cost + exact[u] - exact[v]
                guard next < distance[v] else { continue }
                distance[v] = next
                heap.push(next, head)
            }
        }
        var potential = (0..<count).map { distance[$0] == .max ? exact[$0] : exact[$0] + distance[$0] }
        // Unreached nodes start at their exact potentials and rise until
        // every arc out of them is priced at 0 or more (no arc enters them
        // from a reached node, or it would be reached).
        var incoming = [[Int32]](repeating: [], count: count)
        for u in 0..<count where distance[u] == .max { for (head, _) in arcs[u] { incoming[Int(head)].append(Int32(u)) } }
        var queue = (0..<count).filter { distance[$0] != .max && !incoming[$0].isEmpty }
        var queued = [Bool](repeating: false, count: count)
        for u in queue { queued[u] = true }
        var read = 0
        while read < queue.count {
            let v = queue[read]; read += 1
            queued[v] = false
            for tail in incoming[v] {
                let u = Int(tail)
                for (head, cost) in arcs[u] where Int(head) == v && potential[u] + cost < potential[v] {
                    potential[u] = potential[v] - cost
                    if !queued[u] { queued[u] = true; queue.append(u) }
                }
            }
        }
        return potential
    }

    /// Omitted links of negative reduced cost under exact potentials (or,
    /// failing those, below −1 under the solve's scaled prices), with their
    /// costs; at most `perSeller` per seller, the most negative, so a
    /// first solve far from the optimum does not take in most of the
    /// complete network at once. Nil when the solve left no prices (costs
    /// too large to scale): no certificate can be given.
    ///
    /// Along straight lines a link's cost is known from its ends, so each
    /// seller asks the buyers' pyramid for its `perSeller` best links
    /// directly, cells in the order of the best they could hold: the work
    /// grows as the links found, not as the pairs that might qualify
    /// (with outside intermediaries' penalties in the prices, that is
    /// nearly every pair). Along the roads costs come from route searches,
    /// so every pair the bound lets through is costed, then the best kept.
    ///
    /// `budget`, when given, keeps only that many of the links found along
    /// straight lines (the
    /// most negative reduced costs over all sellers; the parents' links of
    /// `CompletePotentials` come on top): the certificate is untouched,
    /// since the rounds end only when nothing at all is improving.
    mutating func improvingLinks(_ solved: DistributionFlow.Solved, present: Set<Pair>, penalty: Int64,
                                 perSeller: Int = 8, budget: Int? = nil) throws -> [DistributionNetwork.Link]? {
        guard let scaled = solved.solution.prices else { return nil }
        let (exactFound, potentialSeconds) = DistributionTrace.timed { exactPotentials(solved, penalty: penalty) }
        let exact = exactFound?.potentials
        potentials = exact
        certifiedPotentials = nil
        DistributionTrace.log("  exact potentials \(exact == nil ? "failed" : "found") in \(String(format: "%.2f", potentialSeconds)) s")
        // Along straight lines: potentials for the complete network (the
        // certificate, nothing added), else the omitted links their
        // shortest paths take, added to those priced below (CompletePotentials).
        var fromParents: [DistributionNetwork.Link] = []
        if let exactFound, costs.travel == nil, ProcessInfo.processInfo.environment["TERRITORIO_PRICING"] != "best" {
            let ((outcome, effort), seconds) = DistributionTrace.timed {
                CompletePotentials(flow: flow, costs: costs).run(start: exactFound.potentials, arcs: exactFound.arcs, present: present, penalty: penalty)
            }
            let ending = effort.cycles > 0 ? "\(effort.cycles) negative cycles" : effort.budgetSpent ? "the budget spent" : "certified"
            if case .improving(let links) = outcome {
                DistributionTrace.log("  complete potentials \(String(format: "%.2f", seconds)) s: \(ending), \(effort.pops) pops, \(effort.relaxations) relaxations, \(effort.searches) searches, \(effort.pairsScored) pairs scored, \(links.count) links from parents")
                fromParents = links
            } else {
                DistributionTrace.log("  complete potentials \(String(format: "%.2f", seconds)) s: \(ending), \(effort.pops) pops, \(effort.relaxations) relaxations, \(effort.searches) searches, \(effort.pairsScored) pairs scored")
                if case .certified(let labels) = outcome { certifiedPotentials = labels }
                return []
            }
        }
        let prices = exact ?? scaled
        let multiplier = exact == nil ? solved.solution.priceScale : 1
        let threshold: Int64 = exact == nil ? -1 : 0
        let searchStart = Date()
        var examined = 0
        var links: [DistributionNetwork.Link] = []
        var linkScores: [Int64] = []
        var candidates: [Pair] = []
        for (k, layer) in network.layers.enumerated() {
            var buyers: [(site: Int, toTerritory: Bool)] = []
            for j in network.targets[k] { for site in network.layers[j] where costs.isPlaced(site: site) { buyers.append((site, false)) } }
            if network.sellsToPeople[k] {
                for territory in flow.demand.indices where costs.isPlaced(territory: territory) { buyers.append((territory, true)) }
            }
            guard !buyers.isEmpty else { continue }
            let buyerPairs = buyers.map { Pair(from: 0, to: $0.site, toTerritory: $0.toTerritory) }
            let pyramid = PricePyramid(positions: buyerPairs.map { costs.end($0) },
                                       prices: buyerPairs.map { Double(prices[flow.head($0)]) })
            for seller in layer where costs.isPlaced(site: seller) {
                let surcharge = flow.outside[seller] ? penalty : 0
                let own = prices[flow.outNode[seller]]
                func pair(_ index: Int) -> Pair { Pair(from: seller, to: buyers[index].site, toTerritory: buyers[index].toTerritory) }
                // Doubles of prices near 1e18 are off by a few hundred: a
                // margin keeps the bound below the exact reduced cost.
                let margin = 16 * max(pyramid.largestMagnitude, abs(Double(own)), Double(surcharge) * Double(multiplier)).ulp
                    + 2 * Double(multiplier)
                // A link d metres long costs at least rate × d − 1 units.
                func bound(_ distance: Double, _ price: Double) -> Double {
                    (costs.costPerMetreAtLeast * distance - 1 + Double(surcharge)) * Double(multiplier) + Double(own) - price - margin
                }
                if costs.travel == nil {
                    let found = pyramid.best(perSeller, around: costs.sites[seller], below: threshold, bound: bound) { index in
                        examined += 1
                        let link = pair(index)
                        guard !present.contains(link), !unjoinable.contains(link) else { return nil }
                        guard let units = FlowUnits.cost(costs.metres(link) / 100) else { return nil }
                        return reduced(units: units, surcharge: surcharge, multiplier: multiplier, own: own, buyer: prices[flow.head(link)])
                    }
                    for (index, score) in found {
                        let link = pair(index)
                        linkScores.append(score)
                        links.append(DistributionNetwork.Link(pair: link, metres: costs.metres(link),
                                                              cost: FlowUnits.cost(costs.metres(link) / 100)!))
                    }
                } else {
                    pyramid.search(around: costs.sites[seller]) { distance, price in
                        bound(distance, price) < Double(threshold)
                    } found: { index in
                        examined += 1
                        let link = pair(index)
                        if mayJoin(link), !present.contains(link) { candidates.append(link) }
                    }
                }
            }
        }
        if costs.travel == nil {
            DistributionTrace.log("  search \(String(format: "%.2f", Date().timeIntervalSince(searchStart))) s: \(examined) pairs scored, \(links.count) improving")
            lastImproving = links.count
            if let budget, links.count > budget {
                // The most negative first; ties in the order found (sellers, then best-first).
                let kept = links.indices.sorted { (linkScores[$0], $0) < (linkScores[$1], $1) }.prefix(budget).sorted()
                links = kept.map { links[$0] }
                DistributionTrace.log("  budget \(budget): kept \(links.count) most improving")
            }
            let priced = Set(links.map(\.pair))
            return links + fromParents.filter { !priced.contains($0.pair) }
        }
        DistributionTrace.log("  search \(String(format: "%.2f", Date().timeIntervalSince(searchStart))) s: \(examined) pairs qualify, \(candidates.count) candidates")
        let found = try costs.costs(candidates)
        var bySeller: [Int: [(link: DistributionNetwork.Link, reduced: Int64)]] = [:]
        for (pair, cost) in zip(candidates, found) {
            guard let cost, let units = FlowUnits.cost(cost) else { unjoinable.insert(pair); continue }
            guard let value = reduced(units: units, surcharge: flow.outside[pair.from] ? penalty : 0, multiplier: multiplier,
                                      own: prices[flow.outNode[pair.from]], buyer: prices[flow.head(pair)]) else { continue }
            if value < threshold {
                bySeller[pair.from, default: []].append((DistributionNetwork.Link(pair: pair, metres: costs.metres(pair), cost: units), value))
            }
        }
        return bySeller.keys.sorted().flatMap { seller in
            bySeller[seller]!.enumerated().sorted { ($0.element.reduced, $0.offset) < ($1.element.reduced, $1.offset) }
                .prefix(perSeller).map(\.element.link)
        }
    }

    /// A link's reduced cost, (cost + surcharge) × multiplier + own price −
    /// the buyer's, nil if it overflows (a link far too dear to improve).
    private func reduced(units: Int64, surcharge: Int64, multiplier: Int64, own: Int64, buyer: Int64) -> Int64? {
        let (product, overflow) = (units + surcharge).multipliedReportingOverflow(by: multiplier)
        let (difference, under) = own.subtractingReportingOverflow(buyer)
        guard !overflow, !under else { return nil }
        let (sum, overflowed) = product.addingReportingOverflow(difference)
        return overflowed ? nil : sum
    }

    /// Records links the roads turned out not to join.
    mutating func markUnjoinable(_ pairs: [Pair]) { unjoinable.formUnion(pairs) }
}
