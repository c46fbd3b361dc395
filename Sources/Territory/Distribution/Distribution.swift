import Foundation
import Geo

/// Moves a chain's product from its producers through its stages to the
/// people of the territories, keeping it away from outside intermediaries.
///
/// The model: the complete layered network. Every site of a chain link
/// (capacity in final product, by the yields after it) may sell to every
/// site of the next link, and past it while that link may be skipped; the
/// last link's sites (and those followed only by skippable links) may sell
/// to every territory, which demands population × per-capita demand. The
/// optimum, lexicographically: most demand met, then fewest tonnes through
/// outside intermediaries, then fewest tonne-km (or tonne-minutes along
/// the roads). It is found without building every link: solved as a
/// min-cost flow on the nearest links, then the omitted links are priced
/// (`DistributionPricing`) and those that would improve it added, until
/// none would: a certificate that the flow is optimal over every link.
public struct Distribution: Sendable {
    /// The chain whose product moves (the study may hold several).
    public var chain: ChainSpec
    /// How many nearest links each site starts with: a speed hint, which
    /// never changes the result.
    public var neighbours = 3
    /// Chains of more sites than this are solved on the sites nearest the
    /// people first, omitted sites added while they would improve the
    /// flow (`SiteSelection`, `OmittedSitesCheck`): a speed hint, which
    /// never changes the result. Along straight lines only.
    /// (TERRITORIO_SELECT_SITES_ABOVE sets it for benchmarks: 0 solves
    /// every chain this way, to compare with OR-Tools on small ones.)
    public var selectSitesAbove = Int(ProcessInfo.processInfo.environment["TERRITORIO_SELECT_SITES_ABOVE"] ?? "") ?? 50_000
    /// How `SiteSelection` chooses the first sites (tests choose few, so
    /// that the check has omitted sites to add).
    var siteCover: Int64 = 2
    var siteFewest = 3
    /// The most solves before giving up the certificate (reported as not
    /// optimal, never silently).
    public var maxRounds = 60
    /// How many improving links a pricing round may add (see
    /// `PricingBudget`): speed only, the certificate does not depend on it.
    var pricingBudget = PricingBudget()
    /// Property of the sites holding the id of the site or territory each
    /// sells to: the current trade, the baseline. Nil: each sells to its
    /// nearest actor of the next stage.
    public var sellsToField: String?
    /// Told after each solve: (solves so far, links in the network). The
    /// number of pricing rounds is not known before the certificate holds,
    /// so there is no total.
    public var progress: (@Sendable (_ solves: Int, _ links: Int) -> Void)?

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

    /// A situation's figures: the optimum's or the baseline's.
    public struct Figures: Sendable {
        public var flows: [Flow]
        /// Tonnes (or units) reaching the people of each territory.
        public var deliveredTo: [Double]
        /// Tonnes passing each site (feature index) of the chain.
        public var through: [Int: Double]
        public var delivered: Double
        /// Tonnes handled by outside intermediaries (counted at each one).
        public var intermediated: Double
        /// The same, per chain link (in the chain's order).
        public var intermediatedByLink: [Double]
        public var tonneKilometres: Double
        /// Along the roads, when roads were given.
        public var tonneMinutes: Double?
        /// With roads: links used that the roads do not join (only the
        /// baseline's can be), counted in tonne-km along the straight
        /// line and left out of tonne-minutes.
        public var unroutedLinks = 0
    }

    /// Where the baseline comes from.
    public enum BaselineRule: Sendable, Equatable {
        /// Each actor sells to its nearest actor of the next stage (inside
        /// the circuit or not); the last stage to the people of its own
        /// territory (or the nearest one).
        case nearest
        /// The site property naming whom each sells to; sites without it
        /// follow the nearest rule.
        case sellsTo(field: String)
    }

    public struct Baseline: Sendable {
        public var rule: BaselineRule
        public var figures: Figures
        /// Product the baseline's buyers received beyond their capacity
        /// or demand: bought but not passed on.
        public var stuck: Double
        /// Sites whose buyer the sells-to field did not give (nearest used).
        public var assumedNearest: Int
    }

    public struct Result: Sendable {
        public var flows: [Flow]
        public var demand: Double
        public var delivered: Double
        /// Tonnes handled by outside intermediaries (counted at each one).
        public var intermediated: Double
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
        /// With roads: sites on a road component where no buyer of theirs
        /// is, and territories on one where no seller is: cut off.
        public var cutOffSites: [Int] = []
        public var cutOffTerritories: [Int] = []
        /// The optimum's figures, and the baseline's.
        public var optimised: Figures
        public var baseline: Baseline
        /// Whether the pricing certified the flow optimal over every link.
        public var optimal = false
        /// Solves it took: 1 when the starting links held the optimum.
        public var pricingRounds = 0
        /// Links in the last solve.
        public var linksSolved = 0
        /// Why `optimal` is false, when it is.
        public var notOptimalReason: String?
        /// Times the flow was checked against the omitted sites (0 when
        /// every site was solved at once).
        var siteChecks = 0
        /// The chain link of each site (feature index), nil outside it.
        public var linkOfSite: [Int?] = []
    }

