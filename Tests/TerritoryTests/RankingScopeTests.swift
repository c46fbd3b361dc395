import Foundation
import Testing
@testable import Geo
@testable import Territory

/// Where indicators are normalised, and which rows take part: a table of
/// three products in two territories, scores worked out by hand.
@Suite struct RankingScopeTests {
    /// USD/kg of flowers against USD/kg of potatoes: over all six rows
    /// (min-max, price 0.3..12 = 11.7, volume 1..100 = 99), T1 is best at
    /// potatoes by volume; within each product, T1 beats T2 at flowers
    /// (dearer, more) and loses at potatoes (cheaper, less).
    static let table = """
        territory,product,price,volume,note
        T1,flowers,12,5,export
        T1,potatoes,0.3,90,local
        T1,maize,0.4,50,local
        T2,flowers,10,1,export
        T2,potatoes,0.5,100,local
        T2,maize,0.6,40,local

        """
    static let weights = #"{"price": 0.3, "volume": 0.7}"#

    static func indicators(_ text: String = table) throws -> (IndicatorTable, CSVTable) {
        let csv = try CSVTable.parse(bytes: Array(text.utf8), name: "products.csv")
        return (try IndicatorTable(table: csv, file: "products.csv", by: "territory", ignore: ["note"]), csv)
    }

    func rank(_ within: NormalisationScope, weights: String = weights) throws -> ProductRanking.Result {
        try ProductRanking(within: within).rank(Self.indicators().0, weights: IndicatorWeights.parse(weights, name: "weights.json"))
    }

