import Foundation
import Testing
@testable import Geo
@testable import Territory

/// Product ranking on small tables written to real files, scores worked out by hand.
@Suite struct ProductRankingTests {
    static func file(_ name: String, _ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("territorio-ranking-tests-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Three products in two territories, two indicators.
    ///   a: 10 20 30 | 0 40 20  -> min-max over all six rows (0..40): .25 .5 .75 | 0 1 .5
    ///   b:  1  3  2 | 5  1  3  -> min-max (1..5):                     0  .5 .25 | 1 0 .5
    static let table = """
        territory,product,a,b
        T1,p1,10,1
        T1,p2,20,3
        T1,p3,30,2
        T2,p1,0,5
        T2,p2,40,1
        T2,p3,20,3

        """

    func rank(_ table: String, _ weights: String, _ normalisation: Normalisation = .minMax) throws -> ProductRanking.Result {
        let indicators = try IndicatorTable.read(path: Self.file("products-\(abs(table.hashValue)).csv", table), by: "territory")
        let weights = try IndicatorWeights.read(path: Self.file("weights-\(abs(weights.hashValue)).json", weights))
        return try ProductRanking(normalisation: normalisation).rank(indicators, weights: weights)
    }

    func ranked(_ result: ProductRanking.Result) -> [[String]] {
        result.territories.map { $0.entries.map(\.product) }
    }

    @Test func minMaxScoresAndRanksByHand() throws {
        let result = try rank(Self.table, #"{"a": 0.6, "b": 0.4}"#)
        // T1: p1 .6x.25 + .4x0 = .15, p2 .3 + .2 = .5, p3 .45 + .1 = .55
        // T2: p1 0 + .4 = .4, p2 .6 + 0 = .6, p3 .3 + .2 = .5
        #expect(result.territories.map(\.territory) == ["T1", "T2"])
        #expect(ranked(result) == [["p3", "p2", "p1"], ["p2", "p3", "p1"]])
        let scores = result.territories.map { $0.entries.map(\.score) }
        for (got, want) in zip(scores.joined(), [0.55, 0.5, 0.15, 0.6, 0.5, 0.4]) { #expect(abs(got - want) < 1e-12) }
        let p3 = result.territories[0].entries[0]
        #expect(p3.rank == 1 && abs(p3.contributions[0] - 0.45) < 1e-12 && abs(p3.contributions[1] - 0.1) < 1e-12)
        #expect(result.top(2).map { $0.entries.map(\.product) } == [["p3", "p2"], ["p2", "p3"]])
        #expect(result.indicators.map(\.summary.min) == [0, 1] && result.indicators.map(\.summary.max) == [40, 5])
    }

    @Test func lowerIsBetterFlipsTheIndicator() throws {
        let result = try rank(Self.table, #"{"a": 0.6, "b": {"weight": 0.4, "better": "lower"}}"#)
        // b becomes 1 - x: T1 1 .5 .75 | T2 0 1 .5
        // T1: p1 .15 + .4 = .55, p2 .3 + .2 = .5, p3 .45 + .3 = .75;  T2: p1 0, p2 1, p3 .5
        #expect(ranked(result) == [["p3", "p1", "p2"], ["p2", "p3", "p1"]])
        let scores = result.territories.map { $0.entries.map(\.score) }
        for (got, want) in zip(scores.joined(), [0.75, 0.55, 0.5, 1, 0.5, 0]) { #expect(abs(got - want) < 1e-12) }
    }

    @Test func zScoreUsesThePopulationStandardDeviation() throws {
        let result = try rank(Self.table, #"{"a": 0.6, "b": 0.4}"#, .zScore)
        // a: mean 20, sd sqrt(1000 / 6); b: mean 2.5, sd sqrt(11.5 / 6)
        let sa = (1000.0 / 6).squareRoot(), sb = (11.5 / 6).squareRoot()
        func score(_ a: Double, _ b: Double) -> Double { 0.6 * (a - 20) / sa + 0.4 * (b - 2.5) / sb }
        let want = [[("p3", score(30, 2)), ("p2", score(20, 3)), ("p1", score(10, 1))],
                    [("p2", score(40, 1)), ("p3", score(20, 3)), ("p1", score(0, 5))]]
        #expect(ranked(result) == want.map { $0.map(\.0) })
        for (entries, expected) in zip(result.territories.map(\.entries), want) {
            for (entry, (_, value)) in zip(entries, expected) { #expect(abs(entry.score - value) < 1e-12) }
        }
        #expect(abs(result.indicators[0].summary.sd - sa) < 1e-12)
        #expect(abs(score(30, 2) - 0.320_295) < 1e-6)  // .6 x 0.774597 - .4 x 0.361158
    }

    @Test func tiesGoToTheHeaviestIndicatorThenTheName() throws {
        let table = """
            territory,product,a,b,c
            T1,zeta,10,0,7
            T1,beta,0,10,7
            T1,alpha,0,10,7

            """
        // Equal weights: every score is .5; a comes first among equal weights, so zeta leads;
        // alpha and beta are equal in everything and go by name.
        let equal = try rank(table, #"{"a": 0.5, "b": 0.5, "c": 1}"#)
        let entries = equal.territories[0].entries
        #expect(entries.map(\.product) == ["zeta", "alpha", "beta"])
        #expect(entries.map(\.aheadOfNextBy) == ["a", "product name", nil])
        #expect(entries[0].tiedWith == ["alpha", "beta"])
        // c is constant: it scores 0 for everyone, whatever its weight.
        #expect(equal.constantIndicators == ["c"])
        #expect(entries.allSatisfy { $0.contributions[2] == 0 && abs($0.score - 0.5) < 1e-12 })
        #expect(equal.notes(top: 2).contains("T1: zeta and alpha tie on score 0.5000; zeta first by a"))

        // b weighs more: zeta .4 against .6 for alpha and beta, which tie and go by name.
        let heavierB = try rank(table, #"{"a": 0.4, "b": 0.6, "c": 0}"#)
        #expect(heavierB.territories[0].entries.map(\.product) == ["alpha", "beta", "zeta"])

        // Tied scores, unequal weights: the heavier indicator decides.
        let tied = """
            territory,product,a,b
            T1,p,0,2
            T1,q,1,0
            T1,r,0,0

            """
        // a: 0 1 0; b: 1 0 0. Equal weights tie p and q at .5; equal weights are tried in the
        // table's column order (a first), not the weights file's: q leads.
        let byOrder = try rank(tied, #"{"b": 0.5, "a": 0.5}"#)
        #expect(byOrder.territories[0].entries.map(\.product) == ["q", "p", "r"])
        let tiedTable = """
            territory,product,a,b
            T1,p,0,4
            T1,q,2,0
            T1,r,0,0
            T1,s,4,4

            """
        // a: 0 .5 0 1; b: 1 0 0 1. Weights a .6, b .3: p .3, q .3 tie; a weighs more: q first.
        let heavier = try rank(tiedTable, #"{"a": 0.6, "b": 0.3}"#)
        #expect(heavier.territories[0].entries.map(\.product) == ["s", "q", "p", "r"])
        #expect(heavier.territories[0].entries[1].aheadOfNextBy == "a")
    }

    @Test func weightsMustMatchTheColumns() throws {
        let table = try IndicatorTable.read(path: Self.file("columns.csv", Self.table), by: "territory")
        func message(_ weights: String) -> String? {
            do {
                _ = try ProductRanking().rank(table, weights: try IndicatorWeights.parse(weights, name: "w.json"))
                return nil
            } catch {
                return "\(error)"
            }
        }
        #expect(message(#"{"a": 1}"#)?.contains("no weight for the column 'b'") == true)
        #expect(message(#"{"a": 1, "b": 1, "demand": 1}"#)?.contains("w.json: 'demand' is not an indicator column") == true)
        #expect(message(#"{"a": 1, "b": -1}"#)?.contains("'b': the weight -1 is negative; where lower is better write {\"weight\": 1, \"better\": \"lower\"}") == true)
        #expect(message(#"{"a": 1, "b": {"weight": 1, "better": "sideways"}}"#)?.contains("\"better\" is \"higher\" or \"lower\"") == true)
        #expect(message(#"{"a": 0, "b": 0}"#)?.contains("every weight is 0") == true)
        #expect(message(#"{"a": "high", "b": 1}"#)?.contains("'a': a weight is a number") == true)
        #expect(message(#"[1, 2]"#)?.contains("expected a JSON object of weights") == true)
    }

    @Test func badCellsNameTheirLineAndColumn() throws {
        func message(_ text: String, by: String = "territory") -> String {
            do {
                _ = try IndicatorTable.read(path: Self.file("bad-\(abs(text.hashValue)).csv", text), by: by)
                return ""
            } catch {
                return "\(error)"
            }
        }
        #expect(message("territory,product,a\nT1,p,1\nT1,q,\n").hasSuffix(".csv:3: column 'a': no value for T1, q; every indicator needs a number (a missing value is never read as 0)"))
        #expect(message("territory,product,a\nT1,p,1\nT1,q,lots\n").hasSuffix(".csv:3: column 'a': 'lots' is not a number"))
        #expect(message("territory,product,a\nT1,p,1\nT1,p,2\n").hasSuffix(".csv:3: T1 lists 'p' again (first on line 2); one row per territory and product"))
        #expect(message("territory,product,a\nT1,p,1\n", by: "canton").contains(".csv:1: no column 'canton' (the territory code, --by)"))
        #expect(message("territory,product\nT1,p\n").contains("no indicator columns"))
        #expect(message("territory,product,a\nT1,p,1,2\n").hasSuffix(".csv:2: the row has 4 fields but the header has 3"))
        // Semicolons and decimal commas, as Spanish-locale spreadsheets export.
        let table = try IndicatorTable.read(path: Self.file("semicolons.csv", "territory;product;a\nT1;p;\"0,5\"\nT1;q;2\n"), by: "territory")
        #expect(table.rows.map(\.values) == [[0.5], [2]])
    }

    @Test func theSampleTableRanksEveryMunicipality() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let table = try IndicatorTable.read(path: root.appendingPathComponent("geodata/ranking/products.csv").path, by: "municipality_code")
        let weights = try IndicatorWeights.read(path: root.appendingPathComponent("geodata/ranking/weights.json").path)
        #expect(table.indicators == ["demand", "future_demand", "price", "quality", "competitiveness", "volume", "value_added", "surplus_distribution"])
        #expect(abs(weights.total - 1) < 1e-12)
        let result = try ProductRanking().rank(table, weights: weights)
        #expect(result.territories.count == 15 && result.rows == 64)
        #expect(result.top(2).allSatisfy { $0.entries.count == 2 })
        // Min-max scores lie between 0 and the sum of the weights.
        #expect(result.territories.allSatisfy { $0.entries.allSatisfy { $0.score >= 0 && $0.score <= 1 } })
    }
}
