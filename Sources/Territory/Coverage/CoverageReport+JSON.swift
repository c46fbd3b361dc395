import Geo

/// The coverage report as JSON: every figure of the Markdown report, in
/// each product's and stage's own units, rounded to 3 decimals.
extension CoverageReport {
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
            if let zone = result.zones.first(where: { $0.circuits.contains(circuit.id) }) { entry["zone_id"] = .string(zone.id) }
            entry["products"] = .array(circuit.products.map { Self.json($0, trade: trade(of: $0.product, place: circuit.id)) })
            return .object(entry)
        })
        object["critical_nodes"] = .array(criticalNodes.map { node in
            .object(["circuit_id": .string(node.circuit), "product": .string(node.product), "stage": .string(node.stage.stage.rawValue),
                     "kind": .string(node.kind.rawValue), "unit": .string(node.stage.unit.rawValue),
                     "capacity": .number(Self.round(node.stage.capacity)), "needed": .number(Self.round(node.stage.needed)),
                     "to_add": .number(Self.round(node.toAdd)), "shortfall_share": .number(Self.round(node.shortfall)),
                     "proposal": .string(node.proposal)])
        })
        if !result.zones.isEmpty {
            object["zones"] = .array(result.zones.map { zone in
                .object(["zone_id": .string(zone.id), "circuits": .array(zone.circuits.map(JSONValue.string)),
                         "population": .number(zone.population.rounded()), "families": .number(zone.families.rounded()),
                         "products": .array(zone.products.map { Self.json($0, trade: trade(of: $0.product, place: zone.id, zone: true)) })])
            })
            object["circuits_in_no_zone"] = .array(result.circuitsInNoZone.map(JSONValue.string))
        }
        if !result.exchanges.isEmpty { object["exchange"] = .array(result.exchanges.map(Self.json)) }
        let shares = processingShares
        if !shares.isEmpty {
            object["primary_vs_processing"] = .array(shares.map { row in
                .object(["place": .string(row.place), "product": .string(row.product),
                         "primary_final": .number(Self.round(row.primary)), "processing_final": .number(Self.round(row.processing)),
                         "processed_locally": row.share.map { .number(Self.round($0)) } ?? .null])
            })
        }
        if let identity = result.identity {
            object["identity_products"] = .object([
                "field": .string(identity.field),
                "categories": .object(JSONObject(identity.counts.map { .init(key: $0.category, value: .number($0.territories)) })),
                "without_product": .number(identity.withoutProduct),
                "territories": .array(identity.entries.map { entry in
                    .object(["territory_code": .string(entry.territory), "name": entry.name.map(JSONValue.string) ?? .null,
                             "product": .string(entry.product), "category": .string(entry.category),
                             "stages_present": .array(entry.stagesPresent.map { .string($0.rawValue) })])
                }),
            ])
        }
        if let points = result.points {
            func rows(_ rows: [PointTallies.Row], _ key: String) -> JSONValue {
                .array(rows.map { row in
                    var object: JSONObject = [key: .string(row.place), "category": .string(row.category), "points": .number(row.points)]
                    if points.sumField != nil { object["sum"] = .number(Self.round(row.sum)) }
                    return .object(object)
                })
            }
            object["points"] = .object([
                "file": .string(points.file), "by": points.by.map(JSONValue.string) ?? .null,
                "sum_field": points.sumField.map(JSONValue.string) ?? .null,
                "points": .number(points.points), "outside_territories": .number(points.outside),
                "in_no_circuit": .number(points.inNoCircuit), "without_value": .number(points.withoutValue),
                "by_territory": rows(points.territories, "territory_code"), "by_circuit": rows(points.circuits, "circuit_id"),
                "by_zone": rows(points.zones, "zone_id"),
            ])
        }
        object["overlaps"] = .array(result.overlaps.map { overlap in
            .object(["territory_code": .string(overlap.territory), "circuits": .array(overlap.circuits.map(JSONValue.string)),
                     "area_m2": .number(overlap.area.rounded())])
        })
        object["no_circuit"] = .array(result.unassigned.map { .object(["territory_code": .string($0.territory),
                                                                        "population": .number($0.population.rounded())]) })
        return .object(object)
    }

    /// A circuit's (or zone's) trade in `product` from the exact
    /// distribution: own supply used, exported to and imported from each
    /// named circuit. Nil when the exchange was not run.
    func trade(of product: String, place: String, zone: Bool = false) -> JSONObject? {
        guard let run = result.exchange(of: product), let exchange = zone ? run.zones : run.circuits else { return nil }
        let key = zone ? "zone_id" : "circuit_id"
        let figures = exchange.circuit(place)
        func entries(_ list: [CircuitExchange.Entry], _ other: KeyPath<CircuitExchange.Entry, String>) -> JSONValue {
            .array(list.map { .object([key: .string($0[keyPath: other]), "tonnes": .number(Self.round($0.tonnes))]) })
        }
        return ["own_supply_used": .number(Self.round(figures?.ownSupplyUsed ?? 0)),
                "exported": .number(Self.round(figures?.exported ?? 0)), "imported": .number(Self.round(figures?.imported ?? 0)),
                "exported_to": entries(exchange.exports(of: place), \.to), "imported_from": entries(exchange.imports(of: place), \.from)]
    }

    /// One chain's exact distribution: its headline and the matrix of
    /// tonnes between circuits (own supply used on the diagonal), as
    /// `distribute --od` writes it.
    static func json(_ run: CoverageExchange) -> JSONValue {
        func matrix(_ exchange: CircuitExchange, _ from: String, _ to: String) -> JSONValue {
            .array(exchange.matrix.map { .object([from: .string($0.from), to: .string($0.to), "tonnes": .number(round($0.tonnes))]) })
        }
        var object: JSONObject = [
            "product": .string(run.product), "unit": .string(run.unit.rawValue),
            "demand": .number(round(run.demand)), "delivered": .number(round(run.delivered)),
            "intermediated": .number(round(run.intermediated)), "moved_between_circuits": .number(round(run.moved)),
            "optimal": .bool(run.optimal), "pricing_rounds": .number(run.pricingRounds),
            "not_optimal_reason": run.notOptimalReason.map(JSONValue.string) ?? .null,
            "broken_at": .array(run.brokenAt.map { .string($0.rawValue) }),
            "matrix": matrix(run.circuits, "from_circuit", "to_circuit"),
        ]
        if let zones = run.zones { object["zone_matrix"] = matrix(zones, "from_zone", "to_zone") }
        return .object(object)
    }

    static func json(_ p: ProductBalance, trade: JSONObject? = nil) -> JSONValue {
        func optional(_ value: Double?) -> JSONValue { value.map { .number(round($0)) } ?? .null }
        var object: JSONObject = [
            "product": .string(p.product), "unit": .string(p.unit.rawValue),
            "demand": .number(round(p.demand)), "supply": .number(round(p.supply)),
            "self_supply": .number(round(p.selfSupply)),
            "self_sufficiency": optional(p.selfSufficiency),
            "people_fed": .number(p.peopleFed.rounded()),
            "production": .number(round(p.production)),
            "exportable_surplus": .number(round(p.exportableSurplus)),
            "product_shortage": .number(round(p.productShortage)),
            "surplus": .number(round(p.surplus)),
            "bottleneck": p.bottleneck.map { .string($0.rawValue) } ?? .null,
            "missing_stages": .array(p.missing.map { .string($0.rawValue) }),
        ]
        for member in trade?.members ?? [] { object[member.key] = member.value }
        if let currency = p.currency {
            object["currency"] = .string(currency)
            object["value_added"] = optional(p.valueAdded)
            object["value_added_outside_share"] = optional(p.valueAddedOutsideShare)
        }
        object["stages"] = .array(p.stages.map { stage in
            var entry: JSONObject = [
                "stage": .string(stage.stage.rawValue), "skippable": .bool(stage.skippable), "unit": .string(stage.unit.rawValue),
                "sites": .number(stage.sites), "capacity": .number(round(stage.capacity)),
                "final_equivalent": .number(round(stage.finalEquivalent)),
                "needed": .number(round(stage.needed)), "balance": .number(round(stage.balance)),
                "to_add": optional(stage.toAdd),
                "outside_share": optional(stage.outsideShare),
            ]
            if p.currency != nil {
                entry["handled"] = .number(round(stage.handled))
                entry["value"] = optional(stage.value)
                entry["value_added"] = optional(stage.valueAdded)
            }
            return .object(entry)
        })
        return .object(object)
    }
}
