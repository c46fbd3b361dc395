/// Best-first branch and bound over which candidates are open, each node
/// bounded by Lagrangian relaxation. The first incumbent comes from the
/// model's greedy and local search; each node's relaxation suggests
/// another. When every node left is bounded at or above the incumbent,
/// the incumbent is proved optimal; when the node limit stops the search
/// first, the smallest bound left is what is proved (and the gap to it).
struct BranchAndBound<Model: LagrangianModel> {
    var model: Model
    /// Nodes solved before giving up on the proof.
    var nodeLimit = 20_000
    var root = LagrangianBound(iterations: 600, patience: 25)
    var child = LagrangianBound(iterations: 120, patience: 8)

    struct Outcome {
        var open: [Bool]
        var value: Double
        /// A proved lower bound on the optimum.
        var bound: Double
        var optimal: Bool
        var nodes: Int
    }

    private struct Node {
        var fixing: [CandidateFix]
        var multipliers: [Double]
        var bound: Double
        var relaxation: LagrangianRelaxation
    }

    /// `fixing`: existing candidates `.open`, the rest `.free`.
    func solve(fixing: [CandidateFix]) -> Outcome? {
        guard let start = model.greedy(fixing: fixing) else { return nil }
        var incumbent = model.improve(start, fixing: fixing)
        var incumbentValue = model.value(open: incumbent)
        func prunes(_ bound: Double) -> Bool {
            guard incumbentValue.isFinite else { return false }
            if model.integral { return (bound - 1e-7).rounded(.up) >= incumbentValue }
            return bound >= incumbentValue - 1e-10 * max(1, abs(incumbentValue))
        }
        func consider(_ open: [Bool], fixing: [CandidateFix]) {
            let value = model.value(open: open)
            guard value < incumbentValue else { return }
            let improved = model.improve(open, fixing: fixing)
            let improvedValue = model.value(open: improved)
            (incumbent, incumbentValue) = improvedValue < value ? (improved, improvedValue) : (open, value)
        }

        guard let top = root.ascend(model, fixing: fixing, from: model.initialMultipliers(),
                                    upper: incumbentValue, prunes: prunes) else {
            return Outcome(open: incumbent, value: incumbentValue, bound: incumbentValue, optimal: incumbentValue.isFinite, nodes: 1)
        }
        consider(top.relaxation.open, fixing: fixing)
        var queue = [Node(fixing: fixing, multipliers: top.multipliers, bound: top.bound, relaxation: top.relaxation)]
        var nodes = 1
        while !queue.isEmpty, nodes < nodeLimit {
            // Best first: the node with the smallest bound.
            let index = queue.indices.min { queue[$0].bound < queue[$1].bound }!
            let node = queue.remove(at: index)
            if prunes(node.bound) { continue }
            guard let branch = branchingCandidate(node) else { continue }
            for fix in [CandidateFix.open, .closed] {
                var fixing = node.fixing
                fixing[branch] = fix
                nodes += 1
                guard let outcome = child.ascend(model, fixing: fixing, from: node.multipliers,
                                                 upper: incumbentValue, prunes: prunes) else { continue }
                consider(outcome.relaxation.open, fixing: fixing)
                let bound = max(outcome.bound, node.bound)
                if !prunes(bound), fixing.contains(.free) {
                    queue.append(Node(fixing: fixing, multipliers: outcome.multipliers, bound: bound, relaxation: outcome.relaxation))
                }
            }
        }
        queue.removeAll { prunes($0.bound) }
        var proved = queue.map(\.bound).min().map { min($0, incumbentValue) } ?? incumbentValue
        if model.integral { proved = (proved - 1e-7).rounded(.up) }
        return Outcome(open: incumbent, value: incumbentValue, bound: proved, optimal: queue.isEmpty && incumbentValue.isFinite, nodes: nodes)
    }

    /// The free candidate the relaxation wants most among those it opened,
    /// else the most wanted free one: fixing it open or closed changes the
    /// relaxation's solution on both sides.
    private func branchingCandidate(_ node: Node) -> Int? {
        let free = node.fixing.indices.filter { node.fixing[$0] == .free }
        let opened = free.filter { node.relaxation.open[$0] }
        let pool = opened.isEmpty ? free : opened
        return pool.min { node.relaxation.preference[$0] < node.relaxation.preference[$1] }
    }
}
