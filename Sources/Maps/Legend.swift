/// The symbol a legend row shows.
enum Swatch: Sendable, Hashable {
    case area(fill: Color?, stroke: Stroke)
    case line(Stroke)
    case point(fill: Color, radius: Double)
}

/// One block of the legend: a heading, a caption under it, and rows.
struct LegendSection: Sendable, Hashable {
    var heading: String?
    var caption: [String] = []
    var rows: [(swatch: Swatch, label: String)]

    static func == (a: LegendSection, b: LegendSection) -> Bool {
        a.heading == b.heading && a.caption == b.caption && a.rows.map(\.label) == b.rows.map(\.label)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(heading)
        hasher.combine(caption)
        hasher.combine(rows.map(\.label))
    }
}

enum Legend {
    /// The sections for one layer: one row with its name when it is drawn
    /// in one style; else a section for its colours and one for its widths.
    static func sections(name: String, symbology: Symbology) -> [LegendSection] {
        var sections: [LegendSection] = []
        let unit = symbology.unit
        func swatch(_ color: Color) -> Swatch {
            switch symbology.kind {
            case .polygon: .area(fill: color, stroke: Stroke(color: Color(hex: "#8c8c8c"), width: 0.6 * unit))
            case .line: .line(Stroke(color: color, width: symbology.widthField == nil ? max(2.5 * unit, symbology.defaultLineWidth) : 3 * unit))
            case .point: .point(fill: color, radius: symbology.pointRadius * 1.2)
            }
        }
        switch symbology.colouring {
        case .uniform(let color):
            if symbology.widthField == nil {
                let row: Swatch = symbology.outlineOnly ? .area(fill: nil, stroke: symbology.outline) : swatch(color)
                sections.append(LegendSection(heading: nil, rows: [(row, name)]))
            }
        case .classes(let field, let classification, let colors, let counts):
            let bounds = [classification.minimum] + classification.upperBounds
            let decimals = NumberFormat.decimals(for: bounds)
            var rows: [(Swatch, String)] = colors.indices.map { index in
                let (lower, upper) = classification.range(of: index)
                let low = NumberFormat.format(lower, decimals: decimals), high = NumberFormat.format(upper, decimals: decimals)
                var label = low == high ? low : low + " – " + high
                label += "  (\(NumberFormat.format(Double(counts[index]), decimals: 0)))"
                return (swatch(colors[index]), label)
            }
            if symbology.noDataCount > 0 { rows.append((swatch(Palette.noData), "no value  (\(symbology.noDataCount))")) }
            let method = classification.method
            sections.append(LegendSection(heading: name, caption: [field, "\(method.name), \(classification.count) classes"], rows: rows))
        case .categories(let field, let values, let colors, let hasOther, let counts):
            func counted(_ label: String, _ count: Int) -> String { "\(label)  (\(NumberFormat.format(Double(count), decimals: 0)))" }
            var rows: [(Swatch, String)] = values.indices.map { index in (swatch(colors[index]), counted(values[index], counts[index])) }
            if hasOther { rows.append((swatch(Palette.other), counted("other", counts[values.count]))) }
            if symbology.noDataCount > 0 { rows.append((swatch(Palette.noData), counted("no value", symbology.noDataCount))) }
            sections.append(LegendSection(heading: name, caption: [field], rows: rows))
        }
        if let field = symbology.widthField, let range = symbology.widthRange {
            let color: Color = if case .uniform(let color) = symbology.colouring { color } else { Palette.secondaryText }
            let values = range.maximum > range.minimum
                ? [range.maximum, (range.minimum + range.maximum) / 2, range.minimum] : [range.maximum]
            let decimals = NumberFormat.decimals(for: values)
            let rows: [(Swatch, String)] = values.map { value in
                (.line(Stroke(color: color, width: symbology.lineWidth(for: value))), NumberFormat.format(value, decimals: decimals))
            }
            let heading: String? = if case .uniform = symbology.colouring { name } else { nil }
            sections.append(LegendSection(heading: heading, caption: [field + " (line width)"], rows: rows))
        }
        return sections
    }
}

/// The legend placed on the page: every heading, caption and row.
struct LegendLayout: Sendable {
    enum Item: Sendable {
        case heading(String, PagePoint)
        case caption(String, PagePoint)
        case row(Swatch, center: PagePoint, label: String, at: PagePoint)
    }

    var items: [Item] = []
    var height: Double = 0
    let fontSize: Double
    let swatchWidth: Double

    /// Lays out `sections` in a column `width` wide from `origin` down.
    init(sections: [LegendSection], origin: PagePoint, width: Double, fontSize: Double, measure: TextMeasure) {
        self.fontSize = fontSize
        swatchWidth = fontSize * 2.2
        var y = origin.y
        let captionSize = fontSize * 0.9
        let rowHeight = fontSize * 1.75
        let labelX = origin.x + swatchWidth + fontSize * 0.7
        for (index, section) in sections.enumerated() {
            if index > 0 { y += fontSize * (section.heading == nil ? 0.4 : 1.0) }
            if let heading = section.heading {
                y += fontSize * 1.2
                items.append(.heading(measure.fitted(heading, size: fontSize, bold: true, width: width), PagePoint(x: origin.x, y: y)))
                y += fontSize * 0.3
            }
            for line in section.caption {
                y += captionSize * 1.25
                items.append(.caption(measure.fitted(line, size: captionSize, width: width), PagePoint(x: origin.x, y: y)))
            }
            if section.heading != nil || !section.caption.isEmpty { y += fontSize * 0.35 }
            for row in section.rows {
                let center = PagePoint(x: origin.x + swatchWidth / 2, y: y + rowHeight / 2)
                let label = measure.fitted(row.label, size: fontSize, width: origin.x + width - labelX)
                items.append(.row(row.swatch, center: center, label: label, at: PagePoint(x: labelX, y: center.y + fontSize * 0.36)))
                y += rowHeight
            }
        }
        height = y - origin.y
    }
}
