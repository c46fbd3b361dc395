import Foundation

/// Capacitated siting: the fewest new candidates whose capacities, with
/// the existing facilities', serve all the demand (each unit only from
/// candidates within `radius`, when given), the demand assigned by the
/// project's min-cost flow solver (`CostScaling`), so among the ways the
/// chosen set can serve it, the assignment is the cheapest.
///
/// Open: greedy on the capacity a candidate adds where demand is unmet
/// (checked by a flow), then redundant candidates closed, smallest first.
/// Bound: the fewest new candidates whose capacities, largest first, add
/// up to the demand the existing ones leave. When the count meets that
/// bound it is optimal; the assignment cost of that set is exact for the
/// set, but another set of the same size may serve more cheaply (a note says so).
struct CapacitatedSiting {
    let problem: SitingProblem
    let radius: Double?

    private var capacities: [Double] { problem.capacities ?? [] }

    func run() throws -> SitingResult {
        guard let capacities = problem.capacities, capacities.count == problem.candidateCount else {
            throw SitingError("the capacitated method needs a capacity for every candidate (--capacity-field)")
        }
        let total = problem.weights.reduce(0, +)
        // Whole units, a power of ten so whole amounts stay whole: the total demand under 10^9 units.
        let scale = total > 0 ? pow(10, (log10(1e9 / total)).rounded(.down)) : 1
        let all = [Bool](repeating: true, count: problem.candidateCount)
        let everything = try flow(open: all, scale: scale)
        if everything.shortfall > 0 {
            let served = Double(everything.delivered) / scale
            throw SitingError("even every candidate open serves only \(served) of the demand \(total) (capacities or radius too small); add candidates or capacity")
        }
        var open = (0..<problem.candidateCount).map { problem.existing.contains($0) }
        var solution = try flow(open: open, scale: scale)
        while solution.shortfall > 0 {
            let unmet = unmetDemand(solution, open: open, scale: scale)
            var best: (j: Int, score: Double)?
            for j in 0..<problem.candidateCount where !open[j] {
                let reachable = (0..<problem.demandCount).reduce(0.0) { $0 + (serves(i: $1, j: j) ? unmet[$1] : 0) }
                let score = min(capacities[j], reachable)
                if score > (best?.score ?? 0) { best = (j, score) }
            }
            // No candidate reaches unmet demand directly: open the largest one left (the flow may reroute).
            let pick = best?.j ?? (0..<problem.candidateCount).filter { !open[$0] }.max { capacities[$0] < capacities[$1] }!
            open[pick] = true
            solution = try flow(open: open, scale: scale)
        }
        // Close what the others can do without, smallest capacity first.
        for j in open.indices.filter({ open[$0] && !problem.existing.contains($0) }).sorted(by: { capacities[$0] < capacities[$1] }) {
            open[j] = false
            let trial = try flow(open: open, scale: scale)
            if trial.shortfall > 0 { open[j] = true } else { solution = trial }
        }
        solution = try flow(open: open, scale: scale)

        let count = Double(open.indices.filter { open[$0] && !problem.existing.contains($0) }.count)
        let bound = Double(countBound(total: total))
        let optimal = count <= bound
        return SitingResult(method: .capacitated(radius: radius), objective: count,
                            chosen: open.indices.filter { open[$0] && !problem.existing.contains($0) },
                            existing: problem.existing.sorted(), assignment: assignment(solution, open: open, scale: scale),
                            bound: bound, gap: optimal ? 0 : (count - bound) / count, optimal: optimal, nodes: 1,
                            unreachable: [:], assignmentCost: assignmentCost(solution, open: open, scale: scale),
                            notes: ["the count of new facilities is the objective; the assignment is the cheapest for the chosen set, which is not proved the cheapest set of that size"])
    }

    /// The fewest new candidates, largest capacities first, that could hold the demand.
    private func countBound(total: Double) -> Int {
        var left = total - problem.existing.reduce(0) { $0 + capacities[$1] }
        var count = 0
        for capacity in problem.newCandidates.map({ capacities[$0] }).sorted(by: >) where left > 1e-9 * max(1, total) {
            left -= capacity
            count += 1
        }
        return count
    }

    private func serves(i: Int, j: Int) -> Bool {
        let cost = problem.cost[i][j]
        return cost.isFinite && cost <= (radius ?? .infinity)
    }

    /// Arcs in the order (demand, candidate) pairs are enumerated here.
    private func arcs(open: [Bool]) -> [(i: Int, j: Int)] {
        var arcs: [(i: Int, j: Int)] = []
        for i in 0..<problem.demandCount { for j in 0..<problem.candidateCount where open[j] && serves(i: i, j: j) { arcs.append((i, j)) } }
        return arcs
    }

    /// Candidates (nodes 0..<m) supply up to their capacity through a
    /// source; demand units (m..<m+n) take their weight.
    private func flow(open: [Bool], scale: Double) throws -> MinCostFlow.Solution {
        let m = problem.candidateCount, n = problem.demandCount
        var network = CostScaling(nodeCount: m + n + 1)
        let source = m + n
        var supply: Int64 = 0
        for i in 0..<n {
            guard let amount = FlowUnits.units(problem.weights[i], scale: scale) else { throw SitingError("demand of \(problem.demandIDs[i]) too large") }
            network.setSupply(m + i, -amount)
            supply += amount
        }
        network.setSupply(source, supply)
        for j in 0..<m where open[j] {
            guard let capacity = FlowUnits.units(min(capacities[j], FlowUnits.largest(scale: scale)), scale: scale) else {
                throw SitingError("candidate \(problem.candidateIDs[j]) has capacity \(capacities[j]); capacities must be finite and not negative")
            }
            network.addArc(from: source, to: j, capacity: capacity, cost: 0)
        }
        for (i, j) in arcs(open: open) {
            network.addArc(from: j, to: m + i, capacity: supply, cost: FlowUnits.cost((problem.cost[i][j] * 10).rounded()) ?? FlowUnits.costLimit)
        }
        return network.solve()
    }

    private func served(_ solution: MinCostFlow.Solution, open: [Bool]) -> [(i: Int, j: Int, units: Int64)] {
        let first = open.indices.filter { open[$0] }.count
        return zip(arcs(open: open), solution.flow.dropFirst(first)).compactMap { arc, units in units > 0 ? (arc.i, arc.j, units) : nil }
    }

    private func unmetDemand(_ solution: MinCostFlow.Solution, open: [Bool], scale: Double) -> [Double] {
        var unmet = problem.weights
        for (i, _, units) in served(solution, open: open) { unmet[i] -= Double(units) / scale }
        return unmet.map { max(0, $0) }
    }

    private func assignment(_ solution: MinCostFlow.Solution, open: [Bool], scale: Double) -> [SitingResult.Assignment] {
        var parts = [[(candidate: Int, amount: Double)]](repeating: [], count: problem.demandCount)
        for (i, j, units) in served(solution, open: open) { parts[i].append((j, Double(units) / scale)) }
        return parts.enumerated().map { i, split in
            let main = split.max { $0.amount < $1.amount }?.candidate
            return SitingResult.Assignment(demand: i, candidate: main, cost: main.map { problem.cost[i][$0] }, covered: nil, amounts: split)
        }
    }

    private func assignmentCost(_ solution: MinCostFlow.Solution, open: [Bool], scale: Double) -> Double {
        served(solution, open: open).reduce(0) { $0 + Double($1.units) / scale * problem.cost[$1.i][$1.j] }
    }
}