    /// Distributes the chain over the study's sites and territories
    /// (people from their populations). With the study's travel times,
    /// links cost travel minutes along the roads (tonne-minutes are
    /// minimised) and lines follow the roads; sites and territories farther
    /// than its `access.maxSnap` are unreachable, and those on a road
    /// component apart reach only that component.
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
        let network = DistributionNetwork(chain: chain, layers: layers, siteCount: parsed.count)

        // Flow in kilograms (or the unit's thousandths), costs in 100 m.
        let scale = 1000.0
        let amounts = RoutedAmounts(chain: chain, scale: scale)
        var capacity = [Int64](repeating: 0, count: parsed.count)
        for layer in layers { for site in layer {
            capacity[site] = try amounts.capacity(of: parsed[site], feature: sites.layer.features[site], index: site, file: sitesFile,
                                                  field: sites.fields.capacity)
        } }
        let demandUnits = try territories.populations.indices.map { index in
            try amounts.demand(population: territories.populations[index], feature: territories.layer.features[index],
                               index: index, file: territoriesFile, field: territories.populationField)
        }
        try amounts.checkTotal(demandUnits, of: "demand", file: territoriesFile)
        let flow = DistributionFlow(network: network, capacity: capacity, demand: demandUnits, outside: parsed.map { $0.owner == .outside })

        // Sites are the places 0..<n, territories follow them.
        let travel = try roads.map { roads in
            (times: roads, places: try roads.places(positions, from: metric) + roads.places(territoryPositions, from: metric))
        }
        let costs = DistributionCosts(sites: positions, territories: territoryPositions, travel: travel)

        var solved: DistributionFlow.Solved?
        var certificate = (optimal: true, rounds: 0, links: 0, reason: String?.none, siteChecks: 0)
        if brokenAt.isEmpty {
            let outcome = try solve(flow, costs: costs, sites: sites, context: context)
            solved = outcome.solved
            certificate = (outcome.optimal, outcome.rounds, outcome.solved.links.count, outcome.reason, outcome.siteChecks)
        }

        // The optimum as flows along lines (routes with roads).
        var pairs: [DistributionNetwork.Pair] = [], tonnes: [Double] = []
        var through: [Int: Double] = [:]
        if let solved {
            for (index, link) in solved.links.enumerated() where solved.onLink(index) > 0 {
                pairs.append(link.pair)
                tonnes.append(Double(solved.onLink(index)) / scale)
            }
            for layer in layers { for site in layer where solved.through(site) > 0 { through[site] = Double(solved.through(site)) / scale } }
        }
        var inflow = [Double](repeating: 0, count: demands.count)
        for (pair, amount) in zip(pairs, tonnes) where pair.toTerritory { inflow[pair.to] += amount }
        // A territory whose demand (rounded to kilograms) is met is met:
        // delivered + unmet = demand holds to the gram, not within the rounding.
        if let units = solved?.inflow {
            for territory in demands.indices where units[territory] >= demandUnits[territory] { inflow[territory] = demands[territory] }
        }
        let optimised = try figures(pairs: pairs, tonnes: tonnes, through: through, deliveredTo: inflow, costs: costs,
                                    network: network, parsed: parsed)
        let baseline = try baseline(network: network, study: study, costs: costs, demands: demands, capacity: capacity.map { Double($0) / scale })

