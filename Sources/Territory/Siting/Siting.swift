/// Solves a `SitingProblem` with one `SitingMethod`: leaves out the demand
/// units the method cannot use (counted by reason), finds a solution by
/// greedy and local search, and proves it optimal by branch and bound
/// over Lagrangian bounds, or states the gap to the bound it proved when
/// `nodeLimit` stops the search first.
public struct Siting: Sendable {
    public var method: SitingMethod
    /// Branch-and-bound nodes before the search gives up on the proof.
    public var nodeLimit: Int

    public init(method: SitingMethod, nodeLimit: Int = 20_000) {
        self.method = method
        self.nodeLimit = nodeLimit
    }

    /// Reasons a demand unit is left out, as `SitingResult.unreachable` keys.
    public static let noCandidateReaches = "no candidate reaches it"
    public static let beyondRadius = "beyond the radius of every candidate"

    public func run(_ problem: SitingProblem) throws -> SitingResult {
        try check(problem)
        var unreachable: [String: [Int]] = [:]
        var kept: [Int] = []
        let radius: Double? = switch method {
        case .setCovering(let radius): radius
        case .capacitated(let radius): radius
        default: nil
        }
        for i in 0..<problem.demandCount {
            let row = problem.cost[i]
            if !row.contains(where: \.isFinite) {
                unreachable[Self.noCandidateReaches, default: []].append(i)
            } else if let radius, !row.contains(where: { $0 <= radius }) {
                unreachable[Self.beyondRadius, default: []].append(i)
            } else {
                kept.append(i)
            }
        }
        let used = problem.keeping(demand: kept)
        var result: SitingResult
        switch method {
        case .pMedian(let p):
            let outcome = try solve(PMedian(used, p: p), used)
            guard outcome.value.isFinite else {
                throw SitingError("no choice of \(p) candidates reaches every demand unit that some candidate reaches (road components apart?); give more candidates or a larger --p")
            }
            result = finish(outcome, used, objective: outcome.value, bound: outcome.bound)
        case .maximalCovering(let p, let radius):
            let model = MaximalCovering(used, p: p, radius: radius)
            let outcome = try solve(model, used)
            result = finish(outcome, used, objective: model.total - outcome.value, bound: model.total - outcome.bound, radius: radius)
        case .setCovering(let radius):
            let outcome = try solve(SetCovering(used, radius: radius), used)
            result = finish(outcome, used, objective: outcome.value, bound: outcome.bound)
        case .capacitated(let radius):
            result = try CapacitatedSiting(problem: used, radius: radius).run()
        }
        // Back to the caller's demand indices.
        result.assignment = result.assignment.map { var a = $0; a.demand = kept[a.demand]; return a }
        result.unreachable = unreachable
        return result
    }

    private func check(_ problem: SitingProblem) throws {
        guard problem.candidateCount > 0 else { throw SitingError("no candidates") }
        guard problem.cost.count == problem.demandCount, problem.weights.count == problem.demandCount,
              problem.cost.allSatisfy({ $0.count == problem.candidateCount }) else {
            throw SitingError("the cost matrix is not demand x candidate")
        }
        if let i = problem.weights.firstIndex(where: { !($0 >= 0 && $0.isFinite) }) {
            throw SitingError("demand unit \(problem.demandIDs[i]) has weight \(problem.weights[i]); weights must be finite and not negative")
        }
        let free = problem.newCandidates.count
        switch method {
        case .pMedian(let p), .maximalCovering(let p, _):
            guard p >= 1 else { throw SitingError("--p must be at least 1") }
            guard p <= free else { throw SitingError("--p \(p) but only \(free) candidates that are not existing facilities") }
        default: break
        }
    }

    private func solve<Model: LagrangianModel>(_ model: Model, _ problem: SitingProblem) throws -> BranchAndBound<Model>.Outcome {
        let fixing = (0..<problem.candidateCount).map { problem.existing.contains($0) ? CandidateFix.open : .free }
        var search = BranchAndBound(model: model)
        search.nodeLimit = nodeLimit
        guard let outcome = search.solve(fixing: fixing) else {
            throw SitingError("no solution: the candidates cannot serve the demand as asked")
        }
        return outcome
    }

    private func finish<Model>(_ outcome: BranchAndBound<Model>.Outcome, _ problem: SitingProblem,
                               objective: Double, bound: Double, radius: Double? = nil) -> SitingResult {
        let open = outcome.open
        let assignment = (0..<problem.demandCount).map { i -> SitingResult.Assignment in
            let row = problem.cost[i]
            let nearest = row.indices.filter { open[$0] && row[$0].isFinite }.min { row[$0] < row[$1] }
            return SitingResult.Assignment(demand: i, candidate: nearest, cost: nearest.map { row[$0] },
                                           covered: radius.map { r in nearest.map { row[$0] <= r } ?? false })
        }
        let gap = outcome.optimal ? 0 : abs(objective - bound) / max(abs(objective), 1e-12)
        return SitingResult(method: method, objective: objective,
                            chosen: open.indices.filter { open[$0] && !problem.existing.contains($0) },
                            existing: problem.existing.sorted(), assignment: assignment,
                            bound: outcome.optimal ? objective : bound, gap: gap, optimal: outcome.optimal,
                            nodes: outcome.nodes, unreachable: [:])
    }
}
