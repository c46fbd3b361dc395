import Geo
import Territory

/// A state the planner named, to compare side by side with others.
struct SavedScenario: Sendable {
    var name: String
    var state: WorkbenchState
    var metrics: WorkbenchMetrics

    /// The headline figures of a grouping, for the comparison table:
    /// `group evaluate`'s overall figures and, per product, the circuits'
    /// self-supply, exportable surplus and people fed added up.
    static func summary(name: String, metrics: WorkbenchMetrics, start: WorkbenchMetrics) -> JSONValue {
        let products = metrics.coverage.circuits.first?.products.map(\.product) ?? []
        return .object([
            "name": .string(name),
            "circuits": .number(metrics.coverage.circuits.count),
            "no_circuit": .number(metrics.coverage.unassigned.count),
            "contiguous_share": round(metrics.evaluation.contiguousShare),
            "mean_compactness": round(metrics.evaluation.meanCompactness),
            "population_variation": round(metrics.evaluation.populationVariation),
            "territories_moved": .number(WorkbenchChange.moved(start, metrics)),
            "products": .array(products.map { product in
                let balances = metrics.coverage.circuits.compactMap { $0.products.first { $0.product == product } }
                return .object([
                    "product": .string(product),
                    "self_supply": round(balances.reduce(0) { $0 + $1.selfSupply }),
                    "exportable_surplus": round(balances.reduce(0) { $0 + $1.exportableSurplus }),
                    "people_fed": .number(balances.reduce(0) { $0 + $1.peopleFed }.rounded()),
                    "self_sufficient_circuits": .number(balances.filter { ($0.selfSufficiency ?? 0) >= 1 }.count),
                    "circuits_short": .number(balances.filter { !$0.stageShortages.isEmpty }.count),
                ])
            }),
        ])
    }

    static func round(_ value: Double) -> JSONValue { .number((value * 1000).rounded() / 1000) }
}

/// Up to three named scenarios, compared with the current grouping and the start.
extension WorkbenchSession {
    public func saveScenario(_ name: String) throws -> String {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw WorkbenchError.badRequest("give the scenario a \"name\"") }
        if let index = scenarios.firstIndex(where: { $0.name == name }) {
            scenarios[index] = SavedScenario(name: name, state: current, metrics: currentMetrics)
        } else {
            guard scenarios.count < Self.scenarioLimit else {
                throw WorkbenchError.conflict("up to \(Self.scenarioLimit) scenarios are kept; delete one of \(scenarios.map(\.name).joined(separator: ", ")) first")
            }
            scenarios.append(SavedScenario(name: name, state: current, metrics: currentMetrics))
        }
        return scenariosJSON()
    }

    public func deleteScenario(_ name: String) throws -> String {
        guard let index = scenarios.firstIndex(where: { $0.name == name }) else { throw unknownScenario(name) }
        scenarios.remove(at: index)
        return scenariosJSON()
    }

    /// Makes a saved scenario the current state again (undoable).
    public func openScenario(_ name: String) throws -> String {
        guard let saved = scenarios.first(where: { $0.name == name }) else { throw unknownScenario(name) }
        try commit(saved.state)
        return metricsJSON()
    }

    func unknownScenario(_ name: String) -> WorkbenchError {
        WorkbenchError.notFound("no scenario \"\(name)\"; saved: \(scenarios.isEmpty ? "none" : scenarios.map(\.name).joined(separator: ", "))")
    }

    /// The start, the current grouping and every saved scenario, side by side.
    public func scenariosJSON() -> String {
        JSONValue.object([
            "limit": .number(Self.scenarioLimit),
            "start": SavedScenario.summary(name: "start", metrics: startMetrics, start: startMetrics),
            "current": SavedScenario.summary(name: "current", metrics: currentMetrics, start: startMetrics),
            "scenarios": .array(scenarios.map { SavedScenario.summary(name: $0.name, metrics: $0.metrics, start: startMetrics) }),
        ]).jsonText
    }
}
