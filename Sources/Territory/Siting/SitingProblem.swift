/// One facility-siting instance, already measured: demand units with
/// weights, candidate sites, and the cost of serving each demand unit
/// from each candidate (metres in a metric CRS, or minutes over roads).
/// `cost[i][j]` is `.infinity` where candidate `j` cannot serve demand
/// unit `i` (off the road network, on another road component).
///
/// Existing facilities are candidates forced open: they serve demand but
/// are not counted in `p` nor in the LSCP count.
public struct SitingProblem: Sendable {
    public var demandIDs: [String]
    public var weights: [Double]
    public var candidateIDs: [String]
    /// Demand x candidate.
    public var cost: [[Double]]
    /// Indices of candidates that stay open whatever the method chooses.
    public var existing: Set<Int>
    /// Per candidate, for the capacitated method.
    public var capacities: [Double]?

    public init(demandIDs: [String], weights: [Double], candidateIDs: [String], cost: [[Double]],
                existing: Set<Int> = [], capacities: [Double]? = nil) {
        self.demandIDs = demandIDs
        self.weights = weights
        self.candidateIDs = candidateIDs
        self.cost = cost
        self.existing = existing
        self.capacities = capacities
    }

    public var demandCount: Int { demandIDs.count }
    public var candidateCount: Int { candidateIDs.count }

    /// Candidates the method may choose (not existing), in index order.
    public var newCandidates: [Int] { (0..<candidateCount).filter { !existing.contains($0) } }

    /// For each demand unit, the candidates within `radius` of it.
    func covering(within radius: Double) -> [[Int]] {
        cost.map { row in row.indices.filter { row[$0] <= radius } }
    }

    /// The sub-problem keeping only the demand units in `kept` (by index).
    func keeping(demand kept: [Int]) -> SitingProblem {
        SitingProblem(demandIDs: kept.map { demandIDs[$0] }, weights: kept.map { weights[$0] },
                      candidateIDs: candidateIDs, cost: kept.map { cost[$0] }, existing: existing, capacities: capacities)
    }
}

/// Where a problem is malformed: reported to the user as it is.
public struct SitingError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
