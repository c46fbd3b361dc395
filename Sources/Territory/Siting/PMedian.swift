/// p-median: open `p` new candidates (existing ones stay open) so that
/// the sum over demand units of weight x cost to the nearest open
/// facility is least.
///
/// Lagrangian relaxation of "each unit assigned once" (multiplier λ_i):
/// L(λ) = Σ λ_i + Σ_{j open} ρ_j with ρ_j = Σ_i min(0, w_i c_ij - λ_i),
/// the relaxation opening the existing candidates and the p free ones of
/// least ρ. Greedy opening plus vertex substitution (Teitz and Bart) give
/// the solutions.
struct PMedian: LagrangianModel {
    /// Weighted costs, demand x candidate (0 for a unit of weight 0).
    let weighted: [[Double]]
    let p: Int
    let existing: Set<Int>

    init(_ problem: SitingProblem, p: Int) {
        weighted = zip(problem.cost, problem.weights).map { row, weight in row.map { weight == 0 ? 0 : weight * $0 } }
        self.p = p
        existing = problem.existing
    }

    var candidateCount: Int { weighted.first?.count ?? 0 }
    var integral: Bool { false }

    func value(open: [Bool]) -> Double {
        var total = 0.0
        for row in weighted {
            var best = Double.infinity
            for j in row.indices where open[j] && row[j] < best { best = row[j] }
            total += best
        }
        return total
    }

    func relax(_ multipliers: [Double], fixing: [CandidateFix]) -> LagrangianRelaxation? {
        var rho = [Double](repeating: 0, count: candidateCount)
        for (i, row) in weighted.enumerated() {
            let lambda = multipliers[i]
            for j in row.indices where row[j] < lambda { rho[j] += row[j] - lambda }
        }
        guard let open = CardinalityChoice.choose(p, fixing: fixing, existing: existing, score: rho) else { return nil }
        var value = multipliers.reduce(0, +)
        for j in open.indices where open[j] { value += rho[j] }
        var subgradient = [Double](repeating: 1, count: weighted.count)
        for (i, row) in weighted.enumerated() {
            let lambda = multipliers[i]
            for j in row.indices where open[j] && row[j] < lambda { subgradient[i] -= 1 }
        }
        return LagrangianRelaxation(value: value, subgradient: subgradient, open: open, preference: rho)
    }

    func project(_ multiplier: Double, at index: Int) -> Double { max(0, multiplier) }

    /// Each unit's second-least weighted cost: a unit then pulls towards its two best candidates.
    func initialMultipliers() -> [Double] {
        weighted.map { row in
            let finite = row.filter(\.isFinite).sorted()
            return finite.count > 1 ? finite[1] : finite.first ?? 0
        }
    }

    func greedy(fixing: [CandidateFix]) -> [Bool]? {
        var open = fixing.map { $0 == .open }
        var remaining = p - fixing.indices.filter { fixing[$0] == .open && !existing.contains($0) }.count
        var nearest = weighted.map { row in row.indices.filter { open[$0] }.map { row[$0] }.min() ?? .infinity }
        while remaining > 0 {
            var best: (j: Int, total: Double)?
            for j in fixing.indices where fixing[j] == .free && !open[j] {
                var total = 0.0
                for (i, row) in weighted.enumerated() { total += min(nearest[i], row[j]) }
                if best == nil || total < best!.total { best = (j, total) }
            }
            guard let best else { return nil }
            open[best.j] = true
            for (i, row) in weighted.enumerated() { nearest[i] = min(nearest[i], row[best.j]) }
            remaining -= 1
        }
        return open
    }

    /// Teitz-Bart vertex substitution: swap an open free candidate for a
    /// closed free one while the best swap lowers the total.
    func improve(_ start: [Bool], fixing: [CandidateFix]) -> [Bool] {
        var open = start
        var current = value(open: open)
        while true {
            // Nearest and second-nearest open facility per unit make a swap's total O(units).
            var first = [Double](repeating: .infinity, count: weighted.count)
            var second = first
            var firstAt = [Int](repeating: -1, count: weighted.count)
            for (i, row) in weighted.enumerated() {
                for j in row.indices where open[j] {
                    if row[j] < first[i] { second[i] = first[i]; first[i] = row[j]; firstAt[i] = j }
                    else if row[j] < second[i] { second[i] = row[j] }
                }
            }
            var best: (out: Int, in: Int, total: Double)?
            let limit = current.isFinite ? current - 1e-12 * max(1, abs(current)) : .greatestFiniteMagnitude
            let outs = open.indices.filter { open[$0] && fixing[$0] == .free }
            let ins = open.indices.filter { !open[$0] && fixing[$0] == .free }
            for out in outs {
                for into in ins {
                    var total = 0.0
                    for (i, row) in weighted.enumerated() {
                        total += min(firstAt[i] == out ? second[i] : first[i], row[into])
                    }
                    if total < (best?.total ?? limit) { best = (out, into, total) }
                }
            }
            guard let best else { return open }
            open[best.out] = false
            open[best.in] = true
            current = best.total
        }
    }
}

/// The relaxations of p-median and MCLP open the fixed candidates and the
/// free ones of least score up to `p` new ones in all.
enum CardinalityChoice {
    static func choose(_ p: Int, fixing: [CandidateFix], existing: Set<Int>, score: [Double]) -> [Bool]? {
        var open = fixing.map { $0 == .open }
        let fixedNew = fixing.indices.filter { fixing[$0] == .open && !existing.contains($0) }.count
        let needed = p - fixedNew
        guard needed >= 0 else { return nil }
        let free = fixing.indices.filter { fixing[$0] == .free }
        guard free.count >= needed else { return nil }
        // Ties broken by index, so the same instance gives the same answer.
        let picked = free.sorted { score[$0] != score[$1] ? score[$0] < score[$1] : $0 < $1 }.prefix(needed)
        for j in picked { open[j] = true }
        return open
    }
}
