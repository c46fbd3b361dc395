/// The words a map writes for its reader (legend captions, classification
/// names, the web map's controls), as the catalogue keys them. `{n}`,
/// `{method}` and `{field}` stay in the text: the map fills them. Maps'
/// `MapText` holds the same words; `MapText(language:)` in Reports fills it.
public enum MapWord: String, CaseIterable, Sendable {
    case noValue, other, classes, centredOnZero
    case quantile, jenks, equalInterval, manualBreaks
    case lineWidth, markerArea, and, legend
    case searchByName, noMatch, fitTo, all
}
