/// The stages and units a site may name: the five standard stages and the
/// three built-in units (in English or Spanish), and whatever the chains
/// of the study declare. A name outside it is an error, not a site quietly
/// left out of every chain.
public struct SiteVocabulary: Sendable, Hashable {
    public var stages: [Stage] = Stage.standard
    public var units: [CapacityUnit] = CapacityUnit.builtIn

    public init() {}

    /// The standard names and those of `chains`.
    public init(chains: [ChainSpec]) {
        for chain in chains {
            for link in chain.links {
                if !stages.contains(link.stage) { stages.append(link.stage) }
                if !units.contains(link.unit) { units.append(link.unit) }
            }
        }
    }

    public func stage(named text: String) -> Stage? {
        Stage(named: text).flatMap { stages.contains($0) ? $0 : nil }
    }

    public func unit(named text: String) -> CapacityUnit? {
        CapacityUnit(named: text).flatMap { units.contains($0) ? $0 : nil }
    }

    var stageNames: String { stages.map(\.rawValue).joined(separator: ", ") }
    var unitNames: String { units.map(\.rawValue).joined(separator: ", ") }
}
