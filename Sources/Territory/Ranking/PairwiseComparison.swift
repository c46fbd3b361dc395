import Foundation
import Geo

/// Weights from comparing indicators two at a time, as a round table does
/// (the Analytic Hierarchy Process, Saaty 1980): "demand matters 3 times as
/// much as price". A JSON file, either the whole matrix
///
///     {"indicators": ["demand", "price", "volume"],
///      "matrix": [[1, 3, 5], ["1/3", 1, 3], ["1/5", "1/3", 1]]}
///
/// (row i, column j: how many times indicator i matters as much as j; a
/// fraction may be written "1/3") or one entry per pair
///
///     {"pairs": [["demand", "price", 3], ["demand", "volume", 5], ["price", "volume", 3]]}
///
/// (a bare array of pairs is read the same). Every pair is needed once,
/// in either order; the matrix must be reciprocal (a_ji = 1 / a_ij, to 1%,
/// so 0.333 stands for 1/3) with 1 on the diagonal.
///
/// The weights are the principal eigenvector of the matrix, found by power
/// iteration and scaled to sum 1; its eigenvalue λmax gives the
/// consistency index CI = (λmax - n) / (n - 1) and the consistency ratio
/// CR = CI / RI with Saaty's random index RI for n. CR above 0.1 means the
/// comparisons contradict each other more than a round table should accept
/// (A over B, B over C, C over A): the weights are still given, with a
/// warning.
public struct PairwiseComparison: Sendable {
    public let file: String
    public let indicators: [String]
    /// `matrix[i][j]`: how many times indicator i matters as much as j.
    public let matrix: [[Double]]

    public init(file: String = "<pairwise>", indicators: [String], matrix: [[Double]]) throws(ReadError) {
        self.file = file
        self.indicators = indicators
        self.matrix = matrix
        try check()
    }

    /// Saaty's random index (the mean CI of random reciprocal matrices) for
    /// n = 1...15, as tabulated by Saaty (1980) for n <= 10 and extended
    /// in the same tables for 11...15.
    public static let randomIndex: [Double] = [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59]

    public static let acceptableRatio = 0.1

    public struct Priorities: Sendable, Hashable {
        /// In `indicators` order, summing to 1.
        public let weights: [Double]
        public let lambdaMax: Double
        public let consistencyIndex: Double
        /// nil beyond 15 indicators (no random index tabulated).
        public let randomIndex: Double?
        public let consistencyRatio: Double?
        public let iterations: Int

        public var isConsistent: Bool { (consistencyRatio ?? 0) <= PairwiseComparison.acceptableRatio }
    }

    /// Power iteration from the uniform vector: v <- A v / sum(A v) until no
    /// component moves by more than 1e-13. A positive matrix has one
    /// positive principal eigenvector (Perron), to which this converges.
    public func priorities() -> Priorities {
        let n = indicators.count
        var vector = Array(repeating: 1 / Double(n), count: n)
        var iterations = 0
        var lambda = Double(n)
        while iterations < 10_000 {
            iterations += 1
            let product = (0..<n).map { i in (0..<n).reduce(0) { $0 + matrix[i][$1] * vector[$1] } }
            // With sum(v) = 1, sum(A v) = λ sum(v) = λ at the fixed point.
            lambda = product.reduce(0, +)
            let next = product.map { $0 / lambda }
            let moved = zip(next, vector).map { abs($0 - $1) }.max() ?? 0
            vector = next
            if moved < 1e-13 { break }
        }
        let ci = n > 1 ? max(0, (lambda - Double(n)) / Double(n - 1)) : 0
        let ri: Double? = n <= Self.randomIndex.count ? Self.randomIndex[n - 1] : nil
        let cr: Double? = ri.map { $0 > 0 ? ci / $0 : 0 }
        return Priorities(weights: vector, lambdaMax: lambda, consistencyIndex: ci, randomIndex: ri, consistencyRatio: cr, iterations: iterations)
    }