    func scores(_ result: ProductRanking.Result, _ territory: String) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: result.territories.first { $0.territory == territory }!.entries.map { ($0.product, ($0.score * 1e6).rounded() / 1e6) })
    }

    @Test func withinProductNormalisationChangesTheWinner() throws {
        let all = try rank(.all)
        // T1 potatoes: 0.3 x 0 + 0.7 x 89/99; flowers: 0.3 x 1 + 0.7 x 4/99; maize: 0.3 x 0.1/11.7 + 0.7 x 49/99.
        #expect(scores(all, "T1") == ["potatoes": 0.629293, "flowers": 0.328283, "maize": 0.349029])
        #expect(all.territories[0].entries.map(\.product) == ["potatoes", "maize", "flowers"])
        let product = try rank(.product)
        // Each product over its two rows: T1 flowers 1 and 1, maize 0 and 1, potatoes 0 and 0.
        #expect(scores(product, "T1") == ["flowers": 1, "maize": 0.7, "potatoes": 0])
        #expect(scores(product, "T2") == ["flowers": 0, "maize": 0.3, "potatoes": 1])
        #expect(product.territories[0].entries.first?.product == "flowers")
        #expect(product.indicators.map(\.groups) == [3, 3])
    }

    @Test func withinTerritoryComparesATerritorysOwnProducts() throws {
        // T1: price 0.3..12, volume 5..90; maize 0.3 x 0.1/11.7 + 0.7 x 45/85.
        #expect(scores(try rank(.territory), "T1") == ["flowers": 0.3, "potatoes": 0.7, "maize": 0.373152])
    }

    @Test func anIndicatorsOwnScopeOverridesTheDefault() throws {
        // price within product, volume over all rows: T1 flowers 0.3 x 1 + 0.7 x 4/99.
        let mixed = try rank(.all, weights: #"{"price": {"weight": 0.3, "within": "product"}, "volume": 0.7}"#)
        #expect(mixed.indicators.map(\.within) == [.product, .all])
        #expect(scores(mixed, "T1")["flowers"] == 0.328283)
        #expect(scores(mixed, "T1")["maize"] == 0.346465)
    }

    @Test func aProductInOneTerritoryScoresZeroWithinProduct() throws {
        let (table, _) = try Self.indicators(Self.table + "T2,cocoa,3,7,export\n")
        let result = try ProductRanking(within: .product).rank(table, weights: IndicatorWeights.parse(Self.weights, name: "w"))
        #expect(result.indicators.map(\.constantGroups) == [1, 1])
        #expect(result.indicators.map(\.groups) == [4, 4])
        #expect(result.territories[1].entries.first { $0.product == "cocoa" }?.score == 0)
        #expect(result.notes(top: 3).contains("price, normalised within each product: 1 of 4 products have one row or one value, and score 0 on it there"))
    }

    @Test func eligibilityLeavesRowsOutBeforeNormalising() throws {
        let (table, csv) = try Self.indicators()
        let eligibility = RowEligibility(filter: try FeatureFilter("note = 'local'"), minimum: ["volume": 45])
        let outcome = try eligibility.apply(to: table, source: csv)
        #expect(outcome.table.rows.map { "\($0.territory) \($0.product)" } == ["T1 potatoes", "T1 maize", "T2 potatoes"])
        #expect(outcome.excluded.map(\.reason) == ["not selected by --where note = 'local'", "volume below the minimum 45"])
        #expect(outcome.excluded.map(\.rows) == [2, 1])
        #expect(outcome.territoriesLeftOut.isEmpty)
        // Normalised over the three rows left: volume 50..100, price 0.3..0.5.
        let result = try ProductRanking().rank(outcome.table, weights: IndicatorWeights.parse(Self.weights, name: "w"))
        #expect(result.indicators.map(\.summary.min) == [0.3, 50])
        #expect(scores(result, "T1") == ["potatoes": 0.56, "maize": 0.15])
    }

    @Test func aTerritoryWithNothingEligibleIsNamed() throws {
        let (table, csv) = try Self.indicators()
        let outcome = try RowEligibility(maximum: ["price": 11]).apply(to: table, source: csv)
        #expect(outcome.excluded.map(\.rows) == [1])
        let none = try RowEligibility(filter: try FeatureFilter("territory = 'T1'")).apply(to: table, source: csv)
        #expect(none.territoriesLeftOut == ["T2"])
        #expect(throws: ReadError.self) { try RowEligibility(minimum: ["price": 100]).apply(to: table, source: csv) }
        #expect(throws: ReadError.self) { try RowEligibility(minimum: ["prices": 1]).apply(to: table, source: csv) }
        #expect(throws: ReadError.self) { try RowEligibility(filter: try FeatureFilter("kind = 'x'")).apply(to: table, source: csv) }
    }

    @Test func theWeightsFileGivesScopesAndBounds() throws {
        let weights = try IndicatorWeights.parse(#"{"price": {"weight": 0.3, "within": "product", "minimum": 0.35}, "volume": {"weight": 0.7, "maximum": 95}}"#, name: "w")
        let eligibility = RowEligibility(minimum: ["price": 0.2]).adding(boundsOf: weights)
        // The flag wins over the file; the file adds what the flag does not set.
        #expect(eligibility.minimum == ["price": 0.2])
        #expect(eligibility.maximum == ["volume": 95])
        #expect(throws: ReadError.self) { try IndicatorWeights.parse(#"{"price": {"weight": 1, "within": "province"}}"#, name: "w") }
        #expect(throws: ReadError.self) { try IndicatorWeights.parse(#"{"price": {"weight": 1, "minimum": 5, "maximum": 1}}"#, name: "w") }
        #expect(throws: ReadError.self) { try IndicatorWeights.parse(#"{"price": {"better": "lower"}}"#, name: "w") }
    }

    @Test func equalWeightsTakeSettingsButNoWeights() throws {
        let (table, _) = try Self.indicators()
        let settings = try IndicatorWeights.parse(#"{"price": {"better": "lower"}}"#, name: "w", weightsGivenElsewhere: true)
        let equal = try IndicatorWeights.equalWeights(for: table, settings: settings)
        #expect(equal.weights.map(\.weight) == [0.5, 0.5])
        #expect(equal.weights.map(\.lowerIsBetter) == [true, false])
        #expect(throws: ReadError.self) { try IndicatorWeights.parse(#"{"price": 0.3}"#, name: "w", weightsGivenElsewhere: true) }
        let stray = try IndicatorWeights.parse(#"{"cost": {"better": "lower"}}"#, name: "w", weightsGivenElsewhere: true)
        #expect(throws: ReadError.self) { try IndicatorWeights.equalWeights(for: table, settings: stray) }
    }
}
