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
    /// With zones too: the same between zones.
    public var zoneExchange: CircuitExchange?
    public var baselineZoneExchange: CircuitExchange?
    /// The language of the Markdown report; the JSON, CSV and lines stay
    /// English and locale-free.
    public var language: Language = .en
    /// Names for the reports people read: territories by this property
    /// ("Tovar (EM0901)"), circuits by the grouping's `circuit_name`; codes
    /// where there is none. The layers, CSV and JSON keep codes.
    public var territoryNameField: String?
    public var circuitNames: CircuitNames?

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

    /// A territory as the Markdown report shows it: "name (code)", or the
    /// code where the name field is empty.
    func territoryLabel(_ index: Int) -> String {
        let code = territoryID(index)
        guard let field = territoryNameField, let value = territories.features[index].properties[field], value != .null,
              case let name = value.text, !name.isEmpty, name != code else { return code }
        return "\(name) (\(code))"
    }

    public func circuitLabel(_ circuit: String) -> String { circuitNames?.label(circuit) ?? circuit }

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

    /// The baseline's rule, in English for the JSON and the summary.
    var baselineDescription: String { baselineDescription(in: .en) }

    func baselineDescription(in language: Language) -> String {
        switch result.baseline.rule {
        case .nearest: language.text(.distributionRuleNearest)
        case .sellsTo(let field): language.text(.distributionRuleSellsTo(field: field))
        }
    }

    public var summary: String { summary(in: .en) }

    /// The line distribute writes on standard error, in `language`.
    public func summary(in language: Language) -> String {
        func f(_ value: Double, _ digits: Int) -> String { figure(value, digits, in: language) }
        return language.text(.distributionSummary(product: chain.product, delivered: f(result.delivered, 1), demand: f(result.demand, 1),
                                                  unit: language.name(of: chain.unit), share: f(100 * share, 1),
                                                  intermediated: f(result.intermediated, 1), baseline: f(result.baseline.figures.intermediated, 1),
                                                  tonneKm: f(result.tonneKilometres, 0), optimal: result.optimal, rounds: result.pricingRounds))
    }

    /// A figure of the reports: `1335.0` in English (as before catalogues),
    /// `1.335,0` in Spanish.
    func figure(_ value: Double, _ digits: Int, signed: Bool = false, in language: Language) -> String {
        guard language != .en else { return String(format: signed ? "%+.\(digits)f" : "%.\(digits)f", value) }
        // Rounded here: NumberFormatter on Linux does not cut to maximumFractionDigits.
        let scale = pow(10, Double(digits)), rounded = (value * scale).rounded() / scale
        let text = ReportNumber.grouped(rounded == 0 ? 0 : rounded, minimumFractionDigits: digits, maximumFractionDigits: digits, language: language)
        return signed && !text.hasPrefix("-") ? "+" + text : text
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

    /// The report in `language`: its catalogue's strings; figures as
    /// `1335.0` in English (as before catalogues), `1.335,0` in Spanish.
    public var markdown: String {
        func t(_ key: Catalogue.Key) -> String { language.text(key) }
        func f(_ value: Double, _ digits: Int, signed: Bool = false) -> String { figure(value, digits, signed: signed, in: language) }
        func stage(_ k: Int) -> String { language.name(of: chain.stages[k]) }
        var text = t(.distributionTitle(product: chain.product))
        if !result.brokenAt.isEmpty {
            text += t(.distributionBroken(stages: result.brokenAt.map { language.name(of: $0) }.joined(separator: ", ")))
        }
        let base = result.baseline.figures, best = result.optimised
        text += t(.distributionFiguresHeader)
        text += "| \(t(.distributionDemand(unit: language.name(of: chain.unit)))) | \(f(result.demand, 1)) | \(f(result.demand, 1)) |\n"
        text += "| \(t(.distributionDelivered)) | \(f(base.delivered, 1)) | \(f(best.delivered, 1)) |\n"
        text += "| \(t(.distributionShareMet)) | \(f(result.demand > 0 ? 100 * base.delivered / result.demand : 0, 1)) % | \(f(100 * share, 1)) % |\n"
        text += "| \(t(.distributionIntermediated)) | \(f(base.intermediated, 1)) | \(f(best.intermediated, 1)) |\n"
        text += "| \(t(.distributionTonneKm)) | \(f(base.tonneKilometres, 0)) | \(f(best.tonneKilometres, 0)) |\n"
        if let tonneMinutes = best.tonneMinutes {
            text += "| \(t(.distributionTonneMinutes)) | \(f(base.tonneMinutes ?? 0, 0)) | \(f(tonneMinutes, 0)) |\n"
        }
        text += "| \(t(.distributionLinksUsed)) | \(base.flows.count) | \(best.flows.count) |\n\n"
        text += t(.distributionBaseline(rule: baselineDescription(in: language), stuck: f(result.baseline.stuck, 1),
                                        assumedNearest: result.baseline.assumedNearest))
        text += result.optimal
            ? t(.distributionOptimal(rounds: result.pricingRounds, links: result.linksSolved))
            : t(.distributionNotOptimal(reason: result.notOptimalReason, rounds: result.pricingRounds, links: result.linksSolved))
        let changes = chain.stages.indices.filter { abs(base.intermediatedByLink[$0] - best.intermediatedByLink[$0]) > 1e-6 }
        if !changes.isEmpty {
            text += t(.distributionChangesHeading)
            for k in changes {
                text += "| \(stage(k)) | \(f(base.intermediatedByLink[k], 1)) | \(f(best.intermediatedByLink[k], 1)) | "
                text += "\(f(best.intermediatedByLink[k] - base.intermediatedByLink[k], 1, signed: true)) |\n"
            }
            text += "\n"
        }
        if roadsGiven {
            text += t(.distributionRoads(unreachableSites: result.unreachableSites.count, unreachableTerritories: result.unreachableTerritories.count,
                                         cutOffSites: result.cutOffSites.count, cutOffTerritories: result.cutOffTerritories.count))
        }
        if let exchange {
            text += t(.distributionByCircuitHeading)
            text += exchangeTable(exchange, baseline: baselineExchange) { f($0, $1) }
        }
        if let zoneExchange {
            text += t(.distributionByZoneHeading)
            text += exchangeTable(zoneExchange, baseline: baselineZoneExchange) { f($0, $1) }
        }
        text += t(.distributionBalance(delivered: f(result.delivered, 1), unmet: f(result.unmet.values.reduce(0, +), 1), demand: f(result.demand, 1)))
        let worst = result.unmet.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(15)
        if !worst.isEmpty {
            text += t(.distributionUnmetHeading)
            for (territory, amount) in worst { text += "| \(territoryLabel(territory)) | \(f(amount, 2)) |\n" }
            text += "\n"
        }
        return text
    }

    /// Per circuit (or zone) the baseline's and the optimum's figures, own
    /// supply used, exported and imported; then the largest movements.
    private func exchangeTable(_ exchange: CircuitExchange, baseline: CircuitExchange?, _ f: (Double, Int) -> String) -> String {
        var text = ""
        for circuit in exchange.circuits {
            let before = baseline?.circuit(circuit.id)
            text += "| \(circuitLabel(circuit.id)) | \(f(before?.delivered ?? 0, 1)) | \(f(circuit.delivered, 1)) | \(f(before?.intermediated ?? 0, 1)) | "
            text += "\(f(circuit.intermediated, 1)) | \(f(before?.tonneKilometres ?? 0, 0)) | \(f(circuit.tonneKilometres, 0)) | "
            text += "\(f(circuit.ownSupplyUsed, 1)) | \(f(circuit.exported, 1)) | \(f(circuit.imported, 1)) |\n"
        }
        let moves = exchange.matrix.filter { $0.from != $0.to }.sorted { $0.tonnes > $1.tonnes }.prefix(15)
        if !moves.isEmpty {
            text += language.text(.distributionMovesHeading)
            for move in moves { text += "| \(circuitLabel(move.from)) | \(circuitLabel(move.to)) | \(f(move.tonnes, 1)) |\n" }
        }
        return text + "\n"
    }

    /// Per circuit (key `circuit`) or zone (`zone`): baseline and optimised figures, own supply used, exported, imported.
    private func json(_ exchange: CircuitExchange, baseline: CircuitExchange?, key: String) -> JSONValue {
        .array(exchange.circuits.map { circuit in
            let before = baseline?.circuit(circuit.id)
            func figures(_ c: CircuitExchange.Circuit?) -> JSONValue {
                .object(["delivered": round(c?.delivered ?? 0), "intermediated": round(c?.intermediated ?? 0),
                         "tonne_km": .number((c?.tonneKilometres ?? 0).rounded()),
                         "tonne_minutes": c?.tonneMinutes.map { .number($0.rounded()) } ?? .null])
            }
            return .object([key: .string(circuit.id), "baseline": figures(before), "optimised": figures(circuit),
                            "own_supply_used": round(circuit.ownSupplyUsed), "exported": round(circuit.exported),
                            "imported": round(circuit.imported)])
        })
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
            object["by_circuit"] = json(exchange, baseline: baselineExchange, key: "circuit")
            object["circuits_overlapping"] = .number(Double(exchange.overlapping))
        }
        if let zoneExchange { object["by_zone"] = json(zoneExchange, baseline: baselineZoneExchange, key: "zone") }
        return .object(object)
    }

    /// `from_circuit,to_circuit,tonnes`, every non-zero cell of the
    /// optimum's circuit-to-circuit matrix (own supply used included).
    public var odCSV: String? { exchange.map { Self.csv($0, level: "circuit") } }

    /// `from_zone,to_zone,tonnes`: the same between zones.
    public var zoneODCSV: String? { zoneExchange.map { Self.csv($0, level: "zone") } }

    static func csv(_ exchange: CircuitExchange, level: String) -> String {
        var writer = CSVWriter(header: ["from_\(level)", "to_\(level)", "tonnes"])
        for entry in exchange.matrix { writer.append([entry.from, entry.to, String(format: "%.3f", entry.tonnes)]) }
        return writer.text
    }

    /// One straight line per pair of circuits that trade, from a point
    /// inside one to a point inside the other, with its tonnes (WGS 84).
    public func odLines() throws -> Layer? { try exchange.map { try lines($0, level: "circuit") } }

    /// The same between zones.
    public func zoneODLines() throws -> Layer? { try zoneExchange.map { try lines($0, level: "zone") } }

    func lines(_ exchange: CircuitExchange, level: String) throws -> Layer {
        let features = exchange.matrix.compactMap { entry -> Feature? in
            guard entry.from != entry.to, let a = exchange.anchors[entry.from], let b = exchange.anchors[entry.to] else { return nil }
            return Feature(geometry: .lineString(CoordinateSequence([a, b])), properties: [
                "from_\(level)": .string(entry.from), "to_\(level)": .string(entry.to),
                "tonnes_month": .number((entry.tonnes * 1000).rounded() / 1000),
            ])
        }
        return try Layer(features: features, crs: result.crs).projected(to: .wgs84)
    }
}
