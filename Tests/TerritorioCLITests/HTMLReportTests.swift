import Foundation
import Reports
import Territory
import TestSupport
import Testing

/// The HTML report: one page, well formed as Python's html.parser reads
/// it, holding the Markdown report's tables cell for cell, its maps
/// carried inside, every value from the data escaped, no URL leaving it.
@Suite struct HTMLReportTests {
    struct Page: Decodable {
        var doctype: String?
        var lang: String?
        var errors: [String]
        var tables: [[[String]]]
        var text: String
        var images: [String]
        var external: [String]
        var scripts: Int
        var headings: [String]
        var sections: Int
    }

    /// The page as Python's html.parser reads it; nil when the tests' venv is missing.
    static func parse(_ html: String) throws -> Page? {
        guard let outcome = try TestPython.run(script: TestPython.script("check_html.py"), input: Data(html.utf8)) else { return nil }
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return try JSONDecoder().decode(Page.self, from: Data(outcome.standardOutput.utf8))
    }

    /// The Markdown's tables as rows of cells, without the alignment rows
    /// and the inline marks: what the HTML tables must hold.
    static func markdownTables(_ markdown: String) -> [[[String]]] {
        var tables: [[[String]]] = [], current: [[String]] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                if !current.isEmpty { tables.append(current); current = [] }
                continue
            }
            let cells = line.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "")
            }
            if cells.allSatisfy({ $0.allSatisfy { "-:".contains($0) } }) { continue }
            current.append(cells)
        }
        if !current.isEmpty { tables.append(current) }
        return tables
    }

    @Test func aTerritoryNamedScriptIsShownAsText() throws {
        let markdown = "# Report\n\nThe circuit <script>alert(1)</script> & **bold <b>x</b>**.\n\n## Table\n\n| circuit | people |\n|---|---:|\n| <script>alert(\"x\")</script> | 1.234,5 |\n| [a](http://example.org) | `<i>` |\n"
        let html = HTMLReport(language: .es, markdown: markdown, terms: [.circuit]).render().html
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; <strong>bold &lt;b&gt;x&lt;/b&gt;</strong>"))
        guard let page = try Self.parse(html) else { Issue.record(Comment(rawValue: TestPython.missingMessage)); return }
        #expect(page.errors.isEmpty, "\(page.errors)")
        #expect(page.scripts == 0)
        #expect(page.external.isEmpty, "\(page.external)")
        #expect(page.lang == "es")
        #expect(page.tables == [[["circuit", "people"], ["<script>alert(\"x\")</script>", "1.234,5"], ["[a](http://example.org)", "<i>"]]])
        #expect(page.text.contains("The circuit <script>alert(1)</script> & bold <b>x</b>."))
        #expect(page.headings == ["Report", "Table", "Definiciones"])
        #expect(page.sections == 2)
    }

    /// A missing figure is said in the page (and returned for a warning), never dropped.
    @Test func aMissingFigureIsSaid() throws {
        var report = HTMLReport(language: .en, markdown: "# R\n\n![A map](map.png)\n\n![Another](there.png)\n")
        report.imageFile = { $0 == "there.png" ? [0x89, 0x50, 0x4E, 0x47] : nil }
        let (html, missing) = report.render()
        #expect(missing == ["map.png"])
        #expect(html.contains("(figure map.png was not found beside the report)"))
        #expect(html.contains("<img src=\"data:image/png;base64,iVBORw==\" alt=\"Another\">"))
    }

    /// `coverage --report FILE.html --lang es`: the Markdown report's
    /// tables cell for cell, Spanish numbers, one map, the definitions,
    /// and a circuit named `<script>` shown as text.
    @Test func coverageInSpanish() throws {
        let grouping = CommandTests.temporary("html_grouping.csv")
        let csv = try String(contentsOfFile: SampleFiles.circuits, encoding: .utf8).replacingOccurrences(of: "C-EM09", with: "<script>alert(1)</script>")
        try csv.write(toFile: grouping, atomically: true, encoding: .utf8)
        func run(_ report: String) throws -> String {
            let path = CommandTests.temporary(report)
            let outcome = try ChildProcess.run([
                "coverage", "--territories", SampleFiles.parishes, "--id-field", "code", "--grouping", grouping,
                "--sites", SampleFiles.sites, "--chain", SampleFiles.cheese, "-o", CommandTests.temporary("html_circuits.geojson"),
                "--report", path, "--lang", "es",
            ])
            #expect(outcome.status == 0, "\(outcome.standardError)")
            return try String(contentsOfFile: path, encoding: .utf8)
        }
        let markdown = try run("html_coverage.md"), html = try run("html_coverage.html")
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        guard let page = try Self.parse(html) else { Issue.record(Comment(rawValue: TestPython.missingMessage)); return }
        #expect(page.doctype == "DOCTYPE html")
        #expect(page.errors.isEmpty, "\(page.errors)")
        #expect(page.scripts == 0 && page.external.isEmpty)
        #expect(page.tables == Self.markdownTables(markdown))
        #expect(page.text.contains("15 circuitos; 2.224.979 habitantes en los territorios"))
        #expect(page.tables.joined().contains { $0.first == "<script>alert(1)</script>" })
        // Spanish numbers in the cells: 1.234,5, never 1,234.5.
        let cells = page.tables.joined().joined()
        #expect(cells.contains { $0.range(of: #"^\d{1,3}(\.\d{3})+,\d$"#, options: .regularExpression) != nil })
        #expect(!cells.contains { $0.range(of: #"^\d{1,3}(,\d{3})+\.\d$"#, options: .regularExpression) != nil })
        #expect(page.images.map { $0.hasPrefix("data:image/svg+xml;base64,") } == [true])
        #expect(page.headings.first == "Cobertura de los circuitos")
        // The maps after the three findings, before each circuit's tables; the definitions last.
        #expect(Array(page.headings.prefix(5)) == ["Cobertura de los circuitos", "Excedente por colocar", "Déficit de rubro",
                                                   "Déficit de un eslabón", "Mapas"])
        #expect(page.headings.last == "Definiciones")
        #expect(page.text.contains("Autoabastecimiento = abastecimiento propio / demanda."))
        #expect(!page.headings.contains("Definitions"))
    }

    /// `distribute --report FILE.html`: the Markdown report's tables
    /// cell for cell, and the routes' map.
    @Test func distributionInEnglish() throws {
        func run(_ report: String) throws -> String {
            let path = CommandTests.temporary(report)
            let outcome = try ChildProcess.run([
                "distribute", "--sites", SampleFiles.sites, "--territories", SampleFiles.parishes, "--id-field", "code",
                "--chain", SampleFiles.cheese, "-o", CommandTests.temporary("html_routes.geojson"), "--report", path, "--lang", "en",
            ])
            #expect(outcome.status == 0, "\(outcome.standardError)")
            return try String(contentsOfFile: path, encoding: .utf8)
        }
        let markdown = try run("html_distribution.md"), html = try run("html_distribution.html")
        guard let page = try Self.parse(html) else { Issue.record(Comment(rawValue: TestPython.missingMessage)); return }
        #expect(page.errors.isEmpty, "\(page.errors)")
        #expect(page.tables == Self.markdownTables(markdown))
        #expect(page.tables.first?.prefix(2) == [["figure", "baseline", "optimised"], ["demand (t/month)", "1335.0", "1335.0"]])
        #expect(page.images.count == 1)
        #expect(Array(page.headings.prefix(2)) == ["Distribution of cheese", "Maps"])
        #expect(page.headings.last == "Definitions")
    }

    /// A command whose report is Markdown only refuses an HTML name, before it writes anything.
    @Test func markdownOnlyCommandsRefuseAnHTMLReport() throws {
        let layer = CommandTests.temporary("html_compare.geojson")
        try? FileManager.default.removeItem(atPath: layer)
        let outcome = try ChildProcess.run([
            "group", "compare", SampleFiles.circuits, SampleFiles.alternative, "--territories", SampleFiles.parishes, "--id-field", "code",
            "-o", layer, "--report", CommandTests.temporary("html_compare.html"),
        ])
        #expect(outcome.status != 0)
        #expect(!FileManager.default.fileExists(atPath: layer))
        #expect(outcome.standardError.contains("writes its report in Markdown; name it .md"))
    }
}
