import Foundation

/// Draws a laid-out map on a canvas: background, title, the map's layers
/// in order (polygons, then lines, then points of each layer), labels, the
/// north arrow, the inset, the legend, the scale bar and the CRS note.
enum MapRenderer {
    static let background = Color.white
    static let mapBackground = Color(hex: "#f4f6f7")
    static let frameStroke = Color(hex: "#c8ccd0")

    static func draw(_ map: MapDocument, on canvas: Canvas) {
        canvas.path(.rectangle(PageRect(x: 0, y: 0, width: map.width, height: map.height)), fill: background, stroke: nil, role: nil)

        canvas.beginGroup(role: "title", clip: nil, attributes: [])
        for (index, line) in map.titleLines.enumerated() {
            canvas.text(line, at: PagePoint(x: map.titlePosition.x, y: map.titlePosition.y + map.titleLineHeight * Double(index)),
                        style: map.titleStyle, role: nil)
        }
        canvas.endGroup()

        let area = map.frame.area
        canvas.path(.rectangle(area), fill: mapBackground, stroke: nil, role: nil)
        canvas.beginGroup(role: "map", clip: area, attributes: [])
        for layer in map.layers { drawLayer(layer, unit: map.unit, on: canvas) }
        if !map.labels.isEmpty {
            canvas.beginGroup(role: "labels", clip: nil, attributes: [])
            for label in map.labels {
                var style = map.labelStyle
                style.anchor = label.anchor
                canvas.text(label.text, at: label.position, style: style, role: "label")
            }
            canvas.endGroup()
        }
        canvas.endGroup()
        if let arrow = map.northArrow { drawNorthArrow(tip: arrow.tip, length: arrow.length, fontSize: map.footerStyle.size * 1.1, on: canvas) }
        if let inset = map.inset { drawInset(inset, on: canvas) }
        canvas.path(.rectangle(area), fill: nil, stroke: Stroke(color: frameStroke, width: 1), role: nil)

        drawLegend(map.legend, on: canvas)
        drawScaleBar(map, on: canvas)
        var note = map.footerStyle
        note.anchor = .end
        canvas.text(map.note, at: map.notePosition, style: note, role: nil)
    }

    static func drawLayer(_ layer: DrawnLayer, unit: Double, on canvas: Canvas) {
        let symbology = layer.symbology
        canvas.beginGroup(role: "layer", clip: nil, attributes: [("data-layer", layer.name)])
        let outline = symbology.outline
        // Thinner rims on the smaller markers of crowded layers.
        let pointStroke = Stroke(color: .white, width: 0.7 * unit * min(1, symbology.pointRadius / (3 * unit)))
        if symbology.hasCasing {
            for feature in layer.features where !feature.lines.isEmpty {
                canvas.path(feature.lines, fill: nil, stroke: Stroke(color: Palette.casing, width: feature.lineWidth + 1.4 * unit), role: "casing")
            }
        }
        for feature in layer.features {
            canvas.beginFeature(properties: feature.properties)
            if !feature.polygons.isEmpty {
                canvas.path(feature.polygons, fill: symbology.outlineOnly ? nil : feature.color, stroke: outline, role: nil)
            }
            if !feature.lines.isEmpty {
                canvas.path(feature.lines, fill: nil, stroke: Stroke(color: feature.color, width: feature.lineWidth), role: nil)
            }
            for point in feature.points {
                canvas.circle(center: point, radius: feature.radius, fill: feature.color, stroke: pointStroke, role: nil)
            }
            canvas.endFeature()
        }
        canvas.endGroup()
    }

    static func drawLegend(_ legend: LegendLayout, on canvas: Canvas) {
        canvas.beginGroup(role: "legend", clip: nil, attributes: [])
        let size = legend.fontSize
        for item in legend.items {
            switch item {
            case .heading(let lines, let point):
                for (index, line) in lines.enumerated() {
                    canvas.text(line, at: PagePoint(x: point.x, y: point.y + legend.lineHeight * Double(index)),
                                style: TextStyle(size: size, bold: true), role: nil)
                }
            case .caption(let lines, let point):
                for (index, line) in lines.enumerated() {
                    canvas.text(line, at: PagePoint(x: point.x, y: point.y + size * 0.9 * 1.2 * Double(index)),
                                style: TextStyle(size: size * 0.9, color: Palette.secondaryText), role: nil)
                }
            case .row(let swatch, let center, let label, let at):
                let half = legend.swatchWidth / 2
                switch swatch {
                case .area(let fill, let stroke):
                    let box = PageRect(x: center.x - half * 0.75, y: center.y - size * 0.55, width: half * 1.5, height: size * 1.1)
                    canvas.path(.rectangle(box), fill: fill, stroke: stroke, role: nil)
                case .line(let stroke):
                    canvas.path(.line([PagePoint(x: center.x - half, y: center.y), PagePoint(x: center.x + half, y: center.y)]),
                                fill: nil, stroke: stroke, role: nil)
                case .point(let fill, let radius):
                    canvas.circle(center: center, radius: radius, fill: fill, stroke: Stroke(color: .white, width: 0.7), role: nil)
                }
                for (index, line) in label.enumerated() {
                    canvas.text(line, at: PagePoint(x: at.x, y: at.y + legend.lineHeight * Double(index)), style: TextStyle(size: size), role: nil)
                }
            }
        }
        canvas.endGroup()
    }

