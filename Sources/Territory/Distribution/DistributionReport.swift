import Foundation
import Geo

/// The distribution result as lines on a map, a Markdown report and JSON.
public struct DistributionReport {
    public let result: Distribution.Result
    public let chain: ChainSpec
    public let sites: Layer
    public let territories: Layer

    /// Properties holding the ids of sites and territories; their feature
    /// ids when nil. One with neither is labelled `#` and its position.
    public var siteIDField: String?
    public var territoryIDField: String?
    /// With a grouping: the optimum's and the baseline's exchange between circuits.
    public var exchange: CircuitExchange?
    public var baselineExchange: CircuitExchange?

    public init(result: Distribution.Result, chain: ChainSpec, sites: Layer, territories: Layer,
                siteIDField: String? = nil, territoryIDField: String? = nil) {
        self.result = result
        self.chain = chain
        self.sites = sites
        self.territories = territories
        self.siteIDField = siteIDField
        self.territoryIDField = territoryIDField
    }

    static func id(of feature: Feature, field: String?) -> String? {
        if let field, let value = feature.properties[field], value != .null { return value.text }
        return feature.id?.description
    }

    func siteID(_ index: Int) -> String { Self.id(of: sites.features[index], field: siteIDField) ?? "#\(index)" }
    public func territoryID(_ index: Int) -> String { Self.id(of: territories.features[index], field: territoryIDField) ?? "#\(index)" }

    /// Sites (of the links used) and territories with no id, which the
    /// report can only label by position.
    public var unlabelled: (sites: Int, territories: Int) {
        let used = Set(result.flows.flatMap { $0.toTerritory ? [$0.from] : [$0.from, $0.to] })
        let places = Set(result.flows.filter(\.toTerritory).map(\.to)).union(result.unmet.keys)
        return (used.filter { Self.id(of: sites.features[$0], field: siteIDField) == nil }.count,
                places.filter { Self.id(of: territories.features[$0], field: territoryIDField) == nil }.count)
    }
    func stage(_ index: Int) -> String { sites.features[index].properties["stage"]?.text ?? "" }

    /// One straight line per used link, with its tonnes, in WGS 84.
    public func lines() throws -> Layer {
        let features = result.flows.map { flow -> Feature in
            var properties: JSONObject = [
                "from_id": .string(siteID(flow.from)),
                "to_id": .string(flow.toTerritory ? territoryID(flow.to) : siteID(flow.to)),
                "from_stage": .string(stage(flow.from)),
                "to_stage": .string(flow.toTerritory ? "consumers" : stage(flow.to)),
                "tonnes_month": .number((flow.tonnes * 1000).rounded() / 1000),
                "km": .number((flow.metres / 10).rounded() / 100),
                "intermediary": .bool(flow.intermediary),
            ]
            if let minutes = flow.minutes { properties["minutes"] = .number((minutes * 100).rounded() / 100) }
            return Feature(geometry: flow.line, properties: properties)
        }
        return try Layer(features: features, crs: result.crs).projected(to: .wgs84)
    }

    var roadsGiven: Bool { result.tonneMinutes != nil }

    var share: Double { result.demand > 0 ? result.delivered / result.demand : 0 }

    /// The name of chain link `k`'s stage, as the chain spec writes it.
    func stageName(_ k: Int) -> String { chain.stages[k].rawValue }

    var baselineDescription: String {
        switch result.baseline.rule {
        case .nearest: return "each actor sells to its nearest actor of the next stage, inside the circuit or not"
        case .sellsTo(let field): return "the current trade, whom each site sells to in '\(field)'"
        }
    }

    public var summary: String {
        String(format: "%@: %.1f of %.1f %@ delivered (%.1f %%), %.1f t through intermediaries (baseline %.1f), %.0f t-km; %@ in %d pricing rounds",
               chain.product, result.delivered, result.demand, chain.unit.rawValue, 100 * share,
               result.intermediated, result.baseline.figures.intermediated, result.tonneKilometres,
               result.optimal ? "optimal over every link" : "NOT certified optimal", result.pricingRounds)
    }

    func round(_ value: Double) -> JSONValue { .number((value * 1000).rounded() / 1000) }

    /// One situation's figures for --json.
    func json(_ figures: Distribution.Figures) -> JSONValue {
        var object: JSONObject = [
            "delivered": round(figures.delivered),
            "intermediated": round(figures.intermediated),
            "intermediated_by_stage": .object(JSONObject(chain.stages.indices.map { .init(key: stageName($0), value: round(figures.intermediatedByLink[$0])) })),
            "tonne_km": .number(figures.tonneKilometres.rounded()),
            "tonne_minutes": figures.tonneMinutes.map { .number($0.rounded()) } ?? .null,
            "links": .number(Double(figures.flows.count)),
        ]
        if roadsGiven { object["links_the_roads_do_not_join"] = .number(Double(figures.unroutedLinks)) }
        return .object(object)
    }

