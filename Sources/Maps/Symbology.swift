import Geo

/// The values of one field across a layer's features.
enum FieldValues {
    /// No feature has a non-null value.
    case absent
    /// Every non-null value is a number.
    case numeric([Double?])
    /// Some value is text (or a boolean, array or object): every value is
    /// taken as its text.
    case categorical([String?])

    init(field: String, in layer: Layer) {
        var numbers: [Double?] = [], texts: [String?] = []
        var anyValue = false, allNumbers = true
        numbers.reserveCapacity(layer.count)
        texts.reserveCapacity(layer.count)
        for feature in layer.features {
            switch feature.properties[field] {
            case nil, .null?:
                numbers.append(nil); texts.append(nil)
            case .number(let number)?:
                anyValue = true
                numbers.append(number.value); texts.append(number.literal)
            case let value?:
                anyValue = true
                allNumbers = false
                numbers.append(nil); texts.append(value.text)
            }
        }
        if !anyValue { self = .absent } else if allNumbers { self = .numeric(numbers) } else { self = .categorical(texts) }
    }
}

/// What kind of geometry a layer mostly holds, for its legend swatch.
enum GeometryKind: Sendable, Hashable {
    case polygon, line, point

    init?(_ shape: Shape) {
        switch shape {
        case .polygon, .multiPolygon: self = .polygon
        case .lineString, .multiLineString: self = .line
        case .point, .multiPoint: self = .point
        case .geometryCollection(let members):
            // A plain loop: `lazy.compactMap(...).first` on a collection
            // computes the first match twice (startIndex, then subscript),
            // which doubled the time at every level of nesting.
            for member in members {
                if let kind = GeometryKind(member) { self = kind; return }
            }
            return nil
        }
    }

    /// The most common kind in a layer; ties go to polygons, then lines.
    static func dominant(in layer: Layer) -> GeometryKind? {
        var counts: [GeometryKind: Int] = [:]
        for feature in layer.features {
            if let shape = feature.geometry, let kind = GeometryKind(shape) { counts[kind, default: 0] += 1 }
        }
        return [GeometryKind.polygon, .line, .point].filter { counts[$0] != nil }.max { counts[$0]! < counts[$1]! }
    }
}

/// How one layer's features are coloured.
enum Colouring: Sendable {
    case uniform(Color)
    /// `counts`: features per class.
    case classes(field: String, Classification, [Color], counts: [Int])
    /// `values` sorted; past ten values, the nine most frequent are kept
    /// and the rest fall into "other". `counts`: features per value, then
    /// per "other".
    case categories(field: String, values: [String], colors: [Color], hasOther: Bool, counts: [Int])
}

/// The resolved style of one layer: colour of each feature, line widths,
/// marker size, outlines.
struct Symbology {
    let kind: GeometryKind
    let colouring: Colouring
    /// Per feature: its colour, or nil when it has no value for the field.
    let featureColors: [Color?]
    /// Features without a value for the colour field (drawn grey).
    var noDataCount: Int {
        if case .uniform = colouring { return 0 }
        return featureColors.lazy.filter { $0 == nil }.count
    }
    /// Per feature: its line width, when widths follow a field.
    var lineWidths: [Double]?
    let widthField: String?
    let widthRange: (minimum: Double, maximum: Double)?
    /// Polygons without a field after the first polygon layer: outlines only.
    let outlineOnly: Bool
    let unit: Double

    static let maximumCategories = 10

    var minimumLineWidth: Double { max(0.9 * unit, 0.8) }
    var maximumLineWidth: Double { 9 * unit }
    var defaultLineWidth: Double { 1.3 * unit }
    var pointRadius: Double { 3 * unit }

    /// The width for a value of the width field: linear between the
    /// field's minimum (thinnest) and maximum (thickest).
    func lineWidth(for value: Double) -> Double {
        guard let range = widthRange, range.maximum > range.minimum else { return (minimumLineWidth + maximumLineWidth) / 2 }
        let t = (value - range.minimum) / (range.maximum - range.minimum)
        return minimumLineWidth + min(max(t, 0), 1) * (maximumLineWidth - minimumLineWidth)
    }

    func color(of index: Int) -> Color {
        featureColors[index] ?? Palette.noData
    }

