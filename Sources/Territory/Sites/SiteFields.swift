import Geo

/// Which properties hold a site's fields; each has a conventional name
/// and can be renamed by flags.
public struct SiteFields: Sendable, Hashable {
    public var name = "name"
    public var product = "product"
    public var stage = "stage"
    public var capacity = "capacity"
    public var unit = "unit"
    public var owner = "owner"
    /// The stages and units a site may name.
    public var vocabulary = SiteVocabulary()

    public init() {}

    /// The site a feature describes, or an error naming the feature and
    /// what is missing or unknown.
    public func site(of feature: Feature, index: Int, file: String) throws(ReadError) -> Site {
        func fail(_ message: String) -> ReadError {
            ReadError(file: file, featureIndex: index, featureID: feature.id, message: message)
        }
        let properties = feature.properties
        guard let product = properties[product]?.text, properties[product] != .null, !product.isEmpty else {
            throw fail("no product in '\(self.product)'")
        }
        let stageText = properties[stage]?.stringValue ?? ""
        guard let stage = vocabulary.stage(named: stageText) else {
            throw fail("unknown stage '\(stageText)' in '\(self.stage)'; stages are \(vocabulary.stageNames)")
        }
        guard let capacity = properties[capacity]?.doubleValue else {
            throw fail("no capacity (a number > 0) in '\(self.capacity)', found \(properties[capacity].map(\.jsonText) ?? "nothing")")
        }
        guard capacity > 0, capacity.isFinite else {
            throw fail("capacity in '\(self.capacity)' must be a positive number, not \(capacity); remove the site or give its capacity")
        }
        let unitText = properties[unit]?.stringValue ?? ""
        guard let unit = vocabulary.unit(named: unitText) else {
            throw fail("unknown unit '\(unitText)' in '\(self.unit)'; units are \(vocabulary.unitNames)")
        }
        let ownerText = properties[owner]?.stringValue ?? Owner.circuit.rawValue
        guard let owner = Owner(named: ownerText) else {
            throw fail("unknown owner '\(ownerText)' in '\(self.owner)'; owners are circuit, outside (circuito, externo)")
        }
        return Site(name: properties[name]?.stringValue, product: product, stage: stage, capacity: capacity, unit: unit, owner: owner)
    }
}
