/// Text for XML and HTML content and attribute values: `&`, `<`, `>` and
/// both quotes escaped, so the same text is safe in an attribute; control
/// characters XML 1.0 forbids (even escaped) left out. The SVG maps, the
/// web map and the HTML reports all escape through here.
public enum MarkupText {
    public static func escaped(_ string: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(string.utf8.count)
        for character in string.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\u{9}", "\u{A}", "\u{D}": result.unicodeScalars.append(character)
            default:
                // XML 1.0 forbids other control characters, even escaped.
                if character.value < 0x20 || character.value == 0xFFFE || character.value == 0xFFFF { continue }
                result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
