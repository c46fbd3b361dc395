/// MCLP: open `p` new candidates (existing ones stay open) so that the
/// weight of the demand within the radius of an open facility is greatest.
/// Written as a minimisation of the weight left uncovered.
///
/// Lagrangian relaxation of "a unit is covered only if a candidate within
/// reach is open" (multiplier 0 <= μ_i <= w_i):
/// L(μ) = Σ w_i + Σ min(0, μ_i - w_i) - Σ_{j open} Σ_{i reached by j} μ_i,
/// the relaxation opening the p free candidates of greatest reach in μ.
/// Greedy plus pairwise swaps give the solutions.
struct MaximalCovering: LagrangianModel {
    let sets: CoverageSets
    let weights: [Double]
    let p: Int
    let existing: Set<Int>
    let total: Double

    init(_ problem: SitingProblem, p: Int, radius: Double) {
        sets = CoverageSets(problem, radius: radius)
        weights = problem.weights
        self.p = p
        existing = problem.existing
        total = problem.weights.reduce(0, +)
    }

    var candidateCount: Int { sets.byCandidate.count }
    var integral: Bool { false }

    func value(open: [Bool]) -> Double {
        var uncovered = 0.0
        for (i, candidates) in sets.byDemand.enumerated() where !candidates.contains(where: { open[$0] }) {
            uncovered += weights[i]
        }
        return uncovered
    }

    func relax(_ multipliers: [Double], fixing: [CandidateFix]) -> LagrangianRelaxation? {
        let reach = sets.byCandidate.map { units in units.reduce(0) { $0 + multipliers[$1] } }
        guard let open = CardinalityChoice.choose(p, fixing: fixing, existing: existing, score: reach.map { -$0 }) else { return nil }
        var value = total
        var subgradient = [Double](repeating: 0, count: weights.count)
        for i in weights.indices where multipliers[i] < weights[i] {
            value += multipliers[i] - weights[i]
            subgradient[i] = 1
        }
        for j in open.indices where open[j] {
            value -= reach[j]
            for i in sets.byCandidate[j] { subgradient[i] -= 1 }
        }
        return LagrangianRelaxation(value: value, subgradient: subgradient, open: open, preference: reach.map { -$0 })
    }

    func project(_ multiplier: Double, at index: Int) -> Double { min(weights[index], max(0, multiplier)) }

    func initialMultipliers() -> [Double] { weights.map { $0 / 2 } }

    func greedy(fixing: [CandidateFix]) -> [Bool]? {
        var open = fixing.map { $0 == .open }
        var remaining = p - fixing.indices.filter { fixing[$0] == .open && !existing.contains($0) }.count
        var covered = sets.counts(open).map { $0 > 0 }
        while remaining > 0 {
            var best: (j: Int, gain: Double)?
            for j in fixing.indices where fixing[j] == .free && !open[j] {
                let gain = sets.byCandidate[j].reduce(0) { $0 + (covered[$1] ? 0 : weights[$1]) }
                if best == nil || gain > best!.gain { best = (j, gain) }
            }
            guard let best else { return nil }
            open[best.j] = true
            for i in sets.byCandidate[best.j] { covered[i] = true }
            remaining -= 1
        }
        return open
    }

    /// Swap an open free candidate for a closed free one while the best
    /// swap covers more.
    func improve(_ start: [Bool], fixing: [CandidateFix]) -> [Bool] {
        var open = start
        while true {
            let counts = sets.counts(open)
            var best: (out: Int, in: Int, gain: Double)?
            let outs = open.indices.filter { open[$0] && fixing[$0] == .free }
            let ins = open.indices.filter { !open[$0] && fixing[$0] == .free }
            for out in outs {
                // Units only `out` covers are lost unless `into` reaches them.
                let lostUnits = sets.byCandidate[out].filter { counts[$0] == 1 }
                let lost = Set(lostUnits)
                let loss = lostUnits.reduce(0) { $0 + weights[$1] }
                for into in ins {
                    var gain = -loss
                    for i in sets.byCandidate[into] where counts[i] == 0 || lost.contains(i) { gain += weights[i] }
                    if gain > (best?.gain ?? 1e-12 * max(1, total)) { best = (out, into, gain) }
                }
            }
            guard let best else { return open }
            open[best.out] = false
            open[best.in] = true
        }
    }
}