    private func check() throws(ReadError) {
        func fail(_ message: String) -> ReadError { ReadError(file: file, message: message) }
        let n = indicators.count
        guard n >= 1 else { throw fail("no indicators to compare") }
        if let twice = indicators.first(where: { name in indicators.filter { $0 == name }.count > 1 }) {
            throw fail("'\(twice)' is listed twice among the indicators")
        }
        guard matrix.count == n, matrix.allSatisfy({ $0.count == n }) else {
            throw fail("the matrix must be \(n) x \(n), one row and one column per indicator (\(indicators.joined(separator: ", ")))")
        }
        for i in 0..<n {
            for j in 0..<n {
                let value = matrix[i][j]
                guard value.isFinite, value > 0 else {
                    throw fail("\(indicators[i]) against \(indicators[j]): \(value) is not a positive number (1 = equal, 3 = moderately more, 9 = extremely more, 1/3 = moderately less)")
                }
                // Saaty's scale runs from 1/9 to 9; far beyond it the power iteration would overflow.
                guard value >= 1e-3, value <= 1e3 else {
                    throw fail("\(indicators[i]) against \(indicators[j]): \(String(format: "%g", value)) is outside 1/1000 to 1000; Saaty's scale runs from 1/9 to 9")
                }
                if i == j, abs(value - 1) > 1e-9 { throw fail("\(indicators[i]) against itself must be 1, not \(String(format: "%g", value))") }
                if i < j, abs(value * matrix[j][i] - 1) > 0.01 {
                    throw fail("\(indicators[i]) against \(indicators[j]) is \(String(format: "%g", value)) but \(indicators[j]) against \(indicators[i]) is \(String(format: "%g", matrix[j][i])); the second must be its reciprocal, \(String(format: "%g", 1 / value))")
                }
            }
        }
    }

    /// The indicators of `table`, each once: an indicator the file does not
    /// compare, or one that is no column, is an error.
    public func check(against table: IndicatorTable) throws(ReadError) {
        for name in indicators where !table.indicators.contains(name) {
            throw ReadError(file: file, message: "'\(name)' is not an indicator column of \(table.file); its indicator columns are \(table.indicators.joined(separator: ", "))")
        }
        for name in table.indicators where !indicators.contains(name) {
            throw ReadError(file: file, message: "the column '\(name)' of \(table.file) is not compared; compare it with the others, or leave it out with --ignore \(name)")
        }
    }
}

extension PairwiseComparison {
    public static func parse(_ data: Data, name: String) throws(ReadError) -> PairwiseComparison {
        try parse(value: JSONValue(parsingJSON: Array(data), name: name), name: name)
    }

    public static func parse(_ text: String, name: String) throws(ReadError) -> PairwiseComparison {
        try parse(value: JSONValue(parsingJSON: text, name: name), name: name)
    }

    private static func parse(value: JSONValue, name: String) throws(ReadError) -> PairwiseComparison {
        func fail(_ message: String) -> ReadError { ReadError(file: name, message: message) }
        let shape = "{\"indicators\": [...], \"matrix\": [[...]]} or {\"pairs\": [[\"demand\", \"price\", 3], ...]}"
        switch value {
        case .array(let pairs):
            return try fromPairs(pairs, name: name)
        case .object(let object):
            for key in object.keys where !["indicators", "matrix", "pairs"].contains(key) {
                throw fail("unknown member '\(key)'; expected \(shape)")
            }
            if case .array(let pairs)? = object["pairs"] {
                guard object["matrix"] == nil else { throw fail("give \"matrix\" or \"pairs\", not both") }
                return try fromPairs(pairs, name: name)
            }
            guard case .array(let names)? = object["indicators"], case .array(let rows)? = object["matrix"] else {
                throw fail("expected \(shape)")
            }
            let indicators = try names.map { (item: JSONValue) throws(ReadError) -> String in
                guard case .string(let text) = item else { throw fail("\"indicators\" holds names, found \(item.jsonText)") }
                return text
            }
            var matrix: [[Double]] = []
            for (i, row) in rows.enumerated() {
                guard case .array(let cells) = row else { throw fail("row \(i + 1) of the matrix is not an array") }
                matrix.append(try cells.enumerated().map { (j, cell) throws(ReadError) -> Double in
                    guard let number = ratio(cell) else {
                        throw fail("row \(i + 1), column \(j + 1) of the matrix: \(cell.jsonText) is not a number or a fraction such as \"1/3\"")
                    }
                    return number
                })
            }
            return try PairwiseComparison(file: name, indicators: indicators, matrix: matrix)
        default:
            throw fail("expected \(shape); found \(value.typeName)")
        }
    }

