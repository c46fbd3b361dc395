import Geo

/// Each territory's identity product (El Salvador's One Village One
/// Product) and how far its chain has come there: the furthest stage of
/// the product's chain with an actor in the territory.
public struct IdentityProducts: Sendable {
    public struct Entry: Sendable {
        public var territory: String
        public var name: String?
        public var product: String
        /// The furthest stage present, nil when none is.
        public var furthestStage: Stage?
        /// Stages of the chain present in the territory, in its order.
        public var stagesPresent: [Stage]
        /// Whether a chain of the study makes the product.
        public var hasChain: Bool

        /// "processing", "none", or "no chain".
        public var category: String {
            hasChain ? furthestStage?.rawValue ?? "none" : "no chain"
        }
    }

    public var field: String
    public var entries: [Entry]
    /// Territories with no identity product in the field.
    public var withoutProduct: Int

    /// Territories by category, in the chains' stage order, then "none"
    /// and "no chain".
    public var counts: [(category: String, territories: Int)] {
        var order: [String] = []
        for entry in entries where entry.hasChain {
            for stage in entry.stagesPresent where !order.contains(stage.rawValue) { order.append(stage.rawValue) }
        }
        order += ["none", "no chain"]
        return order.compactMap { category in
            let count = entries.filter { $0.category == category }.count
            return count > 0 ? (category, count) : nil
        }
    }

    init(field: String, study: Study, sites: StudySites) {
        self.field = field
        let territories = study.territories
        let sitesOfUnit = sites.byTerritory(count: territories.count)
        var entries: [Entry] = []
        var withoutProduct = 0
        for unit in 0..<territories.count {
            let value = territories.layer.features[unit].properties[field]
            guard let value, value != .null, !value.text.isEmpty else { withoutProduct += 1; continue }
            let product = value.text
            guard let chain = study.chains.first(where: { $0.product == product }) else {
                entries.append(Entry(territory: territories.codes[unit], name: territories.names[unit], product: product,
                                     furthestStage: nil, stagesPresent: [], hasChain: false))
                continue
            }
            let present = chain.stages.filter { stage in
                sitesOfUnit[unit].contains { sites.sites[$0].stage == stage && chain.handles(sites.sites[$0]) }
            }
            entries.append(Entry(territory: territories.codes[unit], name: territories.names[unit], product: product,
                                 furthestStage: present.last, stagesPresent: present, hasChain: true))
        }
        self.entries = entries
        self.withoutProduct = withoutProduct
    }
}
