import Foundation

/// A stage of a circuit's chain that lacks the capacity its own people's
/// demand needs, with the proposal: the capacity to add, in the stage's
/// own unit. The product-chain method's "proposal of solutions" after the
/// critical nodes are found.
public struct CriticalNode: Sendable {
    public enum Kind: String, Sendable {
        /// The first stage: the circuit does not make enough of the product.
        case product
        /// A later stage: a plant, collection or shops are missing or too small.
        case stage
    }

    public var circuit: String
    public var product: String
    /// The stage's figures: capacity, needed, balance, to add.
    public var stage: ProductBalance.StageBalance
    public var kind: Kind

    public var toAdd: Double { stage.toAdd ?? 0 }

    /// Share of the need the stage cannot meet: 1 for a missing stage.
    public var shortfall: Double { stage.needed > 0 ? toAdd / stage.needed : 0 }

    /// "add 27.0 t/month of retail", as the JSON gives it.
    public var proposal: String { proposal(in: .en) }

    /// "añadir 27,0 t/mes de comercialización" in Spanish.
    public func proposal(in language: Language) -> String {
        language.text(.proposal(amount: CoverageReport.amount(toAdd, language), unit: language.name(of: stage.unit),
                                stage: language.name(of: stage.stage)))
    }

    /// Every stage of every circuit and product that lacks capacity, worst
    /// first (largest share of the need missing), then by circuit, product
    /// and the chain's order.
    static func all(in circuits: [CircuitCoverage.Circuit]) -> [CriticalNode] {
        var nodes: [(node: CriticalNode, order: Int)] = []
        for circuit in circuits {
            for product in circuit.products {
                for (position, stage) in product.stages.enumerated() {
                    guard (stage.toAdd ?? 0) > 0 else { continue }
                    nodes.append((CriticalNode(circuit: circuit.id, product: product.product, stage: stage,
                                               kind: position == 0 ? .product : .stage), position))
                }
            }
        }
        return nodes.sorted { a, b in
            if a.node.shortfall != b.node.shortfall { return a.node.shortfall > b.node.shortfall }
            return (a.node.circuit, a.node.product, a.order) < (b.node.circuit, b.node.product, b.order)
        }.map(\.node)
    }
}
