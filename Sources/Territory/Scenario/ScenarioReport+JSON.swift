import Geo

/// Everything the comparison measured: the base's and each scenario's
/// figures in full, and per scenario every circuit's figures as
/// `{"base", "scenario", "delta"}` (null where a side has no such circuit).
extension ScenarioReport {
    public var json: JSONValue {
        var object = JSONObject()
        object["base"] = Self.json(comparison.base)
        object["scenarios"] = .array(comparison.scenarios.indices.map { k in
            let run = comparison.scenarios[k]
            return .object([
                "name": .string(run.name), "file": .string(run.file),
                "edits": .array(run.edits.map { .string($0.kind) }),
                "metrics": Self.json(run.metrics),
                "deltas": deltas(k),
            ])
        })
        return .object(object)
    }

    static func json(_ figure: ScenarioComparison.Figure) -> JSONValue {
        .object(["base": number(figure.base), "scenario": number(figure.scenario), "delta": number(figure.delta)])
    }

    private func deltas(_ k: Int) -> JSONValue {
        let circuits: [JSONValue] = comparison.circuitIDs.map { id in
            var circuit: JSONObject = ["circuit_id": .string(id),
                                       "population": Self.json(comparison.population(scenario: k, circuit: id)),
                                       "parts": Self.json(comparison.parts(scenario: k, circuit: id))]
            circuit["products"] = .array(comparison.products.map { product in
                var entry: JSONObject = ["product": .string(product)]
                for figure in ScenarioComparison.ProductFigure.allCases {
                    entry[figure.rawValue] = Self.json(comparison.figure(figure, scenario: k, circuit: id, product: product))
                }
                let stages = (comparison.base.circuit(id) ?? comparison.scenarios[k].metrics.circuit(id))?.product(product)?.stages.map(\.stage) ?? []
                entry["stages"] = .array(stages.map { stage in
                    .object(["stage": .string(stage.rawValue),
                             "balance": Self.json(comparison.balance(at: stage, scenario: k, circuit: id, product: product)),
                             "to_add": Self.json(comparison.toAdd(at: stage, scenario: k, circuit: id, product: product)),
                             "intermediated": Self.json(comparison.intermediated(at: stage, scenario: k, circuit: id, product: product))])
                })
                return .object(entry)
            })
            return .object(circuit)
        }
        let chains: [JSONValue] = comparison.products.map { product in
            .object(["product": .string(product),
                     "delivered": Self.json(comparison.chainFigure(\.delivered, scenario: k, product: product)),
                     "intermediated": Self.json(comparison.chainFigure(\.intermediated, scenario: k, product: product)),
                     "tonne_km": Self.json(comparison.chainFigure(\.tonneKilometres, scenario: k, product: product)),
                     "intermediated_by_stage": .array(comparison.intermediatedByStage(scenario: k, product: product).map { entry in
                         JSONValue.object(["stage": .string(entry.stage.rawValue), "intermediated": Self.json(entry.figure)])
                     })])
        }
        return .object(["circuits": .array(circuits), "chains": .array(chains),
                        "contiguous_share": Self.json(.init(base: comparison.base.contiguousShare, scenario: comparison.scenarios[k].metrics.contiguousShare)),
                        "population_variation": Self.json(.init(base: comparison.base.populationVariation, scenario: comparison.scenarios[k].metrics.populationVariation))])
    }

    static func json(_ metrics: ScenarioMetrics) -> JSONValue {
        .object([
            "contiguous_share": number(metrics.contiguousShare),
            "population_variation": number(metrics.populationVariation),
            "chains": .array(metrics.chains.map { chain in
                .object(["product": .string(chain.product), "demand": number(chain.demand), "delivered": number(chain.delivered),
                         "intermediated": number(chain.intermediated), "tonne_km": number(chain.tonneKilometres),
                         "optimal": .bool(chain.optimal),
                         "intermediated_by_stage": .array(chain.intermediatedByStage.map {
                             .object(["stage": .string($0.stage.rawValue), "intermediated": number($0.tonnes)])
                         })])
            }),
            "circuits": .array(metrics.circuits.map { circuit in
                .object(["circuit_id": .string(circuit.id), "territories": .array(circuit.territories.map(JSONValue.string)),
                         "population": number(circuit.population), "parts": .number(JSONNumber(circuit.parts)),
                         "compactness": number(circuit.compactness),
                         "products": .array(circuit.products.map { product in
                             .object(["product": .string(product.product), "unit": .string(product.unit.rawValue),
                                      "demand": number(product.demand), "self_supply": number(product.selfSupply),
                                      "exportable_surplus": number(product.exportableSurplus), "people_fed": number(product.peopleFed),
                                      "delivered": number(product.delivered), "intermediated": number(product.intermediated),
                                      "tonne_km": number(product.tonneKilometres),
                                      "stages": .array(product.stages.map { stage in
                                          .object(["stage": .string(stage.stage.rawValue), "unit": .string(stage.unit.rawValue),
                                                   "capacity": number(stage.capacity), "balance": number(stage.balance),
                                                   "to_add": number(stage.toAdd), "intermediated": number(stage.intermediated)])
                                      })])
                         })])
            }),
        ])
    }
}
