import Foundation

/// How a numeric field is cut into classes for colouring.
///
/// Every method works on the field's finite numbers in the layer (nulls
/// and text left out), sorted ascending as v(1) <= ... <= v(n), and gives
/// the upper bound of each class. A value belongs to the first class
/// whose upper bound is at least the value, so class i holds
/// (upper(i-1), upper(i)] and the first class starts at the minimum.
/// Bounds that come out equal are merged, so a field with few distinct
/// values may get fewer classes than asked.
///
/// - `equal:N`: upper(i) = min + i (max - min) / N, i = 1...N.
/// - `quantile:N`: upper(i) = v(ceil(i n / N)), the nearest-rank quantile
///   (the inverse of the empirical distribution): as near as the data
///   allows, each class holds n / N features. On 1...10 with five
///   classes the bounds are 2, 4, 6, 8, 10.
/// - `jenks:N`: Jenks natural breaks, computed exactly (Fisher 1958): the
///   split of the sorted values into N runs that minimises the sum over
///   the runs of squared deviations from the run's mean; upper(i) is the
///   largest value of run i. Dynamic programming over the distinct values
///   weighted by their counts, O(N d^2) for d distinct values; above
///   4,000 distinct values it runs on 4,000 evenly spaced order
///   statistics, each weighted by the values it stands for.
public enum ClassificationMethod: Sendable, Hashable, CustomStringConvertible {
    case quantile(Int)
    case jenks(Int)
    case equalInterval(Int)
    /// `--breaks`: ascending inner breaks b1 < ... < bk give k + 1
    /// classes, [min, b1], (b1, b2], ..., (bk, max].
    case manual([Double])

    public static let defaultClasses = 5

    /// `quantile`, `jenks`, `equal`, each optionally with `:N` (2...9; 5
    /// by default).
    public init?(parsing text: String) {
        let parts = text.lowercased().split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        var count = Self.defaultClasses
        if parts.count == 2 {
            guard let parsed = Int(parts[1]), (2...9).contains(parsed) else { return nil }
            count = parsed
        }
        switch parts[0] {
        case "quantile", "quantiles": self = .quantile(count)
        case "jenks", "natural": self = .jenks(count)
        case "equal", "equal-interval": self = .equalInterval(count)
        default: return nil
        }
    }

    public var classCount: Int {
        switch self {
        case .quantile(let count), .jenks(let count), .equalInterval(let count): count
        case .manual(let breaks): breaks.count + 1
        }
    }

    public var name: String {
        switch self {
        case .quantile: "quantile"
        case .jenks: "Jenks natural breaks"
        case .equalInterval: "equal interval"
        case .manual: "manual breaks"
        }
    }

    public var description: String {
        switch self {
        case .quantile(let count): "quantile:\(count)"
        case .jenks(let count): "jenks:\(count)"
        case .equalInterval(let count): "equal:\(count)"
        case .manual(let breaks): "breaks:" + breaks.map { String($0) }.joined(separator: ",")
        }
    }
}

/// The classes of one numeric field: their upper bounds, ascending.
public struct Classification: Sendable, Hashable {
    public let method: ClassificationMethod
    public let minimum: Double
    /// The upper bound of each class; the last is the maximum.
    public let upperBounds: [Double]
    /// The lower bound shown for each class: the minimum, then each
    /// class's predecessor's upper bound (diverging classes differ).
    public let lowerBounds: [Double]
    /// The class drawn in a diverging scheme's neutral colour: the one
    /// holding 0, when the classes run from below 0 to above it.
    public let neutralClass: Int?

    /// Nil when there is no finite value.
    public init?(values: [Double], method: ClassificationMethod) {
        let sorted = values.filter(\.isFinite).sorted()
        guard let first = sorted.first, let last = sorted.last else { return nil }
        self.method = method
        var bounds: [Double]
        switch method {
        case .equalInterval(let count):
            bounds = (1...count).map { first + Double($0) * (last - first) / Double(count) }
            bounds[count - 1] = last
        case .quantile(let count):
            bounds = (1...count).map { index in
                let rank = Int((Double(index * sorted.count) / Double(count)).rounded(.up))
                return sorted[min(max(rank, 1), sorted.count) - 1]
            }
        case .jenks(let count):
            bounds = Self.jenksBounds(sorted: sorted, classes: count)
        case .manual(let breaks):
            // Every asked class is kept, even an empty one: the reader chose them.
            minimum = min(first, breaks.first ?? first)
            upperBounds = breaks + [max(last, breaks.last ?? last)]
            lowerBounds = [minimum] + breaks
            neutralClass = Self.neutral(upperBounds: upperBounds, minimum: minimum)
            return
        }
        var merged: [Double] = []
        for bound in bounds where merged.last.map({ bound > $0 }) ?? true { merged.append(bound) }
        minimum = first
        upperBounds = merged
        lowerBounds = [first] + merged.dropLast()
        neutralClass = Self.neutral(upperBounds: merged, minimum: first)
    }

