import Territory

/// One self-contained HTML report: the report's Markdown (its tables,
/// headings and text, so the two formats never disagree) with every value
/// escaped, the maps carried in the page, and the definitions of its terms
/// in two lines each. No external URL: no script, style sheet, font or
/// image is fetched, so it opens offline and prints to PDF from a browser.
public struct HTMLReport {
    public var language: Language
    /// The report's body in Markdown, as `CoverageReport.markdownBody` or
    /// `DistributionReport.markdown` write it.
    public var markdown: String
    /// Maps, in a chapter of their own: after the body's first
    /// `figuresAfterChapter` chapters (`##`), or after the body when nil.
    public var figures: [ReportFigure] = []
    public var figuresAfterChapter: Int?
    /// The terms the definitions chapter explains (nothing: no chapter).
    public var terms: [GlossaryTerm] = []
    /// The bytes of an image the Markdown names (`![alt](file)`), nil
    /// when it is not there: the page then says which file is missing.
    public var imageFile: (String) -> [UInt8]? = { _ in nil }

    public init(language: Language, markdown: String, figures: [ReportFigure] = [], terms: [GlossaryTerm] = []) {
        self.language = language
        self.markdown = markdown
        self.figures = figures
        self.terms = terms
    }

    /// The page, and the files its Markdown names as images that could
    /// not be carried (each said in the page; the command warns of them).
    public func render() -> (html: String, missingImages: [String]) {
        let missing = MissingFiles()
        let language = self.language, imageFile = self.imageFile
        let inline = MarkdownInline(image: { alt, file in
            guard let type = ReportFigure.mediaType(ofFile: file), let bytes = imageFile(file) else {
                missing.files.append(file)
                return "<span class=\"missing\">\(HTMLText.escape(language.text(.figureMissing(file: file))))</span>"
            }
            return ReportFigure(caption: alt, mediaType: type, bytes: bytes).image
        })
        var chapters = 0
        let maps = figures.isEmpty ? "" : "<section class=\"chapter\">\n<h2>\(HTMLText.escape(language.text(.mapsHeading)))</h2>\n"
            + figures.map(\.html).joined() + "</section>\n"
        var blocks = MarkdownBlocks(inline: inline)
        if !figures.isEmpty, let after = figuresAfterChapter { blocks.before = (after, maps) }
        var body = blocks.html(markdown, chapters: &chapters)
        if !figures.isEmpty, !blocks.placed {
            if chapters > 0 { body += "</section>\n" }
            body += maps
            chapters = 0
        }
        if !terms.isEmpty {
            if chapters > 0 { body += "</section>\n" }
            chapters = 1
            body += "<section class=\"chapter\">\n<h2>\(HTMLText.escape(language.text(.definitionsHeading)))</h2>\n<dl class=\"definitions\">\n"
            for term in terms {
                body += "<div><dt>\(HTMLText.escape(language.text(.term(term))))</dt>"
                body += "<dd>\(HTMLText.escape(language.text(.definition(term))))</dd></div>\n"
            }
            body += "</dl>\n"
        }
        if chapters > 0 { body += "</section>\n" }
        let html = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(title))</title>
            <style>
            \(ReportStyle.css)
            </style>
            </head>
            <body>
            \(body)<footer>\(HTMLText.escape(language.text(.htmlFooter)))</footer>
            </body>
            </html>

            """
        return (html, missing.files)
    }

    private final class MissingFiles {
        var files: [String] = []
    }

    /// The first heading's text, without its Markdown marks.
    var title: String {
        let heading = markdown.split(separator: "\n").lazy.compactMap(MarkdownBlocks.heading).first
        return heading.map { String($0.1).replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "") } ?? "Territorio"
    }
}
