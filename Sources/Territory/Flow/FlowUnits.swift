import Foundation

/// The min-cost flow solvers count in whole units (kilograms, or a unit's
/// thousandths) and whole costs (100 m, or tenths of a minute) in Int64.
/// Amounts and costs from data pass through here, checked: a capacity of
/// 1e16 t/month is 1e19 kg, past Int64, and once trapped `distribute`.
public enum FlowUnits {
    /// The largest supply, demand or capacity in units: 2^50, about 1.1e12
    /// tonnes at 1000 units a tonne, a thousand times the world's monthly
    /// milk. Far enough under Int64.max that the solvers' sums of amounts
    /// (at most `totalLimit`) never overflow.
    public static let limit: Int64 = 1 << 50
    /// The largest total of supplies or of demands: 2^53.
    public static let totalLimit: Int64 = 1 << 53
    /// The largest cost of one link: 2^31 units (214,000,000 km in 100 m,
    /// 6,800 years in tenths of a minute); a penalty of it times a
    /// million nodes still fits Int64.
    public static let costLimit: Int64 = 1 << 31

    /// `amount × scale` rounded, or nil when it is not finite, negative or
    /// above `limit`.
    public static func units(_ amount: Double, scale: Double, rounding: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> Int64? {
        let scaled = (amount * scale).rounded(rounding)
        guard scaled.isFinite, scaled >= 0, scaled <= Double(limit) else { return nil }
        return Int64(scaled)
    }

    /// A link's cost, or nil when it is not finite, negative or above `costLimit`.
    public static func cost(_ value: Double) -> Int64? {
        guard value.isFinite, value >= 0, value <= Double(costLimit) else { return nil }
        return Int64(value)
    }

    /// The largest amount (in the caller's unit) that `units` accepts.
    public static func largest(scale: Double) -> Double {
        Double(limit) / scale
    }

    /// Σ flow × cost, held at Int64.max rather than overflowing: the total
    /// is reported, never used to route.
    public static func totalCost(flow: [Int64], cost: [Int64]) -> Int64 {
        var total: Int64 = 0
        for (amount, unit) in zip(flow, cost) {
            let (product, overflow) = amount.multipliedReportingOverflow(by: unit)
            let (sum, overflowed) = total.addingReportingOverflow(product)
            if overflow || overflowed { return Int64.max }
            total = sum
        }
        return total
    }

    /// An amount for a message: "1e+16" as "1e16", whole numbers without ".0".
    public static func describe(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(format: "%.0f", value) }
        return String(format: "%.3g", value).replacingOccurrences(of: "e+", with: "e")
    }
}
