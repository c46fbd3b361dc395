import Foundation
import Geo

/// How a site's (or a season's) annual capacity is spread over the year:
/// twelve shares, January first, each 0 or more, summing to 1 (within
/// 1e-6). A site's `capacity` field is its average month, so its annual
/// capacity is twelve times it, and month m gives `12 × capacity ×
/// share[m]`: a flat profile (1/12 each month) leaves it as it is.
public struct SeasonProfile: Sendable, Hashable {
    public let shares: [Double]

    /// The same capacity every month.
    public static let flat = SeasonProfile(checked: Array(repeating: 1.0 / 12, count: 12))

    private init(checked shares: [Double]) { self.shares = shares }

    /// Twelve shares, or the reason they are not a profile (said by the
    /// caller with the file and feature).
    public static func make(_ shares: [Double]) -> Result<SeasonProfile, SeasonProfileError> {
        guard shares.count == 12 else { return .failure(.count(shares.count)) }
        if let bad = shares.firstIndex(where: { !($0 >= 0 && $0.isFinite) }) {
            return .failure(.negative(month: bad + 1, value: shares[bad]))
        }
        let sum = shares.reduce(0, +)
        guard abs(sum - 1) <= 1e-6 else { return .failure(.sum(sum)) }
        return .success(SeasonProfile(checked: shares))
    }

    /// Twelve numbers separated by commas, semicolons or spaces
    /// (`"0.05,0.05,..."`); nil when a piece is not a number.
    public static func numbers(in text: String) -> [Double]? {
        let pieces = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " || $0 == "\t" })
        let numbers = pieces.compactMap { Double($0) }
        return numbers.count == pieces.count && !pieces.isEmpty ? numbers : nil
    }

    /// Share of the year in `month`.
    public func share(_ month: Month) -> Double { shares[month.index] }

    /// The month's capacity of a site whose average month is `capacity`.
    public func capacity(_ capacity: Double, in month: Month) -> Double { 12 * capacity * share(month) }
}

/// What is wrong with twelve shares.
public enum SeasonProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    case count(Int)
    case negative(month: Int, value: Double)
    case sum(Double)

    public var description: String {
        switch self {
        case .count(let count): "a season profile has 12 shares (January to December), not \(count)"
        case .negative(let month, let value): "the share of month \(month) is \(value); shares are numbers of 0 or more"
        case .sum(let sum): "the 12 shares sum to \(sum), not 1; give each month's share of the annual capacity"
        }
    }
}
