/// The Markdown the reports write, as HTML blocks: headings (`##` opens a
/// chapter: a `<section>` that starts a new printed page), paragraphs,
/// pipe tables (a `---:` column is numeric: right-aligned), lists, code
/// fences and images alone on a line (figures). This subset is all the
/// catalogues and reports use; any other line is a paragraph of text.
/// Every value is escaped (`HTMLText`), so the data cannot add markup.
struct MarkdownBlocks {
    var inline: MarkdownInline
    /// Whole chapters (HTML, each its own `<section>`) to put before the
    /// Markdown's chapter of this number (0: the first `##`); put at the
    /// end by the caller when the Markdown has fewer chapters.
    var before: (chapter: Int, html: String)? = nil
    /// Whether `before` was placed.
    private(set) var placed = false

    /// The HTML of `markdown`; chapters are left open for `ReportPage` to close.
    mutating func html(_ markdown: String, chapters: inout Int) -> String {
        var out = ""
        var paragraph: [Substring] = []
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)[...]
        func flush() {
            guard !paragraph.isEmpty else { return }
            out += "<p>" + paragraph.map { inline.html($0) }.joined(separator: "\n") + "</p>\n"
            paragraph = []
        }
        while let line = lines.popFirst() {
            let trimmed = line.drop { $0 == " " }
            if trimmed.isEmpty { flush(); continue }
            if trimmed.hasPrefix("```") {
                flush()
                var code: [Substring] = []
                while let next = lines.popFirst(), !next.hasPrefix("```") { code.append(next) }
                out += "<pre><code>" + HTMLText.escape(code.joined(separator: "\n")) + "</code></pre>\n"
            } else if let (level, title) = Self.heading(trimmed) {
                flush()
                if level == 2 {
                    if chapters > 0 { out += "</section>\n" }
                    if let before, !placed, before.chapter == chapters {
                        out += before.html
                        placed = true
                    }
                    chapters += 1
                    out += "<section class=\"chapter\">\n"
                }
                out += "<h\(level)>\(inline.html(title))</h\(level)>\n"
            } else if trimmed.hasPrefix("|") {
                flush()
                var rows = [trimmed]
                while let next = lines.first, next.drop(while: { $0 == " " }).hasPrefix("|") {
                    rows.append(next.drop { $0 == " " })
                    lines = lines.dropFirst()
                }
                out += table(rows)
            } else if trimmed.hasPrefix("- ") {
                flush()
                var items = [trimmed.dropFirst(2)]
                while let next = lines.first, next.hasPrefix("- ") {
                    items.append(next.dropFirst(2))
                    lines = lines.dropFirst()
                }
                out += "<ul>\n" + items.map { "<li>\(inline.html($0))</li>\n" }.joined() + "</ul>\n"
            } else if trimmed.hasPrefix("!["), let (alt, file, rest) = MarkdownInline.link(trimmed.dropFirst()),
                      rest.allSatisfy(\.isWhitespace) {
                flush()
                out += "<figure>\(inline.image(String(alt), String(file)))<figcaption>\(HTMLText.escape(alt))</figcaption></figure>\n"
            } else {
                paragraph.append(trimmed)
            }
        }
        flush()
        return out
    }

    static func heading(_ line: Substring) -> (Int, Substring)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...4).contains(hashes), line.dropFirst(hashes).hasPrefix(" ") else { return nil }
        return (hashes, line.dropFirst(hashes + 1))
    }

    /// A pipe table: header, the alignment row, then the body.
    private func table(_ rows: [Substring]) -> String {
        let cells = rows.map(Self.cells)
        guard cells.count >= 2, cells[1].allSatisfy({ $0.allSatisfy { "-:| ".contains($0) } && $0.contains("-") }) else {
            // Not a table after all: the lines as text.
            return "<p>" + rows.map { inline.html($0) }.joined(separator: "<br>\n") + "</p>\n"
        }
        let numeric = cells[1].map { $0.hasSuffix(":") }
        func row(_ values: [Substring], tag: String) -> String {
            var text = "<tr>"
            for (index, value) in values.enumerated() {
                let kind = index < numeric.count && numeric[index] ? " class=\"number\"" : ""
                text += "<\(tag)\(kind)>\(inline.html(value))</\(tag)>"
            }
            return text + "</tr>\n"
        }
        var text = "<div class=\"table\"><table>\n<thead>\n" + row(cells[0], tag: "th") + "</thead>\n<tbody>\n"
        for body in cells.dropFirst(2) { text += row(body, tag: "td") }
        return text + "</tbody>\n</table></div>\n"
    }

    /// `| a | b |` -> ["a", "b"], each trimmed.
    static func cells(_ line: Substring) -> [Substring] {
        var inner = line.drop { $0 == " " }
        if inner.hasPrefix("|") { inner = inner.dropFirst() }
        while inner.hasSuffix(" ") { inner = inner.dropLast() }
        if inner.hasSuffix("|") { inner = inner.dropLast() }
        return inner.split(separator: "|", omittingEmptySubsequences: false).map { cell in
            var cell = cell.drop { $0 == " " }
            while cell.hasSuffix(" ") { cell = cell.dropLast() }
            return cell
        }
    }
}
