import Foundation
import Geo

/// How much each indicator counts, from a JSON object naming every
/// indicator column of the table:
///
///     {"demand": 0.2, "future_demand": 0.15, "price": 0.1,
///      "competitiveness": {"weight": 0.15, "better": "lower"}, ...}
///
/// A number is the weight of an indicator where higher is better. Where
/// lower is better (a unit cost, a distance) write an object with
/// `"better": "lower"`: the normalised value is then flipped (1 - x for
/// min-max, -x for z-score) so that the best row still scores highest.
/// Weights are 0 or more (0 leaves the indicator out of the score); they
/// are used as given, not rescaled to sum 1. Negative weights are refused:
/// the direction says what a negative weight would.
public struct IndicatorWeights: Sendable, Hashable {
    public struct Weight: Sendable, Hashable {
        public let indicator: String
        public let weight: Double
        public let lowerIsBetter: Bool

        public init(indicator: String, weight: Double, lowerIsBetter: Bool = false) {
            self.indicator = indicator
            self.weight = weight
            self.lowerIsBetter = lowerIsBetter
        }
    }

    public let file: String
    /// In the file's order.
    public let weights: [Weight]

    public init(file: String = "<weights>", weights: [Weight]) {
        self.file = file
        self.weights = weights
    }

    /// Checks a weights file's bytes with the project's JSON reader; `name`
    /// is the file in messages (a syntax error gives its line and column).
    /// (The CLI reads the file: `SpecFiles`.)
    public static func parse(_ data: Data, name: String) throws(ReadError) -> IndicatorWeights {
        try parse(value: JSONValue(parsingJSON: Array(data), name: name), name: name)
    }

    public static func parse(_ text: String, name: String) throws(ReadError) -> IndicatorWeights {
        try parse(value: JSONValue(parsingJSON: text, name: name), name: name)
    }

    private static func parse(value: JSONValue, name: String) throws(ReadError) -> IndicatorWeights {
        func fail(_ message: String) -> ReadError { ReadError(file: name, message: message) }
        guard case .object(let object) = value else {
            throw fail("expected a JSON object of weights, {\"demand\": 0.2, ...}; found \(value.typeName)")
        }
        var weights: [Weight] = []
        for member in object.members {
            let key = member.key
            if weights.contains(where: { $0.indicator == key }) { throw fail("'\(key)' is weighted twice") }
            var weight: Double?
            var lowerIsBetter = false
            switch member.value {
            case .number(let number):
                weight = number.value
            case .object(let entry):
                for inner in entry.keys where inner != "weight" && inner != "better" {
                    throw fail("'\(key)': unknown member '\(inner)'; an indicator takes \"weight\" and \"better\"")
                }
                weight = entry["weight"]?.doubleValue
                guard weight != nil else { throw fail("'\(key)': \"weight\" must be a number") }
                switch entry["better"] {
                case nil, .string("higher")?: lowerIsBetter = false
                case .string("lower")?: lowerIsBetter = true
                case let other?: throw fail("'\(key)': \"better\" is \"higher\" or \"lower\", not \(other.jsonText)")
                }
            default:
                throw fail("'\(key)': a weight is a number or {\"weight\": 0.1, \"better\": \"lower\"}; found \(member.value.typeName)")
            }
            guard let weight, weight.isFinite else { throw fail("'\(key)': the weight is not a finite number") }
            guard weight >= 0 else {
                throw fail("'\(key)': the weight \(String(format: "%g", weight)) is negative; where lower is better write {\"weight\": \(String(format: "%g", -weight)), \"better\": \"lower\"}")
            }
            weights.append(Weight(indicator: key, weight: weight, lowerIsBetter: lowerIsBetter))
        }
        guard !weights.isEmpty else { throw fail("no weights; name every indicator column with its weight") }
        guard weights.contains(where: { $0.weight > 0 }) else { throw fail("every weight is 0; nothing would be scored") }
        return IndicatorWeights(file: name, weights: weights)
    }

    /// The weights in the order of `table`'s indicator columns; an error
    /// names a column without a weight, or a weight without a column.
    public func matched(to table: IndicatorTable) throws(ReadError) -> [Weight] {
        for weight in weights where !table.indicators.contains(weight.indicator) {
            throw ReadError(file: file, message: "'\(weight.indicator)' is not an indicator column of \(table.file); its indicator columns are \(table.indicators.joined(separator: ", "))")
        }
        var matched: [Weight] = []
        for indicator in table.indicators {
            guard let weight = weights.first(where: { $0.indicator == indicator }) else {
                throw ReadError(file: file, message: "no weight for the column '\(indicator)' of \(table.file); give it one (0 leaves it out of the score) or leave the column out with --ignore \(indicator)")
            }
            matched.append(weight)
        }
        return matched
    }

    public var total: Double { weights.reduce(0) { $0 + $1.weight } }
}
