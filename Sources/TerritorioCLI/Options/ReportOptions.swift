import Territory
import ArgumentParser
import Geo

/// `--report FILE` (Markdown, or HTML for a `.html` name where the command
/// writes one) and `--json FILE`, written atomically.
struct ReportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Write the report here: Markdown, or one self-contained HTML page (tables, maps, definitions) when the name ends in .html (coverage, distribute).", valueName: "file"))
    var report: String?

    @Option(name: .customLong("json"), help: JSONOption.help)
    var json: String?

    /// Whether `--report` names an HTML page (`.html`, `.htm`).
    var wantsHTML: Bool { report.map(Self.isHTML) ?? false }

    static func isHTML(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".html") || lower.hasSuffix(".htm")
    }

    /// For a command whose report is Markdown only: an HTML name is an
    /// error rather than Markdown in a file a browser would show as one line.
    func write(markdown: @autoclosure () -> String, json value: @autoclosure () -> JSONValue) throws {
        if let report, Self.isHTML(report) {
            throw ValidationError(Diagnostics.text(.usage(.reportIsMarkdown(report: report))))
        }
        try write(markdown: markdown(), html: { "" }, json: value())
    }

    /// `html` is asked for only when `--report` names an HTML page.
    func write(markdown: @autoclosure () -> String, html: () throws -> String, json value: @autoclosure () -> JSONValue) throws {
        // The report and JSON name the inputs: a connection string's password is masked.
        if let report { try Self.writeText(ConnectionSecrets.masked(Self.isHTML(report) ? html() : markdown()), to: report) }
        if let json { try Self.writeText(ConnectionSecrets.masked(value().jsonText) + "\n", to: json) }
    }

    static func writeText(_ text: String, to path: String) throws {
        let output = try OutputFile(path: path)
        try output.write(text)
        try output.commit()
    }
}
