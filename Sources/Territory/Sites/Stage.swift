import Foundation

/// A link of a product chain, by name. The five stages the programmes use
/// are named constants, and their Spanish names are the same stage
/// (`acopio` is `collection`); a chain spec of version 2 may name others
/// (`hospedaje` for tourism) and gives each chain its order.
public struct Stage: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The canonical name: English for the five standard stages, else the
    /// name as given, trimmed and lowercased.
    public let rawValue: String

    public static let primary = Stage(canonical: "primary")
    public static let processing = Stage(canonical: "processing")
    public static let collection = Stage(canonical: "collection")
    public static let distribution = Stage(canonical: "distribution")
    public static let retail = Stage(canonical: "retail")

    /// The five standard stages, in the order the domain lists them (and
    /// the default template of a chain).
    public static let standard: [Stage] = [.primary, .processing, .collection, .distribution, .retail]

    /// Spanish (and accent-free) names of the standard stages.
    static let aliases: [String: Stage] = [
        "producción primaria": .primary, "produccion primaria": .primary, "producción": .primary, "produccion": .primary,
        "transformación": .processing, "transformacion": .processing, "procesamiento": .processing,
        "acopio": .collection,
        "distribución": .distribution, "distribucion": .distribution,
        "comercialización": .retail, "comercializacion": .retail,
    ]

    private init(canonical: String) { rawValue = canonical }

    /// The stage a text names: a standard name or one of its Spanish names
    /// gives the standard stage; any other non-empty text is a stage of
    /// its own. Nil for an empty text.
    public init?(named text: String) {
        let name = NameText.name(text)
        guard !name.isEmpty else { return nil }
        self = Self.aliases[name] ?? Stage(canonical: name)
    }

    public var isStandard: Bool { Self.standard.contains(self) }

    public var description: String { rawValue }

    /// Standard stages in the domain's order, then others by name.
    public static func < (a: Stage, b: Stage) -> Bool {
        let order = (standard.firstIndex(of: a) ?? standard.count, standard.firstIndex(of: b) ?? standard.count)
        return order.0 != order.1 ? order.0 < order.1 : a.rawValue < b.rawValue
    }
}
