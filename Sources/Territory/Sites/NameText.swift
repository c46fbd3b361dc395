/// Trimming of the names sites give (stages, units, owners, products) in
/// Swift alone. Foundation's `trimmingCharacters(in:)` goes through
/// `NSString` and cost a third of `join`'s time on 200,000 sites (issue 23);
/// these trim the same characters and return the text itself, without a
/// copy, when there is nothing to trim (the usual case).
enum NameText {
    /// `text` without leading and trailing white space and line breaks:
    /// the characters of `CharacterSet.whitespacesAndNewlines` (Unicode's
    /// White_Space property: Z* categories, tab, U+000A-000D, U+0085; and
    /// U+200B, as Foundation has it).
    static func trimmed(_ text: String) -> String {
        trimming(text, where: isWhiteSpace)
    }

    /// `text` without leading and trailing spaces and tabs (no line
    /// breaks): the characters of `CharacterSet.whitespaces`.
    static func trimmedOfSpaces(_ text: String) -> String {
        trimming(text, where: isSpace)
    }

    static func trimmedOfSpaces(_ text: Substring) -> String {
        trimming(text, where: isSpace)
    }

    /// Trimmed and lowercased: how a stage, a unit or an owner is named.
    static func name(_ text: String) -> String {
        trimmed(text).lowercased()
    }

    // Foundation (swift-corelibs) also counts U+200B, the zero width
    // space, in both sets (Unicode called it a space separator until 4.0.1):
    // kept, so that every name reads as it did.
    private static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace || scalar == "\u{200B}" }
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .spaceSeparator || scalar == "\t" || scalar == "\u{200B}"
    }

    private static func trimming(_ text: String, where isBlank: (Unicode.Scalar) -> Bool) -> String {
        // Nothing to trim: the text itself, no copy.
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last, isBlank(first) || isBlank(last) else { return text }
        return trimming(text[...], where: isBlank)
    }

    private static func trimming(_ text: Substring, where isBlank: (Unicode.Scalar) -> Bool) -> String {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, isBlank(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isBlank(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(Substring(scalars[start..<end]))
    }
}
