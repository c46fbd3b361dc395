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
        let territories = study.territories
        let members = grouping.circuits.map { id in
            (id: id, units: grouping.territories(of: id).compactMap(territories.unit(ofCode:)))
        }
        // Circuits are independent: each worker takes a run of them in its
        // own GEOS context, with its own copies of the territories'
        // geometries (the same operations as on one core, so the same
        // figures), and the circuits come back in the grouping's order.
        let circuits = try parallelChunks(count: members.count, minimumChunk: 8) { range in
            try self.circuits(Array(members[range]), in: study, context: GEOSContext())
        }.flatMap { $0 }
        return try run(study, circuits: circuits)
    }
}
