import Foundation
import Geo

/// How well each circuit (a grouping of territories that organises the
/// whole chain of its products) covers its people: population and
/// families, demand and supply per product stage by stage, the bottleneck,
/// missing stages, surplus or deficit and, from the chain's exact
/// distribution, the tonnes it sends to and receives from each named
/// circuit, the people near its own distribution points, and the share of capacity
/// in outside hands. Across circuits: territories in two circuits, and
/// territories in none.
public struct CircuitCoverage: Sendable {
    public var householdSize = 4.0
    /// Metres around distribution and retail points counted as served.
    public var radius = 5_000.0
    /// A point layer (community priorities...) to count per territory,
    /// circuit and zone.
    public var points: PointTallies.Input?
    /// A field of the territories naming each one's identity product.
    public var identityField: String?
    /// Runs each chain's exact distribution for the tonnes moved between
    /// circuits (`Result.exchanges`). Off by default: the distribution is
    /// the costly part, and only the coverage report shows it; analyses
    /// that need the stage balances (siting, scenarios, grouping
    /// evaluation) would otherwise pay for it, scenarios twice over.
    public var exchange = false

    public init() {}

    public struct Circuit: Sendable {
        public var id: String
        public var territories: [String]
        /// In the metric CRS of the analysis.
        public var shape: Shape
        public var area: Double
        public var population: Double
        public var families: Double
        public var populationNearDistribution: Double
        public var products: [ProductBalance]
    }

    /// An economic zone: its circuits taken together, as one circuit.
    public struct Zone: Sendable {
        public var id: String
        public var circuits: [String]
        public var population: Double
        public var families: Double
        public var products: [ProductBalance]
    }

    /// A territory listed in more than one circuit.
    public struct Overlap: Sendable {
        public var territory: String
        public var circuits: [String]
        public var shape: Shape
        public var area: Double
        public var population: Double
    }

    public struct Result: Sendable {
        public var circuits: [Circuit]
        public var overlaps: [Overlap]
        /// Territories in no circuit, with their shapes and population.
        public var unassigned: [(territory: String, shape: Shape, population: Double)]
        public var totalPopulation: Double
        public var metric: CRS
        /// Sites read, and how many belong to none of the chains.
        public var sites: Int
        public var sitesOutsideChains: Int
        /// Sites of the chains outside every territory or in a territory
        /// of no circuit: counted apart, with their unused capacity.
        public var sitesLeftOut = SitesLeftOut()
        /// Zones, when the study has them, and circuits in none.
        public var zones: [Zone] = []
        public var circuitsInNoZone: [String] = []
        public var points: PointTallies?
        public var identity: IdentityProducts?
        /// Per chain, the tonnes its exact distribution moves between
        /// circuits (and zones): where each surplus goes.
        public var exchanges: [CoverageExchange] = []

        /// The exchange of `product`, when it was run.
        public func exchange(of product: String) -> CoverageExchange? { exchanges.first { $0.product == product } }
    }

