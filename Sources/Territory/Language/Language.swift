import Foundation

/// The language of the text a report writes for people. Machine outputs
/// (GeoJSON, CSV, JSON) never follow it: their keys, stage names and
/// numbers stay as they are in every language.
public enum Language: String, CaseIterable, Sendable {
    case es
    case en

    /// The language the environment asks for: the first non-empty of
    /// `LC_ALL` and `LANG` (the order POSIX gives them); `es`, `es_VE.UTF-8`,
    /// `es-EC` give Spanish, anything else (or nothing) English.
    public static func from(environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        let setting = ["LC_ALL", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let code = setting.prefix { $0.isLetter }.lowercased()
        return code == "es" ? .es : .en
    }

    /// The catalogue's text for a key in this language.
    public func text(_ key: Catalogue.Key) -> String {
        switch self {
        case .en: Catalogue.english(key)
        case .es: Catalogue.spanish(key)
        }
    }

    /// Thousands and decimal separators of the language's reports:
    /// `1,234.5` in English, `1.234,5` in Spanish.
    public var separators: (grouping: String, decimal: String) {
        switch self {
        case .en: (",", ".")
        case .es: (".", ",")
        }
    }

    /// A standard stage by the language's name (`comercialización`); a
    /// stage of the chain's own naming as the chain names it.
    public func name(of stage: Stage) -> String {
        guard stage.isStandard else { return stage.rawValue }
        return text(.stage(stage))
    }

    /// A built-in unit by the language's spelling (`t/mes`); a unit of the
    /// chain's own naming as the chain names it.
    public func name(of unit: CapacityUnit) -> String {
        guard CapacityUnit.builtIn.contains(unit) else { return unit.rawValue }
        return text(.unit(unit))
    }
}
