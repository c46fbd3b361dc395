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
}

struct DrawnLayer: Sendable {
    var name: String
    var symbology: Symbology
    var features: [DrawnFeature]
}

/// A map laid out on a page: every layer's features in page units, the
/// title, the legend, the scale bar and the labels. Built once, then drawn
/// by `MapRenderer` on any `Canvas`.
///
/// Page layout: the title on top; the map on the left, fitted to the
/// layers' envelope in the metric CRS (`CRS.metric(for:)` of their
/// extent) with its aspect kept; the legend in a column on the right (under
/// everything on pages narrower than 560); the scale bar and the CRS under
/// the map. The page's height follows the
/// data's shape (the map's height is kept between 0.45 and 1.6 times its
/// width) and grows when the legend is taller than the map.
public struct MapDocument: Sendable {
    public let width: Double
    public let height: Double
    public let title: String
    /// The CRS the map is drawn in.
    public let crs: CRS
    /// The scale bar, nil when not even a metre fits.
    public let scaleBar: ScaleBar?
    /// Page units per metre on the ground at the map's centre.
    public let pagePerMetre: Double
    /// Labels kept after collision avoidance.
    public var labelCount: Int { labels.count }

    let unit: Double
    let frame: MapFrame
    let layers: [DrawnLayer]
    let titleStyle: TextStyle
    let titlePosition: PagePoint
    let labels: [PlacedLabel]
    let labelStyle: TextStyle
    let legend: LegendLayout
    let scaleBarOrigin: PagePoint
    let scaleBarMaximum: Double
    let footerStyle: TextStyle
    let note: String
    let notePosition: PagePoint

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
        let layerOptions = try layerOptions(layers: layers, options: options)

        // One metric CRS for every layer, from their common extent in WGS 84.
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

        let mapTop = margin + titleSize * 1.7
        // Narrow pages put the legend under the map instead of beside it.
        let legendBeside = width >= 560
        let mapWidth = legendBeside ? width - 2 * margin - margin - legendWidth : width - 2 * margin
        let mapHeight = (mapWidth * MapFrame.aspect(of: envelope, limits: 0.45...1.6)).rounded()
        let area = PageRect(x: margin, y: mapTop, width: mapWidth, height: mapHeight)
        let frame = MapFrame(envelope: envelope, area: area, tolerance: detail.tolerance)

        // Styles, features on the page and the legend.
        var drawn: [DrawnLayer] = []
        var kinds = (polygon: 0, line: 0, point: 0)
        var sources: [(layer: Layer, options: MapOptions)] = []
        for (item, options) in zip(projected, layerOptions) {
            guard let kind = GeometryKind.dominant(in: item.layer) else { continue }
            sources.append((item.layer, options))
            let symbology = Symbology.make(layer: item.layer, kind: kind, options: options, unit: unit,
                                           polygonLayersBefore: kinds.polygon, lineLayersBefore: kinds.line, pointLayersBefore: kinds.point)
            switch kind {
            case .polygon: kinds.polygon += 1
            case .line: kinds.line += 1
            case .point: kinds.point += 1
            }
            var features: [DrawnFeature] = []
            for (index, feature) in item.layer.features.enumerated() {
                guard let shape = feature.geometry, !shape.isEmpty else { continue }
                features.append(DrawnFeature(
                    properties: propertiesJSON(feature), polygons: frame.polygonPath(shape), lines: frame.linePath(shape),
                    points: frame.points(shape), color: symbology.color(of: index),
                    lineWidth: symbology.lineWidths?[index] ?? symbology.defaultLineWidth))
            }
            if symbology.lineWidths != nil {
                // Thick lines first, so that thin ones stay visible on top.
                features = features.enumerated().sorted { a, b in
                    a.element.lineWidth != b.element.lineWidth ? a.element.lineWidth > b.element.lineWidth : a.offset < b.offset
                }.map(\.element)
            }
            drawn.append(DrawnLayer(name: item.name, symbology: symbology, features: features))
        }
        let sections = drawn.reversed().flatMap { Legend.sections(name: $0.name, symbology: $0.symbology) }
        let legendOrigin = legendBeside ? PagePoint(x: area.maxX + margin, y: mapTop - fontSize * 0.3)
                                        : PagePoint(x: margin, y: area.maxY + fontSize * 4.2)
        let legend = LegendLayout(sections: sections, origin: legendOrigin, width: legendBeside ? legendWidth : mapWidth,
                                  fontSize: fontSize, measure: measure)

