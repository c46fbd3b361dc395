import Foundation
import Geo

/// The coverage result as map layers, a Markdown report and JSON. Property
/// names carry their units: `population`, `area_m2`,
/// `cheese_demand_t_month`, `cheese_self_sufficiency`.
public struct CoverageReport {
    public let result: CircuitCoverage.Result

    public init(_ result: CircuitCoverage.Result) {
        self.result = result
    }

    static func slug(_ text: String) -> String {
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
                properties["\(p)_self_sufficiency"] = product.selfSufficiency.map { .number(Self.round($0)) } ?? .null
                properties["\(p)_surplus_\(u)"] = .number(Self.round(product.surplus))
                properties["\(p)_bottleneck"] = product.bottleneck.map { .string($0.rawValue) } ?? .null
                properties["\(p)_missing_stages"] = .string(product.missing.map(\.rawValue).joined(separator: ","))
                properties["\(p)_neighbours_in_deficit"] = .string(product.neighboursInDeficit.joined(separator: ","))
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

    /// Every circuit x product whose chain falls short, worst first: by
    /// self-sufficiency, then circuit and product.
    public var criticalNodes: [(circuit: String, product: ProductBalance)] {
        result.circuits.flatMap { circuit in circuit.products.map { (circuit: circuit.id, product: $0) } }
            .filter { ($0.product.selfSufficiency ?? .infinity) < 1 }
            .sorted { a, b in
                let x = a.product.selfSufficiency ?? .infinity, y = b.product.selfSufficiency ?? .infinity
                return x != y ? x < y : (a.circuit, a.product.product) < (b.circuit, b.product.product)
            }
    }

    // MARK: Markdown

    public var markdown: String {
        let assigned = result.circuits.reduce(0) { $0 + $1.population }
        let unassigned = result.unassigned.reduce(0) { $0 + $1.population }
        var text = "# Circuit coverage\n\n"
        text += "\(result.circuits.count) circuits; \(Self.people(result.totalPopulation)) people in the territories: "
        text += "\(Self.people(assigned)) in circuits, \(Self.people(unassigned)) in \(result.unassigned.count) territories of no circuit"
        text += result.overlaps.isEmpty ? ".\n" : "; \(result.overlaps.count) territories are in more than one circuit (see overlaps).\n"
        text += "\(result.sites) sites, \(result.sitesOutsideChains) of them in none of the chains"
        let leftOut = result.sitesLeftOut.phrases
        text += leftOut.isEmpty ? ".\n\n" : "; no circuit can use " + leftOut.joined(separator: "; ") + ".\n\n"
        text += "Supply is what the chain can deliver in final product: its weakest stage that cannot be skipped "
        text += "(the bottleneck). Self-sufficiency is supply over demand.\n\n"
        text += "## Critical nodes, worst first\n\n"
        let nodes = criticalNodes
        if nodes.isEmpty {
            text += "No circuit falls short of any product.\n\n"
        } else {
            text += "| circuit | product | self-sufficiency | bottleneck | missing stages | deficit |\n|---|---|---:|---|---|---:|\n"
            for node in nodes {
                let p = node.product
                text += "| \(node.circuit) | \(p.product) | \(Self.percent(p.selfSufficiency)) | \(p.bottleneck?.rawValue ?? "-") | "
                text += "\(p.missing.map(\.rawValue).joined(separator: ", ")) | \(Self.amount(-p.surplus)) \(p.unit.rawValue) |\n"
            }
            text += "\n"
        }
        for circuit in result.circuits {
            text += "## \(circuit.id)\n\n"
            text += "\(circuit.territories.count) territories, \(Self.amount(circuit.area / 1e6)) km², \(Self.people(circuit.population)) people "
            text += "(\(Self.people(circuit.families)) families); \(Self.people(circuit.populationNearDistribution)) within reach of its own distribution and retail points.\n\n"
            text += "| product | demand | supply | self-sufficiency | bottleneck | missing | surplus | outside share by stage | neighbours short of it |\n"
            text += "|---|---:|---:|---:|---|---|---:|---|---|\n"
            for p in circuit.products {
                let shares = p.stages.compactMap { stage in stage.outsideShare.map { "\(stage.stage.rawValue) \(Self.percent($0))" } }
                text += "| \(p.product) | \(Self.amount(p.demand)) | \(Self.amount(p.supply)) | \(Self.percent(p.selfSufficiency)) | "
                text += "\(p.bottleneck?.rawValue ?? "-") | \(p.missing.map(\.rawValue).joined(separator: ", ")) | \(Self.amount(p.surplus)) | "
                text += "\(shares.joined(separator: ", ")) | \(p.surplus > 0 ? p.neighboursInDeficit.joined(separator: ", ") : "") |\n"
            }
            text += "\nAmounts in each product's unit per month (t/month unless the chain says otherwise).\n\n"
        }
        return text
    }

    static func people(_ value: Double) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.groupingSeparator = ","
        formatter.maximumFractionDigits = 0
        return formatter.string(from: NSNumber(value: value.rounded())) ?? String(value.rounded())
    }

