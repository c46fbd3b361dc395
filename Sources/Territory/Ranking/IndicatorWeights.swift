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
///
/// An object may also say where the indicator is normalised (`"within":
/// "product"`, "territory" or "all", over `--normalise-within`) and which
/// rows are eligible (`"minimum": 100`, `"maximum": 1.2`: a row outside
/// either is left out before normalising). Where the weights come from the
/// table (`equalWeights`) or from pairwise comparisons (`PairwiseComparison`),
/// the file gives only these settings: `parse(..., weightsGivenElsewhere:
/// true)` refuses a weight in it and lets it name only some indicators.
public struct IndicatorWeights: Sendable, Hashable {
    public struct Weight: Sendable, Hashable {
        public let indicator: String
        public let weight: Double
        public let lowerIsBetter: Bool
        /// Where this indicator is normalised; nil: the ranking's default.
        public let within: NormalisationScope?
        /// Rows below `minimum` or above `maximum` are not eligible.
        public let minimum: Double?
        public let maximum: Double?

        public init(indicator: String, weight: Double, lowerIsBetter: Bool = false, within: NormalisationScope? = nil,
                    minimum: Double? = nil, maximum: Double? = nil) {
            self.indicator = indicator
            self.weight = weight
            self.lowerIsBetter = lowerIsBetter
            self.within = within
            self.minimum = minimum
            self.maximum = maximum
        }

        /// The same settings with another weight.
        public func with(weight: Double) -> Weight {
            Weight(indicator: indicator, weight: weight, lowerIsBetter: lowerIsBetter, within: within, minimum: minimum, maximum: maximum)
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
    public static func parse(_ data: Data, name: String, weightsGivenElsewhere: Bool = false) throws(ReadError) -> IndicatorWeights {
        try parse(value: JSONValue(parsingJSON: Array(data), name: name), name: name, weightsGivenElsewhere: weightsGivenElsewhere)
    }

    public static func parse(_ text: String, name: String, weightsGivenElsewhere: Bool = false) throws(ReadError) -> IndicatorWeights {
        try parse(value: JSONValue(parsingJSON: text, name: name), name: name, weightsGivenElsewhere: weightsGivenElsewhere)
    }

    static let members = ["weight", "better", "within", "minimum", "maximum"]

    private static func parse(value: JSONValue, name: String, weightsGivenElsewhere: Bool) throws(ReadError) -> IndicatorWeights {
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
            var within: NormalisationScope?
            var minimum: Double?, maximum: Double?
            switch member.value {
            case .number(let number):
                weight = number.value
            case .object(let entry):
                for inner in entry.keys where !members.contains(inner) {
                    throw fail("'\(key)': unknown member '\(inner)'; an indicator takes \(members.map { "\"\($0)\"" }.joined(separator: ", "))")
                }
                if let given = entry["weight"] {
                    weight = given.doubleValue
                    guard weight != nil else { throw fail("'\(key)': \"weight\" must be a number") }
                } else if !weightsGivenElsewhere {
                    throw fail("'\(key)': no \"weight\"; give one (0 leaves the indicator out of the score), or take weights from --equal-weights or --pairwise")
                }
                switch entry["better"] {
                case nil, .string("higher")?: lowerIsBetter = false
                case .string("lower")?: lowerIsBetter = true
                case let other?: throw fail("'\(key)': \"better\" is \"higher\" or \"lower\", not \(other.jsonText)")
                }
                switch entry["within"] {
                case nil: within = nil
                case .string(let text)? where NormalisationScope(rawValue: text) != nil: within = NormalisationScope(rawValue: text)
                case let other?: throw fail("'\(key)': \"within\" is \"product\", \"territory\" or \"all\", not \(other.jsonText)")
                }
                for label in ["minimum", "maximum"] {
                    guard let given = entry[label] else { continue }
                    guard let number = given.doubleValue, number.isFinite else { throw fail("'\(key)': \"\(label)\" must be a finite number, not \(given.jsonText)") }
                    if label == "minimum" { minimum = number } else { maximum = number }
                }
                if let minimum, let maximum, minimum > maximum {
                    throw fail("'\(key)': the minimum \(String(format: "%g", minimum)) is above the maximum \(String(format: "%g", maximum)); no row could be eligible")
                }
            default:
                throw fail("'\(key)': a weight is a number or {\"weight\": 0.1, \"better\": \"lower\"}; found \(member.value.typeName)")
            }
            if weightsGivenElsewhere {
                guard weight == nil else {
                    throw fail("'\(key)': the weights come from --equal-weights or --pairwise; leave \"weight\" out of this file (it still gives \"better\", \"within\", \"minimum\" and \"maximum\")")
                }
                weight = 0
            }
            guard let weight, weight.isFinite else { throw fail("'\(key)': the weight is not a finite number") }
            guard weight >= 0 else {
                throw fail("'\(key)': the weight \(String(format: "%g", weight)) is negative; where lower is better write {\"weight\": \(String(format: "%g", -weight)), \"better\": \"lower\"}")
            }
            weights.append(Weight(indicator: key, weight: weight, lowerIsBetter: lowerIsBetter, within: within, minimum: minimum, maximum: maximum))
        }
        if !weightsGivenElsewhere {
            guard !weights.isEmpty else { throw fail("no weights; name every indicator column with its weight") }
            guard weights.contains(where: { $0.weight > 0 }) else { throw fail("every weight is 0; nothing would be scored") }
        }
        return IndicatorWeights(file: name, weights: weights)
    }

    /// Every indicator of `table` weighted 1/n, with the settings (direction,
    /// scope, bounds) `settings` gives for some of them; a name in
    /// `settings` that is no indicator column is an error.
    public static func equalWeights(for table: IndicatorTable, settings: IndicatorWeights? = nil) throws(ReadError) -> IndicatorWeights {
        let share = 1 / Double(table.indicators.count)
        return try IndicatorWeights.from(Dictionary(uniqueKeysWithValues: table.indicators.map { ($0, share) }),
                                         table: table, settings: settings, file: "--equal-weights")
    }

    /// Weights by indicator (every indicator of `table`), with the settings
    /// of `settings`.
    public static func from(_ values: [String: Double], table: IndicatorTable, settings: IndicatorWeights?, file: String) throws(ReadError) -> IndicatorWeights {
        if let settings {
            for weight in settings.weights where !table.indicators.contains(weight.indicator) {
                throw ReadError(file: settings.file, message: "'\(weight.indicator)' is not an indicator column of \(table.file); its indicator columns are \(table.indicators.joined(separator: ", "))")
            }
        }
        let weights = table.indicators.map { indicator in
            let setting = settings?.weights.first { $0.indicator == indicator } ?? Weight(indicator: indicator, weight: 0)
            return setting.with(weight: values[indicator] ?? 0)
        }
        return IndicatorWeights(file: file, weights: weights)
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
