import Geo

/// The base study and every scenario, measured alike (`ScenarioMetrics`),
/// and the figures side by side: for each circuit and product, the base
/// value, the scenario value and the delta. A circuit a scenario merged
/// away or created has no value on one side, and no delta: never a 0.
public struct ScenarioComparison: Sendable {
    /// A figure in the base and in one scenario.
    public struct Figure: Sendable, Equatable {
        public var base: Double?
        public var scenario: Double?
        public var delta: Double? {
            guard let base, let scenario else { return nil }
            return scenario - base
        }

        public init(base: Double?, scenario: Double?) {
            self.base = base
            self.scenario = scenario
        }

        /// Whether it changed beyond rounding (a circuit appearing or going counts).
        public var changed: Bool { delta.map { abs($0) > 1e-6 } ?? (base != nil || scenario != nil) }
    }

    /// A circuit-and-product figure the comparison reports.
    public enum ProductFigure: String, CaseIterable, Sendable {
        case selfSupply = "self_supply"
        case exportableSurplus = "exportable_surplus"
        case peopleFed = "people_fed"
        case delivered
        case intermediated
        case tonneKilometres = "tonne_km"

        public func value(_ product: ScenarioMetrics.Product) -> Double {
            switch self {
            case .selfSupply: product.selfSupply
            case .exportableSurplus: product.exportableSurplus
            case .peopleFed: product.peopleFed
            case .delivered: product.delivered
            case .intermediated: product.intermediated
            case .tonneKilometres: product.tonneKilometres
            }
        }
    }

    public struct Run: Sendable {
        public var name: String
        public var file: String
        public var edits: [ScenarioEdit]
        public var metrics: ScenarioMetrics

        public init(name: String, file: String, edits: [ScenarioEdit], metrics: ScenarioMetrics) {
            self.name = name
            self.file = file
            self.edits = edits
            self.metrics = metrics
        }
    }

    public var base: ScenarioMetrics
    public var scenarios: [Run]

    public init(base: ScenarioMetrics, scenarios: [Run]) {
        self.base = base
        self.scenarios = scenarios
    }

    /// Measures `study` and every scenario applied to it.
    public init(study: Study, scenarios edits: [ScenarioEdits]) throws {
        let base = try ScenarioMetrics(study)
        self.base = base
        scenarios = try edits.map { scenario in
            let edited = try Scenario.apply(scenario, to: study)
            // The base's distributions hold where the sites and the chain are the same.
            let sameSites = edited.sites?.layer.features == study.sites?.layer.features
            let reusable = base.distributions.filter { product, _ in
                sameSites && edited.chains.first { $0.product == product } == study.chains.first { $0.product == product }
            }
            return Run(name: scenario.name, file: scenario.file, edits: scenario.edits,
                       metrics: try ScenarioMetrics(edited, reusing: reusable))
        }
    }

    /// The base's circuits, then those scenarios create, each once.
    public var circuitIDs: [String] {
        var ids = base.circuits.map(\.id)
        for run in scenarios { for circuit in run.metrics.circuits where !ids.contains(circuit.id) { ids.append(circuit.id) } }
        return ids
    }

    /// The chains' products, in the study's order.
    public var products: [String] { base.chains.map(\.product) }

    public func figure(_ figure: ProductFigure, scenario: Int, circuit: String, product: String) -> Figure {
        Figure(base: base.circuit(circuit)?.product(product).map(figure.value),
               scenario: scenarios[scenario].metrics.circuit(circuit)?.product(product).map(figure.value))
    }

    /// A stage's balance (capacity less what the circuit's own demand needs), in the stage's unit.
    public func balance(at stage: Stage, scenario: Int, circuit: String, product: String) -> Figure {
        Figure(base: base.circuit(circuit)?.product(product)?.stage(stage)?.balance,
               scenario: scenarios[scenario].metrics.circuit(circuit)?.product(product)?.stage(stage)?.balance)
    }

    /// The capacity to add at a stage that cannot be skipped.
    public func toAdd(at stage: Stage, scenario: Int, circuit: String, product: String) -> Figure {
        Figure(base: base.circuit(circuit)?.product(product)?.stage(stage)?.toAdd,
               scenario: scenarios[scenario].metrics.circuit(circuit)?.product(product)?.stage(stage)?.toAdd)
    }

    /// Tonnes through the circuit's outside intermediaries at a stage.
    public func intermediated(at stage: Stage, scenario: Int, circuit: String, product: String) -> Figure {
        Figure(base: base.circuit(circuit)?.product(product)?.stage(stage)?.intermediated,
               scenario: scenarios[scenario].metrics.circuit(circuit)?.product(product)?.stage(stage)?.intermediated)
    }

    public func population(scenario: Int, circuit: String) -> Figure {
        Figure(base: base.circuit(circuit)?.population, scenario: scenarios[scenario].metrics.circuit(circuit)?.population)
    }

    /// Connected parts of the circuit (1: contiguous).
    public func parts(scenario: Int, circuit: String) -> Figure {
        Figure(base: base.circuit(circuit).map { Double($0.parts) }, scenario: scenarios[scenario].metrics.circuit(circuit).map { Double($0.parts) })
    }

    /// A chain's figures over the whole study.
    public func chainFigure(_ value: (ScenarioMetrics.Chain) -> Double, scenario: Int, product: String) -> Figure {
        Figure(base: base.chains.first { $0.product == product }.map(value),
               scenario: scenarios[scenario].metrics.chains.first { $0.product == product }.map(value))
    }

    /// Whole-study tonnes through intermediaries at each stage of a chain.
    public func intermediatedByStage(scenario: Int, product: String) -> [(stage: Stage, figure: Figure)] {
        let before = base.chains.first { $0.product == product }?.intermediatedByStage ?? []
        let after = scenarios[scenario].metrics.chains.first { $0.product == product }?.intermediatedByStage ?? []
        var stages = before.map(\.stage)
        for entry in after where !stages.contains(entry.stage) { stages.append(entry.stage) }
        return stages.map { stage in
            (stage, Figure(base: before.first { $0.stage == stage }?.tonnes, scenario: after.first { $0.stage == stage }?.tonnes))
        }
    }
}
