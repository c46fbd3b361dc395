import Foundation
import Geo

/// The sites of a study through the year: each feature's season profile
/// (from its season field: a season the chains name, or twelve shares;
/// none, flat) and storage capacity (a stock it can carry from one month
/// to the next, in the site's own unit). Read once from the sites layer;
/// `month(_:)` gives the layer as it stands in a month, which every
/// analysis then reads as it reads any sites file.
public struct SeasonalSites: Sendable {
    public let file: String
    public let layer: Layer
    public let capacityField: String
    /// Per feature; nil for a site without a profile (flat).
    public let profiles: [SeasonProfile?]
    /// Per feature, 0 when the site stores nothing.
    public let storage: [Double]
    public let seasonField: String
    public let storageField: String

    /// Reads every feature's profile and storage. A season naming no season
    /// of the chains, twelve shares that are not a profile, a storage that
    /// is not a number of 0 or more: an error naming the file, the feature
    /// and what to do.
    public init(_ layer: Layer, file: String, capacityField: String, seasonField: String = "season",
                storageField: String = "storage_capacity", seasons: [String: SeasonProfile] = [:]) throws(ReadError) {
        self.file = file
        self.layer = layer
        self.capacityField = capacityField
        self.seasonField = seasonField
        self.storageField = storageField
        var profiles: [SeasonProfile?] = [], storage: [Double] = []
        profiles.reserveCapacity(layer.count)
        storage.reserveCapacity(layer.count)
        for (index, feature) in layer.features.enumerated() {
            func fail(_ message: String) -> ReadError {
                ReadError(file: file, featureIndex: index, featureID: feature.id, message: message)
            }
            profiles.append(try Self.profile(feature.properties[seasonField] ?? .null, field: seasonField, seasons: seasons, fail: fail))
            switch feature.properties[storageField] ?? .null {
            case .null: storage.append(0)
            case .string(let text) where text.trimmingCharacters(in: .whitespaces).isEmpty: storage.append(0)
            case let value:
                guard let amount = value.doubleValue ?? Double(value.text.trimmingCharacters(in: .whitespaces)), amount >= 0, amount.isFinite else {
                    throw fail("'\(storageField)' must be the stock the site can carry from one month to the next (a number of 0 or more, in the site's unit), not \(value.jsonText)")
                }
                storage.append(amount)
            }
        }
        self.profiles = profiles
        self.storage = storage
    }

    private static func profile(_ value: JSONValue, field: String, seasons: [String: SeasonProfile],
                                fail: (String) -> ReadError) throws(ReadError) -> SeasonProfile? {
        let numbers: [Double]
        switch value {
        case .null: return nil
        case .array(let values):
            let parsed = values.compactMap(\.doubleValue)
            guard parsed.count == values.count else { throw fail("'\(field)' holds an array that is not all numbers: \(value.jsonText)") }
            numbers = parsed
        default:
            let text = value.text.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return nil }
            if let named = seasons[text] { return named }
            guard let parsed = SeasonProfile.numbers(in: text) else {
                let known = seasons.keys.sorted()
                throw fail("unknown season '\(text)' in '\(field)'; \(known.isEmpty ? "the chains name no \"seasons\"" : "the chains' seasons are \(known.joined(separator: ", "))"), or give 12 shares of the annual capacity (\"0.05,0.05,...\")")
            }
            numbers = parsed
        }
        switch SeasonProfile.make(numbers) {
        case .success(let profile): return profile
        case .failure(let error): throw fail("'\(field)': \(error)")
        }
    }

    public var count: Int { layer.count }
    /// Sites with a profile of their own, and flat ones.
    public var withProfile: Int { profiles.filter { $0 != nil }.count }
    public var flat: Int { count - withProfile }
    /// Sites that store.
    public var storing: Int { storage.filter { $0 > 0 }.count }

    /// The sites as they stand in one month.
    public struct MonthSites: Sendable {
        public var month: Month
        /// Each site's capacity that month; sites idle that month (a share
        /// of 0) left out, since a site's capacity is positive.
        public var layer: Layer
        /// For each feature of `layer`, its index in the year's layer.
        public var kept: [Int]
        /// Indices (in the year's layer) of the sites idle that month.
        public var idle: [Int]
    }

    /// The layer of `month`: a site's capacity is `12 × capacity × share`
    /// of its profile, a flat site's unchanged. A capacity that is not a
    /// number is left as it is, for the sites' own parser to report.
    public func month(_ month: Month) -> MonthSites {
        var features: [Feature] = [], kept: [Int] = [], idle: [Int] = []
        features.reserveCapacity(layer.count)
        for (index, feature) in layer.features.enumerated() {
            guard let profile = profiles[index], let capacity = feature.properties[capacityField]?.doubleValue else {
                features.append(feature)
                kept.append(index)
                continue
            }
            let monthly = profile.capacity(capacity, in: month)
            if monthly <= 0 {
                idle.append(index)
                continue
            }
            var changed = feature
            changed.properties[capacityField] = .number(JSONNumber(monthly))
            features.append(changed)
            kept.append(index)
        }
        return MonthSites(month: month, layer: Layer(features: features, crs: layer.crs), kept: kept, idle: idle)
    }
}