    /// Covers the study's grouping with its sites and chains.
    public func run(_ study: Study) throws -> Result {
        let grouping = try study.requireGrouping(for: "circuit coverage")
        let sites = try study.requireSites(for: "circuit coverage")
        let territories = study.territories, chains = study.chains
        let metric = territories.metric, units = territories.projected, codes = territories.codes
        let populations = territories.populations, geometries = territories.geometries
        let parsed = sites.sites, sitePositions = sites.positions, located = sites.territory
        let inChains = parsed.map { site in chains.contains { $0.handles(site) } }

        // Sites by territory, once, rather than every site for every circuit.
        let sitesOfUnit = sites.byTerritory(count: units.count)

        // Circuits are independent: each worker takes a run of them in its
        // own GEOS context, with its own copies of the territories'
        // geometries (the same operations as on one core, so the same
        // figures), and the circuits come back in the grouping's order.
        let ids = grouping.circuits
        let circuits = try parallelChunks(count: ids.count, minimumChunk: 8) { range -> [Circuit] in
            let context = GEOSContext()
            // As `StudyTerritories` makes them, from the projected shapes.
            func geometry(_ unit: Int) throws -> Geometry {
                try Geometry(units.features[unit].geometry ?? .polygon([]), context: context)
            }
            return try range.map { position -> Circuit in
                let id = ids[position]
                let members = Array(Set(grouping.territories(of: id).compactMap(territories.unit(ofCode:)))).sorted()
                let (union, _) = try Dissolve.union(try members.map(geometry).filter { !$0.isEmpty }, context: context)
                let population = members.reduce(0) { $0 + populations[$1] }
                let siteIndices = members.flatMap { sitesOfUnit[$0] }.sorted()
                let products = chains.map { chain in
                    ProductBalance(chain: chain, population: population, sites: siteIndices.map { parsed[$0] })
                }
                let near = try populationNearDistribution(siteIndices.filter {
                    inChains[$0] && parsed[$0].owner == .circuit && (parsed[$0].stage == .distribution || parsed[$0].stage == .retail)
                }.compactMap { sitePositions[$0] }, circuit: union, members: members, units: units,
                                                   populationField: territories.populationField, context: context)
                return Circuit(id: id, territories: members.map { codes[$0] }, shape: union.shape, area: try union.area(),
                               population: population, families: population / householdSize,
                               populationNearDistribution: near, products: products)
            }
        }.flatMap { $0 }

        var circuitsOfUnit: [Int: [String]] = [:]
        for row in grouping.rows {
            let unit = territories.unit(ofCode: row.territory)!
            if !(circuitsOfUnit[unit]?.contains(row.circuit) ?? false) { circuitsOfUnit[unit, default: []].append(row.circuit) }
        }
        let overlaps = try circuitsOfUnit.keys.sorted().filter { circuitsOfUnit[$0]!.count > 1 }.map { unit in
            Overlap(territory: codes[unit], circuits: circuitsOfUnit[unit]!, shape: geometries[unit].shape,
                    area: try geometries[unit].area(), population: populations[unit])
        }
        let unassigned = units.features.indices.filter { circuitsOfUnit[$0] == nil }.map { unit in
            (territory: codes[unit], shape: geometries[unit].shape, population: populations[unit])
        }
        let leftOut = SitesLeftOut(sites: parsed, inChains: inChains, unitOfSite: located) { circuitsOfUnit[$0] != nil }
        var result = Result(circuits: circuits, overlaps: overlaps, unassigned: unassigned,
                            totalPopulation: populations.reduce(0, +), metric: metric,
                            sites: parsed.count, sitesOutsideChains: inChains.filter { !$0 }.count, sitesLeftOut: leftOut)
        if let zoning = study.zoning {
            result.zones = zoning.zones.map { zone in
                // A zone is its circuits' territories, each once.
                let members = Set(zoning.circuits(of: zone).flatMap { grouping.territories(of: $0) }.compactMap(territories.unit(ofCode:))).sorted()
                let population = members.reduce(0) { $0 + populations[$1] }
                let zoneSites = members.flatMap { sitesOfUnit[$0] }.sorted().map { parsed[$0] }
                return Zone(id: zone, circuits: zoning.circuits(of: zone), population: population, families: population / householdSize,
                            products: chains.map { ProductBalance(chain: $0, population: population, sites: zoneSites) })
            }
            result.circuitsInNoZone = grouping.circuits.filter { zoning.zone(of: $0) == nil }
        }
        if let points { result.points = try PointTallies(points, study: study, circuitsOfUnit: circuitsOfUnit) }
        // One chain at a time: each exact distribution holds gigabytes on a
        // national registry, so two at once would double the peak memory.
        if exchange { result.exchanges = try chains.map { try CoverageExchange(chain: $0, study: study, grouping: grouping) } }
        if let identityField { result.identity = IdentityProducts(field: identityField, study: study, sites: sites) }
        return result
    }

    /// People within `radius` of the circuit's own distribution and retail
    /// points, inside the circuit: areal interpolation onto the union of discs.
    private func populationNearDistribution(_ points: [Position], circuit: Geometry, members: [Int], units: Layer,
                                            populationField: String, context: GEOSContext) throws -> Double {
        guard !points.isEmpty else { return 0 }
        let discs = try points.map { try Geometry(.point($0), context: context).buffer(radius, style: BufferStyle(quadrantSegments: 16)) }
        let reach = try Geometry.union(discs, context: context).intersection(circuit)
        let sources = Layer(features: members.map { units.features[$0] }, crs: units.crs)
        let target = Layer(features: [Feature(geometry: reach.shape)], crs: units.crs)
        let result = try ArealInterpolation(extensive: [populationField]).interpolate(from: sources, to: target)
        return result.features[0].properties[populationField]?.doubleValue ?? 0
    }
}