    public var markdown: String {
        var text = "# Distribution of \(chain.product)\n\n"
        if !result.brokenAt.isEmpty {
            text += "The chain is broken: no site at \(result.brokenAt.map(\.rawValue).joined(separator: ", ")), which cannot be skipped. Nothing reaches the people.\n\n"
        }
        let base = result.baseline.figures, best = result.optimised
        text += "| figure | baseline | optimised |\n|---|---:|---:|\n"
        text += String(format: "| demand (%@) | %.1f | %.1f |\n", chain.unit.rawValue, result.demand, result.demand)
        text += String(format: "| delivered | %.1f | %.1f |\n", base.delivered, best.delivered)
        text += String(format: "| share of demand met | %.1f %% | %.1f %% |\n", result.demand > 0 ? 100 * base.delivered / result.demand : 0, 100 * share)
        text += String(format: "| through outside intermediaries | %.1f | %.1f |\n", base.intermediated, best.intermediated)
        text += String(format: "| tonne-km | %.0f | %.0f |\n", base.tonneKilometres, best.tonneKilometres)
        if let tonneMinutes = best.tonneMinutes { text += String(format: "| tonne-minutes along the roads | %.0f | %.0f |\n", base.tonneMinutes ?? 0, tonneMinutes) }
        text += "| links used | \(base.flows.count) | \(best.flows.count) |\n\n"
        text += "Baseline: \(baselineDescription); every producer offers its capacity, each buyer passes on what it receives up to its capacity, the people take up to their demand"
        text += String(format: " (%.1f bought and not passed on or not wanted", result.baseline.stuck)
        if result.baseline.assumedNearest > 0 { text += "; \(result.baseline.assumedNearest) sites name no buyer and sell to their nearest" }
        text += ").\n\n"
        text += result.optimal
            ? "Optimal over every link of the complete network: after \(result.pricingRounds) solve\(result.pricingRounds == 1 ? "" : "s") (\(result.linksSolved) links), no link left out could deliver more or cost less under the final prices.\n\n"
            : "**Not certified optimal**: \(result.notOptimalReason ?? "unknown"). The figures are those of the last solve (\(result.pricingRounds) solves, \(result.linksSolved) links).\n\n"
        let changes = chain.stages.indices.filter { abs(base.intermediatedByLink[$0] - best.intermediatedByLink[$0]) > 1e-6 }
        if !changes.isEmpty {
            text += "## What changes\n\nTonnes through outside intermediaries, by stage: the optimum sends the product through the circuit's own actors wherever their capacity allows.\n\n"
            text += "| stage | baseline | optimised | change |\n|---|---:|---:|---:|\n"
            for k in changes {
                text += String(format: "| %@ | %.1f | %.1f | %+.1f |\n", stageName(k), base.intermediatedByLink[k], best.intermediatedByLink[k],
                               best.intermediatedByLink[k] - base.intermediatedByLink[k])
            }
            text += "\n"
        }
        if roadsGiven {
            text += "| roads | count |\n|---|---:|\n"
            text += "| sites of the chain beyond --max-snap of the roads (carry nothing) | \(result.unreachableSites.count) |\n"
            text += "| territories beyond --max-snap of the roads (demand unmet) | \(result.unreachableTerritories.count) |\n"
            text += "| sites on a road component with none of their buyers (carry nothing) | \(result.cutOffSites.count) |\n"
            text += "| territories on a road component with no seller (demand unmet) | \(result.cutOffTerritories.count) |\n\n"
        }
        if let exchange {
            text += "## By circuit\n\nDelivered to the circuit's people; intermediated at outside intermediaries standing in it; tonne-km of links leaving from its sites; own supply used, exported and imported: its producers' product eaten at home, elsewhere, and others' eaten here.\n\n"
            text += "| circuit | delivered (baseline) | delivered | intermediated (baseline) | intermediated | tonne-km (baseline) | tonne-km | own supply used | exported | imported |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
            for circuit in exchange.circuits {
                let before = baselineExchange?.circuit(circuit.id)
                text += String(format: "| %@ | %.1f | %.1f | %.1f | %.1f | %.0f | %.0f | %.1f | %.1f | %.1f |\n", circuit.id,
                               before?.delivered ?? 0, circuit.delivered, before?.intermediated ?? 0, circuit.intermediated,
                               before?.tonneKilometres ?? 0, circuit.tonneKilometres, circuit.ownSupplyUsed, circuit.exported, circuit.imported)
            }
            let moves = exchange.matrix.filter { $0.from != $0.to }.sorted { $0.tonnes > $1.tonnes }.prefix(15)
            if !moves.isEmpty {
                text += "\nLargest movements between circuits:\n\n| from | to | tonnes |\n|---|---|---:|\n"
                for move in moves { text += String(format: "| %@ | %@ | %.1f |\n", move.from, move.to, move.tonnes) }
            }
            text += "\n"
        }
        text += "Delivered + unmet = demand: \(String(format: "%.1f + %.1f = %.1f", result.delivered, result.unmet.values.reduce(0, +), result.demand)).\n\n"
        let worst = result.unmet.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(15)
        if !worst.isEmpty {
            text += "## Unmet demand, largest first\n\n| territory | unmet |\n|---|---:|\n"
            for (territory, amount) in worst { text += String(format: "| %@ | %.2f |\n", territoryID(territory), amount) }
            text += "\n"
        }
        return text
    }

