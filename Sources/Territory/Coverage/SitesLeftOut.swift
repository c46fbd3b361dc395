import Foundation

/// Sites of the chains that no circuit can use: outside every territory,
/// or in a territory of no circuit, with the capacity they leave unused
/// (as given, by product, stage and unit).
public struct SitesLeftOut: Sendable {
    public enum Reason: String, Sendable, CaseIterable {
        case outsideTerritories = "outside every territory"
        case inNoCircuit = "in a territory of no circuit"
    }

    public struct Capacity: Sendable, Hashable {
        public var product: String
        public var stage: Stage
        public var unit: CapacityUnit
        public var capacity: Double
    }

    /// Site indices by reason.
    public var sites: [Reason: [Int]] = [:]
    /// Unused capacity by reason, largest first within a reason.
    public var capacity: [Reason: [Capacity]] = [:]

    public init() {}

    init(sites parsed: [Site], inChains: [Bool], unitOfSite: [Int?], unitInACircuit: (Int) -> Bool) {
        var totals: [Reason: [String: Capacity]] = [:]
        for (index, site) in parsed.enumerated() where inChains[index] {
            let reason: Reason
            if let unit = unitOfSite[index] {
                guard !unitInACircuit(unit) else { continue }
                reason = .inNoCircuit
            } else {
                reason = .outsideTerritories
            }
            sites[reason, default: []].append(index)
            let key = "\(site.product)\u{0}\(site.stage.rawValue)\u{0}\(site.unit.rawValue)"
            totals[reason, default: [:]][key, default: Capacity(product: site.product, stage: site.stage, unit: site.unit, capacity: 0)]
                .capacity += site.capacity
        }
        for (reason, byKey) in totals {
            capacity[reason] = byKey.values.sorted {
                $0.capacity != $1.capacity ? $0.capacity > $1.capacity : ($0.product, $0.stage.rawValue) < ($1.product, $1.stage.rawValue)
            }
        }
    }

    public var count: Int { sites.values.reduce(0) { $0 + $1.count } }

    /// `12 sites outside every territory (unused: cheese processing 40 t/month, ...)`, a phrase per reason.
    public var phrases: [String] { phrases(in: .en) }

    /// The phrases in a language: its stage names, units and numbers.
    public func phrases(in language: Language) -> [String] {
        Reason.allCases.compactMap { reason in
            guard let indices = sites[reason], !indices.isEmpty else { return nil }
            let unused = (capacity[reason] ?? []).prefix(5).map {
                "\($0.product) \(language.name(of: $0.stage)) \(Self.number($0.capacity, language)) \(language.name(of: $0.unit))"
            }
            let more = (capacity[reason]?.count ?? 0) > 5 ? ", ..." : ""
            return language.text(.sitesLeftOut(count: indices.count, reason: reason, unused: unused.joined(separator: ", ") + more))
        }
    }

    /// Up to three decimals: `%g` in English as before, the language's
    /// separators otherwise.
    private static func number(_ value: Double, _ language: Language) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return language == .en ? String(format: "%g", rounded) : ReportNumber.grouped(rounded, maximumFractionDigits: 3, language: language)
    }
}
