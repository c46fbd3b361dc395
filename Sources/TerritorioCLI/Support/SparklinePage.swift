import Reports
import Territory

/// The HTML page of a report whose Markdown draws each series as an image
/// `sparkline-N.svg` (the seasonal coverage, the monitor): the page
/// inlines the N-th sparkline's SVG there, so it stays one file.
enum SparklinePage {
    static func html(language: Language, markdown: String, sparklines: [String]) -> String {
        var page = HTMLReport(language: language, markdown: markdown)
        page.imageFile = { file in
            guard file.hasPrefix("sparkline-"), let index = Int(file.dropFirst("sparkline-".count).dropLast(".svg".count)),
                  sparklines.indices.contains(index) else { return nil }
            return Array(sparklines[index].utf8)
        }
        return page.render().html
    }
}
