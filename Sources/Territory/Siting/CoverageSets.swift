/// Who covers whom within a radius: for each demand unit the candidates
/// within reach, and for each candidate the units it reaches.
struct CoverageSets {
    let byDemand: [[Int]]
    let byCandidate: [[Int]]

    init(_ problem: SitingProblem, radius: Double) {
        byDemand = problem.covering(within: radius)
        var byCandidate = [[Int]](repeating: [], count: problem.candidateCount)
        for (i, candidates) in byDemand.enumerated() { for j in candidates { byCandidate[j].append(i) } }
        self.byCandidate = byCandidate
    }

    /// How many open candidates cover each unit.
    func counts(_ open: [Bool]) -> [Int] {
        byDemand.map { $0.reduce(0) { $0 + (open[$1] ? 1 : 0) } }
    }
}
