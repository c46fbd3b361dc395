import Geo

/// The figures a scenario is judged by, measured on one study: per circuit
/// and product, the coverage model's self-supply, exportable surplus,
/// people fed and stage balances; the exact distribution's tonnes
/// delivered, through outside intermediaries (stage by stage) and tonne-km
/// by circuit (as `CircuitExchange` counts them: at the sites standing in
/// it); and the grouping's population and contiguity per circuit.
public struct ScenarioMetrics: Sendable {
    public struct StageFigures: Sendable {
        public var stage: Stage
        public var unit: CapacityUnit
        public var capacity: Double
        public var balance: Double
        /// Nil for a stage the product may skip.
        public var toAdd: Double?
        /// Final product handled by outside intermediaries of the circuit
        /// at this stage in the optimal distribution.
        public var intermediated: Double
    }

    public struct Product: Sendable {
        public var product: String
        public var unit: CapacityUnit
        public var demand: Double
        public var selfSupply: Double
        public var exportableSurplus: Double
        public var peopleFed: Double
        public var stages: [StageFigures]
        /// Final product reaching the circuit's people in the optimal distribution.
        public var delivered: Double
        /// The stages' `intermediated`, added.
        public var intermediated: Double
        /// Of the links leaving the circuit's sites.
        public var tonneKilometres: Double

        public func stage(_ stage: Stage) -> StageFigures? { stages.first { $0.stage == stage } }
    }

    public struct Circuit: Sendable {
        public var id: String
        public var territories: [String]
        public var population: Double
        /// Connected parts (rook contiguity): 1 when contiguous.
        public var parts: Int
        public var compactness: Double
        public var products: [Product]

        public func product(_ name: String) -> Product? { products.first { $0.product == name } }
    }

    /// A chain over the whole study.
    public struct Chain: Sendable {
        public var product: String
        public var demand: Double
        public var delivered: Double
        public var intermediated: Double
        /// Per stage in the chain's order.
        public var intermediatedByStage: [(stage: Stage, tonnes: Double)]
        public var tonneKilometres: Double
        /// Whether the distribution was certified optimal.
        public var optimal: Bool
    }

    public var circuits: [Circuit]
    public var chains: [Chain]
    /// Share of the circuits that are contiguous.
    public var contiguousShare: Double
    /// Standard deviation of the circuits' populations over their mean.
    public var populationVariation: Double

    public func circuit(_ id: String) -> Circuit? { circuits.first { $0.id == id } }

    /// The exact distribution of each chain (by product) that `init` ran,
    /// for a scenario that leaves the sites and the chain as they were.
    public var distributions: [String: Distribution.Result] = [:]

    /// Runs coverage, the exact distribution of every chain and the
    /// grouping's evaluation on `study`. The distribution moves product
    /// over every site and territory whatever the grouping, so a result in
    /// `reusing` (the base's, when the scenario changed neither the sites
    /// nor that chain) is taken as it is and only counted by circuit again.
    public init(_ study: Study, reusing: [String: Distribution.Result] = [:]) throws {
        try self.init(study, coverage: try CircuitCoverage().run(study), evaluation: try GroupingEvaluation(study), reusing: reusing)
    }

    /// The same with coverage (without the exchange) and the grouping's
    /// evaluation already run on `study` (the workbench keeps them).
    public init(_ study: Study, coverage: CircuitCoverage.Result, evaluation: GroupingEvaluation,
                reusing: [String: Distribution.Result] = [:]) throws {
        let grouping = try study.requireGrouping(for: "a scenario")
        let sites = try study.requireSites(for: "a scenario")
        let ids = grouping.circuits
        // Each territory counts in the first circuit listing it, as in CircuitExchange.
        var circuitOfCode: [String: Int] = [:]
        for row in grouping.rows where circuitOfCode[row.territory] == nil { circuitOfCode[row.territory] = ids.firstIndex(of: row.circuit) }
        let circuitOfSite: [Int?] = sites.territory.map { unit in unit.flatMap { circuitOfCode[study.territories.codes[$0]] } }

        var chains: [Chain] = []
        // Per chain, per circuit: stage-by-stage intermediated, delivered, tonne-km.
        var byCircuit: [[(stages: [Double], delivered: Double, tonneKm: Double)]] = []
        for chain in study.chains {
            let result = try reusing[chain.product] ?? Distribution(chain: chain).run(study)
            distributions[chain.product] = result
            let exchange = try result.exchange(grouping: grouping, study: study)
            var stages = ids.map { _ in [Double](repeating: 0, count: chain.stages.count) }
            for (site, amount) in result.optimised.through where sites.sites[site].owner == .outside {
                guard let circuit = circuitOfSite[site], let k = result.linkOfSite[site] else { continue }
                stages[circuit][k] += amount
            }
            byCircuit.append(ids.indices.map { c in
                let figures = exchange.circuit(ids[c])
                return (stages[c], figures?.delivered ?? 0, figures?.tonneKilometres ?? 0)
            })
            chains.append(Chain(product: chain.product, demand: result.demand, delivered: result.delivered,
                                intermediated: result.optimised.intermediated,
                                intermediatedByStage: Array(zip(chain.stages, result.optimised.intermediatedByLink)).map { ($0.0, $0.1) },
                                tonneKilometres: result.optimised.tonneKilometres, optimal: result.optimal))
        }

        circuits = try coverage.circuits.enumerated().map { c, circuit in
            guard let metrics = evaluation.circuits.first(where: { $0.id == circuit.id }) else {
                throw ReadError(file: study.groupingFile, message: "circuit \(circuit.id) was not evaluated")
            }
            let products = circuit.products.enumerated().map { p, balance in
                let flows = byCircuit[p][c]
                let stages = balance.stages.enumerated().map { k, stage in
                    StageFigures(stage: stage.stage, unit: stage.unit, capacity: stage.capacity, balance: stage.balance,
                                 toAdd: stage.toAdd, intermediated: flows.stages[k])
                }
                return Product(product: balance.product, unit: balance.unit, demand: balance.demand, selfSupply: balance.selfSupply,
                               exportableSurplus: balance.exportableSurplus, peopleFed: balance.peopleFed, stages: stages,
                               delivered: flows.delivered, intermediated: flows.stages.reduce(0, +), tonneKilometres: flows.tonneKm)
            }
            return Circuit(id: circuit.id, territories: circuit.territories, population: circuit.population,
                           parts: metrics.components.count, compactness: metrics.compactness, products: products)
        }
        self.chains = chains
        contiguousShare = evaluation.contiguousShare
        populationVariation = evaluation.populationVariation
    }
}
