import Foundation
import Geo

/// Count and capacity of sites per territory x product x stage, the table
/// of the map of goods and actors.
public struct JoinSummary: Sendable {
    public struct Row: Sendable, Hashable {
        public var territory: String
        public var product: String
        public var stage: Stage
        public var unit: CapacityUnit
        public var sites: Int
        public var capacity: Double
    }

    public let rows: [Row]

    /// Rows sorted by territory, product, stage (chain order) and unit.
    /// Sites outside every territory are grouped under an empty territory.
    public init(sites: [Site], territories: [String?]) {
        var totals: [Key: (Int, Double)] = [:]
        for (site, territory) in zip(sites, territories) {
            let key = Key(territory: territory ?? "", product: site.product, stage: site.stage, unit: site.unit)
            let (count, capacity) = totals[key] ?? (0, 0)
            totals[key] = (count + 1, capacity + site.capacity)
        }
        rows = totals.keys.sorted().map { key in
            Row(territory: key.territory, product: key.product, stage: key.stage, unit: key.unit,
                sites: totals[key]!.0, capacity: totals[key]!.1)
        }
    }

    /// `territory_code,product,stage,unit,sites,capacity`, one row per
    /// group, capacity to 3 decimals.
    public var csv: String {
        var writer = CSVWriter(header: ["territory_code", "product", "stage", "unit", "sites", "capacity"])
        for row in rows {
            writer.append([row.territory, row.product, row.stage.rawValue, row.unit.rawValue,
                           String(row.sites), Self.format(row.capacity)])
        }
        return writer.text
    }

    private struct Key: Hashable, Comparable {
        let territory: String
        let product: String
        let stage: Stage
        let unit: CapacityUnit

        static func < (a: Key, b: Key) -> Bool {
            (a.territory, a.product, a.stage, a.unit.rawValue) < (b.territory, b.product, b.stage, b.unit.rawValue)
        }
    }

    /// Whole numbers without ".0" while they fit an Int64 exactly; past
    /// that (a capacity of 1e19) Swift's shortest text, never a trap.
    static func format(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        guard rounded.isFinite else { return value.isFinite ? String(value) : "" }
        if rounded == rounded.rounded(), let whole = Int64(exactly: rounded) { return String(whole) }
        return String(rounded)
    }
}
