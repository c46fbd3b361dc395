import Foundation
import Geo

/// One feature ready to draw: its parts on the page and its style.
struct DrawnFeature: Sendable {
    /// The properties as a JSON object (the id first when the properties
    /// hold none), for the HTML tooltip.
    var properties: String
    var polygons: PagePath
    var lines: PagePath
    var points: [PagePoint]
    var color: Color
    var lineWidth: Double
    var radius: Double
}

struct DrawnLayer: Sendable {
    var name: String
    var symbology: Symbology
    var features: [DrawnFeature]
}

/// A map laid out on a page: every layer's features in page units, the
/// title, the legend, the scale bar and the labels. Built once, then drawn
/// by `MapRenderer` on any `Canvas`, or, for the HTML page, handed to
/// `LeafletPage` with each layer's features in WGS 84 (`web`).
///
/// Page layout: the title on top, wrapped to the page's width; the map on
/// the left, fitted to the layers' envelope in the metric CRS
/// (`CRS.metric(for:)` of their extent) with its aspect kept, a north
/// arrow in its top right corner and the optional locator inset in its
/// lower right; the legend in a column on the right (under everything on
/// pages narrower than 560), its text wrapped to the column; the scale bar
/// and the CRS under the map. The page's height follows the data's shape
/// (the map's height is kept between 0.45 and 1.6 times its width) and
/// grows when the legend is taller than the map.
public struct MapDocument: Sendable {
    public let width: Double
    public let height: Double
    /// The whole title (the PDF's title metadata); drawn as `titleLines`.
    public let title: String
    public let titleLines: [String]
    /// The CRS the map is drawn in.
    public let crs: CRS
    /// The scale bar, nil when not even a metre fits.
    public let scaleBar: ScaleBar?
    /// Page units per metre on the ground at the map's centre.
    public let pagePerMetre: Double
    /// Labels kept after collision avoidance.
    public var labelCount: Int { labels.count }
    /// What the reader should know about choices made for them: values
    /// grouped into "other", for instance. The CLI prints them.
    public let notices: [String]

    let unit: Double
    let frame: MapFrame
    let layers: [DrawnLayer]
    let titleStyle: TextStyle
    let titlePosition: PagePoint
    let titleLineHeight: Double
    let labels: [PlacedLabel]
    let labelStyle: TextStyle
    let legendSections: [LegendSection]
    let legend: LegendLayout
    let scaleBarOrigin: PagePoint
    let scaleBarMaximum: Double
    let footerStyle: TextStyle
    let note: String
    let notePosition: PagePoint
    /// The north arrow's tip and length, nil when not asked for.
    let northArrow: (tip: PagePoint, length: Double)?
    let inset: InsetLayout?
    /// The layers in WGS 84 for the web map (only for `.interactive`).
    let web: [WebLayer]
    let options: MapOptions

    /// How finely paths keep their vertices: `print` merges vertices
    /// closer than 0.3 page units; `interactive` (the HTML, which zooms)
    /// closer than 0.05.
    public enum Detail: Sendable {
        case print, interactive

        var tolerance: Double { self == .print ? 0.3 : 0.05 }
    }

