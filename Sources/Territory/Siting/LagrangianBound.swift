/// Subgradient ascent on a `LagrangianModel`'s multipliers (Polyak steps
/// towards the best known solution's value, the step halved when the
/// bound stalls). Returns the best bound seen, which is always valid.
struct LagrangianBound {
    var iterations: Int
    /// Iterations without improvement before the step is halved.
    var patience: Int

    struct Outcome {
        var bound: Double
        var multipliers: [Double]
        var relaxation: LagrangianRelaxation
    }

    /// Nil when no solution respects `fixing`. Stops early once the bound
    /// reaches `upper` (the node cannot hold a better solution).
    func ascend<Model: LagrangianModel>(_ model: Model, fixing: [CandidateFix], from start: [Double],
                                        upper: Double, prunes: (Double) -> Bool) -> Outcome? {
        var multipliers = start
        guard var relaxation = model.relax(multipliers, fixing: fixing) else { return nil }
        var best = Outcome(bound: relaxation.value, multipliers: multipliers, relaxation: relaxation)
        var theta = 2.0, stalled = 0
        for _ in 0..<iterations {
            if prunes(best.bound) { break }
            let norm = relaxation.subgradient.reduce(0) { $0 + $1 * $1 }
            // The relaxed constraints hold with equality: nothing left to gain.
            if norm == 0 { break }
            let target = upper.isFinite ? upper : relaxation.value + max(1, abs(relaxation.value)) * 0.1
            let step = theta * max(target - relaxation.value, 1e-9 * max(1, abs(target))) / norm
            for index in multipliers.indices {
                multipliers[index] = model.project(multipliers[index] + step * relaxation.subgradient[index], at: index)
            }
            guard let next = model.relax(multipliers, fixing: fixing) else { return nil }
            relaxation = next
            if next.value > best.bound + 1e-12 * max(1, abs(best.bound)) {
                best = Outcome(bound: next.value, multipliers: multipliers, relaxation: next)
                stalled = 0
            } else {
                stalled += 1
                if stalled >= patience {
                    theta /= 2
                    stalled = 0
                    if theta < 1e-5 { break }
                }
            }
        }
        return best
    }
}
