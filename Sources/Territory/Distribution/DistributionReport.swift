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

    public var summary: String {
        String(format: "%@: %.1f of %.1f %@ delivered (%.1f %%), %.1f t through intermediaries (baseline %.1f), %.0f t-km",
               chain.product, result.delivered, result.demand, chain.unit.rawValue, 100 * share,
               result.intermediated, result.baselineIntermediated, result.tonneKilometres)
    }

    public var markdown: String {
        var text = "# Distribution of \(chain.product)\n\n"
        if !result.brokenAt.isEmpty {
            text += "The chain is broken: no site at \(result.brokenAt.map(\.rawValue).joined(separator: ", ")), which cannot be skipped. Nothing reaches the people.\n\n"
        }
        text += "| figure | value |\n|---|---:|\n"
        text += String(format: "| demand (%@) | %.1f |\n", chain.unit.rawValue, result.demand)
        text += String(format: "| delivered | %.1f |\n", result.delivered)
        text += String(format: "| share of demand met | %.1f %% |\n", 100 * share)
        text += String(format: "| through outside intermediaries | %.1f |\n", result.intermediated)
        text += String(format: "| baseline: through the nearest intermediary at each stage that has one | %.1f |\n", result.baselineIntermediated)
        text += String(format: "| tonne-km | %.0f |\n", result.tonneKilometres)
        if let tonneMinutes = result.tonneMinutes { text += String(format: "| tonne-minutes along the roads | %.0f |\n", tonneMinutes) }
        text += "| links used | \(result.flows.count) |\n"
        if roadsGiven {
            text += "| sites of the chain beyond --max-snap of the roads (carry nothing) | \(result.unreachableSites.count) |\n"
            text += "| territories beyond --max-snap of the roads (demand unmet) | \(result.unreachableTerritories.count) |\n"
        }
        text += "\n"
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
        .object([
            "product": .string(chain.product), "unit": .string(chain.unit.rawValue),
            "demand": .number((result.demand * 1000).rounded() / 1000),
            "delivered": .number((result.delivered * 1000).rounded() / 1000),
            "share_met": .number((share * 10000).rounded() / 10000),
            "intermediated": .number((result.intermediated * 1000).rounded() / 1000),
            "baseline_intermediated": .number((result.baselineIntermediated * 1000).rounded() / 1000),
            "tonne_km": .number(result.tonneKilometres.rounded()),
            "tonne_minutes": result.tonneMinutes.map { .number($0.rounded()) } ?? .null,
            "broken_at": .array(result.brokenAt.map { .string($0.rawValue) }),
            "unreachable_sites": roadsGiven ? .array(result.unreachableSites.map { .string(siteID($0)) }) : .null,
            "unreachable_territories": roadsGiven ? .array(result.unreachableTerritories.map { .string(territoryID($0)) }) : .null,
            "unmet": .object(JSONObject(result.unmet.keys.sorted().map {
                .init(key: territoryID($0), value: .number((result.unmet[$0]! * 1000).rounded() / 1000))
            })),
        ])
    }
}
