/// Every word a map writes for its reader, in one place, so that a caller
/// can hand in another language (the CLI fills it from its catalogue).
/// `{n}` and `{method}` are replaced. English by default.
public struct MapText: Sendable, Hashable {
    /// The `lang` of the HTML page.
    public var languageCode = "en"
    public var noValue = "no value"
    public var other = "other: {n} values (see the notes)"
    public var classes = "{method}, {n} classes"
    public var centredOnZero = ", centred on 0"
    public var quantile = "quantile"
    public var jenks = "Jenks natural breaks"
    public var equalInterval = "equal interval"
    public var manualBreaks = "manual breaks"
    public var lineWidth = "{field} (line width)"
    public var markerArea = "{field} (marker area)"
    /// Joins the last two layer names of a default title: "Parishes and sites".
    public var and = "and"
    public var legend = "Legend"
    public var searchByName = "Search by name"
    public var noMatch = "no match"
    public var fitTo = "Fit to:"
    public var all = "all"
    /// How numbers in legends read: `1,234.5` (English) or `1.234,5`.
    public var groupingSeparator = ","
    public var decimalSeparator = "."

    public init() {}

    public static let english = MapText()

    /// A legend number with `decimals` places in this text's separators.
    func number(_ value: Double, decimals: Int) -> String {
        let english = NumberFormat.format(value, decimals: decimals)
        guard groupingSeparator != "," || decimalSeparator != "." else { return english }
        return String(english.map { character -> String in
            switch character {
            case ",": groupingSeparator
            case ".": decimalSeparator
            default: String(character)
            }
        }.joined())
    }

    func methodName(_ method: ClassificationMethod) -> String {
        switch method {
        case .quantile: quantile
        case .jenks: jenks
        case .equalInterval: equalInterval
        case .manual: manualBreaks
        }
    }

    static func fill(_ template: String, _ values: [String: String]) -> String {
        var text = template
        for (key, value) in values { text = text.replacingOccurrences(of: "{\(key)}", with: value) }
        return text
    }
}
