import Foundation
import Geo

/// A comparison of scenarios as a layer of territories, JSON and a
/// Markdown report.
///
/// The layer is the territories, each with its circuit in the base and in
/// every scenario and that circuit's figures, rather than the circuits
/// dissolved: scenarios that move territories draw different circuits, and
/// only the territories are the same shapes in all of them, so one layer
/// holds every scenario side by side and a map of any delta needs no join.
public struct ScenarioReport {
    public let comparison: ScenarioComparison
    public let territories: StudyTerritories
    /// The language of the Markdown report; the layer and the JSON keep
    /// English keys and locale-free numbers in any.
    public var language: Language

    public init(_ comparison: ScenarioComparison, territories: StudyTerritories, language: Language = .en) {
        self.comparison = comparison
        self.territories = territories
        self.language = language
    }

    /// The figures the layer carries for each product.
    static let layerFigures: [ScenarioComparison.ProductFigure] = [.selfSupply, .exportableSurplus, .peopleFed, .intermediated, .tonneKilometres]

    /// The circuit (first listed) of each territory code in a run.
    static func circuitOfCode(_ metrics: ScenarioMetrics) -> [String: ScenarioMetrics.Circuit] {
        var result: [String: ScenarioMetrics.Circuit] = [:]
        for circuit in metrics.circuits { for code in circuit.territories where result[code] == nil { result[code] = circuit } }
        return result
    }

    /// One feature per territory, in WGS 84: `circuit_base`, and per
    /// scenario k `s<k>_circuit`; per product the base figure of its base
    /// circuit (`cheese_self_supply_base`), the scenario's of its circuit
    /// there (`s1_cheese_self_supply`) and their difference
    /// (`s1_cheese_self_supply_delta`: what changed for this territory's
    /// people, who may have changed circuit); `population` likewise for
    /// the circuit's population. `delta` is the first scenario's change in
    /// the first chain's self-supply, for a map of the deltas.
    public func territoriesLayer() throws -> Layer {
        let base = Self.circuitOfCode(comparison.base)
        let runs = comparison.scenarios.map { Self.circuitOfCode($0.metrics) }
        let features = territories.codes.enumerated().map { unit, code -> Feature in
            var properties: JSONObject = ["territory_code": .string(code)]
            if let name = territories.names[unit] { properties["name"] = .string(name) }
            properties["territory_population"] = .number(territories.populations[unit].rounded())
            let before = base[code]
            properties["circuit_base"] = before.map { .string($0.id) } ?? .null
            properties["circuit_population_base"] = before.map { .number($0.population.rounded()) } ?? .null
            for product in comparison.products {
                let p = Self.slug(product)
                for figure in Self.layerFigures {
                    properties["\(p)_\(figure.rawValue)_base"] = Self.number(before?.product(product).map(figure.value))
                }
            }
            for (k, run) in runs.enumerated() {
                let s = "s\(k + 1)_", after = run[code]
                properties["\(s)circuit"] = after.map { .string($0.id) } ?? .null
                let population = ScenarioComparison.Figure(base: before?.population, scenario: after?.population)
                properties["\(s)circuit_population"] = Self.number(population.scenario)
                properties["\(s)circuit_population_delta"] = Self.number(population.delta)
                for product in comparison.products {
                    let p = Self.slug(product)
                    for figure in Self.layerFigures {
                        let pair = ScenarioComparison.Figure(base: before?.product(product).map(figure.value),
                                                             scenario: after?.product(product).map(figure.value))
                        properties["\(s)\(p)_\(figure.rawValue)"] = Self.number(pair.scenario)
                        properties["\(s)\(p)_\(figure.rawValue)_delta"] = Self.number(pair.delta)
                    }
                }
            }
            if let first = comparison.products.first, !runs.isEmpty {
                properties["delta"] = properties["s1_\(Self.slug(first))_self_supply_delta"] ?? .null
            }
            return Feature(id: .string(code), geometry: territories.projected.features[unit].geometry, properties: properties)
        }
        return try Layer(features: features, crs: territories.metric).projected(to: .wgs84)
    }

    static func slug(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    static func round(_ value: Double) -> Double {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == 0 ? 0 : rounded
    }

    static func number(_ value: Double?) -> JSONValue { value.map { .number(JSONNumber(round($0))) } ?? .null }
}