        var unmet: [Int: Double] = [:]
        for (territory, demand) in demands.enumerated() where demand - optimised.deliveredTo[territory] > 1e-6 {
            unmet[territory] = demand - optimised.deliveredTo[territory]
        }
        var result = Result(flows: optimised.flows, demand: demands.reduce(0, +), delivered: optimised.delivered,
                            intermediated: optimised.intermediated, tonneKilometres: optimised.tonneKilometres,
                            tonneMinutes: optimised.tonneMinutes, unmet: unmet, brokenAt: brokenAt, sitePositions: positions,
                            territoryPositions: territoryPositions, crs: metric, optimised: optimised, baseline: baseline)
        result.sitesInChain = layers.reduce(0) { $0 + $1.count }
        result.optimal = certificate.optimal
        result.pricingRounds = certificate.rounds
        result.linksSolved = certificate.links
        result.notOptimalReason = certificate.reason
        result.siteChecks = certificate.siteChecks
        result.linkOfSite = network.layerOfSite
        if let travel {
            result.unreachableSites = layers.flatMap { $0 }.filter { travel.places[$0] == nil }.sorted()
            result.unreachableTerritories = demands.indices.filter { travel.places[positions.count + $0] == nil }
            let cutOff = Self.cutOff(network, costs: costs, territoryCount: demands.count)
            result.cutOffSites = cutOff.sites
            result.cutOffTerritories = cutOff.territories
        }
        return result
    }

    /// Sites placed on the roads whose component holds none of their
    /// buyers, and territories whose component holds no seller.
    static func cutOff(_ network: DistributionNetwork, costs: DistributionCosts, territoryCount: Int) -> (sites: [Int], territories: [Int]) {
        var componentsOfLayer = network.layers.map { Set($0.filter { costs.isPlaced(site: $0) }.map { costs.component(site: $0) }) }
        let placedTerritories = (0..<territoryCount).filter { costs.isPlaced(territory: $0) }
        let territoryComponents = Set(placedTerritories.map { costs.component(territory: $0) })
        var sellerComponents = Set<Int>()
        for k in network.layers.indices where network.sellsToPeople[k] { sellerComponents.formUnion(componentsOfLayer[k]) }
        var sites: [Int] = []
        for (k, layer) in network.layers.enumerated() {
            var buyers = network.targets[k].reduce(into: Set<Int>()) { $0.formUnion(componentsOfLayer[$1]) }
            if network.sellsToPeople[k] { buyers.formUnion(territoryComponents) }
            sites += layer.filter { costs.isPlaced(site: $0) && !buyers.contains(costs.component(site: $0)) }
        }
        componentsOfLayer.removeAll()
        return (sites.sorted(), placedTerritories.filter { !sellerComponents.contains(costs.component(territory: $0)) })
    }

    /// What `solveOptimally` found: the last solve, whether it is
    /// certified, the solves it took, and for a certified flow the
    /// potentials that certify it and the penalty they were priced with.
    struct Solve {
        var solved: DistributionFlow.Solved
        var optimal: Bool
        var rounds: Int
        var reason: String?
        var potentials: [Int64]? = nil
        var penalty: Int64 = 0
        var siteChecks = 0
    }

    /// Solve, price, add, solve again until the pricing finds nothing.
    /// `seed`: links to start with besides the nearest. `penaltyNodes` and
    /// `longest`: the network the penalty must hold for, when `flow` is
    /// part of a larger one (its potentials then price that one's links).
    /// `roundsBefore`: solves already spent against `maxRounds`.
    func solveOptimally(_ flow: DistributionFlow, costs: DistributionCosts, sites: StudySites, context: GEOSContext,
                        seed: [DistributionNetwork.Pair] = [], penaltyNodes: Int? = nil, longest longestAtLeast: Int64 = 0,
                        roundsBefore: Int = 0) throws -> Solve {
        typealias Pair = DistributionNetwork.Pair
        var pricing = DistributionPricing(flow: flow, costs: costs)
        var links: [DistributionNetwork.Link] = []
        var present = Set<Pair>()
        // Adds links whose roads join their ends; returns how many.
        func add(_ pairs: [Pair]) throws -> Int {
            let fresh = pairs.filter { !present.contains($0) }
            let found = try costs.costs(fresh)
            var added = 0, refused: [Pair] = []
            for (pair, cost) in zip(fresh, found) {
                guard let cost else { refused.append(pair); continue }
                guard let units = FlowUnits.cost(cost) else {
                    throw ReadError(file: sites.file, featureIndex: pair.from, featureID: sites.layer.features[pair.from].id,
                                    message: "a link from this site costs \(FlowUnits.describe(cost)) (in 100 m or tenths of a minute), too far to route (limit \(FlowUnits.costLimit)); check its coordinates")
                }
                links.append(DistributionNetwork.Link(pair: pair, metres: costs.metres(pair), cost: units))
                present.insert(pair)
                added += 1
            }
            pricing.markUnjoinable(refused)
            return added
        }
        let (starting, startSeconds) = try DistributionTrace.timed { try startingLinks(flow.network, costs: costs, context: context) }
        _ = try add(starting)
        // Links that carry the most the complete network can deliver, so the
        // first solve already meets that much demand.
        let (most, mostSeconds) = DistributionTrace.timed { pricing.maximumFlowLinks() }
        _ = try add(most.links)
        _ = try add(seed.filter { flow.network.contains($0) })
        DistributionTrace.log("nodes \(flow.nodeCount), starting links \(starting.count) (\(String(format: "%.2f", startSeconds)) s), most-flow links \(most.links.count) (\(String(format: "%.2f", mostSeconds)) s), links \(links.count)")
        // Passing an outside intermediary costs more than any cycle of
        // links can save in distance (or time): at most one link per node,
        // each at most the longest any link of the complete network can
        // cost. Fewer intermediated tonnes always win.
        var longest = max(longestAtLeast, try longestLink(costs, network: flow.network, sites: sites))
        var rounds = roundsBefore
        // The last solve's flow and exact potentials: the next solve starts there.
        var warm: (flow: [Int64], potentials: [Int64])?
        var roundBudget = pricingBudget
        while true {
            longest = max(longest, links.map(\.cost).max() ?? 0)
            let penalty = (longest + 1) * Int64((penaltyNodes ?? flow.nodeCount) + 4)
            let (solved, solveSeconds) = DistributionTrace.timed { flow.solve(links, penalty: penalty, warm: warm) }
            warm = nil
            rounds += 1
            progress?(rounds, links.count)
            DistributionTrace.log("round \(rounds): solved \(links.count) links in \(String(format: "%.2f", solveSeconds)) s, delivered \(solved.solution.delivered)")
            // Links the roads turn out not to join are left out and looked past.
            let (augmenting, augmentSeconds) = DistributionTrace.timed { pricing.augmentingLinks(solved, present: present) }
            var missing = augmenting
            while !missing.isEmpty, try add(missing) == 0 { missing = pricing.augmentingLinks(solved, present: present) }
            DistributionTrace.log("round \(rounds): augmenting links \(missing.count) in \(String(format: "%.2f", augmentSeconds)) s")
            if !missing.isEmpty {
                if rounds >= maxRounds { return Solve(solved: solved, optimal: false, rounds: rounds, reason: "the most demand was not certified after \(rounds) solves") }
                continue
            }
            let budget = roundBudget.next(solved: solved, flow: flow, lastImproving: pricing.lastImproving)
            let (priced, priceSeconds) = try DistributionTrace.timed {
                try pricing.improvingLinks(solved, present: present, penalty: penalty, budget: budget)
            }
            DistributionTrace.log("round \(rounds): priced in \(String(format: "%.2f", priceSeconds)) s, improving \(priced?.count ?? -1)")
            if let potentials = pricing.potentials { warm = (solved.solution.flow, potentials) }
            guard let improving = priced else {
                return Solve(solved: solved, optimal: false, rounds: rounds, reason: "costs too large for cost scaling to price the links left out")
            }
            if improving.isEmpty {
                return Solve(solved: solved, optimal: true, rounds: rounds, potentials: pricing.certifiedPotentials, penalty: penalty)
            }
            if rounds >= maxRounds { return Solve(solved: solved, optimal: false, rounds: rounds, reason: "links still improving after \(rounds) solves") }
            for link in improving where present.insert(link.pair).inserted { links.append(link) }
        }
    }

    /// The most any link of the complete network can cost: the diagonal of
    /// the chain's sites and the territories, or the longest trip the roads
    /// allow. Too far to route: an error naming the site farthest out.
    func longestLink(_ costs: DistributionCosts, network: DistributionNetwork, sites: StudySites) throws -> Int64 {
        let chainSites = network.layers.flatMap { $0 }
        let bound: Double
        if let travel = costs.travel {
            bound = travel.times.longestTripBound() * 10 + 1
        } else {
            let all = chainSites.map { costs.sites[$0] } + costs.territories
            let xs = all.map(\.x), ys = all.map(\.y)
            bound = all.isEmpty ? 0 : hypot(xs.max()! - xs.min()!, ys.max()! - ys.min()!) / 100 + 1
        }
        if let units = FlowUnits.cost(bound) { return units }
        let centre = costs.territories.isEmpty ? Position(x: 0, y: 0)
            : Position(x: costs.territories.map(\.x).reduce(0, +) / Double(costs.territories.count),
                       y: costs.territories.map(\.y).reduce(0, +) / Double(costs.territories.count))
        let farthest = chainSites.max { hypot(costs.sites[$0].x - centre.x, costs.sites[$0].y - centre.y) < hypot(costs.sites[$1].x - centre.x, costs.sites[$1].y - centre.y) }
        throw ReadError(file: sites.file, featureIndex: farthest, featureID: farthest.map { sites.layer.features[$0].id } ?? nil,
                        message: "links from this site, the farthest from the territories, would cost up to \(FlowUnits.describe(bound)) (in 100 m or tenths of a minute), too far to route (limit \(FlowUnits.costLimit)); check its coordinates")
    }
}
