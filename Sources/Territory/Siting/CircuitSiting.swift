import Geo

/// Where to put the plant a circuit is missing: from the coverage stage
/// balance of `circuit` for `product`, the stage's capacity to add is the
/// capacity the new facility needs; the demand is the circuit's
/// territories, each weighted by the chain's demand there (its people x
/// the chain's demand per person); the candidates, unless given, are the
/// same territories' representative points. Distances in the study's
/// metric CRS, or minutes when the study has roads.
public struct CircuitSiting: Sendable {
    public var circuit: String
    public var stage: Stage
    /// The chain's product; nil when the study has one chain.
    public var product: String?

    public init(circuit: String, stage: Stage, product: String? = nil) {
        self.circuit = circuit
        self.stage = stage
        self.product = product
    }

    /// The problem `Siting` solves, with what the circuit's balance says.
    public struct Setup: Sendable {
        public var problem: SitingProblem
        /// Demand and candidate positions in `crs` (nil: no geometry).
        public var demandPositions: [Position?]
        public var candidatePositions: [Position?]
        public var crs: CRS
        public var product: String
        /// The stage's capacity to add (its unit in `unit`); 0 when the stage is not short.
        public var capacityToAdd: Double
        public var unit: CapacityUnit
        /// The circuit's demand of the product (the chain's final unit).
        public var demand: Double
        /// Cost unit: "m" or "min".
        public var costUnit: String
        /// Units off the roads (with roads).
        public var offRoad: [Int]
    }

    public func setup(_ study: Study, coverage: CircuitCoverage.Result) throws -> Setup {
        guard let found = coverage.circuits.first(where: { $0.id == circuit }) else {
            let known = coverage.circuits.map(\.id)
            throw SitingError("no circuit '\(circuit)' in the grouping; circuits: \(known.prefix(30).joined(separator: ", "))\(known.count > 30 ? ", ..." : "")")
        }
        let products = found.products.map(\.product)
        let balance: ProductBalance
        if let product {
            guard let match = found.products.first(where: { $0.product == product }) else {
                throw SitingError("no product '\(product)' among the study's chains; products: \(products.joined(separator: ", "))")
            }
            balance = match
        } else {
            guard found.products.count == 1, let only = found.products.first else {
                throw SitingError("the study has \(products.count) chains (\(products.joined(separator: ", "))): name one with --product")
            }
            balance = only
        }
        guard let stageBalance = balance.stages.first(where: { $0.stage == stage }) else {
            throw SitingError("the \(balance.product) chain has no stage '\(stage)'; stages: \(balance.stages.map(\.stage.rawValue).joined(separator: ", "))")
        }
        let territories = study.territories
        let units = found.territories.compactMap { territories.unit(ofCode: $0) }
        let perPerson = balance.population > 0 ? balance.demand / balance.population : 0
        let positions = try units.map { try territories.geometries[$0].pointOnSurface().position }
        let ids = units.map { territories.codes[$0] }
        var cost = SitingCosts.metres(from: positions, to: positions)
        var costUnit = "m", offRoad: [Int] = []
        if let travel = study.travel {
            let minutes = try SitingCosts.minutes(travel, from: positions, to: positions, crs: territories.metric)
            cost = minutes.cost
            costUnit = "min"
            offRoad = minutes.demandOffRoad
        }
        let problem = SitingProblem(demandIDs: ids, weights: units.map { territories.populations[$0] * perPerson },
                                    candidateIDs: ids, cost: cost)
        return Setup(problem: problem, demandPositions: positions, candidatePositions: positions, crs: territories.metric,
                     product: balance.product, capacityToAdd: stageBalance.toAdd ?? 0, unit: stageBalance.unit,
                     demand: balance.demand, costUnit: costUnit, offRoad: offRoad)
    }
}