    public var json: JSONValue {
        var object: JSONObject = [
            "product": .string(chain.product), "unit": .string(chain.unit.rawValue),
            "demand": round(result.demand),
            "delivered": round(result.delivered),
            "share_met": .number((share * 10000).rounded() / 10000),
            "intermediated": round(result.intermediated),
            "baseline_intermediated": round(result.baseline.figures.intermediated),
            "tonne_km": .number(result.tonneKilometres.rounded()),
            "tonne_minutes": result.tonneMinutes.map { .number($0.rounded()) } ?? .null,
            "optimal": .bool(result.optimal),
            "pricing_rounds": .number(Double(result.pricingRounds)),
            "links_solved": .number(Double(result.linksSolved)),
            "not_optimal_reason": result.notOptimalReason.map(JSONValue.string) ?? .null,
            "optimised": json(result.optimised),
            "baseline": {
                guard case .object(var object) = json(result.baseline.figures) else { return .null }
                object["rule"] = .string(baselineDescription)
                object["stuck"] = round(result.baseline.stuck)
                object["sites_assumed_nearest"] = .number(Double(result.baseline.assumedNearest))
                return .object(object)
            }(),
            "broken_at": .array(result.brokenAt.map { .string($0.rawValue) }),
            "unreachable_sites": roadsGiven ? .array(result.unreachableSites.map { .string(siteID($0)) }) : .null,
            "unreachable_territories": roadsGiven ? .array(result.unreachableTerritories.map { .string(territoryID($0)) }) : .null,
            "cut_off_sites": roadsGiven ? .array(result.cutOffSites.map { .string(siteID($0)) }) : .null,
            "cut_off_territories": roadsGiven ? .array(result.cutOffTerritories.map { .string(territoryID($0)) }) : .null,
            "unmet": .object(JSONObject(result.unmet.keys.sorted().map {
                .init(key: territoryID($0), value: round(result.unmet[$0]!))
            })),
        ]
        if let exchange {
            object["by_circuit"] = .array(exchange.circuits.map { circuit in
                let before = baselineExchange?.circuit(circuit.id)
                func figures(_ c: CircuitExchange.Circuit?) -> JSONValue {
                    .object(["delivered": round(c?.delivered ?? 0), "intermediated": round(c?.intermediated ?? 0),
                             "tonne_km": .number((c?.tonneKilometres ?? 0).rounded()),
                             "tonne_minutes": c?.tonneMinutes.map { .number($0.rounded()) } ?? .null])
                }
                return .object(["circuit": .string(circuit.id), "baseline": figures(before), "optimised": figures(circuit),
                                "own_supply_used": round(circuit.ownSupplyUsed), "exported": round(circuit.exported),
                                "imported": round(circuit.imported)])
            })
            object["circuits_overlapping"] = .number(Double(exchange.overlapping))
        }
        return .object(object)
    }

    /// `from_circuit,to_circuit,tonnes`, every non-zero cell of the
    /// optimum's circuit-to-circuit matrix (own supply used included).
    public var odCSV: String? {
        guard let exchange else { return nil }
        var writer = CSVWriter(header: ["from_circuit", "to_circuit", "tonnes"])
        for entry in exchange.matrix { writer.append([entry.from, entry.to, String(format: "%.3f", entry.tonnes)]) }
        return writer.text
    }

    /// One straight line per pair of circuits that trade, from a point
    /// inside one to a point inside the other, with its tonnes (WGS 84).
    public func odLines() throws -> Layer? {
        guard let exchange else { return nil }
        let features = exchange.matrix.compactMap { entry -> Feature? in
            guard entry.from != entry.to, let a = exchange.anchors[entry.from], let b = exchange.anchors[entry.to] else { return nil }
            return Feature(geometry: .lineString(CoordinateSequence([a, b])), properties: [
                "from_circuit": .string(entry.from), "to_circuit": .string(entry.to),
                "tonnes_month": .number((entry.tonnes * 1000).rounded() / 1000),
            ])
        }
        return try Layer(features: features, crs: result.crs).projected(to: .wgs84)
    }
}
