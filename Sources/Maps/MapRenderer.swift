import Foundation

/// Draws a laid-out map on a canvas: background, title, the map's layers
/// in order (polygons, then lines, then points of each layer), labels, the
/// legend, the scale bar and the CRS note.
enum MapRenderer {
    static let background = Color.white
    static let mapBackground = Color(hex: "#f4f6f7")
    static let frameStroke = Color(hex: "#c8ccd0")

    static func draw(_ map: MapDocument, on canvas: Canvas) {
        canvas.path(.rectangle(PageRect(x: 0, y: 0, width: map.width, height: map.height)), fill: background, stroke: nil, role: nil)

        canvas.beginGroup(role: "title", clip: nil, attributes: [])
        canvas.text(map.title, at: map.titlePosition, style: map.titleStyle, role: nil)
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
        let pointStroke = Stroke(color: .white, width: 0.7 * unit)
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
                canvas.circle(center: point, radius: symbology.pointRadius, fill: feature.color, stroke: pointStroke, role: nil)
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
            case .heading(let text, let point):
                canvas.text(text, at: point, style: TextStyle(size: size, bold: true), role: nil)
            case .caption(let text, let point):
                canvas.text(text, at: point, style: TextStyle(size: size * 0.9, color: Palette.secondaryText), role: nil)
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
                canvas.text(label, at: at, style: TextStyle(size: size), role: nil)
            }
        }
        canvas.endGroup()
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
