/// CSV text as RFC 4180 writes it: comma-separated fields, LF line ends,
/// and a field quoted (its quotes doubled) when it holds a comma, a quote,
/// a line break or leading or trailing spaces, so that a code such as
/// `"Lara, Torres"` reads back as one field in any spreadsheet and in
/// `CSVTable`.
public struct CSVWriter: Sendable {
    public private(set) var text: String

    /// Starts the text with its header line.
    public init(header: [String]) {
        text = ""
        append(header)
    }

    /// Adds one record.
    public mutating func append(_ fields: [String]) {
        var first = true
        for field in fields {
            if !first { text += "," }
            first = false
            text += Self.escaped(field)
        }
        text += "\n"
    }

    /// A field as it must appear in a record.
    public static func escaped(_ field: String) -> String {
        guard needsQuotes(field) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func needsQuotes(_ field: String) -> Bool {
        if field.utf8.first == 0x20 || field.utf8.last == 0x20 { return true }
        return field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
    }
}
