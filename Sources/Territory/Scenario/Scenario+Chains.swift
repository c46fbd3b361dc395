import Geo

/// Changing a chain's demand per person or a yield. A chain is named by
/// its product (`cheese`), as its spec's "product" says.
extension ScenarioWork {
    func chainIndex(_ product: String) throws -> Int {
        guard let index = chains.firstIndex(where: { $0.product == product }) else {
            throw ScenarioRefusal("no chain \(product); the study's chains are \(chains.map(\.product).joined(separator: ", "))")
        }
        return index
    }

    mutating func setDemand(_ product: String, _ demand: Double) throws {
        let index = try chainIndex(product)
        chains[index].demandPerPersonMonth = demand
    }

    mutating func setYield(_ product: String, stage: Stage, product made: String, input: String?, yield: Double) throws {
        let index = try chainIndex(product)
        let chain = chains[index]
        guard let position = chain.links.firstIndex(where: { $0.stage == stage && $0.product == made }) else {
            let here = chain.links.map { "\($0.product) at \($0.stage.rawValue)" }
            throw ScenarioRefusal("the \(product) chain has no \(made) at \(stage.rawValue); its links are \(here.joined(separator: ", "))")
        }
        var links = chain.links
        let inputs = links[position].inputs
        guard !inputs.isEmpty else { throw ScenarioRefusal("\(made) at \(stage.rawValue) is the chain's first stage, made from nothing: it has no yield") }
        let which: Int
        if let input {
            guard let found = inputs.firstIndex(where: { $0.product == input }) else {
                throw ScenarioRefusal("\(made) at \(stage.rawValue) is not made from \(input); its inputs are \(inputs.map(\.product).joined(separator: ", "))")
            }
            which = found
        } else {
            guard inputs.count == 1 else {
                throw ScenarioRefusal("\(made) at \(stage.rawValue) is made from \(inputs.map(\.product).joined(separator: ", ")); say which with \"input\"")
            }
            which = 0
        }
        links[position].inputs[which].yield = yield
        chains[index] = chain.withLinks(ChainSpec.refactored(links, stages: chain.stages))
    }
}

extension ChainSpec {
    /// The same chain over other links (yields changed).
    func withLinks(_ links: [Link]) -> ChainSpec {
        ChainSpec(version: version, product: product, unit: unit, demandPerPersonMonth: demandPerPersonMonth, links: links,
                  skippable: skippable, currency: currency)
    }

    /// The final factors worked out again from the yields, back from the
    /// last stage, as reading a chain file does: a product's factor is the
    /// yield into the product it becomes times that one's factor.
    static func refactored(_ links: [Link], stages: [Stage]) -> [Link] {
        var links = links
        for (position, stage) in stages.enumerated().reversed() {
            let next = position + 1 < stages.count ? stages[position + 1] : nil
            for index in links.indices where links[index].stage == stage {
                guard let next else { links[index].finalFactor = 1; continue }
                for taker in links.indices where links[taker].stage == next {
                    if let input = links[taker].inputs.first(where: { $0.product == links[index].product }) {
                        links[index].finalFactor = input.yield * links[taker].finalFactor
                    }
                }
            }
        }
        return links
    }
}
