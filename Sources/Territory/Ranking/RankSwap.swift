/// The smallest change of one weight that lets a territory's third product
/// overtake its first, solved exactly.
///
/// With the normalised values fixed, the score difference of the two is
/// D(w) = sum_i w_i (a_i - b_i), linear in each weight; rescaling the
/// weights to any total divides D by that total and so does not move
/// where D crosses 0. Changing only weight k to x, D = 0 at
/// x* = w_k - D(w) / (a_k - b_k): the weight at which the two tie (just
/// past it, the third is ahead). A weight cannot go below 0, so an
/// indicator whose x* would be negative cannot do it alone; the smallest
/// |x* - w_k| over the rest is the answer.
public struct RankSwap: Sendable, Hashable {
    public let first: String
    public let third: String
    public let indicator: String
    public let from: Double
    /// The weight at which the two tie.
    public let to: Double
    /// `to` as a share of the weights' total once it is changed.
    public let shareAfter: Double

    public var change: Double { to - from }

    /// nil when the territory has fewer than three products or no single
    /// weight can swap them (the first is ahead on every indicator that
    /// counts).
    static func solve(first a: Int, third b: Int, normalised: NormalisedIndicators, weights: [Double],
                      names: [String], products: (String, String)) -> RankSwap? {
        let total = weights.reduce(0, +)
        let deltas = weights.indices.map { normalised.values[$0][a] - normalised.values[$0][b] }
        let gap = zip(weights, deltas).reduce(0) { $0 + $1.0 * $1.1 }
        var best: RankSwap?
        for k in weights.indices where abs(deltas[k]) > 1e-12 {
            let target = weights[k] - gap / deltas[k]
            guard target >= 0, target.isFinite else { continue }
            let candidate = RankSwap(first: products.0, third: products.1, indicator: names[k], from: weights[k], to: target,
                                     shareAfter: target / (total - weights[k] + target))
            if best == nil || abs(candidate.change) < abs(best!.change) { best = candidate }
        }
        return best
    }
}
