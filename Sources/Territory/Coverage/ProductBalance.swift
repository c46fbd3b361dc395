/// How one circuit stands for one product: what its people need, what
/// each stage of the chain can deliver in final product, the stage that
/// limits the chain (the critical node) and who holds the capacity.
public struct ProductBalance: Sendable {
    public struct StageSupply: Sendable {
        public var stage: Stage
        public var skippable: Bool
        public var sites: Int
        /// Capacity in the stage's own unit.
        public var capacity: Double
        /// The same in final product (times the yields after the stage).
        public var finalEquivalent: Double
        /// Share of the capacity held by outside intermediaries.
        public var outsideShare: Double?
    }

    public var product: String
    public var unit: CapacityUnit
    public var demand: Double
    /// Per stage, in the chain's order.
    public var stages: [StageSupply]
    /// What the chain can deliver: its weakest non-skippable stage.
    public var supply: Double
    /// The critical node: the non-skippable stage that limits the chain
    /// (a missing one first; ties go to the earlier stage).
    public var bottleneck: Stage?
    public var missing: [Stage]
    /// Circuits next to this one short of the same product.
    public var neighboursInDeficit: [String] = []

    public var surplus: Double { supply - demand }
    public var selfSufficiency: Double? { demand > 0 ? supply / demand : nil }

    init(chain: ChainSpec, population: Double, sites: [Site]) {
        product = chain.product
        unit = chain.unit
        demand = chain.demand(population: population)
        stages = chain.links.map { link in
            let members = sites.filter { $0.stage == link.stage && $0.product == link.product }
            let capacity = members.reduce(0) { $0 + $1.capacity }
            let outside = members.filter { $0.owner == .outside }.reduce(0) { $0 + $1.capacity }
            return StageSupply(stage: link.stage, skippable: chain.skippable.contains(link.stage), sites: members.count,
                               capacity: capacity, finalEquivalent: capacity * (chain.finalEquivalent(of: link.stage) ?? 0),
                               outsideShare: capacity > 0 ? outside / capacity : nil)
        }
        missing = stages.filter { $0.sites == 0 }.map(\.stage)
        let limiting = stages.filter { !$0.skippable }
        let weakest = limiting.min { $0.finalEquivalent < $1.finalEquivalent }
        bottleneck = weakest?.stage
        supply = weakest?.finalEquivalent ?? 0
    }
}
