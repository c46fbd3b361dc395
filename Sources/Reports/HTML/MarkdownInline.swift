/// The inline Markdown the reports write, as HTML: `**strong**`, `` `code` ``,
/// `[text](file)` and `![alt](file)`. Everything else is text, escaped.
/// A link to anything but a file beside the report (a scheme such as
/// `http:`) stays text: the page never points outside itself.
struct MarkdownInline {
    /// Turns an image's file into the `<img>` (or the note that it is missing).
    var image: (_ alt: String, _ file: String) -> String

    func html(_ text: Substring) -> String {
        var result = ""
        var rest = text
        while let next = rest.firstIndex(where: { $0 == "*" || $0 == "`" || $0 == "[" || $0 == "!" }) {
            result += HTMLText.escape(rest[..<next])
            rest = rest[next...]
            if rest.hasPrefix("**"), let end = rest.dropFirst(2).range(of: "**") {
                result += "<strong>" + html(rest[rest.index(rest.startIndex, offsetBy: 2)..<end.lowerBound]) + "</strong>"
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("`"), let end = rest.dropFirst().firstIndex(of: "`") {
                result += "<code>" + HTMLText.escape(rest[rest.index(after: rest.startIndex)..<end]) + "</code>"
                rest = rest[rest.index(after: end)...]
            } else if rest.hasPrefix("!["), let (alt, target, after) = Self.link(rest.dropFirst()) {
                result += image(String(alt), String(target))
                rest = after
            } else if rest.hasPrefix("["), let (label, target, after) = Self.link(rest) {
                result += Self.isLocal(target) ? "<a href=\"\(HTMLText.escape(target))\">\(html(label))</a>" : HTMLText.escape(rest[..<after.startIndex])
                rest = after
            } else {
                result += HTMLText.escape(rest.prefix(1))
                rest = rest.dropFirst()
            }
        }
        return result + HTMLText.escape(rest)
    }

    /// `[label](target)` at the start of `text`: the label, the target and what follows.
    static func link(_ text: Substring) -> (Substring, Substring, Substring)? {
        guard text.hasPrefix("["), let close = text.firstIndex(of: "]") else { return nil }
        let afterClose = text.index(after: close)
        guard afterClose < text.endIndex, text[afterClose] == "(",
              let end = text[afterClose...].firstIndex(of: ")") else { return nil }
        return (text[text.index(after: text.startIndex)..<close], text[text.index(after: afterClose)..<end], text[text.index(after: end)...])
    }

    /// A file beside the report: no scheme (`http:`, `javascript:`), no
    /// absolute or protocol-relative path.
    static func isLocal(_ target: Substring) -> Bool {
        !target.isEmpty && !target.contains(":") && !target.hasPrefix("/") && !target.hasPrefix("\\")
    }
}
