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

    /// Exact node potentials for the solve: every residual arc's reduced
    /// cost, cost + p(tail) − p(head), at least 0 in the solver's own units.
    /// Cost scaling leaves prices within 1/(nodes + 3) of that; rounded
    /// down and corrected by label-correcting shortest paths (few passes,
    /// since they start nearly right). Nil without prices, or if the
    /// correction runs long; the ε test is used then.
    func exactPotentials(_ solved: DistributionFlow.Solved, penalty: Int64) -> [Int64]? {
        guard let prices = solved.solution.prices else { return nil }
        let scale = solved.solution.priceScale
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
        var potential = (0..<n).map { prices[$0] >= 0 ? prices[$0] / scale : -((-prices[$0] + scale - 1) / scale) }
        potential += [Int64.max / 8, Int64.max / 8]
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
        return Array(potential[0..<n])
    }

    /// Omitted links of negative reduced cost under exact potentials (or,
    /// failing those, below −1 under the solve's scaled prices), with their
    /// costs; at most `perSeller` per seller, the most negative, so a
    /// first solve far from the optimum does not take in most of the
    /// complete network at once. Nil when the solve left no prices (costs
    /// too large to scale): no certificate can be given.
    mutating func improvingLinks(_ solved: DistributionFlow.Solved, present: Set<Pair>, penalty: Int64,
                                 perSeller: Int = 8) throws -> [DistributionNetwork.Link]? {
        guard let scaled = solved.solution.prices else { return nil }
        let (exact, potentialSeconds) = DistributionTrace.timed { exactPotentials(solved, penalty: penalty) }
        DistributionTrace.log("  exact potentials \(exact == nil ? "failed" : "found") in \(String(format: "%.2f", potentialSeconds)) s")
        let searchStart = Date()
        var cellsVisited = 0, pairsExamined = 0
        let prices = exact ?? scaled
        let scale = exact == nil ? Double(solved.solution.priceScale) : 1
        let threshold: Int64 = exact == nil ? -1 : 0
        let rate = costs.costPerMetreAtLeast
        // Doubles of prices near 1e18 are off by a few hundred: a margin
        // keeps the search from pruning what the exact test would take.
        let slack = 2 + 1024 / scale
        var candidates: [Pair] = []
        for (k, layer) in network.layers.enumerated() {
            var buyers: [(position: Position, price: Double, site: Int, toTerritory: Bool, component: Int)] = []
            for j in network.targets[k] { for site in network.layers[j] where costs.isPlaced(site: site) {
                buyers.append((costs.sites[site], Double(prices[flow.inNode[site]]), site, false, costs.component(site: site)))
            } }
            if network.sellsToPeople[k] {
                for territory in flow.demand.indices where costs.isPlaced(territory: territory) {
                    buyers.append((costs.territories[territory], Double(prices[flow.territoryNode[territory]]), territory, true,
                                   costs.component(territory: territory)))
                }
            }
            guard !buyers.isEmpty else { continue }
            let grid = PriceGrid(buyers.map { ($0.position, $0.price) })
            for seller in layer where costs.isPlaced(site: seller) {
                let own = Double(prices[flow.outNode[seller]]) + Double(flow.outside[seller] ? penalty : 0) * scale
                let component = costs.component(site: seller)
                // A link to a buyer of price q costs at least rate × d − 1 and
                // improves only below (q − own + threshold) / scale.
                grid.search(around: costs.sites[seller]) { distance, price in
                    cellsVisited += 1
                    return rate * distance - 1 < (price - own + Double(threshold)) / scale + slack
                } found: { index in
                    pairsExamined += 1
                    let buyer = buyers[index]
                    guard buyer.component == component else { return }
                    let pair = Pair(from: seller, to: buyer.site, toTerritory: buyer.toTerritory)
                    if !present.contains(pair), !unjoinable.contains(pair) { candidates.append(pair) }
                }
            }
        }
        DistributionTrace.log("  search \(String(format: "%.2f", Date().timeIntervalSince(searchStart))) s: \(cellsVisited) tests, \(pairsExamined) pairs qualify, \(candidates.count) candidates")
        let found = try costs.costs(candidates)
        var bySeller: [Int: [(link: DistributionNetwork.Link, reduced: Int64)]] = [:]
        for (pair, cost) in zip(candidates, found) {
            guard let cost, let units = FlowUnits.cost(cost) else { unjoinable.insert(pair); continue }
            let total = units + (flow.outside[pair.from] ? penalty : 0)
            let (product, overflow) = total.multipliedReportingOverflow(by: exact == nil ? solved.solution.priceScale : 1)
            guard !overflow else { continue }
            let reduced = product + prices[flow.outNode[pair.from]] - prices[flow.head(pair)]
            if reduced < threshold {
                bySeller[pair.from, default: []].append((DistributionNetwork.Link(pair: pair, metres: costs.metres(pair), cost: units), reduced))
            }
        }
        DistributionTrace.log("  violated \(bySeller.values.reduce(0) { $0 + $1.count }) links from \(bySeller.count) sellers")
        return bySeller.keys.sorted().flatMap { seller in
            bySeller[seller]!.enumerated().sorted { ($0.element.reduced, $0.offset) < ($1.element.reduced, $1.offset) }
                .prefix(perSeller).map(\.element.link)
        }
    }

    /// Records links the roads turned out not to join.
    mutating func markUnjoinable(_ pairs: [Pair]) { unjoinable.formUnion(pairs) }
}

