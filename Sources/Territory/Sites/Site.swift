import Geo

/// A productive actor at a point: producer, plant, collection centre,
/// store.
public struct Site: Sendable, Hashable {
    public var name: String?
    public var product: String
    public var stage: Stage
    public var capacity: Double
    public var unit: CapacityUnit
    public var owner: Owner
}

/// Which properties hold a site's fields; each has a conventional name
/// and can be renamed by flags.
public struct SiteFields: Sendable, Hashable {
    public var name = "name"
    public var product = "product"
    public var stage = "stage"
    public var capacity = "capacity"
    public var unit = "unit"
    public var owner = "owner"

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
        guard let stage = Stage(rawValue: stageText.lowercased()) else {
            throw fail("unknown stage '\(stageText)' in '\(self.stage)'; stages are \(Stage.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let capacity = properties[capacity]?.doubleValue else {
            throw fail("no capacity (a number > 0) in '\(self.capacity)', found \(properties[capacity].map(\.jsonText) ?? "nothing")")
        }
        guard capacity > 0, capacity.isFinite else {
            throw fail("capacity in '\(self.capacity)' must be a positive number, not \(capacity); remove the site or give its capacity")
        }
        let unitText = properties[unit]?.stringValue ?? ""
        guard let unit = CapacityUnit(rawValue: unitText.lowercased()) else {
            throw fail("unknown unit '\(unitText)' in '\(self.unit)'; units are \(CapacityUnit.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let ownerText = properties[owner]?.stringValue ?? Owner.circuit.rawValue
        guard let owner = Owner(rawValue: ownerText.lowercased()) else {
            throw fail("unknown owner '\(ownerText)' in '\(self.owner)'; owners are circuit, outside")
        }
        return Site(name: properties[name]?.stringValue, product: product, stage: stage, capacity: capacity, unit: unit, owner: owner)
    }
}