    /// Lays out `layers` (drawn in order: the first at the bottom).
    public static func make(layers: [MapLayer], options: MapOptions, detail: Detail = .print) throws -> MapDocument {
        guard MapOptions.widthRange.contains(options.width) else {
            throw MapError("the width must be between \(MapOptions.widthRange.lowerBound) and \(MapOptions.widthRange.upperBound)")
        }
        guard MapOptions.maxClassesRange.contains(options.maxClasses) else {
            throw MapError("--max-classes \(options.maxClasses): between \(MapOptions.maxClassesRange.lowerBound) and \(MapOptions.maxClassesRange.upperBound)")
        }
        if let breaks = options.breaks {
            guard !breaks.isEmpty, breaks.allSatisfy(\.isFinite), zip(breaks, breaks.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw MapError("--breaks \(breaks.map { NumberFormat.format($0, decimals: NumberFormat.decimals(for: breaks)) }.joined(separator: ",")): the breaks must be numbers in ascending order, each once")
            }
        }
        let layerOptions = try layerOptions(layers: layers, options: options)

        // One metric CRS for every layer, from their common extent in WGS 84.
        let geographic = try geographicExtent(layers)
        guard let geographic else { throw MapError("no layer has a geometry to draw") }
        let crs = CRS.metric(for: geographic)
        let projected = try layers.map { item in
            MapLayer(name: item.name, layer: try item.layer.projected(to: crs, file: item.name))
        }
        let envelope = projected.compactMap(\.layer.envelope).reduce(nil, Envelope.union)!

        // Sizes follow the page width.
        let width = Double(options.width)
        let unit = max(width / 1000, 0.5)
        let margin = max(12, 24 * unit)
        let titleSize = min(max(26 * unit, 15), 44)
        let fontSize = min(max(13 * unit, 10), 20)
        let labelSize = min(max(11.5 * unit, 9), 18)
        let legendWidth = min(max(260 * unit, 150), 420)
        let measure = TextMeasure()

        // The title wraps to the page's width: it is never cut.
        let title = options.title ?? defaultTitle(layers.map(\.name), and: options.text.and)
        let titleLines = measure.wrapped(title, size: titleSize, bold: true, width: width - 2 * margin)
        let titleLineHeight = titleSize * 1.2
        let mapTop = margin + titleSize * 1.7 + titleLineHeight * Double(titleLines.count - 1)
        // Narrow pages put the legend under the map instead of beside it.
        let legendBeside = width >= 560
        let mapWidth = legendBeside ? width - 2 * margin - margin - legendWidth : width - 2 * margin
        let mapHeight = (mapWidth * MapFrame.aspect(of: envelope, limits: 0.45...1.6)).rounded()
        let area = PageRect(x: margin, y: mapTop, width: mapWidth, height: mapHeight)
        let frame = MapFrame(envelope: envelope, area: area, tolerance: detail.tolerance)

        // Styles, features on the page and the legend.
        var drawn: [DrawnLayer] = []
        var kinds = (polygon: 0, line: 0, point: 0)
        var sources: [(layer: Layer, options: MapOptions, original: Int)] = []
        var notices: [String] = []
        for (position, (item, options)) in zip(projected, layerOptions).enumerated() {
            guard let kind = GeometryKind.dominant(in: item.layer) else { continue }
            sources.append((item.layer, options, position))
            let symbology = try Symbology.make(layer: item.layer, layerName: item.name, kind: kind, options: options, unit: unit,
                                               polygonLayersBefore: kinds.polygon, lineLayersBefore: kinds.line, pointLayersBefore: kinds.point)
            switch kind {
            case .polygon: kinds.polygon += 1
            case .line: kinds.line += 1
            case .point: kinds.point += 1
            }
            if case .categories(let field, _, _, let grouped, let counts) = symbology.colouring, !grouped.isEmpty {
                let shown = grouped.prefix(12).joined(separator: ", ") + (grouped.count > 12 ? " and \(grouped.count - 12) more" : "")
                notices.append("\(item.name): \(field) has \(grouped.count + counts.count - 1) values, more than --max-classes \(options.maxClasses); the \(grouped.count) least frequent (\(counts.last!) features) are grouped as \"other\": \(shown)")
            }
            var features: [DrawnFeature] = []
            for (index, feature) in item.layer.features.enumerated() {
                guard let shape = feature.geometry, !shape.isEmpty else { continue }
                features.append(DrawnFeature(
                    properties: propertiesJSON(feature), polygons: frame.polygonPath(shape), lines: frame.linePath(shape),
                    points: frame.points(shape), color: symbology.color(of: index),
                    lineWidth: symbology.lineWidths?[index] ?? symbology.defaultLineWidth, radius: symbology.radius(of: index)))
            }
            if symbology.lineWidths != nil {
                // Thick lines first, so that thin ones stay visible on top.
                features = features.enumerated().sorted { a, b in
                    a.element.lineWidth != b.element.lineWidth ? a.element.lineWidth > b.element.lineWidth : a.offset < b.offset
                }.map(\.element)
            }
            if symbology.pointRadii != nil {
                // Large markers first, so that small ones stay visible on top.
                features = features.enumerated().sorted { a, b in
                    a.element.radius != b.element.radius ? a.element.radius > b.element.radius : a.offset < b.offset
                }.map(\.element)
            }
            drawn.append(DrawnLayer(name: item.name, symbology: symbology, features: features))
        }
        try checkValueLabels(options.valueLabels, layers: drawn)
        // --legend-title names the --color-by field, not a --point-color one.
        let colorField = options.colorBy.map { split($0, layers: layers).field }
        let sections = drawn.reversed().flatMap { layer in
            Legend.sections(name: layer.name, symbology: layer.symbology,
                            legendTitle: layer.symbology.colourField == colorField ? options.legendTitle : nil,
                            valueLabels: options.valueLabels, text: options.text)
        }
        let legendOrigin = legendBeside ? PagePoint(x: area.maxX + margin, y: mapTop - fontSize * 0.3)
                                        : PagePoint(x: margin, y: area.maxY + fontSize * 4.2)
        let legend = LegendLayout(sections: sections, origin: legendOrigin, width: legendBeside ? legendWidth : mapWidth,
                                  fontSize: fontSize, measure: measure)

        // The north arrow and the inset, which labels keep clear of.
        var reserved: [PageRect] = []
        var northArrow: (tip: PagePoint, length: Double)?
        if options.northArrow {
            let length = max(22, 34 * unit)
            let tip = PagePoint(x: area.maxX - margin * 0.6 - length * 0.3, y: area.y + margin * 0.5 + fontSize * 1.2)
            northArrow = (tip, length)
            reserved.append(PageRect(x: tip.x - length * 0.4, y: tip.y - fontSize * 1.4, width: length * 0.8, height: length + fontSize * 1.4))
        }
        var inset: InsetLayout?
        if let locator = options.inset {
            inset = try InsetLayout.make(locator: locator, mapEnvelope: envelope, mapCRS: crs, area: area, unit: unit, tolerance: detail.tolerance)
            reserved.append(inset!.box)
        }

        // Labels, top layer first.
        var labels: [PlacedLabel] = reserved.map { PlacedLabel(text: "", position: PagePoint(x: $0.x, y: $0.y), anchor: .start, box: $0) }
        for (source, layer) in zip(sources, drawn).reversed() {
            guard let field = source.options.labels else { continue }
            let candidates = try LabelPlacer.candidates(layer: source.layer, field: field)
            LabelPlacer.place(candidates, frame: frame, size: labelSize, markerRadius: layer.symbology.pointRadius,
                              measure: measure, placed: &labels)
        }
        labels.removeFirst(reserved.count)

        // Scale bar: true at the map's centre.
        let center = Position(x: (envelope.minX + envelope.maxX) / 2, y: (envelope.minY + envelope.maxY) / 2)
        let pagePerMetre = frame.scale * (try ScaleBar.pointScale(crs: crs, at: center))
        let scaleBarMaximum = min(mapWidth * 0.3, 260 * unit)
        let scaleBar = ScaleBar.choose(pagePerMetre: pagePerMetre, maximumLength: scaleBarMaximum)
        let footerTop = area.maxY + fontSize * 0.9
        let scaleBarOrigin = PagePoint(x: area.x, y: footerTop + fontSize * 1.1)

        // The web map's layers: the same styles, the features in WGS 84.
        var web: [WebLayer] = []
        if detail == .interactive {
            for (source, layer) in zip(sources, drawn) {
                let original = layers[source.original]
                let geographicLayer = original.layer.crs.isWGS84 ? original.layer : try original.layer.projected(to: .wgs84, file: original.name)
                web.append(WebLayer(name: original.name, layer: geographicLayer, symbology: layer.symbology,
                                    labelField: source.options.labels))
            }
        }

        let height = (max(area.maxY + fontSize * 3.4, legendOrigin.y + legend.height) + margin).rounded(.up)
        return MapDocument(
            width: width, height: height, title: title, titleLines: titleLines,
            crs: crs, scaleBar: scaleBar, pagePerMetre: pagePerMetre, notices: notices, unit: unit, frame: frame, layers: drawn,
            titleStyle: TextStyle(size: titleSize, bold: true), titlePosition: PagePoint(x: margin, y: margin + titleSize * 0.95),
            titleLineHeight: titleLineHeight,
            labels: labels, labelStyle: TextStyle(size: labelSize, color: Palette.text, halo: .white.withAlpha(0.9)),
            legendSections: sections, legend: legend, scaleBarOrigin: scaleBarOrigin, scaleBarMaximum: scaleBarMaximum,
            footerStyle: TextStyle(size: fontSize * 0.9, color: Palette.secondaryText),
            note: crsNote(crs), notePosition: PagePoint(x: area.maxX, y: scaleBarOrigin.y + fontSize * 1.6),
            northArrow: northArrow, inset: inset, web: web, options: options)
    }

