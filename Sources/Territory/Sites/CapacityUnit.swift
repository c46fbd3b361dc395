/// The unit a capacity is given in, per month. Three are built in (and
/// their Spanish spellings: `t/mes`, `l/mes`, `piezas/mes`); a chain spec
/// may declare any other (`visitors/month`, `head`, `ha`), which is then
/// converted to the final product only through the yields the spec states.
public struct CapacityUnit: Sendable, Hashable, CustomStringConvertible {
    /// The canonical spelling: English for the built-in units, else as
    /// given, trimmed and lowercased.
    public let rawValue: String

    public static let tonnesPerMonth = CapacityUnit(canonical: "t/month")
    public static let litresPerMonth = CapacityUnit(canonical: "l/month")
    public static let piecesPerMonth = CapacityUnit(canonical: "pieces/month")

    public static let builtIn: [CapacityUnit] = [.tonnesPerMonth, .litresPerMonth, .piecesPerMonth]

    static let aliases: [String: CapacityUnit] = [
        "t/mes": .tonnesPerMonth, "ton/mes": .tonnesPerMonth, "t/month": .tonnesPerMonth,
        "l/mes": .litresPerMonth, "litros/mes": .litresPerMonth, "l/month": .litresPerMonth,
        "piezas/mes": .piecesPerMonth, "pieces/month": .piecesPerMonth,
    ]

    private init(canonical: String) { rawValue = canonical }

    /// The unit a text names, built in or not; nil for an empty text.
    public init?(named text: String) {
        let name = NameText.name(text)
        guard !name.isEmpty else { return nil }
        self = Self.aliases[name] ?? CapacityUnit(canonical: name)
    }

    public var description: String { rawValue }
}
