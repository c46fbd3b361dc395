/// A siting model as branch and bound over Lagrangian relaxation sees
/// it: every method is written as a minimisation over which candidates
/// are open (MCLP minimises the weight left uncovered), with some
/// constraints moved into the objective with multipliers. Any
/// multipliers give a valid lower bound (weak duality); the subgradient
/// ascent in `LagrangianBound` only makes it tighter.
protocol LagrangianModel {
    var candidateCount: Int { get }
    /// Whether the objective takes integer values only (LSCP): a bound
    /// of 2.1 then proves 3.
    var integral: Bool { get }
    /// The objective of a set of open candidates (existing ones included);
    /// `.infinity` when the set is not a solution.
    func value(open: [Bool]) -> Double
    /// The relaxation's optimum for these multipliers under `fixing`; nil
    /// when no solution respects the fixing.
    func relax(_ multipliers: [Double], fixing: [CandidateFix]) -> LagrangianRelaxation?
    /// Multipliers kept in their domain (>= 0, and <= a weight for MCLP).
    func project(_ multiplier: Double, at index: Int) -> Double
    func initialMultipliers() -> [Double]
    /// A first solution (greedy) respecting `fixing`.
    func greedy(fixing: [CandidateFix]) -> [Bool]?
    /// Local search from `open` (vertex substitution, swaps), candidates
    /// fixed by `fixing` left as they are.
    func improve(_ open: [Bool], fixing: [CandidateFix]) -> [Bool]
}

/// A candidate's state in a branch-and-bound node.
enum CandidateFix: UInt8, Sendable {
    case free, open, closed
}

struct LagrangianRelaxation {
    /// The Lagrangian function's value: a lower bound of the node's optimum.
    var value: Double
    /// d value / d multiplier: the ascent direction.
    var subgradient: [Double]
    /// The relaxation's open candidates.
    var open: [Bool]
    /// How much the relaxation wants each candidate (lower is more), for branching.
    var preference: [Double]
}
