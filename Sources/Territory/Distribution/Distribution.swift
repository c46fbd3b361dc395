import Foundation
import Geo

/// Moves a chain's product from its producers through its stages to the
/// people of the territories, keeping it away from outside intermediaries.
///
/// The layered network: every site of a stage (capacity in final product,
/// by the yields after the stage) links to its `neighbours` nearest sites of
/// the next stage, and past it when that stage may be skipped; the last
/// stage's sites link to their nearest territories and each territory to
/// its nearest last-stage sites; a territory demands population x
/// per-capita demand. Solved exactly as a min-cost flow: first as much
/// demand met as the capacities allow, then the fewest tonnes through
/// outside intermediaries, then the fewest tonne-km.
public struct Distribution: Sendable {
    /// The chain whose product moves (the study may hold several).
    public var chain: ChainSpec
    public var neighbours = 3

    public init(chain: ChainSpec) {
        self.chain = chain
    }

    /// One used link of the network.
    public struct Flow: Sendable {
        public var from: Int
        public var to: Int
        public var toTerritory: Bool
        public var tonnes: Double
        public var metres: Double
        public var intermediary: Bool
        /// Minutes along the roads, when roads were given.
        public var minutes: Double?
        /// The line the product travels (metric CRS).
        public var line: Shape
    }

    public struct Result: Sendable {
        public var flows: [Flow]
        public var demand: Double
        public var delivered: Double
        /// Tonnes handled by outside intermediaries (counted at each one).
        public var intermediated: Double
        /// The same if, at every stage where an intermediary exists, all
        /// the product went through one.
        public var baselineIntermediated: Double
        public var tonneKilometres: Double
        /// Tonne-minutes along the roads, when roads were given.
        public var tonneMinutes: Double?
        /// Unmet demand per territory (index), tonnes.
        public var unmet: [Int: Double]
        /// Stages that cannot be skipped but have no site: nothing flows.
        public var brokenAt: [Stage]
        public var sitePositions: [Position]
        public var territoryPositions: [Position]
        public var crs: CRS
        /// Sites of the chain's products and stages: the network's actors.
        public var sitesInChain = 0
        /// With roads: sites of the chain and territories farther than
        /// `access.maxSnap` from them, which nothing reaches.
        public var unreachableSites: [Int] = []
        public var unreachableTerritories: [Int] = []
    }