    /// Classes for a signed field (values below and above 0) to colour
    /// with a diverging scheme: the negative values cut by `method` into
    /// half its classes (at least one), a class for exactly 0, and the
    /// positive values cut the same way. Nil unless some value is below 0
    /// and some above.
    public init?(diverging values: [Double], method: ClassificationMethod) {
        let finite = values.filter(\.isFinite)
        let negative = finite.filter { $0 < 0 }, positive = finite.filter { $0 > 0 }
        let side: ClassificationMethod
        switch method {
        case .quantile(let count): side = .quantile(max(1, count / 2))
        case .jenks(let count): side = .jenks(max(1, count / 2))
        case .equalInterval(let count): side = .equalInterval(max(1, count / 2))
        case .manual: return nil
        }
        guard let below = Classification(values: negative, method: side),
              let above = Classification(values: positive, method: side) else { return nil }
        self.method = method
        minimum = below.minimum
        upperBounds = below.upperBounds + [0] + above.upperBounds
        lowerBounds = below.lowerBounds + [0, above.minimum] + above.lowerBounds.dropFirst()
        neutralClass = below.count
    }

    /// The class that holds 0 when the classes run from below 0 to above it.
    static func neutral(upperBounds: [Double], minimum: Double) -> Int? {
        guard minimum < 0, let last = upperBounds.last, last > 0 else { return nil }
        return upperBounds.firstIndex { 0 <= $0 }
    }

    /// Whether some value is below 0 and some above: a surplus, balance or delta.
    public static func isSigned(_ values: [Double]) -> Bool {
        values.contains { $0 < 0 && $0.isFinite } && values.contains { $0 > 0 && $0.isFinite }
    }

    public var count: Int { upperBounds.count }

    /// The class of `value`, 0-based; nil for a value that is not finite.
    public func classIndex(of value: Double) -> Int? {
        guard value.isFinite else { return nil }
        for (index, bound) in upperBounds.enumerated() where value <= bound { return index }
        return upperBounds.count - 1
    }

    /// The lower and upper bound shown for class `index`.
    public func range(of index: Int) -> (lower: Double, upper: Double) {
        (lowerBounds[index], upperBounds[index])
    }

    // MARK: Jenks

    static let jenksLimit = 4000

    /// Fisher's exact optimal partition of sorted values into contiguous
    /// runs, by dynamic programming on (distinct value, weight) pairs.
    static func jenksBounds(sorted: [Double], classes: Int) -> [Double] {
        var values: [Double] = []
        var weights: [Double] = []
        for value in sorted {
            if values.last == value { weights[weights.count - 1] += 1 } else { values.append(value); weights.append(1) }
        }
        if values.count > jenksLimit {
            // Order statistics at evenly spaced ranks, each weighted by the
            // number of values between it and the previous one.
            var sampled: [Double] = [], sampledWeights: [Double] = []
            var previousRank = -1
            for index in 0..<jenksLimit {
                let rank = Int((Double(index + 1) * Double(sorted.count) / Double(jenksLimit)).rounded(.up)) - 1
                let value = sorted[rank]
                let weight = Double(rank - previousRank)
                previousRank = rank
                if sampled.last == value { sampledWeights[sampledWeights.count - 1] += weight } else {
                    sampled.append(value); sampledWeights.append(weight)
                }
            }
            values = sampled
            weights = sampledWeights
        }
        let n = values.count
        let k = min(classes, n)
        if k == n { return values }
        // Prefix sums of w, w x and w x^2: the squared deviation of any run in O(1).
        var w = [Double](repeating: 0, count: n + 1), s = w, s2 = w
        for index in 0..<n {
            w[index + 1] = w[index] + weights[index]
            s[index + 1] = s[index] + weights[index] * values[index]
            s2[index + 1] = s2[index] + weights[index] * values[index] * values[index]
        }
        func deviation(_ from: Int, _ to: Int) -> Double {  // values[from..<to]
            let weight = w[to] - w[from], sum = s[to] - s[from]
            return max(0, (s2[to] - s2[from]) - sum * sum / weight)
        }
        // cost[j][i]: the best split of values[0..<i] into j + 1 runs;
        // start[j][i]: where the last of those runs begins.
        var cost = [[Double]](repeating: [Double](repeating: .infinity, count: n + 1), count: k)
        var start = [[Int]](repeating: [Int](repeating: 0, count: n + 1), count: k)
        for end in 1...n { cost[0][end] = deviation(0, end) }
        if k > 1 {
            for run in 1..<k {
                for end in (run + 1)...n {
                    var best = Double.infinity, bestStart = run
                    for begin in run..<end {
                        let candidate = cost[run - 1][begin] + deviation(begin, end)
                        if candidate < best { best = candidate; bestStart = begin }
                    }
                    cost[run][end] = best
                    start[run][end] = bestStart
                }
            }
        }
        var bounds = [Double](repeating: 0, count: k)
        var end = n
        for run in stride(from: k - 1, through: 0, by: -1) {
            bounds[run] = values[end - 1]
            end = run > 0 ? start[run][end] : 0
        }
        return bounds
    }
}