    /// An arrow pointing up (the map is drawn north up) with an N over it:
    /// its left half dark, its right half white, outlined.
    static func drawNorthArrow(tip: PagePoint, length: Double, fontSize: Double, on canvas: Canvas) {
        canvas.beginGroup(role: "north-arrow", clip: nil, attributes: [])
        let half = length * 0.3
        let base = PagePoint(x: tip.x, y: tip.y + length * 0.72)
        let outline = Stroke(color: Palette.text, width: max(0.8, length / 40))
        canvas.path(polygon([tip, PagePoint(x: tip.x - half, y: tip.y + length), base]), fill: Palette.text, stroke: outline, role: nil)
        canvas.path(polygon([tip, PagePoint(x: tip.x + half, y: tip.y + length), base]), fill: .white, stroke: outline, role: nil)
        canvas.text("N", at: PagePoint(x: tip.x, y: tip.y - fontSize * 0.35),
                    style: TextStyle(size: fontSize, bold: true, halo: .white.withAlpha(0.9), anchor: .middle), role: nil)
        canvas.endGroup()
    }

    static func polygon(_ points: [PagePoint]) -> PagePath {
        var path = PagePath.line(points)
        path.closed = true
        return path
    }

    /// The locator inset: its layer in light grey, the main map's extent in red.
    static func drawInset(_ inset: InsetLayout, on canvas: Canvas) {
        canvas.beginGroup(role: "inset", clip: inset.box, attributes: [])
        canvas.path(.rectangle(inset.box), fill: .white, stroke: nil, role: nil)
        let unit = inset.unit
        for polygon in inset.polygons {
            canvas.path(polygon, fill: Color(hex: "#e4e1d6"), stroke: Stroke(color: Color(hex: "#9a9484"), width: 0.5 * unit), role: nil)
        }
        for line in inset.lines { canvas.path(line, fill: nil, stroke: Stroke(color: Color(hex: "#8a8a8a"), width: 0.6 * unit), role: nil) }
        for point in inset.points { canvas.circle(center: point, radius: 0.8 * unit, fill: Color(hex: "#6b6b6b"), stroke: nil, role: nil) }
        canvas.path(inset.extent, fill: Color(hex: "#d7301f").withAlpha(0.15), stroke: Stroke(color: Color(hex: "#d7301f"), width: 1.6 * unit), role: nil)
        canvas.endGroup()
        canvas.path(.rectangle(inset.box), fill: nil, stroke: Stroke(color: Palette.secondaryText, width: 1), role: nil)
    }

    /// Two halves, dark and light, with 0, the middle and the length under
    /// them. The HTML's script redraws it as the map zooms, from the
    /// attributes given here.
    static func drawScaleBar(_ map: MapDocument, on canvas: Canvas) {
        guard let bar = map.scaleBar else { return }
        let origin = map.scaleBarOrigin
        let height = max(4, 5 * map.unit)
        let half = bar.pageLength / 2
        canvas.beginGroup(role: "scalebar", clip: nil, attributes: [
            ("data-page-per-metre", String(format: "%.9g", map.pagePerMetre)),
            ("data-maximum", SVGCanvas.number(map.scaleBarMaximum)),
            ("data-x", SVGCanvas.number(origin.x)), ("data-y", SVGCanvas.number(origin.y)), ("data-height", SVGCanvas.number(height)),
        ])
        let outline = Stroke(color: Palette.text, width: 0.8)
        canvas.path(.rectangle(PageRect(x: origin.x, y: origin.y, width: half, height: height)), fill: Palette.text, stroke: outline, role: "scalebar-first")
        canvas.path(.rectangle(PageRect(x: origin.x + half, y: origin.y, width: half, height: height)), fill: .white, stroke: outline, role: "scalebar-second")
        var style = map.footerStyle
        style.color = Palette.text
        let baseline = origin.y + height + style.size * 1.15
        style.anchor = .middle
        canvas.text("0", at: PagePoint(x: origin.x, y: baseline), style: style, role: "scalebar-zero")
        canvas.text(bar.label(bar.metres / 2), at: PagePoint(x: origin.x + half, y: baseline), style: style, role: "scalebar-middle")
        canvas.text(bar.label(bar.metres) + " " + bar.unit, at: PagePoint(x: origin.x + bar.pageLength, y: baseline),
                    style: style, role: "scalebar-end")
        canvas.endGroup()
    }
}
