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
    /// in one style; else a section for its colours, one for its widths
    /// and one for its marker sizes. `legendTitle` stands for the colour
    /// field's name; `valueLabels` for category values.
    static func sections(name: String, symbology: Symbology, legendTitle: String? = nil,
                         valueLabels: [String: String] = [:], text: MapText = .english) -> [LegendSection] {
        var sections: [LegendSection] = []
        let unit = symbology.unit
        func swatch(_ color: Color) -> Swatch {
            switch symbology.kind {
            case .polygon: .area(fill: color, stroke: Stroke(color: Color(hex: "#8c8c8c"), width: 0.6 * unit))
            case .line: .line(Stroke(color: color, width: symbology.widthField == nil ? max(2.5 * unit, symbology.defaultLineWidth) : 3 * unit))
            case .point: .point(fill: color, radius: min(max(symbology.pointRadius * 1.2, 4 * unit), 7 * unit))
            }
        }
        switch symbology.colouring {
        case .uniform(let color):
            if symbology.widthField == nil && symbology.sizeField == nil {
                let row: Swatch = symbology.outlineOnly ? .area(fill: nil, stroke: symbology.outline) : swatch(color)
                sections.append(LegendSection(heading: nil, rows: [(row, name)]))
            }
        case .classes(let field, let classification, let colors, let counts, let diverging):
            let bounds = classification.lowerBounds + classification.upperBounds
            let decimals = NumberFormat.decimals(for: bounds)
            var rows: [(Swatch, String)] = colors.indices.map { index in
                let (lower, upper) = classification.range(of: index)
                let low = text.number(lower, decimals: decimals), high = text.number(upper, decimals: decimals)
                var label = low == high ? low : low + " – " + high
                label += "  (\(text.number(Double(counts[index]), decimals: 0)))"
                return (swatch(colors[index]), label)
            }
            if symbology.noDataCount > 0 { rows.append((swatch(Palette.noData), "\(text.noValue)  (\(symbology.noDataCount))")) }
            var how = MapText.fill(text.classes, ["method": text.methodName(classification.method), "n": String(classification.count)])
            if diverging { how += text.centredOnZero }
            sections.append(LegendSection(heading: name, caption: [legendTitle ?? field, how], rows: rows))
        case .categories(let field, let values, let colors, let grouped, let counts):
            func counted(_ label: String, _ count: Int) -> String { "\(label)  (\(text.number(Double(count), decimals: 0)))" }
            var rows: [(Swatch, String)] = values.indices.map { index in
                (swatch(colors[index]), counted(valueLabels[values[index]] ?? values[index], counts[index]))
            }
            if !grouped.isEmpty {
                rows.append((swatch(Palette.other), counted(MapText.fill(text.other, ["n": String(grouped.count)]), counts[values.count])))
            }
            if symbology.noDataCount > 0 { rows.append((swatch(Palette.noData), counted(text.noValue, symbology.noDataCount))) }
            sections.append(LegendSection(heading: name, caption: [legendTitle ?? field], rows: rows))
        }
        if let field = symbology.widthField, let range = symbology.widthRange {
            let color: Color = if case .uniform(let color) = symbology.colouring { color } else { Palette.secondaryText }
            let values = range.maximum > range.minimum
                ? [range.maximum, (range.minimum + range.maximum) / 2, range.minimum] : [range.maximum]
            let decimals = NumberFormat.decimals(for: values)
            let rows: [(Swatch, String)] = values.map { value in
                (.line(Stroke(color: color, width: symbology.lineWidth(for: value))), text.number(value, decimals: decimals))
            }
            let heading: String? = if case .uniform = symbology.colouring { name } else { nil }
            sections.append(LegendSection(heading: heading, caption: [MapText.fill(text.lineWidth, ["field": field])], rows: rows))
        }
        if let field = symbology.sizeField, let top = symbology.sizeMaximum, top > 0 {
            let color: Color = if case .uniform(let color) = symbology.colouring { color } else { Palette.secondaryText }
            let values = [top, top / 4, top / 16]
            let decimals = NumberFormat.decimals(for: values)
            let rows: [(Swatch, String)] = values.map { value in
                (.point(fill: color, radius: symbology.pointRadius(for: value)), text.number(value, decimals: decimals))
            }
            let heading: String? = if case .uniform = symbology.colouring { name } else { nil }
            sections.append(LegendSection(heading: heading, caption: [MapText.fill(text.markerArea, ["field": field])], rows: rows))
        }
        return sections
    }
}

/// The legend placed on the page: every heading, caption and row, their
/// text wrapped to the legend's width (never cut).
struct LegendLayout: Sendable {
    enum Item: Sendable {
        case heading([String], PagePoint)
        case caption([String], PagePoint)
        /// `at`: the first line's baseline; the lines follow `lineHeight` apart.
        case row(Swatch, center: PagePoint, label: [String], at: PagePoint)
    }

    var items: [Item] = []
    var height: Double = 0
    let fontSize: Double
    let swatchWidth: Double
    var lineHeight: Double { fontSize * 1.2 }

    /// Lays out `sections` in a column `width` wide from `origin` down.
    init(sections: [LegendSection], origin: PagePoint, width: Double, fontSize: Double, measure: TextMeasure) {
        self.fontSize = fontSize
        swatchWidth = fontSize * 2.2
        var y = origin.y
        let captionSize = fontSize * 0.9
        let rowHeight = fontSize * 1.75
        let lineHeight = fontSize * 1.2
        let labelX = origin.x + swatchWidth + fontSize * 0.7
        for (index, section) in sections.enumerated() {
            if index > 0 { y += fontSize * (section.heading == nil ? 0.4 : 1.0) }
            if let heading = section.heading {
                y += fontSize * 1.2
                let lines = measure.wrapped(heading, size: fontSize, bold: true, width: width)
                items.append(.heading(lines, PagePoint(x: origin.x, y: y)))
                y += lineHeight * Double(lines.count - 1) + fontSize * 0.3
            }
            for caption in section.caption {
                y += captionSize * 1.25
                let lines = measure.wrapped(caption, size: captionSize, width: width)
                items.append(.caption(lines, PagePoint(x: origin.x, y: y)))
                y += captionSize * 1.2 * Double(lines.count - 1)
            }
            if section.heading != nil || !section.caption.isEmpty { y += fontSize * 0.35 }
            for row in section.rows {
                let lines = measure.wrapped(row.label, size: fontSize, width: origin.x + width - labelX)
                let swatchHeight: Double = if case .point(_, let radius) = row.swatch { max(rowHeight, 2 * radius + fontSize * 0.4) } else { rowHeight }
                let height = max(swatchHeight, rowHeight + lineHeight * Double(lines.count - 1))
                let center = PagePoint(x: origin.x + swatchWidth / 2, y: y + swatchHeight / 2)
                let firstBaseline = center.y + fontSize * 0.36 - lineHeight * Double(lines.count - 1) / 2
                items.append(.row(row.swatch, center: center, label: lines, at: PagePoint(x: labelX, y: max(firstBaseline, y + fontSize))))
                y += height
            }
        }
        height = y - origin.y
    }
}
