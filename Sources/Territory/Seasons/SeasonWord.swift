/// The words the seasonal reports and the monitor write for people, as the
/// catalogue keys them (`Catalogue.Key.season`); each language's text is
/// in its catalogue file, in one block at its end.
public enum SeasonWord: Sendable, Hashable {
    case month(Int)
    case title
    case sites(withProfile: Int, flat: Int, storing: Int)
    case idle(months: String)
    case noWrap
    case worstHeading
    case worstIntro
    case worstHeader
    case noDemand
    case selfSufficiencyHeading(product: String)
    case surplusHeading(product: String, unit: String)
    case carriedHeading(product: String, unit: String)
    case sparklineCaption(product: String)
    case tally(file: String, withProfile: Int, flat: Int, storing: Int)
    case monthTally(month: String, idle: Int)
    // The monitor
    case monitorTitle
    case monitorSnapshots(count: Int, first: String, last: String)
    case monitorSeriesHeading(product: String)
    case monitorSeriesHeader
    case monitorActorsHeading
    case monitorActorsHeader
    case monitorNewActors(date: String, ids: String)
    case monitorVanishedActors(date: String, ids: String)
    case monitorNoChange(date: String)
    case monitorProgressHeading
    case monitorProgressHeader
    case monitorTally(snapshots: Int, circuits: Int, new: Int, vanished: Int)

    /// One of each, for the catalogue's test.
    public static let examples: [SeasonWord] = (1...12).map { .month($0) } + [
        .title, .sites(withProfile: 2, flat: 3, storing: 1), .idle(months: "X"), .noWrap, .worstHeading, .worstIntro,
        .worstHeader, .noDemand, .selfSufficiencyHeading(product: "X"), .surplusHeading(product: "X", unit: "X"),
        .carriedHeading(product: "X", unit: "X"), .sparklineCaption(product: "X"),
        .tally(file: "X", withProfile: 2, flat: 3, storing: 1), .monthTally(month: "X", idle: 2),
        .monitorTitle, .monitorSnapshots(count: 3, first: "X", last: "X"), .monitorSeriesHeading(product: "X"),
        .monitorSeriesHeader, .monitorActorsHeading, .monitorActorsHeader, .monitorNewActors(date: "X", ids: "X"),
        .monitorVanishedActors(date: "X", ids: "X"), .monitorNoChange(date: "X"), .monitorProgressHeading,
        .monitorProgressHeader, .monitorTally(snapshots: 3, circuits: 2, new: 1, vanished: 1),
    ]
}
