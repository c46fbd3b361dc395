import Geo

/// Ranks the products of each territory by a weighted sum of normalised
/// indicators: each indicator column is normalised over the rows of its
/// scope (`NormalisationScope`: every row by default, or each product's,
/// or each territory's), flipped where lower is better, multiplied by
/// its weight, and the contributions summed into the score.
///
/// Ties: scores equal to within 1e-9 (relative) are tied; the tie goes to
/// the higher contribution of the most heavily weighted indicator, then of
/// the next (indicators of equal weight in the table's column order), and
/// last to the product name in ascending order. Ranks are 1, 2, 3...
/// without shared places, so `top 2` always gives two products where a
/// territory has two.
public struct ProductRanking: Sendable {
    public struct Entry: Sendable, Hashable {
        public let line: Int
        public let territory: String
        public let product: String
        public var rank: Int
        public let score: Double
        /// Weight x normalised value (flipped where lower is better), in
        /// the table's indicator order; they add up to `score`.
        public let contributions: [Double]
        public let values: [Double]
        /// Other products of the territory with the same score.
        public var tiedWith: [String]
        /// When this entry's score ties the next one's: what put it ahead
        /// (an indicator's name, or "product name").
        public var aheadOfNextBy: String?
    }

    public struct Indicator: Sendable, Hashable {
        public let name: String
        public let weight: Double
        public let lowerIsBetter: Bool
        /// Over every eligible row, whatever the scope.
        public let summary: IndicatorSummary
        public let within: NormalisationScope
        /// Groups of the scope, and those of one row or one value (scored 0).
        public let groups: Int
        public let constantGroups: Int
        /// Every group is constant: the indicator scores 0 for every row.
        public var isConstant: Bool { constantGroups == groups }
    }

    public struct Result: Sendable {
        public let normalisation: Normalisation
        public let within: NormalisationScope
        public let indicators: [Indicator]
        /// Territories in order of first appearance in the table, each with
        /// every product ranked.
        public let territories: [(territory: String, entries: [Entry])]
        public let rows: Int

        /// The first `top` entries of every territory.
        public func top(_ count: Int) -> [(territory: String, entries: [Entry])] {
            territories.map { ($0.territory, Array($0.entries.prefix(count))) }
        }

        public var constantIndicators: [String] { indicators.filter(\.isConstant).map(\.name) }
    }

    public static let tieRule = "equal scores (to 1e-9) go to the higher contribution of the most heavily weighted indicator, then the next; then product name ascending"

    public let normalisation: Normalisation
    /// The scope of indicators whose weight entry names none.
    public let within: NormalisationScope

    public init(normalisation: Normalisation = .minMax, within: NormalisationScope = .all) {
        self.normalisation = normalisation
        self.within = within
    }

    public func rank(_ table: IndicatorTable, weights: IndicatorWeights) throws(ReadError) -> Result {
        let matched = try weights.matched(to: table)
        let normalised = NormalisedIndicators(table: table, weights: matched, normalisation: normalisation, within: within)
        let indicators = table.indicators.indices.map { column in
            Indicator(name: matched[column].indicator, weight: matched[column].weight, lowerIsBetter: matched[column].lowerIsBetter,
                      summary: IndicatorSummary(table.rows.map { $0.values[column] }), within: normalised.scopes[column],
                      groups: normalised.groups[column], constantGroups: normalised.constantGroups[column])
        }
        let territories = Self.rank(table, normalised: normalised, weights: matched.map(\.weight))
        return Result(normalisation: normalisation, within: within, indicators: indicators, territories: territories, rows: table.rows.count)
    }

    /// Every territory's products ranked by `weights` (one per indicator)
    /// over `normalised`: the ranking itself, also run once per draw of
    /// the sensitivity analysis.
    static func rank(_ table: IndicatorTable, normalised: NormalisedIndicators, weights: [Double]) -> [(territory: String, entries: [Entry])] {
        let count = weights.count
        // Heaviest first; equal weights in the column order.
        let tieOrder = (0..<count).filter { weights[$0] > 0 }
            .sorted { weights[$0] != weights[$1] ? weights[$0] > weights[$1] : $0 < $1 }

        var order: [String] = []
        var byTerritory: [String: [Entry]] = [:]
        for (index, row) in table.rows.enumerated() {
            let contributions = normalised.contributions(row: index, weights: weights)
            let entry = Entry(line: row.line, territory: row.territory, product: row.product, rank: 0,
                              score: contributions.reduce(0, +), contributions: contributions, values: row.values,
                              tiedWith: [], aheadOfNextBy: nil)
            if byTerritory[row.territory] == nil { order.append(row.territory) }
            byTerritory[row.territory, default: []].append(entry)
        }
        var territories: [(territory: String, entries: [Entry])] = []
        for territory in order {
            var entries = byTerritory[territory]!.sorted { Self.decide($0, $1, tieOrder: tieOrder).first }
            for position in entries.indices {
                entries[position].rank = position + 1
                entries[position].tiedWith = entries.filter { $0.product != entries[position].product && Self.same($0.score, entries[position].score) }.map(\.product)
                if position + 1 < entries.count, Self.same(entries[position].score, entries[position + 1].score) {
                    let reason = Self.decide(entries[position], entries[position + 1], tieOrder: tieOrder).by
                    entries[position].aheadOfNextBy = reason.map { table.indicators[$0] } ?? "product name"
                }
            }
            territories.append((territory, entries))
        }
        return territories
    }

    static func same(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }

    /// Whether `a` ranks before `b`, and by which indicator column (nil:
    /// by score, or by product name when `first` came from the names).
    private static func decide(_ a: Entry, _ b: Entry, tieOrder: [Int]) -> (first: Bool, by: Int?) {
        if !same(a.score, b.score) { return (a.score > b.score, nil) }
        for column in tieOrder where !same(a.contributions[column], b.contributions[column]) {
            return (a.contributions[column] > b.contributions[column], column)
        }
        return (a.product < b.product, nil)
    }
}
