import Foundation

/// Territorio's own SVG writer, for `.svg` maps to finish in Inkscape or
/// Illustrator: text stays `<text>` (Cairo's SVG turns letters into
/// glyph outlines), and each part is a named group: `<g id="layer-NAME">`
/// for each layer (an Inkscape layer too), `title`, `map`, `labels`,
/// `legend`, `scalebar`, `north-arrow`, `inset`. Coordinates to 0.01
/// page units.
final class SVGCanvas: Canvas {
    private var text = ""
    private var groupEnds: [String] = []
    private var ids: Set<String> = []

    init(width: Double, height: Double) {
        text.reserveCapacity(1 << 20)
        text += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        text += "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\""
        text += " width=\"\(Self.number(width))\" height=\"\(Self.number(height))\""
        text += " viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" font-family=\"DejaVu Sans, Verdana, sans-serif\""
        text += " stroke-linecap=\"round\" stroke-linejoin=\"round\">\n"
    }

    /// The finished SVG document.
    func finish() -> String {
        while !groupEnds.isEmpty { endGroup() }
        return text + "</svg>\n"
    }

    /// An id unique in the document, made of letters, digits, `-` and `_`.
    private func uniqueID(_ wanted: String) -> String {
        var base = String(wanted.unicodeScalars.map { scalar -> Character in
            let allowed = CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_"
            return allowed ? Character(scalar) : "_"
        })
        if base.first.map({ !$0.isLetter }) ?? true { base = "g-" + base }
        var id = base, counter = 2
        while ids.contains(id) { id = "\(base)-\(counter)"; counter += 1 }
        ids.insert(id)
        return id
    }

    func beginGroup(role: String, clip: PageRect?, attributes: [(String, String)]) {
        var name = role
        var extra = ""
        if role == "layer", let layer = attributes.first(where: { $0.0 == "data-layer" })?.1 {
            name = "layer-" + layer
            extra = " inkscape:groupmode=\"layer\" inkscape:label=\"\(MarkupText.escaped(layer))\""
        }
        let id = uniqueID(name)
        if let clip {
            // A nested viewport in page coordinates clips what is inside it.
            let box = "\(Self.number(clip.x)) \(Self.number(clip.y)) \(Self.number(clip.width)) \(Self.number(clip.height))"
            text += "<svg x=\"\(Self.number(clip.x))\" y=\"\(Self.number(clip.y))\" width=\"\(Self.number(clip.width))\""
            text += " height=\"\(Self.number(clip.height))\" viewBox=\"\(box)\" overflow=\"hidden\">\n"
            text += "<g id=\"\(id)\"\(extra)>\n"
            groupEnds.append("</g>\n</svg>\n")
        } else {
            text += "<g id=\"\(id)\"\(extra)>\n"
            groupEnds.append("</g>\n")
        }
    }

    func endGroup() {
        if let end = groupEnds.popLast() { text += end }
    }

    func beginFeature(properties: String) {}
    func endFeature() {}

    func path(_ path: PagePath, fill: Color?, stroke: Stroke?, role: String?) {
        var d = ""
        d.reserveCapacity(path.coordinates.count * 4)
        for range in path.subpaths where !range.isEmpty {
            let first = path.point(range.lowerBound)
            d += "M\(Self.number(first.x)) \(Self.number(first.y))"
            for index in range.dropFirst() {
                let point = path.point(index)
                d += "L\(Self.number(point.x)) \(Self.number(point.y))"
            }
            if path.closed { d += "Z" }
        }
        element("<path\(Self.roleAttribute(role)) d=\"\(d)\"\(Self.paint(fill: fill, stroke: stroke))\(path.closed ? " fill-rule=\"evenodd\"" : "")/>\n")
    }

    func circle(center: PagePoint, radius: Double, fill: Color, stroke: Stroke?, role: String?) {
        element("<circle\(Self.roleAttribute(role)) cx=\"\(Self.number(center.x))\" cy=\"\(Self.number(center.y))\" r=\"\(Self.number(radius))\"\(Self.paint(fill: fill, stroke: stroke))/>\n")
    }

    func text(_ string: String, at point: PagePoint, style: TextStyle, role: String?) {
        var attributes = " x=\"\(Self.number(point.x))\" y=\"\(Self.number(point.y))\" font-size=\"\(Self.number(style.size))\""
        if style.bold { attributes += " font-weight=\"bold\"" }
        switch style.anchor {
        case .start: break
        case .middle: attributes += " text-anchor=\"middle\""
        case .end: attributes += " text-anchor=\"end\""
        }
        attributes += Self.color("fill", style.color)
        if let halo = style.halo {
            attributes += Self.color("stroke", halo) + " stroke-width=\"\(Self.number(style.size * 0.28))\" stroke-linejoin=\"round\" paint-order=\"stroke\""
        }
        element("<text\(Self.roleAttribute(role))\(attributes)>\(MarkupText.escaped(string))</text>\n")
    }

    private func element(_ markup: String) {
        text += markup
    }

    private static func roleAttribute(_ role: String?) -> String {
        role.map { " class=\"\($0)\"" } ?? ""
    }

    private static func paint(fill: Color?, stroke: Stroke?) -> String {
        var attributes = fill.map { color("fill", $0) } ?? " fill=\"none\""
        if let stroke {
            attributes += color("stroke", stroke.color) + " stroke-width=\"\(number(stroke.width))\""
        }
        return attributes
    }

    private static func color(_ name: String, _ color: Color) -> String {
        var attribute = " \(name)=\"\(color.hex)\""
        if color.alpha < 1 { attribute += " \(name)-opacity=\"\(number(color.alpha))\"" }
        return attribute
    }

    /// A number to two decimals, without trailing zeros: 12, 12.5, -0.25.
    static func number(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        guard hundredths.isFinite, abs(hundredths) < 1e15 else { return "0" }
        let whole = Int64(hundredths)
        let negative = whole < 0
        let magnitude = negative ? -whole : whole
        var text = (negative ? "-" : "") + String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            text += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
        }
        return text
    }

}
