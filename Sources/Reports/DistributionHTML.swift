import Maps
import Territory

/// `distribute --report FILE.html`: the distribution report, the map of
/// its optimised routes over the territories (line width by tonnes a
/// month, coloured by whether they pass through an intermediary) and the
/// distribution terms.
extension DistributionReport {
    public func html() throws -> String {
        var page = HTMLReport(language: language, markdown: markdown, terms: GlossaryTerm.distribution)
        page.figures = try routesMap().map { [$0] } ?? []
        // Right after the figures table, before the details.
        page.figuresAfterChapter = 0
        return page.render().html
    }

    /// Nil when no route carries anything (a broken chain): the report
    /// says so in its text.
    func routesMap() throws -> ReportFigure? {
        let routes = try lines()
        guard !routes.features.isEmpty else { return nil }
        let title = language.text(.mapRoutes(product: chain.product))
        let options = MapOptions(title: title, width: 900, colorBy: "intermediary", lineWidthBy: "tonnes_month")
        let svg = try MapOutput.render([MapLayer(name: language.text(.mapTerritories), layer: territories),
                                        MapLayer(name: language.text(.mapRoutesLayer), layer: routes)],
                                       options: options, format: .svg)
        return ReportFigure(caption: title, mediaType: "image/svg+xml", bytes: svg)
    }
}
