import Foundation

/// Where a product's surplus goes, from the same optimisation as
/// `distribute`: the chain's exact distribution over the whole study
/// (`Distribution`, optimal over every link, straight-line distances) with
/// the grouping, as tonnes from each circuit to each named circuit,
/// whether they touch or not. The figures equal `distribute --grouping
/// --od` on the same inputs.
public struct CoverageExchange: Sendable {
    public var product: String
    public var unit: CapacityUnit
    /// Over every territory, in circuits or not.
    public var demand: Double
    public var delivered: Double
    public var intermediated: Double
    public var optimal: Bool
    public var pricingRounds: Int
    public var notOptimalReason: String?
    /// Stages that cannot be skipped and have no site: nothing moves.
    public var brokenAt: [Stage]
    /// Between circuits, and between zones when the study has them.
    public var circuits: CircuitExchange
    public var zones: CircuitExchange?

    /// Distributes `chain` over `study` and reads the exchange between
    /// the circuits of its grouping (and its zones).
    public init(chain: ChainSpec, study: Study, grouping: Grouping) throws {
        let result = try Distribution(chain: chain).run(study)
        product = chain.product
        unit = chain.unit
        demand = result.demand
        delivered = result.delivered
        intermediated = result.intermediated
        optimal = result.optimal
        pricingRounds = result.pricingRounds
        notOptimalReason = result.notOptimalReason
        brokenAt = result.brokenAt
        circuits = try result.exchange(grouping: grouping, study: study)
        zones = try study.zoning.map { try result.exchange(grouping: grouping, zoning: $0, study: study) }
    }

    /// Tonnes moved between different circuits.
    public var moved: Double { circuits.matrix.filter { $0.from != $0.to }.reduce(0) { $0 + $1.tonnes } }
}