/// Points on a grid of square cells, each cell knowing the highest price
/// in it, to find the points a seller could profitably link to without
/// looking at every one.
struct PriceGrid {
    let points: [(position: Position, price: Double)]
    let minX: Double, minY: Double, cell: Double
    let columns: Int, rows: Int
    let members: [[Int32]]
    let highest: [Double]
    let highestOverall: Double

    init(_ points: [(Position, Double)]) {
        self.points = points.map { (position: $0.0, price: $0.1) }
        let xs = points.map(\.0.x), ys = points.map(\.0.y)
        minX = xs.min()!; minY = ys.min()!
        let width = max(xs.max()! - minX, 1), height = max(ys.max()! - minY, 1)
        // About one point a cell, and never more than 4 million cells.
        let cells = Double(min(max(points.count, 1), 4_000_000))
        cell = max(sqrt(width * height / cells), max(width, height) / 2000, 1)
        columns = Int(width / cell) + 1
        rows = Int(height / cell) + 1
        var members = [[Int32]](repeating: [], count: columns * rows)
        var highest = [Double](repeating: -.infinity, count: columns * rows)
        for (index, point) in points.enumerated() {
            let slot = min(Int((point.0.y - minY) / cell), rows - 1) * columns + min(Int((point.0.x - minX) / cell), columns - 1)
            members[slot].append(Int32(index))
            highest[slot] = max(highest[slot], point.1)
        }
        self.members = members
        self.highest = highest
        highestOverall = highest.max() ?? -.infinity
    }

    /// Calls `found` with every point p for which `qualifies(d(p), price(p))`,
    /// visiting only cells whose nearest edge and highest price qualify.
    /// `qualifies` must grow stricter as the distance grows and looser as
    /// the price grows.
    func search(around centre: Position, qualifies: (Double, Double) -> Bool, found: (Int) -> Void) {
        // The farthest any point can be: double the radius until the best price fails.
        var reach = cell
        while qualifies(reach, highestOverall) {
            reach *= 2
            if reach > 1e12 { break }
        }
        let firstColumn = max(0, Int(((centre.x - reach - minX) / cell).rounded(.down)))
        let lastColumn = min(columns - 1, Int(((centre.x + reach - minX) / cell).rounded(.down)))
        let firstRow = max(0, Int(((centre.y - reach - minY) / cell).rounded(.down)))
        let lastRow = min(rows - 1, Int(((centre.y + reach - minY) / cell).rounded(.down)))
        guard firstColumn <= lastColumn, firstRow <= lastRow else { return }
        for row in firstRow...lastRow {
            let y0 = minY + Double(row) * cell
            let dy = max(0, y0 - centre.y, centre.y - (y0 + cell))
            for column in firstColumn...lastColumn {
                let slot = row * columns + column
                guard !members[slot].isEmpty else { continue }
                let x0 = minX + Double(column) * cell
                let dx = max(0, x0 - centre.x, centre.x - (x0 + cell))
                guard qualifies(hypot(dx, dy), highest[slot]) else { continue }
                for index in members[slot] {
                    let point = points[Int(index)]
                    if qualifies(hypot(point.position.x - centre.x, point.position.y - centre.y), point.price) { found(Int(index)) }
                }
            }
        }
    }
}
