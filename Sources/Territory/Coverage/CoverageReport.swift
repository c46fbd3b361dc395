import Foundation
import Geo

/// The coverage result as map layers, a Markdown report and JSON. Property
/// names carry their units: `population`, `area_m2`,
/// `cheese_demand_t_month`, `cheese_self_sufficiency`.
public struct CoverageReport {
    public let result: CircuitCoverage.Result
    /// The language of the Markdown report; the layers and the JSON keep
    /// English keys and stage names and locale-free numbers in any.
    public var language: Language
    /// The circuits' names (the grouping's `circuit_name` column) for the
    /// Markdown and HTML reports: "Tovar (C-EM09)"; codes without them.
    public var circuitNames: CircuitNames?

    /// A circuit as the reports for people show it.
    public func circuitLabel(_ circuit: String) -> String { circuitNames?.label(circuit) ?? circuit }

    public init(_ result: CircuitCoverage.Result, language: Language = .en) {
        self.result = result
        self.language = language
        criticalNodes = CriticalNode.all(in: result.circuits)
    }

    /// A product or unit as the layers' property names spell it (`maize_flour`).
    public static func slug(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    static func round(_ value: Double, _ places: Double = 1000) -> Double { (value * places).rounded() / places }

    // MARK: Layers

    /// One feature per circuit, in WGS 84.
    public func circuits() throws -> Layer {
        let features = result.circuits.map { circuit -> Feature in
            var properties: JSONObject = [
                "circuit_id": .string(circuit.id),
                "territories": .number(circuit.territories.count),
                "area_m2": .number(circuit.area.rounded()),
                "population": .number(circuit.population.rounded()),
                "families": .number(circuit.families.rounded()),
                "population_near_distribution": .number(circuit.populationNearDistribution.rounded()),
            ]
            for product in circuit.products {
                let p = Self.slug(product.product), u = Self.slug(product.unit.rawValue)
                properties["\(p)_demand_\(u)"] = .number(Self.round(product.demand))
                properties["\(p)_supply_\(u)"] = .number(Self.round(product.supply))
                properties["\(p)_self_supply_\(u)"] = .number(Self.round(product.selfSupply))
                properties["\(p)_self_sufficiency"] = product.selfSufficiency.map { .number(Self.round($0)) } ?? .null
                properties["\(p)_surplus_\(u)"] = .number(Self.round(product.surplus))
                properties["\(p)_exportable_surplus_\(u)"] = .number(Self.round(product.exportableSurplus))
                properties["\(p)_product_shortage_\(u)"] = .number(Self.round(product.productShortage))
                properties["\(p)_bottleneck"] = product.bottleneck.map { .string($0.rawValue) } ?? .null
                properties["\(p)_missing_stages"] = .string(product.missing.map(\.rawValue).joined(separator: ","))
                properties["\(p)_to_add"] = .string(product.stageShortages.map {
                    "\($0.stage.rawValue) \(Self.amount($0.toAdd ?? 0)) \($0.unit.rawValue)"
                }.joined(separator: "; "))
                if let added = product.valueAdded, let currency = product.currency {
                    properties["\(p)_value_added_\(Self.slug(currency))"] = .number(Self.round(added, 1))
                }
                if let trade = result.exchange(of: product.product)?.circuits {
                    // From the exact distribution: tonnes to and from named circuits.
                    let figures = trade.circuit(circuit.id)
                    properties["\(p)_own_supply_used_\(u)"] = .number(Self.round(figures?.ownSupplyUsed ?? 0))
                    properties["\(p)_exported_\(u)"] = .number(Self.round(figures?.exported ?? 0))
                    properties["\(p)_imported_\(u)"] = .number(Self.round(figures?.imported ?? 0))
                    properties["\(p)_exported_to"] = .string(trade.exports(of: circuit.id).map { "\($0.to):\(Self.round($0.tonnes))" }.joined(separator: ","))
                    properties["\(p)_imported_from"] = .string(trade.imports(of: circuit.id).map { "\($0.from):\(Self.round($0.tonnes))" }.joined(separator: ","))
                }
                for stage in product.stages {
                    if let share = stage.outsideShare { properties["\(p)_outside_share_\(stage.stage.rawValue)"] = .number(Self.round(share)) }
                }
            }
            return Feature(id: .string(circuit.id), geometry: circuit.shape, properties: properties)
        }
        return try Layer(features: features, crs: result.metric).projected(to: .wgs84)
    }

    public func overlaps() throws -> Layer {
        let features = result.overlaps.map { overlap in
            Feature(id: .string(overlap.territory), geometry: overlap.shape, properties: [
                "kind": "overlap", "territory_code": .string(overlap.territory),
                "circuits": .string(overlap.circuits.joined(separator: ",")),
                "area_m2": .number(overlap.area.rounded()), "population": .number(overlap.population.rounded()),
            ])
        }
        return try Layer(features: features, crs: result.metric).projected(to: .wgs84)
    }

    public func unassigned() throws -> Layer {
        let features = result.unassigned.map { unit in
            Feature(id: .string(unit.territory), geometry: unit.shape, properties: [
                "kind": "no-circuit", "territory_code": .string(unit.territory), "population": .number(unit.population.rounded()),
            ])
        }
        return try Layer(features: features, crs: result.metric).projected(to: .wgs84)
    }

    // MARK: Critical nodes

    /// Every stage of every circuit and product lacking capacity for the
    /// circuit's own demand, worst first, each with its proposal.
    /// Worked out once: the report, the JSON and the command's tally read them.
    public let criticalNodes: [CriticalNode]

    static func people(_ value: Double, _ language: Language = .en) -> String {
        ReportNumber.grouped(value.rounded(), maximumFractionDigits: 0, language: language)
    }

    /// One decimal, thousands grouped: 9,992.0 (9.992,0 in Spanish).
    static func amount(_ value: Double, _ language: Language = .en) -> String {
        let rounded = (value * 10).rounded() / 10
        return ReportNumber.grouped(rounded == 0 ? 0 : rounded, minimumFractionDigits: 1, maximumFractionDigits: 1, language: language)
    }

    static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.0f %%", 100 * $0) } ?? "-"
    }
}