    /// The layers' common extent in WGS 84.
    static func geographicExtent(_ layers: [MapLayer]) throws -> Envelope? {
        var geographic: Envelope?
        for item in layers {
            guard let envelope = item.layer.envelope else { continue }
            if item.layer.crs.isWGS84 {
                geographic = Envelope.union(geographic, envelope)
            } else {
                let corners = try Transformer(from: item.layer.crs, to: .wgs84).transform(envelope.shape)
                geographic = Envelope.union(geographic, corners.envelope)
            }
        }
        return geographic
    }

    /// `--value-label VALUE=LABEL` must name a value some layer is coloured by.
    static func checkValueLabels(_ valueLabels: [String: String], layers: [DrawnLayer]) throws {
        guard !valueLabels.isEmpty else { return }
        var present: [String] = []
        for layer in layers {
            if case .categories(_, let values, _, _, _) = layer.symbology.colouring { present += values }
        }
        let known = Set(present)
        for value in valueLabels.keys.sorted() where !known.contains(value) {
            let list = present.isEmpty ? "no layer is coloured by a text field" : "the values coloured are: " + present.prefix(30).joined(separator: ", ") + (present.count > 30 ? "..." : "")
            throw MapError("--value-label \(value)=...: no feature is coloured by the value \(value); \(list)")
        }
    }