    static func amount(_ value: Double) -> String { String(format: "%.1f", value) }

    static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.0f %%", 100 * $0) } ?? "-"
    }

    // MARK: JSON

    public var json: JSONValue {
        var object = JSONObject()
        object["total_population"] = .number(result.totalPopulation.rounded())
        object["sites_left_out"] = .object(JSONObject(SitesLeftOut.Reason.allCases.map { reason in
            .init(key: reason.rawValue, value: .object([
                "sites": .number(result.sitesLeftOut.sites[reason]?.count ?? 0),
                "unused_capacity": .array((result.sitesLeftOut.capacity[reason] ?? []).map { entry in
                    .object(["product": .string(entry.product), "stage": .string(entry.stage.rawValue),
                             "unit": .string(entry.unit.rawValue), "capacity": .number(Self.round(entry.capacity))])
                }),
            ]))
        }))
        object["circuits"] = .array(result.circuits.map { circuit in
            var entry: JSONObject = [
                "circuit_id": .string(circuit.id),
                "territories": .array(circuit.territories.map(JSONValue.string)),
                "area_m2": .number(circuit.area.rounded()),
                "population": .number(circuit.population.rounded()),
                "families": .number(circuit.families.rounded()),
                "population_near_distribution": .number(circuit.populationNearDistribution.rounded()),
            ]
            entry["products"] = .array(circuit.products.map { p in
                .object([
                    "product": .string(p.product), "unit": .string(p.unit.rawValue),
                    "demand": .number(Self.round(p.demand)), "supply": .number(Self.round(p.supply)),
                    "self_sufficiency": p.selfSufficiency.map { .number(Self.round($0)) } ?? .null,
                    "surplus": .number(Self.round(p.surplus)),
                    "bottleneck": p.bottleneck.map { .string($0.rawValue) } ?? .null,
                    "missing_stages": .array(p.missing.map { .string($0.rawValue) }),
                    "neighbours_in_deficit": .array(p.neighboursInDeficit.map(JSONValue.string)),
                    "stages": .array(p.stages.map { stage in
                        .object([
                            "stage": .string(stage.stage.rawValue), "skippable": .bool(stage.skippable),
                            "sites": .number(stage.sites), "capacity": .number(Self.round(stage.capacity)),
                            "final_equivalent": .number(Self.round(stage.finalEquivalent)),
                            "outside_share": stage.outsideShare.map { .number(Self.round($0)) } ?? .null,
                        ])
                    }),
                ])
            })
            return .object(entry)
        })
        object["critical_nodes"] = .array(criticalNodes.map { node in
            .object(["circuit_id": .string(node.circuit), "product": .string(node.product.product),
                     "self_sufficiency": node.product.selfSufficiency.map { .number(Self.round($0)) } ?? .null,
                     "bottleneck": node.product.bottleneck.map { .string($0.rawValue) } ?? .null])
        })
        object["overlaps"] = .array(result.overlaps.map { overlap in
            .object(["territory_code": .string(overlap.territory), "circuits": .array(overlap.circuits.map(JSONValue.string)),
                     "area_m2": .number(overlap.area.rounded())])
        })
        object["no_circuit"] = .array(result.unassigned.map { .object(["territory_code": .string($0.territory),
                                                                        "population": .number($0.population.rounded())]) })
        return .object(object)
    }
}
