/// The legend of the web map as HTML: the same sections as the printed
/// legend, each swatch a small inline SVG; text wraps in the browser.
enum WebLegend {
    static func html(_ sections: [LegendSection], unit: Double) -> String {
        var html = ""
        for section in sections {
            html += "<div class=\"legend-section\">"
            if let heading = section.heading { html += "<div class=\"legend-heading\">\(MarkupText.escaped(heading))</div>" }
            for caption in section.caption { html += "<div class=\"legend-caption\">\(MarkupText.escaped(caption))</div>" }
            for row in section.rows {
                html += "<div class=\"legend-row\">\(swatch(row.swatch, unit: unit))<span>\(MarkupText.escaped(row.label))</span></div>"
            }
            html += "</div>"
        }
        return html
    }

    /// A 28 by 18 pixel SVG of the swatch, sizes taken back to screen pixels.
    static func swatch(_ swatch: Swatch, unit: Double) -> String {
        func paint(_ name: String, _ color: Color?) -> String {
            guard let color else { return " \(name)=\"none\"" }
            return " \(name)=\"\(color.hex)\"" + (color.alpha < 1 ? " \(name)-opacity=\"\(SVGCanvas.number(color.alpha))\"" : "")
        }
        var shape: String
        var height = 18.0
        switch swatch {
        case .area(let fill, let stroke):
            shape = "<rect x=\"4\" y=\"3\" width=\"20\" height=\"12\"\(paint("fill", fill))\(paint("stroke", stroke.color)) stroke-width=\"\(SVGCanvas.number(max(stroke.width / unit, 0.8)))\"/>"
        case .line(let stroke):
            shape = "<line x1=\"2\" y1=\"9\" x2=\"26\" y2=\"9\"\(paint("stroke", stroke.color)) stroke-width=\"\(SVGCanvas.number(stroke.width / unit))\" stroke-linecap=\"round\"/>"
        case .point(let fill, let radius):
            let r = radius / unit
            height = max(18, 2 * r + 4)
            shape = "<circle cx=\"14\" cy=\"\(SVGCanvas.number(height / 2))\" r=\"\(SVGCanvas.number(r))\"\(paint("fill", fill)) stroke=\"#ffffff\" stroke-width=\"0.7\"/>"
        }
        return "<svg class=\"swatch\" width=\"28\" height=\"\(SVGCanvas.number(height))\" viewBox=\"0 0 28 \(SVGCanvas.number(height))\">\(shape)</svg>"
    }
}
