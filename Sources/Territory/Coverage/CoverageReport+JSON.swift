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
            entry["products"] = .array(circuit.products.map(Self.json))
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
                         "products": .array(zone.products.map(Self.json))])
            })
            object["circuits_in_no_zone"] = .array(result.circuitsInNoZone.map(JSONValue.string))
        }
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

    static func json(_ p: ProductBalance) -> JSONValue {
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
            "neighbours_in_deficit": .array(p.neighboursInDeficit.map(JSONValue.string)),
        ]
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