    /// Each pair `[a, b, v]`: a matters v times as much as b.
    private static func fromPairs(_ pairs: [JSONValue], name: String) throws(ReadError) -> PairwiseComparison {
        func fail(_ message: String) -> ReadError { ReadError(file: name, message: message) }
        var indicators: [String] = []
        var given: [(String, String, Double, Int)] = []
        for (index, pair) in pairs.enumerated() {
            guard case .array(let items) = pair, items.count == 3, case .string(let a) = items[0], case .string(let b) = items[1],
                  let value = ratio(items[2]) else {
                throw fail("pair \(index + 1): expected [\"demand\", \"price\", 3] (demand matters 3 times as much as price), found \(pair.jsonText)")
            }
            guard a != b else { throw fail("pair \(index + 1) compares '\(a)' with itself") }
            if let earlier = given.first(where: { ($0.0 == a && $0.1 == b) || ($0.0 == b && $0.1 == a) }) {
                throw fail("pair \(index + 1) compares \(a) and \(b) again (first in pair \(earlier.3)); each pair once")
            }
            for name in [a, b] where !indicators.contains(name) { indicators.append(name) }
            given.append((a, b, value, index + 1))
        }
        let n = indicators.count
        guard n >= 2 else { throw fail("no pairs; compare every two indicators, [\"demand\", \"price\", 3]") }
        var matrix = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for i in 0..<n { matrix[i][i] = 1 }
        for (a, b, value, _) in given {
            let i = indicators.firstIndex(of: a)!, j = indicators.firstIndex(of: b)!
            matrix[i][j] = value
            matrix[j][i] = 1 / value
        }
        var missing: [String] = []
        for i in 0..<n { for j in (i + 1)..<n where matrix[i][j] == 0 { missing.append("\(indicators[i]) and \(indicators[j])") } }
        guard missing.isEmpty else {
            throw fail("\(missing.count) pair\(missing.count == 1 ? " is" : "s are") not compared: \(missing.prefix(6).joined(separator: "; "))\(missing.count > 6 ? "; ..." : ""); \(n) indicators need \(n * (n - 1) / 2) pairs")
        }
        return try PairwiseComparison(file: name, indicators: indicators, matrix: matrix)
    }

    /// A number, or a fraction written "1/3".
    static func ratio(_ value: JSONValue) -> Double? {
        if let number = value.doubleValue { return number }
        guard case .string(let text) = value else { return nil }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let top = Double(parts[0]), let bottom = Double(parts[1]), bottom != 0 else { return Double(text) }
        return top / bottom
    }
}

extension PairwiseComparison.Priorities {
    /// λmax, CI, RI, CR (six decimals) and whether CR is at most 0.1.
    public var json: JSONObject {
        [
            "lambdaMax": .number(ProductRanking.Result.rounded(lambdaMax)),
            "consistencyIndex": .number(ProductRanking.Result.rounded(consistencyIndex)),
            "randomIndex": randomIndex.map { .number($0) } ?? .null,
            "consistencyRatio": consistencyRatio.map { .number(ProductRanking.Result.rounded($0)) } ?? .null,
            "consistent": .bool(isConsistent),
        ]
    }
}
