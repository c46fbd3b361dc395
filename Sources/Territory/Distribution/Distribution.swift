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
    public var chain: ChainSpec
    public var neighbours = 3
    public var populationField = "population"
    public var idField: String?
    public var siteFields = SiteFields()
    /// With roads, links cost travel minutes along them (tonne-minutes are
    /// minimised) and lines follow the roads; sites and territories are
    /// snapped to the network's largest component.
    public var roads: RoadGraph?
    /// How sites and territories reach the roads: none from farther than
    /// its `maxSnap`, the leg to the road at its `offRoadSpeed`.
    public var access = RoadAccess()

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

    public func run(sites: Layer, territories: Layer, sitesFile: String = "<sites>", territoriesFile: String = "<territories>") throws -> Result {
        guard let metric = try territories.metricCRS(file: territoriesFile) else { throw ReadError(file: territoriesFile, message: "no geometry") }
        if let roads, roads.crs != metric {
            throw ReadError(file: "<roads>", message: "the road graph is in \(roads.crs); build it in the territories' metric CRS, \(metric)")
        }
        let context = GEOSContext.current
        let projectedSites = try sites.projected(to: metric, file: sitesFile)
        var parsed: [Site] = []
        var positions: [Position] = []
        for (index, feature) in projectedSites.features.enumerated() {
            parsed.append(try siteFields.site(of: sites.features[index], index: index, file: sitesFile))
            guard case .point(let position?)? = feature.geometry else {
                throw ReadError(file: sitesFile, featureIndex: index, featureID: feature.id, message: "a site must be a point")
            }
            positions.append(position)
        }
        let units = try territories.projected(to: metric)
        let territoryPositions = try units.features.map { feature -> Position in
            try Geometry(feature.geometry ?? .polygon([]), context: context).pointOnSurface().position ?? Position(x: 0, y: 0)
        }
        let demands = units.features.map { chain.demand(population: $0.properties[populationField]?.doubleValue ?? 0) }

        // Sites of each link, in chain order.
        let layers = chain.links.map { link in parsed.indices.filter { parsed[$0].stage == link.stage && parsed[$0].product == link.product } }
        let brokenAt = zip(chain.links, layers).filter { !chain.skippable.contains($0.0.stage) && $0.1.isEmpty }.map(\.0.stage)

        // Flow in kilograms (or the unit's thousandths), costs in 100 m.
        let scale = 1000.0
        let amounts = RoutedAmounts(chain: chain, scale: scale)
        let total = demands.reduce(0, +)
        var flow = CostScaling(nodeCount: 0)
        var inNode: [Int: Int] = [:], outNode: [Int: Int] = [:], throughArc: [Int: Int] = [:]
        for layer in layers { for site in layer {
            let node = flow.addNode()
            inNode[site] = node
            let capacity = try amounts.capacity(of: parsed[site], feature: sites.features[site], index: site, file: sitesFile, field: siteFields.capacity)
            outNode[site] = flow.addNode()
            throughArc[site] = flow.addArc(from: node, to: outNode[site]!, capacity: capacity, cost: 0)
        } }
        let territoryNode = demands.map { _ in flow.addNode() }
        let source = flow.addNode()

        var candidateArcs: [(from: Int, to: Int, toTerritory: Bool, metres: Double)] = []
        // k-nearest searches through GEOS STRtrees, each set indexed once.
        struct Candidates {
            let members: [Int]
            let index: PointIndex
        }
        func candidates(_ members: [Int], in places: [Position]) throws -> Candidates {
            Candidates(members: members, index: try PointIndex(members.map { places[$0] }, context: context))
        }
        func nearest(_ point: Position, among set: Candidates) throws -> [Int] {
            try set.index.nearest(neighbours, to: point).map { set.members[$0] }
        }
        let allTerritories = try candidates(Array(demands.indices), in: territoryPositions)
        for (k, layer) in layers.enumerated() {
            // The next layers a site may send to: the next one, and past it while skippable.
            var targets: [Int] = []
            var next = k + 1
            while next < layers.count {
                targets += layers[next]
                if !chain.skippable.contains(chain.links[next].stage) { break }
                next += 1
            }
            let nextSites = try candidates(targets, in: positions)
            for site in layer {
                for target in try nearest(positions[site], among: nextSites) {
                    candidateArcs.append((site, target, false, hypot(positions[target].x - positions[site].x, positions[target].y - positions[site].y)))
                }
                // The last stage, or one followed only by skippable stages, reaches the people.
                if next >= layers.count {
                    for territory in try nearest(positions[site], among: allTerritories) {
                        candidateArcs.append((site, territory, true, hypot(territoryPositions[territory].x - positions[site].x, territoryPositions[territory].y - positions[site].y)))
                    }
                }
            }
        }
        // Every territory also reaches its nearest sellers.
        let toTerritory = Set(candidateArcs.filter(\.toTerritory).map { [$0.from, $0.to] })
        let sellers = layers.indices.filter { k in (k + 1..<layers.count).allSatisfy { chain.skippable.contains(chain.links[$0].stage) } }.flatMap { layers[$0] }
        let sellerSites = try candidates(sellers, in: positions)
        for territory in demands.indices {
            for site in try nearest(territoryPositions[territory], among: sellerSites) {
                let metres = hypot(territoryPositions[territory].x - positions[site].x, territoryPositions[territory].y - positions[site].y)
                if !toTerritory.contains([site, territory]) {
                    candidateArcs.append((site, territory, true, metres))
                }
            }
        }

        // Along roads, each link's cost is its travel time (and its line the route).
        let travel = try roads.map {
            try RoadTravel(graph: $0, sites: positions, territories: territoryPositions, from: projectedSites.crs, access: access)
        }
        let links = candidateArcs.map { RoadTravel.Link(from: $0.from, to: $0.to, toTerritory: $0.toTerritory) }
        let costs = try travel.map { try $0.minutes(of: links).map { $0.map { $0 * 10 } ?? .infinity } }
            ?? candidateArcs.map { $0.metres / 100 }
        // Passing an outside intermediary costs more than any cycle of links
        // can save in distance (or time): a cheaper flow through fewer
        // intermediaries would differ from the optimum by a cycle that
        // passes fewer of them, and so costs less. Fewer intermediated
        // tonnes always win, and the penalty stays small enough to scale.
        let maxCost = try RoutedCosts.largest(costs, arcs: candidateArcs.map(\.from), sites: sites, file: sitesFile) + 1
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
        let demandUnits = try units.features.indices.map { index in
            try amounts.demand(population: units.features[index].properties[populationField]?.doubleValue ?? 0,
                               feature: units.features[index], index: index, file: territoriesFile, field: populationField)
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
            for (index, route) in zip(used, try travel.routes(of: used.map { links[$0] })) { routes[index] = route }
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
            result.unreachableSites = layers.flatMap { $0 }.filter { travel.siteSnaps[$0] == nil }.sorted()
            result.unreachableTerritories = demands.indices.filter { travel.territorySnaps[$0] == nil }
        }
        return result
    }
}