        // Labels, top layer first.
        var labels: [PlacedLabel] = []
        for (source, layer) in zip(sources, drawn).reversed() {
            guard let field = source.options.labels else { continue }
            let candidates = try LabelPlacer.candidates(layer: source.layer, field: field)
            LabelPlacer.place(candidates, frame: frame, size: labelSize, markerRadius: layer.symbology.pointRadius,
                              measure: measure, placed: &labels)
        }

        // Scale bar: true at the map's centre.
        let center = Position(x: (envelope.minX + envelope.maxX) / 2, y: (envelope.minY + envelope.maxY) / 2)
        let pagePerMetre = frame.scale * (try ScaleBar.pointScale(crs: crs, at: center))
        let scaleBarMaximum = min(mapWidth * 0.3, 260 * unit)
        let scaleBar = ScaleBar.choose(pagePerMetre: pagePerMetre, maximumLength: scaleBarMaximum)
        let footerTop = area.maxY + fontSize * 0.9
        let scaleBarOrigin = PagePoint(x: area.x, y: footerTop + fontSize * 1.1)

        let height = (max(area.maxY + fontSize * 3.4, legendOrigin.y + legend.height) + margin).rounded(.up)
        let title = options.title ?? defaultTitle(layers.map(\.name))
        return MapDocument(
            width: width, height: height, title: measure.fitted(title, size: titleSize, bold: true, width: width - 2 * margin),
            crs: crs, scaleBar: scaleBar, pagePerMetre: pagePerMetre, unit: unit, frame: frame, layers: drawn,
            titleStyle: TextStyle(size: titleSize, bold: true), titlePosition: PagePoint(x: margin, y: margin + titleSize * 0.95),
            labels: labels, labelStyle: TextStyle(size: labelSize, color: Palette.text, halo: .white.withAlpha(0.9)),
            legend: legend, scaleBarOrigin: scaleBarOrigin, scaleBarMaximum: scaleBarMaximum,
            footerStyle: TextStyle(size: fontSize * 0.9, color: Palette.secondaryText),
            note: crsNote(crs), notePosition: PagePoint(x: area.maxX, y: scaleBarOrigin.y + fontSize * 1.6))
    }

    /// Each layer's own options: a field option applies to the layers
    /// that have the field, or, written `LAYER:FIELD` (LAYER a legend
    /// name, when no layer has a field of that whole name), to that layer
    /// alone. A field that no layer has is an error; a line width field
    /// must hold numbers in some line layer.
    static func layerOptions(layers: [MapLayer], options: MapOptions) throws -> [MapOptions] {
        var perLayer = [MapOptions](repeating: options, count: layers.count)
        let flags: [(String, WritableKeyPath<MapOptions, String?>)] = [("--color-by", \.colorBy), ("--labels", \.labels), ("--line-width-by", \.lineWidthBy)]
        for (flag, path) in flags {
            guard let text = options[keyPath: path] else { continue }
            var field = text, only: String?
            let hasWhole = layers.contains { if case .absent = FieldValues(field: text, in: $0.layer) { false } else { true } }
            if !hasWhole, let colon = text.firstIndex(of: ":"), layers.contains(where: { $0.name == text[..<colon] }) {
                only = String(text[..<colon])
                field = String(text[text.index(after: colon)...])
            }
            let isWidth = path == \MapOptions.lineWidthBy
            var used = false
            for (index, item) in layers.enumerated() {
                var applies = only == nil || only == item.name
                switch FieldValues(field: field, in: item.layer) {
                case .absent: applies = false
                case .numeric: break
                case .categorical: if isWidth { applies = false }
                }
                if isWidth && GeometryKind.dominant(in: item.layer) != .line { applies = false }
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
        return perLayer
    }

    /// "Circuits"; "Parishes and sites"; "Parishes, cheese routes and sites".
    static func defaultTitle(_ names: [String]) -> String {
        let words = names.map { $0.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ") }
        var title: String
        switch words.count {
        case 0: title = "Map"
        case 1: title = words[0]
        default: title = words.dropLast().joined(separator: ", ") + " and " + words.last!
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
