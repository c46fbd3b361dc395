import Foundation
import Geo

/// A productive actor at a point: producer, plant, collection centre,
/// store.
public struct Site: Sendable, Hashable {
    public var name: String?
    /// As given; a site handling several products lists them separated by
    /// `;` (`cow milk;goat milk`).
    public var product: String
    public var stage: Stage
    public var capacity: Double
    public var unit: CapacityUnit
    public var owner: Owner

    public init(name: String?, product: String, stage: Stage, capacity: Double, unit: CapacityUnit, owner: Owner) {
        self.name = name
        self.product = product
        self.stage = stage
        self.capacity = capacity
        self.unit = unit
        self.owner = owner
    }

    /// The products the site handles.
    public var products: [String] {
        product.split(separator: ";").map { NameText.trimmedOfSpaces($0) }.filter { !$0.isEmpty }
    }

    public func handles(_ product: String) -> Bool {
        if self.product == product { return true }
        // A site of one product (the usual case) needs no list: coverage
        // asks this of every site for every link of every chain.
        guard self.product.utf8.contains(UInt8(ascii: ";")) else {
            return !product.isEmpty && NameText.trimmedOfSpaces(self.product) == product
        }
        return products.contains(product)
    }

    /// The capacity the site gives `product`: all of it for a site of one
    /// product, an equal share for a site of several (its capacity is
    /// shared, never counted twice); 0 for a product it does not handle.
    public func capacity(for product: String) -> Double {
        if self.product == product { return capacity }
        let products = self.products
        return products.contains(product) ? capacity / Double(products.count) : 0
    }
}