    /// Lines whose colour or width follows a field get a light casing.
    var hasCasing: Bool {
        guard kind == .line else { return false }
        if widthField != nil { return true }
        if case .uniform = colouring { return false }
        return true
    }

    /// The polygon outline for this layer.
    var outline: Stroke {
        switch colouring {
        case .uniform:
            outlineOnly ? Stroke(color: Palette.overlayOutline, width: 1.4 * unit) : Stroke(color: Palette.baseOutline, width: 0.6 * unit)
        case .classes, .categories:
            Stroke(color: Color(hex: "#ffffff").withAlpha(0.85), width: 0.6 * unit)
        }
    }

    /// A layer's style. `polygonLayersBefore`, `lineLayersBefore` and
    /// `pointLayersBefore` pick the default colours, so that layers of the
    /// same kind stay apart.
    static func make(layer: Layer, kind: GeometryKind, options: MapOptions, unit: Double,
                     polygonLayersBefore: Int, lineLayersBefore: Int, pointLayersBefore: Int) -> Symbology {
        var widthField: String?
        var widthRange: (minimum: Double, maximum: Double)?
        if let field = options.lineWidthBy, kind == .line, case .numeric(let values) = FieldValues(field: field, in: layer) {
            let finite = values.compactMap { $0 }.filter(\.isFinite)
            if let low = finite.min(), let high = finite.max() {
                widthField = field
                widthRange = (low, high)
            }
        }

        let defaultColor: Color = switch kind {
        case .polygon: polygonLayersBefore == 0 ? Palette.baseFill : .white
        case .line: widthField != nil ? Palette.weightedLine : Palette.line(lineLayersBefore)
        case .point: Palette.point(pointLayersBefore)
        }
        let (colouring, colors) = colours(layer: layer, options: options, defaultColor: defaultColor, rampStart: kind == .polygon ? 0 : 0.3)
        var outlineOnly = false
        if kind == .polygon, polygonLayersBefore > 0, case .uniform = colouring { outlineOnly = true }

        var symbology = Symbology(kind: kind, colouring: colouring, featureColors: colors, lineWidths: nil,
                                  widthField: widthField, widthRange: widthRange, outlineOnly: outlineOnly, unit: unit)
        if let widthField {
            symbology.lineWidths = layer.features.map { feature in
                feature.properties[widthField]?.doubleValue.map(symbology.lineWidth(for:)) ?? symbology.minimumLineWidth
            }
        }
        return symbology
    }

    /// The colouring by `--color-by` when the layer has the field, else
    /// the layer's default colour; and each feature's colour.
    private static func colours(layer: Layer, options: MapOptions, defaultColor: Color, rampStart: Double) -> (Colouring, [Color?]) {
        let uniform = (Colouring.uniform(defaultColor), [Color?](repeating: defaultColor, count: layer.count))
        guard let field = options.colorBy else { return uniform }
        switch FieldValues(field: field, in: layer) {
        case .absent:
            return uniform
        case .numeric(let values):
            guard let classification = Classification(values: values.compactMap { $0 }, method: options.classes) else { return uniform }
            let palette = Palette.sequential(classification.count, from: rampStart)
            let classes = values.map { value in value.flatMap(classification.classIndex(of:)) }
            var counts = [Int](repeating: 0, count: classification.count)
            for index in classes { if let index { counts[index] += 1 } }
            return (.classes(field: field, classification, palette, counts: counts), classes.map { $0.map { palette[$0] } })
        case .categorical(let values):
            var frequency: [String: Int] = [:]
            for value in values { if let value { frequency[value, default: 0] += 1 } }
            var kept = frequency.keys.sorted()
            var hasOther = false
            if kept.count > maximumCategories {
                // The nine most frequent (ties by name), the rest as "other".
                kept = frequency.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                    .prefix(maximumCategories - 1).map(\.key).sorted()
                hasOther = true
            }
            let palette = kept.indices.map(Palette.category)
            let colorOf = Dictionary(uniqueKeysWithValues: zip(kept, palette))
            var counts = kept.map { frequency[$0]! }
            if hasOther { counts.append(values.compactMap { $0 }.count - counts.reduce(0, +)) }
            return (.categories(field: field, values: kept, colors: palette, hasOther: hasOther, counts: counts),
                    values.map { value in value.map { colorOf[$0] ?? Palette.other } })
        }
    }
}
