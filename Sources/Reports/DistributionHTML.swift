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
        let lines = try lines()
        guard !lines.features.isEmpty else { return nil }
        // The legend reads the field names and values: in the report's words.
        let kind = language.text(.mapRouteField), tonnes = language.name(of: chain.unit)
        var routes = lines
        for index in routes.features.indices {
            let properties = routes.features[index].properties
            let through = properties["intermediary"] == .bool(true)
            routes.features[index].properties = [
                kind: .string(language.text(through ? .mapRouteThroughIntermediary : .mapRouteDirect)),
                tonnes: properties["tonnes_month"] ?? .null,
            ]
        }
        let title = language.text(.mapRoutes(product: chain.product))
        var options = MapOptions(title: title, width: 900, colorBy: kind, lineWidthBy: tonnes)
        options.text = MapText(language: language)
        let svg = try MapOutput.render([MapLayer(name: language.text(.mapTerritories), layer: territories),
                                        MapLayer(name: language.text(.mapRoutesLayer), layer: routes)],
                                       options: options, format: .svg)
        return ReportFigure(caption: title, mediaType: "image/svg+xml", bytes: svg)
    }
}
