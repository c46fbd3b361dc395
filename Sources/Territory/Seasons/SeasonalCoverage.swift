import Geo

/// Circuit coverage month by month: the study's `CircuitCoverage` run on
/// each month's study (the same analysis, unchanged), then, per circuit
/// and product, the year with its stores (`StorageFlow`) and the worst
/// month: the one where the circuit feeds the smallest share of its own
/// demand, the month its bottleneck bites.
public struct SeasonalCoverage: Sendable {
    /// The coverage run each month (its exchange is not run: a year of
    /// exact distributions is `distribute --months all`'s work).
    public var coverage = CircuitCoverage()
    public var months: [Month] = Month.all

    public init() {}

    /// One circuit's product in one month, in final product.
    public struct MonthFigure: Sendable {
        public var month: Month
        public var demand: Double
        public var production: Double
        /// The weakest stage that cannot be skipped.
        public var chainCapacity: Double
        public var bottleneck: Stage?
        /// Without stores: the month's own chain, up to its demand.
        public var selfSupply: Double
        /// With the circuit's stores carrying earlier surplus.
        public var selfSupplyStored: Double
        /// Stock carried into the next month.
        public var carried: Double
        public var exportableSurplus: Double
        public var peopleFed: Double

        /// Share of the month's demand the circuit feeds itself, stores
        /// counted; nil in a month without demand.
        public var selfSufficiency: Double? { demand > 0 ? selfSupplyStored / demand : nil }
        /// Demand left unfed, stores counted.
        public var shortfall: Double { max(0, demand - selfSupplyStored) }
    }

    public struct Product: Sendable {
        public var product: String
        public var unit: CapacityUnit
        /// Stock the circuit's stores can carry, in final product.
        public var storage: Double
        public var months: [MonthFigure]
        /// The month with the lowest self-sufficiency (the earliest of
        /// equals); nil when no month has demand.
        public var worst: MonthFigure? {
            months.filter { $0.demand > 0 }.min { ($0.selfSufficiency ?? 1, $0.month) < ($1.selfSufficiency ?? 1, $1.month) }
        }
    }

    public struct Circuit: Sendable {
        public var id: String
        public var shape: Shape
        public var population: Double
        public var products: [Product]
    }

    public struct Result: Sendable {
        public var months: [Month]
        public var circuits: [Circuit]
        public var metric: CRS
        /// Sites with a profile of their own, flat, storing.
        public var sitesWithProfile: Int
        public var sitesFlat: Int
        public var sitesStoring: Int
        /// Per month, sites idle (a share of 0).
        public var idle: [Month: Int]
        /// Each month's coverage as `coverage` reports it.
        public var coverage: [Month: CircuitCoverage.Result]
    }

    public func run(_ seasonal: SeasonalStudy) throws -> Result {
        var coverage = self.coverage
        coverage.exchange = false
        var results: [Month: CircuitCoverage.Result] = [:], idle: [Month: Int] = [:]
        for month in months {
            let study = try seasonal.month(month)
            results[month] = try coverage.run(study.study)
            idle[month] = study.sites.idle.count
        }
        let storage = try storageByCircuit(seasonal)
        let first = results[months[0]]!
        var circuits: [Circuit] = []
        for (position, circuit) in first.circuits.enumerated() {
            var products: [Product] = []
            for (chainIndex, chain) in seasonal.base.chains.enumerated() {
                let balances = months.map { results[$0]!.circuits[position].products[chainIndex] }
                let stock = storage[circuit.id]?[chainIndex] ?? Array(repeating: 0, count: chain.stages.count)
                // The flow is over the twelve months; a run of fewer months has no year to carry stock across.
                let flow: StorageFlow? = months.count == 12 && stock.contains { $0 > 0 }
                    ? try StorageFlow(balances: balances, storage: stock, place: "circuit \(circuit.id), \(chain.product)") : nil
                let figures = months.enumerated().map { index, month in
                    let balance = balances[index]
                    let stored = flow?.months[index]
                    // The flow counts whole kilograms: never more than the month's demand.
                    let supplied = stored.map { min($0.delivered, balance.demand) } ?? balance.selfSupply
                    return MonthFigure(month: month, demand: balance.demand, production: balance.production,
                                       chainCapacity: balance.chainCapacity, bottleneck: balance.bottleneck,
                                       selfSupply: balance.selfSupply, selfSupplyStored: supplied, carried: stored?.carried ?? 0,
                                       exportableSurplus: balance.exportableSurplus,
                                       peopleFed: balance.demand > 0 ? balance.population * supplied / balance.demand : 0)
                }
                products.append(Product(product: chain.product, unit: chain.unit, storage: stock.reduce(0, +), months: figures))
            }
            circuits.append(Circuit(id: circuit.id, shape: circuit.shape, population: circuit.population, products: products))
        }
        return Result(months: months, circuits: circuits, metric: first.metric, sitesWithProfile: seasonal.sites.withProfile,
                      sitesFlat: seasonal.sites.flat, sitesStoring: seasonal.sites.storing, idle: idle, coverage: results)
    }

    /// Per circuit, per chain, per stage: the stock its stores can carry,
    /// in final product (a store's stock times its link's final factor,
    /// shared among its products as its capacity is).
    func storageByCircuit(_ seasonal: SeasonalStudy) throws -> [String: [[Double]]] {
        let study = seasonal.base
        let grouping = try study.requireGrouping(for: "circuit coverage")
        let sites = try study.requireSites(for: "circuit coverage")
        var result: [String: [[Double]]] = [:]
        for id in grouping.circuits {
            let members = Set(grouping.territories(of: id).compactMap(study.territories.unit(ofCode:)))
            result[id] = study.chains.map { chain in
                chain.stages.map { stage in
                    sites.sites.indices.reduce(0.0) { total, index in
                        let site = sites.sites[index]
                        guard seasonal.storage[index] > 0, site.stage == stage, let unit = sites.territory[index], members.contains(unit),
                              let factor = chain.finalEquivalent(of: site) else { return total }
                        return total + seasonal.storage[index] * factor
                    }
                }
            }
        }
        return result
    }
}
