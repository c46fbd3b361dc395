import Foundation
import Geo

extension ProductRanking.Result {
    /// Tab-separated: territory, rank, product, score, then each
    /// indicator's contribution (weight x normalised value), the first
    /// `top` products of every territory; notes on ties and constant
    /// columns follow the table after a blank line.
    public func table(top: Int, territoryColumn: String) -> String {
        var text = ([territoryColumn, "rank", "product", "score"] + indicators.map(\.name)).joined(separator: "\t") + "\n"
        for (_, entries) in self.top(top) {
            for entry in entries {
                text += "\(entry.territory)\t\(entry.rank)\t\(entry.product)\t" + Self.format(entry.score)
                for contribution in entry.contributions { text += "\t" + Self.format(contribution) }
                text += "\n"
            }
        }
        let notes = self.notes(top: top)
        if !notes.isEmpty { text += "\n" + notes.map { $0 + "\n" }.joined() }
        return text
    }

    /// Ties met within the first `top` places and columns that score 0.
    public func notes(top: Int) -> [String] {
        var notes: [String] = []
        for (territory, entries) in territories {
            for entry in entries.prefix(top) {
                if let reason = entry.aheadOfNextBy, entry.rank < entries.count {
                    let next = entries[entry.rank]
                    notes.append("\(territory): \(entry.product) and \(next.product) tie on score \(Self.format(entry.score)); \(entry.product) first by \(reason)")
                }
            }
        }
        for indicator in indicators {
            if indicator.isConstant {
                notes.append(indicator.within == .all ? "\(indicator.name) is the same in every row: it scores 0 for all"
                             : "\(indicator.name) is the same throughout each \(indicator.within.rawValue): it scores 0 for all")
            } else if indicator.constantGroups > 0 {
                notes.append("\(indicator.name), normalised within each \(indicator.within.rawValue): \(indicator.constantGroups) of \(indicator.groups) \(indicator.within.rawValue)s have one row or one value, and score 0 on it there")
            }
        }
        return notes
    }

    public func json(top: Int, territoryColumn: String) -> JSONValue {
        let indicatorsJSON: [JSONValue] = indicators.map { indicator in
            .object(["name": .string(indicator.name), "weight": .number(indicator.weight),
                     "better": .string(indicator.lowerIsBetter ? "lower" : "higher"),
                     "min": .number(indicator.summary.min), "max": .number(indicator.summary.max),
                     "mean": .number(Self.rounded(indicator.summary.mean)), "sd": .number(Self.rounded(indicator.summary.sd)),
                     "constant": .bool(indicator.isConstant), "within": .string(indicator.within.rawValue),
                     "groups": .number(indicator.groups), "constantGroups": .number(indicator.constantGroups)])
        }
        let territoriesJSON: [JSONValue] = self.top(top).map { territory, entries in
            .object([
                "territory": .string(territory),
                "products": .array(entries.map { entry in
                    var contributions = JSONObject(), values = JSONObject()
                    for (index, indicator) in indicators.enumerated() {
                        contributions[indicator.name] = .number(Self.rounded(entry.contributions[index]))
                        values[indicator.name] = .number(entry.values[index])
                    }
                    var object: JSONObject = ["rank": .number(entry.rank), "product": .string(entry.product),
                                              "score": .number(Self.rounded(entry.score)),
                                              "contributions": .object(contributions), "values": .object(values), "line": .number(entry.line)]
                    if !entry.tiedWith.isEmpty { object["tiedWith"] = .array(entry.tiedWith.map(JSONValue.string)) }
                    if let reason = entry.aheadOfNextBy { object["aheadOfNextBy"] = .string(reason) }
                    return .object(object)
                }),
            ])
        }
        return .object([
            "by": .string(territoryColumn),
            "normalisation": .string(normalisation.rawValue),
            "within": .string(within.rawValue),
            "tieBreak": .string(ProductRanking.tieRule),
            "top": .number(top),
            "rows": .number(rows),
            "indicators": .array(indicatorsJSON),
            "territories": .array(territoriesJSON),
        ])
    }

    /// The territories with their first `top` products: `top_1`,
    /// `top_1_score`, `top_2`, ... (null where a territory has fewer
    /// products, or none), and `products_ranked`; each feature keeps its id,
    /// geometry and properties. `code` gives a feature's code; rows whose
    /// territory no feature has come back in `unmatched`.
    public func layer(territories layer: Layer, top: Int, code: (Feature, Int) -> String?)
        -> (layer: Layer, unmatched: [String], withoutProducts: [String]) {
        let ranked = Dictionary(self.top(top).map { ($0.territory, $0.entries) }, uniquingKeysWith: { first, _ in first })
        var found = Set<String>()
        var withoutProducts: [String] = []
        var features: [Feature] = []
        for (index, feature) in layer.features.enumerated() {
            var properties = feature.properties
            let key = code(feature, index)
            let entries = key.flatMap { ranked[$0] } ?? []
            if let key, ranked[key] != nil { found.insert(key) } else { withoutProducts.append(key ?? "feature \(index)") }
            for place in 0..<top {
                let entry = place < entries.count ? entries[place] : nil
                properties["top_\(place + 1)"] = entry.map { .string($0.product) } ?? .null
                properties["top_\(place + 1)_score"] = entry.map { .number(Self.rounded($0.score)) } ?? .null
            }
            properties["products_ranked"] = .number(key.flatMap { key in territories.first { $0.territory == key }?.entries.count } ?? 0)
            features.append(Feature(id: feature.id, geometry: feature.geometry, properties: properties))
        }
        let unmatched = territories.map(\.territory).filter { !found.contains($0) }
        return (Layer(features: features, crs: layer.crs), unmatched, withoutProducts)
    }

    /// Six decimals: enough to tell scores apart, short enough to read.
    static func rounded(_ value: Double) -> Double {
        let rounded = (value * 1e6).rounded() / 1e6
        return rounded == 0 ? 0 : rounded
    }

    static func format(_ value: Double) -> String {
        String(format: "%.4f", rounded(value) == 0 ? 0 : value)
    }
}
