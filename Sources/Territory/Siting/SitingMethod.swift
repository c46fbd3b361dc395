/// The four siting models. `p` counts new facilities (existing ones are
/// open in addition); `radius` is in the cost's unit (metres or minutes).
public enum SitingMethod: Sendable, Equatable {
    /// Choose `p` candidates minimising the demand-weighted cost.
    case pMedian(p: Int)
    /// Choose `p` candidates maximising the demand within `radius`.
    case maximalCovering(p: Int, radius: Double)
    /// The fewest candidates that cover every demand unit within `radius`.
    case setCovering(radius: Double)
    /// The fewest candidates whose capacities serve all the demand
    /// (within `radius` when given), demand assigned by min-cost flow.
    case capacitated(radius: Double?)

    public var name: String {
        switch self {
        case .pMedian: "p-median"
        case .maximalCovering: "mclp"
        case .setCovering: "lscp"
        case .capacitated: "capacitated"
        }
    }
}