    /// Each layer's own options: a field option applies to the layers
    /// that have the field, or, written `LAYER:FIELD` (LAYER a legend
    /// name, when no layer has a field of that whole name), to that layer
    /// alone. A field that no layer has is an error; a line width field
    /// must hold numbers in some line layer. `--labels` may be given
    /// several times: a `LAYER:FIELD` one wins over a plain one on its
    /// layer; two of the same kind on one layer are an error.
    /// `--point-color FIELD` colours point layers by FIELD in place of
    /// `--color-by`.
    static func layerOptions(layers: [MapLayer], options: MapOptions) throws -> [MapOptions] {
        var perLayer = [MapOptions](repeating: options, count: layers.count)
        var colorSpecs: [(String, String, WritableKeyPath<MapOptions, String?>, GeometryKind?)] = []
        if let field = options.colorBy { colorSpecs.append(("--color-by", field, \.colorBy, nil)) }
        if let field = options.lineWidthBy { colorSpecs.append(("--line-width-by", field, \.lineWidthBy, .line)) }
        for (flag, text, path, onlyKind) in colorSpecs {
            let (field, only) = split(text, layers: layers)
            let isWidth = path == \MapOptions.lineWidthBy
            var used = false
            for (index, item) in layers.enumerated() {
                var applies = only == nil || only == item.name
                switch FieldValues(field: field, in: item.layer) {
                case .absent: applies = false
                case .numeric: break
                case .categorical: if isWidth { applies = false }
                }
                if let onlyKind, GeometryKind.dominant(in: item.layer) != onlyKind { applies = false }
                perLayer[index][keyPath: path] = applies ? field : nil
                used = used || applies
            }
            if !used {
                let message = isWidth
                    ? only.map { "the layer \($0) is not lines with numbers in this field" } ?? "no line layer has numbers in this field"
                    : only.map { "the layer \($0) has no value in this field" } ?? "no layer has a value in this field"
                throw MapError("\(flag) \(text): \(message)")
            }
        }
        // Point layers: --point-color #rrggbb wins over --color-by; --point-color FIELD and --point-size FIELD.
        if case .constant? = options.pointColor {
            for (index, item) in layers.enumerated() where GeometryKind.dominant(in: item.layer) == .point { perLayer[index].colorBy = nil }
        }
        if case .field(let text)? = options.pointColor {
            let (field, only) = split(text, layers: layers)
            var used = false
            for (index, item) in layers.enumerated() where GeometryKind.dominant(in: item.layer) == .point && (only == nil || only == item.name) {
                if case .absent = FieldValues(field: field, in: item.layer) { continue }
                perLayer[index].colorBy = field
                used = true
            }
            if !used { throw MapError("--point-color \(text): no point layer has a value in this field (or give a colour as #rrggbb)") }
        }
        if case .field(let text)? = options.pointSize {
            let (field, only) = split(text, layers: layers)
            var used = false
            for (index, item) in layers.enumerated() {
                let applies = GeometryKind.dominant(in: item.layer) == .point && (only == nil || only == item.name)
                    && { if case .numeric = FieldValues(field: field, in: item.layer) { true } else { false } }()
                perLayer[index].pointSize = applies ? .field(field) : nil
                used = used || applies
            }
            if !used { throw MapError("--point-size \(text): no point layer has numbers in this field (or give a radius in pixels)") }
        }
        // Labels: each spec to its layers; a LAYER:FIELD one is more specific than a plain one.
        var labelOf = [(field: String, spec: String, specific: Bool)?](repeating: nil, count: layers.count)
        for text in options.labelFields {
            let (field, only) = split(text, layers: layers)
            var used = false
            for (index, item) in layers.enumerated() where only == nil || only == item.name {
                if case .absent = FieldValues(field: field, in: item.layer) { continue }
                used = true
                if let previous = labelOf[index] {
                    if previous.specific == (only != nil) {
                        throw MapError("--labels \(previous.spec) and --labels \(text) both label the layer \(item.name): write LAYER:FIELD to give each layer its own")
                    }
                    if previous.specific { continue }
                }
                labelOf[index] = (field, text, only != nil)
            }
            if !used {
                throw MapError("--labels \(text): " + (only.map { "the layer \($0) has no value in this field" } ?? "no layer has a value in this field"))
            }
        }
        for index in layers.indices { perLayer[index].labels = labelOf[index]?.field }
        return perLayer
    }

