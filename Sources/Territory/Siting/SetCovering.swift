/// LSCP: the fewest new candidates such that every demand unit is within
/// the radius of an open facility (existing ones open and free). Units no
/// candidate reaches are left out before (and reported by the caller).
///
/// Lagrangian relaxation of the covering constraints (μ_i >= 0):
/// L(μ) = Σ μ_i + Σ_j min(0, c_j - Σ_{i reached by j} μ_i), c_j = 1 for a
/// new candidate, 0 for an existing one. Greedy (most units uncovered
/// first) and dropping redundant candidates give the solutions.
struct SetCovering: LagrangianModel {
    let sets: CoverageSets
    let existing: Set<Int>

    init(_ problem: SitingProblem, radius: Double) {
        sets = CoverageSets(problem, radius: radius)
        existing = problem.existing
    }

    var candidateCount: Int { sets.byCandidate.count }
    var integral: Bool { true }

    func value(open: [Bool]) -> Double {
        for candidates in sets.byDemand where !candidates.contains(where: { open[$0] }) { return .infinity }
        return Double(open.indices.filter { open[$0] && !existing.contains($0) }.count)
    }

    func relax(_ multipliers: [Double], fixing: [CandidateFix]) -> LagrangianRelaxation? {
        for candidates in sets.byDemand where candidates.allSatisfy({ fixing[$0] == .closed }) { return nil }
        var value = multipliers.reduce(0, +)
        var reduced = [Double](repeating: 0, count: candidateCount)
        var open = [Bool](repeating: false, count: candidateCount)
        var subgradient = [Double](repeating: 1, count: sets.byDemand.count)
        for j in 0..<candidateCount {
            reduced[j] = (existing.contains(j) ? 0 : 1) - sets.byCandidate[j].reduce(0) { $0 + multipliers[$1] }
            switch fixing[j] {
            case .open: open[j] = true
            case .closed: open[j] = false
            case .free: open[j] = reduced[j] < 0
            }
            if open[j] {
                value += reduced[j]
                for i in sets.byCandidate[j] { subgradient[i] -= 1 }
            }
        }
        return LagrangianRelaxation(value: value, subgradient: subgradient, open: open, preference: reduced)
    }

    func project(_ multiplier: Double, at index: Int) -> Double { max(0, multiplier) }

    func initialMultipliers() -> [Double] {
        sets.byDemand.map { candidates in candidates.map { 1 / Double(max(1, sets.byCandidate[$0].count)) }.min() ?? 0 }
    }

    func greedy(fixing: [CandidateFix]) -> [Bool]? {
        complete(fixing.map { $0 == .open }, fixing: fixing)
    }

    /// Opens free candidates, most uncovered units first, until all are covered.
    private func complete(_ start: [Bool], fixing: [CandidateFix]) -> [Bool]? {
        var open = start
        var covered = sets.counts(open).map { $0 > 0 }
        while covered.contains(false) {
            var best: (j: Int, gain: Int)?
            for j in fixing.indices where fixing[j] == .free && !open[j] {
                let gain = sets.byCandidate[j].reduce(0) { $0 + (covered[$1] ? 0 : 1) }
                if gain > (best?.gain ?? 0) { best = (j, gain) }
            }
            guard let best else { return nil }
            open[best.j] = true
            for i in sets.byCandidate[best.j] { covered[i] = true }
        }
        return open
    }

    /// Completes the cover if needed, then closes redundant free candidates
    /// (those reaching fewest units first), then tries replacing two open
    /// candidates by one.
    func improve(_ start: [Bool], fixing: [CandidateFix]) -> [Bool] {
        guard var open = complete(start, fixing: fixing) else { return start }
        dropRedundant(&open, fixing: fixing)
        var improved = true
        while improved {
            improved = false
            let opened = open.indices.filter { open[$0] && fixing[$0] == .free }
            search: for a in opened.indices {
                for b in opened.indices where b > a {
                    var trial = open
                    trial[opened[a]] = false
                    trial[opened[b]] = false
                    let counts = sets.counts(trial)
                    let uncovered = counts.indices.filter { counts[$0] == 0 }
                    // One closed free candidate reaching every unit left uncovered.
                    var common = Set((uncovered.first.map { sets.byDemand[$0] } ?? []).filter { fixing[$0] == .free && !trial[$0] && $0 != opened[a] && $0 != opened[b] })
                    for i in uncovered.dropFirst() where !common.isEmpty { common.formIntersection(sets.byDemand[i]) }
                    if uncovered.isEmpty || !common.isEmpty {
                        if let j = common.min() { trial[j] = true }
                        open = trial
                        improved = true
                        break search
                    }
                }
            }
        }
        return open
    }

    private func dropRedundant(_ open: inout [Bool], fixing: [CandidateFix]) {
        var counts = sets.counts(open)
        let order = open.indices.filter { open[$0] && fixing[$0] == .free }
            .sorted { sets.byCandidate[$0].count != sets.byCandidate[$1].count ? sets.byCandidate[$0].count < sets.byCandidate[$1].count : $0 < $1 }
        for j in order where sets.byCandidate[j].allSatisfy({ counts[$0] > 1 }) {
            open[j] = false
            for i in sets.byCandidate[j] { counts[i] -= 1 }
        }
    }
}
