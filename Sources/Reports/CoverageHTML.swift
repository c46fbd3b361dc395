import Maps
import Territory

/// `coverage --report FILE.html`: the coverage report's body, one map per
/// product (the circuits coloured by the share of their demand they
/// supply themselves, drawn by Maps as SVG) and the coverage terms.
extension CoverageReport {
    public func html() throws -> String {
        var page = HTMLReport(language: language, markdown: markdownBody, terms: GlossaryTerm.coverage)
        page.figures = try selfSufficiencyMaps()
        // After the three findings (surplus, shortage of product, of a
        // stage), before each circuit's tables: what a reader looks at first.
        page.figuresAfterChapter = 3
        return page.render().html
    }

    /// One map per product the circuits count, in the order they first
    /// appear; a product no circuit has a demand for (self-sufficiency
    /// null everywhere) has nothing to colour and gets no map.
    func selfSufficiencyMaps() throws -> [ReportFigure] {
        var products: [String] = []
        for circuit in result.circuits {
            for product in circuit.products where !products.contains(product.product) { products.append(product.product) }
        }
        guard !products.isEmpty else { return [] }
        // The map's labels name the circuits as the tables do.
        var layer = try circuits()
        for index in layer.features.indices {
            let id = layer.features[index].properties["circuit_id"]?.stringValue ?? ""
            layer.features[index].properties["label"] = .string(circuitLabel(id))
        }
        return try products.compactMap { product in
            let field = "\(Self.slug(product))_self_sufficiency"
            guard layer.features.contains(where: { ($0.properties[field] ?? .null) != .null }) else { return nil }
            // A short title on the map, the sentence under it.
            var options = MapOptions(title: language.text(.mapSelfSufficiencyTitle(product: product)), width: 900, colorBy: field, labels: "label")
            options.text = MapText(language: language)
            let svg = try MapOutput.render([MapLayer(name: language.text(.circuit), layer: layer)], options: options, format: .svg)
            return ReportFigure(caption: language.text(.mapSelfSufficiency(product: product)), mediaType: "image/svg+xml", bytes: svg)
        }
    }
}