    /// `LAYER:FIELD` into the field and the layer, when no layer has a
    /// field of the whole name and LAYER names a layer; else the whole text.
    static func split(_ text: String, layers: [MapLayer]) -> (field: String, only: String?) {
        let hasWhole = layers.contains { if case .absent = FieldValues(field: text, in: $0.layer) { false } else { true } }
        if !hasWhole, let colon = text.firstIndex(of: ":"), layers.contains(where: { $0.name == text[..<colon] }) {
            return (String(text[text.index(after: colon)...]), String(text[..<colon]))
        }
        return (text, nil)
    }

    /// "Circuits"; "Parishes and sites"; "Parishes, cheese routes and sites".
    static func defaultTitle(_ names: [String], and: String = "and") -> String {
        let words = names.map { $0.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ") }
        var title: String
        switch words.count {
        case 0: title = "Map"
        case 1: title = words[0]
        default: title = words.dropLast().joined(separator: ", ") + " \(and) " + words.last!
        }
        return title.prefix(1).uppercased() + title.dropFirst()
    }

    /// "UTM zone 19N (EPSG:32619)", or the projection in words.
    static func crsNote(_ crs: CRS) -> String {
        if let code = crs.epsgCode {
            if (32601...32660).contains(code) { return "UTM zone \(code - 32600)N (EPSG:\(code))" }
            if (32701...32760).contains(code) { return "UTM zone \(code - 32700)S (EPSG:\(code))" }
            return "EPSG:\(code)"
        }
        if crs.definition.contains("+proj=laea") { return "Lambert azimuthal equal-area, centred on the data" }
        return crs.definition
    }

    static func propertiesJSON(_ feature: Feature) -> String {
        var object = feature.properties
        if let id = feature.id, object["id"] == nil {
            let value: JSONValue = switch id {
            case .string(let string): .string(string)
            case .number(let number): .number(number)
            }
            object.members.insert(JSONObject.Member(key: "id", value: value), at: 0)
        }
        return JSONValue.object(object).jsonText
    }
}
