/// The terms a report's definitions explain, from the README's glossary
/// (English / Spanish), each in two lines: what it is, and how the report
/// counts it. Their text is in the catalogues (`Catalogue.Key.term`,
/// `.definition`); each report lists the terms it uses.
public enum GlossaryTerm: String, CaseIterable, Sendable {
    case circuit
    case stage
    case criticalNode
    case needed
    case selfSupply
    case exportableSurplus
    case productShortage
    case valueAdded
    case intermediary
    case baseline
    case tonneKm

    /// The terms of the coverage report, in the order a reader meets them.
    public static let coverage: [GlossaryTerm] = [
        .circuit, .stage, .needed, .selfSupply, .criticalNode, .exportableSurplus, .productShortage, .valueAdded, .intermediary,
    ]

    /// The terms of the distribution report.
    public static let distribution: [GlossaryTerm] = [.circuit, .stage, .intermediary, .baseline, .tonneKm]
}
