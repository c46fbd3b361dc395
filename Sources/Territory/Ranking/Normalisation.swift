/// How an indicator's values are put on one scale before weighting, over
/// every row of the table (all territories together, so a score means the
/// same in each territory).
///
/// - `minMax`: (x - min) / (max - min), from 0 (the lowest) to 1 (the highest);
/// - `zScore`: (x - mean) / sd, the population standard deviation (divided by n).
///
/// A constant column carries no information: every row scores 0 on it,
/// under either rule.
public enum Normalisation: String, Sendable, CaseIterable {
    case minMax = "minmax"
    case zScore = "zscore"

    public var label: String {
        switch self {
        case .minMax: "min-max ((x - min) / (max - min), 0 to 1)"
        case .zScore: "z-score ((x - mean) / population sd)"
        }
    }

    /// The normalised values, in the input's order.
    public func normalise(_ values: [Double]) -> [Double] {
        let summary = IndicatorSummary(values)
        if summary.isConstant { return Array(repeating: 0, count: values.count) }
        switch self {
        case .minMax:
            let range = summary.max - summary.min
            return values.map { ($0 - summary.min) / range }
        case .zScore:
            return values.map { ($0 - summary.mean) / summary.sd }
        }
    }
}

/// Minimum, maximum, mean and population standard deviation of a column.
public struct IndicatorSummary: Sendable, Hashable {
    public let min: Double
    public let max: Double
    public let mean: Double
    public let sd: Double

    public init(_ values: [Double]) {
        guard !values.isEmpty else {
            (min, max, mean, sd) = (0, 0, 0, 0)
            return
        }
        min = values.min()!
        max = values.max()!
        let mean = values.reduce(0, +) / Double(values.count)
        self.mean = mean
        sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
    }

    /// Every value the same (to rounding): the column scores 0 throughout.
    public var isConstant: Bool {
        max - min <= 1e-12 * Swift.max(1, abs(max), abs(min)) || sd == 0
    }
}