    /// Distributes the chain over the study's sites and territories
    /// (people from their populations). With the study's travel times,
    /// links cost travel minutes along the roads (tonne-minutes are
    /// minimised) and lines follow the roads; sites and territories farther
    /// than its `access.maxSnap` are unreachable.
    public func run(_ study: Study) throws -> Result {
        let sites = try study.requireSites(for: "distribution")
        let territories = study.territories, roads = study.travel
        let metric = territories.metric, sitesFile = sites.file, territoriesFile = territories.file
        if let roads, roads.graph.crs != metric {
            throw ReadError(file: "<roads>", message: "the road graph is in \(roads.graph.crs); build it in the territories' metric CRS, \(metric)")
        }
        let context = GEOSContext.current
        let parsed = sites.sites
        let positions = try sites.positions.enumerated().map { index, position -> Position in
            guard let position else {
                throw ReadError(file: sitesFile, featureIndex: index, featureID: sites.layer.features[index].id, message: "a site must be a point")
            }
            return position
        }
        let territoryPositions = try territories.geometries.map { try $0.pointOnSurface().position ?? Position(x: 0, y: 0) }
        let demands = territories.populations.map { chain.demand(population: $0) }

        // Sites of each link, in chain order.
        let stages = chain.stages
        let layers = stages.map { stage in parsed.indices.filter { parsed[$0].stage == stage && chain.handles(parsed[$0]) } }
        let brokenAt = zip(stages, layers).filter { !chain.skippable.contains($0.0) && $0.1.isEmpty }.map(\.0)

        // Flow in kilograms (or the unit's thousandths), costs in 100 m.
        let scale = 1000.0
        let amounts = RoutedAmounts(chain: chain, scale: scale)
        let total = demands.reduce(0, +)
        var flow = CostScaling(nodeCount: 0)
        var inNode: [Int: Int] = [:], outNode: [Int: Int] = [:], throughArc: [Int: Int] = [:]
        for layer in layers { for site in layer {
            let node = flow.addNode()
            inNode[site] = node
            let capacity = try amounts.capacity(of: parsed[site], feature: sites.layer.features[site], index: site, file: sitesFile,
                                                field: sites.fields.capacity)
            outNode[site] = flow.addNode()
            throughArc[site] = flow.addArc(from: node, to: outNode[site]!, capacity: capacity, cost: 0)
        } }
        let territoryNode = demands.map { _ in flow.addNode() }
        let source = flow.addNode()

        let candidateArcs = try candidateLinks(layers: layers, sites: positions, territories: territoryPositions, context: context)

        // Along roads, each link's cost is its travel time (and its line the
        // route): sites are the places 0..<n, territories follow them.
        let travel = try roads.map { roads in
            (times: roads, places: try roads.places(positions, from: metric) + roads.places(territoryPositions, from: metric))
        }
        let trips = candidateArcs.map { TravelTimes.Trip($0.from, $0.toTerritory ? positions.count + $0.to : $0.to) }
        let costs = try travel.map { travel in
            try travel.times.minutes(of: trips, from: travel.places, to: travel.places).map { $0.map { $0 * 10 } ?? .infinity }
        } ?? candidateArcs.map { $0.metres / 100 }
        // Passing an outside intermediary costs more than any cycle of links
        // can save in distance (or time): a cheaper flow through fewer
        // intermediaries would differ from the optimum by a cycle that
        // passes fewer of them, and so costs less. Fewer intermediated
        // tonnes always win, and the penalty stays small enough to scale.
        let maxCost = try RoutedCosts.largest(costs, arcs: candidateArcs.map(\.from), sites: sites.layer, file: sitesFile) + 1
        let penalty = maxCost * Int64(flow.nodeCount + 4)
        var arcOfCandidate: [Int] = []
        for (index, arc) in candidateArcs.enumerated() {
            let to = arc.toTerritory ? territoryNode[arc.to] : inNode[arc.to]!
            let intermediary = parsed[arc.from].owner == .outside
            // A link the roads do not join carries nothing.
            arcOfCandidate.append(flow.addArc(from: outNode[arc.from]!, to: to, capacity: costs[index].isFinite ? Int64.max / 4 : 0,
                                              cost: (costs[index].isFinite ? Int64(costs[index]) : 0) + (intermediary ? penalty : 0)))
        }
        for site in layers.first ?? [] { flow.addArc(from: source, to: inNode[site]!, capacity: Int64.max / 4, cost: 0) }
        let demandUnits = try territories.populations.indices.map { index in
            try amounts.demand(population: territories.populations[index], feature: territories.layer.features[index],
                               index: index, file: territoriesFile, field: territories.populationField)
        }
        try amounts.checkTotal(demandUnits, of: "demand", file: territoriesFile)
        var totalUnits: Int64 = 0
        for (territory, units) in demandUnits.enumerated() {
            flow.setSupply(territoryNode[territory], -units)
            totalUnits += units
        }
        flow.setSupply(source, totalUnits)
        let solution = brokenAt.isEmpty ? flow.solve() : nil

        let used = candidateArcs.indices.filter { index in solution.map { $0.flow[arcOfCandidate[index]] > 0 } ?? false }
        var routes = [Route?](repeating: nil, count: candidateArcs.count)
        if let travel {
            let found = try travel.times.routes(of: used.map { trips[$0] }, from: travel.places, to: travel.places)
            for (index, route) in zip(used, found) { routes[index] = route }
        }
        var flows: [Flow] = []
        var inflow = [Double](repeating: 0, count: demands.count)
        var intermediated = 0.0
        for (index, arc) in candidateArcs.enumerated() {
            guard let solution, solution.flow[arcOfCandidate[index]] > 0 else { continue }
            let tonnes = Double(solution.flow[arcOfCandidate[index]]) / scale
            let intermediary = parsed[arc.from].owner == .outside || (!arc.toTerritory && parsed[arc.to].owner == .outside)
            let end = arc.toTerritory ? territoryPositions[arc.to] : positions[arc.to]
            var line = Shape.lineString(CoordinateSequence([positions[arc.from], end]))
            var metres = arc.metres
            var minutes: Double?
            if let route = routes[index] {
                line = route.shape
                metres = route.metres
                minutes = route.minutes
            }
            flows.append(Flow(from: arc.from, to: arc.to, toTerritory: arc.toTerritory, tonnes: tonnes, metres: metres,
                              intermediary: intermediary, minutes: minutes, line: line))
            if arc.toTerritory { inflow[arc.to] += tonnes }
        }
        for layer in layers { for site in layer where parsed[site].owner == .outside {
            intermediated += Double(solution?.flow[throughArc[site]!] ?? 0) / scale
        } }
        let delivered = inflow.reduce(0, +)
        let stagesWithIntermediaries = layers.filter { $0.contains { parsed[$0].owner == .outside } }.count
        var unmet: [Int: Double] = [:]
        for (territory, demand) in demands.enumerated() where demand - inflow[territory] > 1e-6 { unmet[territory] = demand - inflow[territory] }
        var result = Result(flows: flows, demand: total, delivered: delivered, intermediated: intermediated,
                      baselineIntermediated: delivered * Double(stagesWithIntermediaries),
                      tonneKilometres: flows.reduce(0) { $0 + $1.tonnes * $1.metres / 1000 },
                      tonneMinutes: travel == nil ? nil : flows.reduce(0) { $0 + $1.tonnes * ($1.minutes ?? 0) },
                      unmet: unmet, brokenAt: brokenAt, sitePositions: positions, territoryPositions: territoryPositions, crs: metric)
        result.sitesInChain = layers.reduce(0) { $0 + $1.count }
        if let travel {
            result.unreachableSites = layers.flatMap { $0 }.filter { travel.places[$0] == nil }.sorted()
            result.unreachableTerritories = demands.indices.filter { travel.places[positions.count + $0] == nil }
        }
        return result
    }
}
