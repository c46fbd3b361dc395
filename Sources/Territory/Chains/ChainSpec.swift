import Foundation
import Geo

/// A product chain as its JSON file describes it: stages in the chain's
/// order, the products each stage handles, the yield from each product to
/// the one it becomes at the next stage, the stages a product may skip
/// (fresh vegetables skip processing), the demand per person of the final
/// product, and optionally a price at each stage.
///
///     {"version": 2, "product": "queso", "unit": "t/mes", "demandKgPerPersonMonth": 0.6, "currency": "USD",
///      "stages": [{"stage": "producción primaria", "products": [{"product": "leche de vaca", "unit": "l/mes"},
///                                                              {"product": "leche de cabra", "unit": "l/mes"}]},
///                 {"stage": "transformación", "product": "queso", "unit": "t/mes", "price": 5200,
///                  "inputs": {"leche de vaca": 0.0001, "leche de cabra": 0.00015}}, ...],
///      "skippable": ["acopio"]}
///
/// A yield is how much of a stage's product one unit of the previous
/// stage's makes: 10 l of milk make 1 kg of cheese, so 0.0001 t per litre.
/// Version 1 files (one product per stage, a `yield` per stage, the five
/// standard stages) read as they always did.
public struct ChainSpec: Sendable, Hashable {
    /// One product at one stage.
    public struct Link: Sendable, Hashable {
        public var stage: Stage
        public var product: String
        public var unit: CapacityUnit
        /// The products of the previous stage this one is made from, with
        /// how much of this one a unit of each makes; empty at the first stage.
        public var inputs: [Input]
        /// Price per unit at this stage, in the chain's currency.
        public var price: Double?
        /// Final product one unit of this makes: the yields after it, multiplied.
        public var finalFactor: Double

        /// Units of this product per unit of the previous stage's: 1 at the
        /// first stage, the only input's yield after it; nil for a product
        /// made from several inputs (see `inputs`).
        public var yield: Double? {
            inputs.isEmpty ? 1 : inputs.count == 1 ? inputs[0].yield : nil
        }
    }

    public struct Input: Sendable, Hashable {
        public var product: String
        public var yield: Double
    }

    public var version: Int
    public var product: String
    public var unit: CapacityUnit
    /// Final product per person per month, in kg for t/month products and
    /// in the product's own unit otherwise; 0 for a chain that sells only
    /// outside (version 2).
    public var demandPerPersonMonth: Double
    /// Every product of every stage, stage by stage in the chain's order.
    public let links: [Link]
    public var skippable: Set<Stage>
    /// The currency of the prices, when the spec gives prices.
    public var currency: String?

    /// The stages in the chain's order.
    public private(set) var stages: [Stage]

    public init(version: Int = 2, product: String, unit: CapacityUnit, demandPerPersonMonth: Double, links: [Link],
                skippable: Set<Stage>, currency: String? = nil) {
        self.version = version
        self.product = product
        self.unit = unit
        self.demandPerPersonMonth = demandPerPersonMonth
        self.links = links
        self.skippable = skippable
        self.currency = currency
        var stages: [Stage] = []
        for link in links where stages.last != link.stage { stages.append(link.stage) }
        self.stages = stages
    }

    /// The products of one stage.
    public func links(at stage: Stage) -> [Link] { links.filter { $0.stage == stage } }

    /// How much final product one unit of `stage`'s product becomes; nil
    /// for a stage not in the chain, or one whose products become
    /// different amounts (use `finalEquivalent(of:)` of a site then).
    public func finalEquivalent(of stage: Stage) -> Double? {
        let factors = Set(links(at: stage).map(\.finalFactor))
        return factors.count == 1 ? factors.first : nil
    }

    /// How much final product one unit of a site's capacity becomes: its
    /// link's factor, or for a site of several products at a stage of
    /// several, the factors of its equal shares; nil if the site is no
    /// link of the chain.
    public func finalEquivalent(of site: Site) -> Double? {
        let shares = links(at: site.stage).filter { site.handles($0.product) }
        guard !shares.isEmpty else { return nil }
        return shares.reduce(0) { $0 + site.capacity(for: $1.product) * $1.finalFactor } / site.capacity
    }

    /// Monthly demand of `population` people, in the final product's unit
    /// (tonnes for t/month).
    public func demand(population: Double) -> Double {
        population * demandPerPerson
    }

    /// People a monthly supply feeds at the per-capita demand.
    public func peopleSupplied(by supply: Double) -> Double {
        demandPerPerson > 0 ? supply / demandPerPerson : 0
    }

    /// Demand per person in the final product's unit.
    var demandPerPerson: Double {
        unit == .tonnesPerMonth ? demandPerPersonMonth / 1000 : demandPerPersonMonth
    }

    /// Whether a site is a link of the chain: a stage of it, and a product
    /// that stage handles.
    public func handles(_ site: Site) -> Bool {
        links.contains { $0.stage == site.stage && site.handles($0.product) }
    }
}
