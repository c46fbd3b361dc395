import Foundation
import Testing
@testable import Geo
@testable import Territory

/// AHP weights against the literature and numpy.
@Suite struct PairwiseComparisonTests {
    func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool { abs(a - b) <= tolerance }

    /// Saaty's three-criterion example (1, 3, 5 / 1/3, 1, 3 / 1/5, 1/3, 1),
    /// found in most AHP texts with the priorities 0.637, 0.258, 0.105,
    /// λmax 3.039 and CR 0.033. numpy (2.4, `numpy.linalg.eig`, the
    /// eigenvector of the largest eigenvalue scaled to sum 1) gives
    /// 0.63698557, 0.25828499, 0.10472943, λmax 3.0385110905581745,
    /// CI 0.019255545279087, CR 0.033199215998426.
    @Test func saatysThreeByThreeExample() throws {
        let matrix = try PairwiseComparison.parse(#"{"indicators": ["demand", "price", "volume"], "matrix": [[1, 3, 5], ["1/3", 1, 3], ["1/5", "1/3", 1]]}"#, name: "ahp.json")
        let priorities = matrix.priorities()
        #expect(priorities.weights.map { ($0 * 1000).rounded() / 1000 } == [0.637, 0.258, 0.105])
        #expect(close(priorities.weights[0], 0.63698557, 1e-8))
        #expect(close(priorities.weights[1], 0.25828499, 1e-8))
        #expect(close(priorities.weights[2], 0.10472943, 1e-8))
        #expect(close(priorities.lambdaMax, 3.0385110905581745))
        #expect(close(priorities.consistencyIndex, 0.019255545279087))
        #expect(priorities.randomIndex == 0.58)
        #expect(close(priorities.consistencyRatio!, 0.033199215998426))
        #expect(priorities.isConsistent)
    }

    @Test func pairsGiveTheSameMatrix() throws {
        let pairs = try PairwiseComparison.parse(#"{"pairs": [["demand", "price", 3], ["volume", "demand", "1/5"], ["price", "volume", 3]]}"#, name: "pairs.json")
        #expect(pairs.indicators == ["demand", "price", "volume"])
        let weights = pairs.priorities().weights
        #expect(close(weights[0], 0.63698557, 1e-8) && close(weights[2], 0.10472943, 1e-8))
        let bare = try PairwiseComparison.parse(#"[["demand", "price", 3], ["demand", "volume", 5], ["price", "volume", 3]]"#, name: "bare.json")
        #expect(bare.matrix == pairs.matrix)
    }

    /// A over B by 9, B over C by 9, C over A by 9: a cycle. numpy gives
    /// equal weights, λmax 10.111111, CI 3.555556, CR 6.130268.
    @Test func aCycleIsFlaggedInconsistent() throws {
        let cycle = try PairwiseComparison.parse(#"[["a", "b", 9], ["b", "c", 9], ["c", "a", 9]]"#, name: "cycle.json").priorities()
        #expect(cycle.weights.allSatisfy { close($0, 1.0 / 3, 1e-9) })
        #expect(close(cycle.lambdaMax, 10.111111111111, 1e-9))
        #expect(close(cycle.consistencyRatio!, 6.130268199233712, 1e-9))
        #expect(!cycle.isConsistent)
    }

    @Test func aConsistentMatrixHasRatioZero() throws {
        // a = 2b = 4c exactly: weights 4/7, 2/7, 1/7 and λmax 3.
        let exact = try PairwiseComparison.parse(#"[["a", "b", 2], ["a", "c", 4], ["b", "c", 2]]"#, name: "exact.json").priorities()
        #expect(close(exact.weights[0], 4.0 / 7) && close(exact.weights[1], 2.0 / 7) && close(exact.weights[2], 1.0 / 7))
        #expect(close(exact.consistencyRatio!, 0, 1e-12))
    }

    @Test func badComparisonsAreRefused() throws {
        func message(_ text: String) -> String {
            do { _ = try PairwiseComparison.parse(text, name: "p.json"); return "" } catch { return error.message }
        }
        #expect(message(#"[["a", "b", 2], ["a", "c", 4]]"#) == "1 pair is not compared: b and c; 3 indicators need 3 pairs")
        #expect(message(#"[["a", "b", 2], ["b", "a", 4]]"#).hasPrefix("pair 2 compares b and a again"))
        #expect(message(#"{"indicators": ["a", "b"], "matrix": [[1, 3], [3, 1]]}"#).contains("must be its reciprocal, 0.333333"))
        #expect(message(#"{"indicators": ["a", "b"], "matrix": [[1, -3], ["-1/3", 1]]}"#).contains("is not a positive number"))
        #expect(message(#"{"indicators": ["a", "b"], "matrix": [[1, 3]]}"#).contains("must be 2 x 2"))
    }

    @Test func theComparisonMustCoverTheTable() throws {
        let csv = try CSVTable.parse(bytes: Array("territory,product,a,b,c\nT1,p,1,2,3\n".utf8), name: "t.csv")
        let table = try IndicatorTable(table: csv, file: "t.csv", by: "territory")
        let two = try PairwiseComparison.parse(#"[["a", "b", 2]]"#, name: "p.json")
        #expect(throws: ReadError.self) { try two.check(against: table) }
        let stray = try PairwiseComparison.parse(#"[["a", "b", 2], ["a", "d", 1], ["b", "d", 1], ["a", "c", 1], ["b", "c", 1], ["c", "d", 1]]"#, name: "p.json")
        #expect(throws: ReadError.self) { try stray.check(against: table) }
    }
}
