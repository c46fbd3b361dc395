import Foundation

/// How many improving links a pricing round may add, over all sellers.
///
/// Why: with up to 8 per seller, every seller took links each round, most
/// of them sellers no flow passes (20,000 sites: 148,636, 136,929, 118,540
/// links in rounds 1-3), and each solve redid a network that grew by as
/// much. A round keeps the links of most negative reduced cost overall, as
/// many as twice the sellers carrying flow (at least `floor`); when a round
/// finds no fewer improving links than the one before (not converging),
/// the budget doubles. The certificate does not depend on it: the rounds
/// end only when no omitted link at all is improving.
struct PricingBudget {
    /// The fewest links a round may add, and how many per seller carrying flow.
    var floor = 1_000
    var perCarryingSeller = 2
    private var grown = 1
    private var previousImproving: Int?
    /// nil: no budget (TERRITORIO_PRICING_BUDGET=off, to compare).
    private let enabled = ProcessInfo.processInfo.environment["TERRITORIO_PRICING_BUDGET"] != "off"

    /// The budget for the pricing after this solve; `lastImproving` is
    /// what the previous pricing found (0 before the first).
    mutating func next(solved: DistributionFlow.Solved, flow: DistributionFlow, lastImproving: Int) -> Int? {
        guard enabled else { return nil }
        if let previous = previousImproving, lastImproving >= previous { grown *= 2 }
        if lastImproving > 0 { previousImproving = lastImproving }
        var carrying = 0
        for layer in flow.network.layers { for site in layer where solved.through(site) > 0 { carrying += 1 } }
        let budget = max(floor, perCarryingSeller * carrying) * grown
        DistributionTrace.log("  budget: \(carrying) sellers carrying flow, x\(grown): \(budget) links")
        return budget
    }
}
