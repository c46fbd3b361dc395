import Foundation
import Geo

/// The distribution result as lines on a map, a Markdown report and JSON.
public struct DistributionReport {
    public let result: Distribution.Result
    public let chain: ChainSpec
    public let sites: Layer
    public let territories: Layer

    public init(result: Distribution.Result, chain: ChainSpec, sites: Layer, territories: Layer) {
        self.result = result
        self.chain = chain
        self.sites = sites
        self.territories = territories
    }

    func siteID(_ index: Int) -> String { sites.features[index].id?.description ?? "#\(index)" }
    func territoryID(_ index: Int) -> String { territories.features[index].id?.description ?? "#\(index)" }
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
        text += "| links used | \(result.flows.count) |\n\n"
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
            "unmet": .object(JSONObject(result.unmet.keys.sorted().map {
                .init(key: territoryID($0), value: .number((result.unmet[$0]! * 1000).rounded() / 1000))
            })),
        ])
    }
}
