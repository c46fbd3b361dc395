/// What a siting run chose and what it can prove about it.
public struct SitingResult: Sendable {
    /// One demand unit's assignment: the open facility serving it (nil for
    /// a unit left uncovered by MCLP or one no candidate can serve) and its cost.
    public struct Assignment: Sendable, Equatable {
        public var demand: Int
        public var candidate: Int?
        public var cost: Double?
        /// MCLP: within the radius of an open facility.
        public var covered: Bool?
        /// Capacitated: the amount served from each facility when split.
        public var amounts: [(candidate: Int, amount: Double)]?

        public static func == (a: Assignment, b: Assignment) -> Bool {
            a.demand == b.demand && a.candidate == b.candidate && a.cost == b.cost && a.covered == b.covered
        }
    }

    public var method: SitingMethod
    /// p-median: weighted cost; MCLP: weight covered; LSCP and
    /// capacitated: the number of new facilities.
    public var objective: Double
    /// New candidates chosen (indices), in index order; existing ones are in `existing`.
    public var chosen: [Int]
    public var existing: [Int]
    public var assignment: [Assignment]
    /// The proved bound on the optimum: lower for minimising methods,
    /// upper for MCLP; nil when none was proved.
    public var bound: Double?
    /// |objective - bound| / max(|objective|, tiny); 0 when proved optimal.
    public var gap: Double?
    /// True only when the bound proves the objective optimal.
    public var optimal: Bool
    /// Branch-and-bound nodes explored (1 when the root bound closed the gap).
    public var nodes: Int
    /// Demand units the method could not use, by reason (indices into the problem's demand).
    public var unreachable: [String: [Int]]
    /// Capacitated: the assignment's cost (weighted), the method's second objective.
    public var assignmentCost: Double?
    public var notes: [String] = []
}
