import Foundation

/// A month of the year, 1 (January) to 12 (December). Read from a number
/// or a month's name in Spanish or English (`3`, `marzo`, `March`, `mar`),
/// so `--month` takes what a planner would write.
public struct Month: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let number: Int

    public init?(_ number: Int) {
        guard (1...12).contains(number) else { return nil }
        self.number = number
    }

    /// The twelve months in order.
    public static let all: [Month] = (1...12).map { Month($0)! }

    /// Index 0-11, for arrays of twelve.
    public var index: Int { number - 1 }

    public static func < (lhs: Month, rhs: Month) -> Bool { lhs.number < rhs.number }

    public var description: String { String(format: "%02d", number) }

    static let englishNames = ["january", "february", "march", "april", "may", "june", "july", "august",
                               "september", "october", "november", "december"]
    static let spanishNames = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                               "septiembre", "octubre", "noviembre", "diciembre"]

    /// A month from `3`, `03`, `marzo`, `March`, `mar`, `sept`/`setiembre`
    /// (accents and case ignored); nil for anything else.
    public static func parse(_ text: String) -> Month? {
        let word = text.trimmingCharacters(in: .whitespaces)
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        if let number = Int(word) { return Month(number) }
        if word == "setiembre" || word == "sept" || word == "set" { return Month(9) }
        for names in [englishNames, spanishNames] {
            if let index = names.firstIndex(of: word) { return Month(index + 1) }
            // The first three letters, when they name one month only.
            if word.count >= 3, case let matches = names.indices.filter({ names[$0].hasPrefix(word) }), matches.count == 1 {
                return Month(matches[0] + 1)
            }
        }
        return nil
    }

    /// The English name, for JSON and machine outputs.
    public var englishName: String { Self.englishNames[index].capitalized }

    /// The month's name in a language's reports.
    public func name(in language: Language) -> String {
        language.text(.season(.month(number)))
    }

    /// Three letters, for table headers and sparkline labels.
    public func short(in language: Language) -> String {
        String(name(in: language).prefix(3))
    }
}
