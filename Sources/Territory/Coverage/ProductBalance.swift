/// How one circuit stands for one product, stage by stage in each stage's
/// own units: what it has (`capacity`), what its own people need from the
/// stage (`needed`: their demand carried back through the yields after
/// it), the difference (`balance`) and, for a stage that cannot be
/// skipped, the capacity to add. Per product: what the chain delivers to
/// its own people (`selfSupply`, limited by the weakest stage), what it
/// can send out after feeding itself (`exportableSurplus`, limited only
/// by what it produces: produce can leave unprocessed), and what it lacks
/// in product (`productShortage`) apart from what it lacks in stages.
public struct ProductBalance: Sendable {
    public struct StageBalance: Sendable {
        public var stage: Stage
        public var skippable: Bool
        public var unit: CapacityUnit
        public var sites: Int
        /// Capacity in the stage's own unit.
        public var capacity: Double
        /// The same in final product (times the yields after the stage).
        public var finalEquivalent: Double
        /// What the circuit's own demand requires of this stage, in its unit.
        public var needed: Double
        /// Share of the capacity held by outside intermediaries.
        public var outsideShare: Double?
        /// What passes through the stage, in its unit, when the chain runs
        /// everything it produces as far as its stages take it.
        public var handled: Double
        /// `handled` at the stage's prices; nil without prices.
        public var value: Double?
        /// `value` less the inputs at the price of the stage before; nil
        /// when a price is missing.
        public var valueAdded: Double?

        /// Positive: surplus at this stage; negative: shortage.
        public var balance: Double { capacity - needed }
        /// The capacity to add so the circuit's own demand passes the
        /// stage; nil for a stage the product may skip.
        public var toAdd: Double? { skippable ? nil : max(0, needed - capacity) }
    }

    public var product: String
    public var unit: CapacityUnit
    public var currency: String?
    public var population: Double
    public var demand: Double
    /// Per stage, in the chain's order.
    public var stages: [StageBalance]
    /// The weakest stage that cannot be skipped, in final product.
    public var chainCapacity: Double
    /// The critical node: the non-skippable stage that limits the chain
    /// (a missing one first; ties go to the earlier stage).
    public var bottleneck: Stage?
    public var missing: [Stage]

    /// What the chain delivers to the circuit's own people: its weakest
    /// non-skippable stage, up to their demand.
    public var selfSupply: Double { min(demand, chainCapacity) }
    /// The name of earlier versions; the same figure.
    public var supply: Double { selfSupply }
    /// What the first stage produces, in final product.
    public var production: Double { stages.first?.finalEquivalent ?? 0 }
    /// What the circuit can send out after feeding itself, in final
    /// product, at whatever stage it leaves: never capped by its own
    /// processing, distribution or retail.
    public var exportableSurplus: Double { max(0, production - demand) }
    /// Product the circuit does not make for its own people.
    public var productShortage: Double { max(0, demand - production) }
    /// `production - demand`: positive, surplus to place; negative, a
    /// shortage of product.
    public var surplus: Double { production - demand }
    public var selfSufficiency: Double? { demand > 0 ? selfSupply / demand : nil }
    /// People the self-supply feeds at the chain's per-capita demand.
    public var peopleFed: Double { demand > 0 ? population * selfSupply / demand : 0 }
    /// Stages after the first that cannot be skipped and lack capacity for
    /// the circuit's own demand (shops, a plant, collection).
    public var stageShortages: [StageBalance] {
        stages.dropFirst().filter { ($0.toAdd ?? 0) > 0 }
    }

    /// Value added by the circuit's chain over every stage; nil when a
    /// stage's price is missing.
    public var valueAdded: Double? {
        let added = stages.map(\.valueAdded)
        return added.contains(where: { $0 == nil }) ? nil : added.reduce(0) { $0 + $1! }
    }

    /// Share of the value added that stays with outside intermediaries
    /// (each stage's value added times its outside share of capacity).
    public var valueAddedOutsideShare: Double? {
        guard let total = valueAdded, total > 0 else { return nil }
        return stages.reduce(0) { $0 + ($1.valueAdded ?? 0) * ($1.outsideShare ?? 0) } / total
    }

    public init(chain: ChainSpec, population: Double, sites: [Site]) {
        product = chain.product
        unit = chain.unit
        currency = chain.currency
        self.population = population
        demand = chain.demand(population: population)
        let demand = self.demand
        var stages: [StageBalance] = []
        // What reaches the next stage, in final product: all the first
        // stage makes, then what each non-skippable stage can pass on.
        var reaching = 0.0
        var previousDensity: Double?   // value per unit of final product at the last stage that handled any
        for (position, stage) in chain.stages.enumerated() {
            let links = chain.links(at: stage)
            var capacity = 0.0, outside = 0.0, count = 0
            var itemCapacity = links.map { _ in 0.0 }
            for site in sites where site.stage == stage {
                var counted = false
                for (index, link) in links.enumerated() where site.handles(link.product) {
                    let share = site.capacity(for: link.product)
                    itemCapacity[index] += share
                    capacity += share
                    if site.owner == .outside { outside += share }
                    counted = true
                }
                if counted { count += 1 }
            }
            let final = zip(links, itemCapacity).reduce(0) { $0 + $1.0.finalFactor * $1.1 }
            // In the current mix of the stage's products; with none yet,
            // in the one that needs least of the stage (the best yield).
            let factor = capacity > 0 ? final / capacity : links.map(\.finalFactor).max() ?? 1
            let skippable = chain.skippable.contains(stage)
            if position == 0 { reaching = final }
            let handledFinal = min(final, reaching)
            if !skippable { reaching = handledFinal }
            // Split what passes among the stage's products as their capacities do.
            let quantities = zip(links, itemCapacity).map { link, capacity in
                final > 0 ? handledFinal * (link.finalFactor * capacity / final) / link.finalFactor : 0
            }
            let value: Double? = links.contains { $0.price == nil } ? nil
                : zip(links, quantities).reduce(0) { $0 + ($1.0.price ?? 0) * $1.1 }
            var valueAdded: Double?
            if let value {
                if position == 0 {
                    valueAdded = value
                } else if let density = previousDensity {
                    valueAdded = value - handledFinal * density
                } else if handledFinal == 0 {
                    valueAdded = 0
                }
            }
            if handledFinal > 0 { previousDensity = value.map { $0 / handledFinal } }
            stages.append(StageBalance(stage: stage, skippable: skippable, unit: links[0].unit, sites: count,
                                       capacity: capacity, finalEquivalent: final, needed: factor > 0 ? demand / factor : 0,
                                       outsideShare: capacity > 0 ? outside / capacity : nil,
                                       handled: quantities.reduce(0, +), value: value, valueAdded: valueAdded))
        }
        self.stages = stages
        missing = stages.filter { $0.sites == 0 }.map(\.stage)
        let weakest = stages.filter { !$0.skippable }.min { $0.finalEquivalent < $1.finalEquivalent }
        bottleneck = weakest?.stage
        chainCapacity = weakest?.finalEquivalent ?? 0
    }
}
