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
    /// `counts`: features per class; `diverging`: centred on 0 (the
    /// neutral class is `Classification.neutralClass`).
    case classes(field: String, Classification, [Color], counts: [Int], diverging: Bool)
    /// `values` sorted; past `MapOptions.maxClasses` values, the most
    /// frequent are kept and the rest (`grouped`, sorted) fall into
    /// "other". `counts`: features per value, then per "other".
    case categories(field: String, values: [String], colors: [Color], grouped: [String], counts: [Int])
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
    /// Per feature: its marker radius, when sizes follow a field.
    var pointRadii: [Double]?
    let sizeField: String?
    let sizeMaximum: Double?
    /// Polygons without a field after the first polygon layer: outlines only.
    let outlineOnly: Bool
    let unit: Double
    /// The radius of markers drawn at one size.
    let pointRadius: Double

    var minimumLineWidth: Double { max(0.9 * unit, 0.8) }
    var maximumLineWidth: Double { 9 * unit }
    var defaultLineWidth: Double { 1.3 * unit }
    var minimumPointRadius: Double { 1.2 * unit }
    var maximumPointRadius: Double { 14 * unit }

    /// The default marker radius: 3 page units per 1000 of width for up
    /// to 400 points, smaller for more (as the square root of the count,
    /// down to 0.4 of it), so that thousands of points stay points and do
    /// not merge into a blob.
    static func defaultPointRadius(count: Int, unit: Double) -> Double {
        3 * unit * min(1, max(0.4, (400 / Double(max(count, 1))).squareRoot()))
    }

    /// The width for a value of the width field: linear between the
    /// field's minimum (thinnest) and maximum (thickest).
    func lineWidth(for value: Double) -> Double {
        guard let range = widthRange, range.maximum > range.minimum else { return (minimumLineWidth + maximumLineWidth) / 2 }
        let t = (value - range.minimum) / (range.maximum - range.minimum)
        return minimumLineWidth + min(max(t, 0), 1) * (maximumLineWidth - minimumLineWidth)
    }

    /// The radius for a value of the size field: the marker's area is
    /// proportional to the value, the largest value at the maximum radius.
    func pointRadius(for value: Double) -> Double {
        guard let top = sizeMaximum, top > 0, value > 0 else { return minimumPointRadius }
        return max(minimumPointRadius, maximumPointRadius * (min(value, top) / top).squareRoot())
    }

    func radius(of index: Int) -> Double {
        pointRadii?[index] ?? pointRadius
    }

    func color(of index: Int) -> Color {
        featureColors[index] ?? Palette.noData
    }

    /// The field the colours follow, nil for one colour.
    var colourField: String? {
        switch colouring {
        case .uniform: nil
        case .classes(let field, _, _, _, _), .categories(let field, _, _, _, _): field
        }
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
    /// same kind stay apart. `layerName` names the layer in errors.
    static func make(layer: Layer, layerName: String, kind: GeometryKind, options: MapOptions, unit: Double,
                     polygonLayersBefore: Int, lineLayersBefore: Int, pointLayersBefore: Int) throws -> Symbology {
        var widthField: String?
        var widthRange: (minimum: Double, maximum: Double)?
        if let field = options.lineWidthBy, kind == .line, case .numeric(let values) = FieldValues(field: field, in: layer) {
            let finite = values.compactMap { $0 }.filter(\.isFinite)
            if let low = finite.min(), let high = finite.max() {
                widthField = field
                widthRange = (low, high)
            }
        }
        var sizeField: String?
        var sizeMaximum: Double?
        var pointRadius = defaultPointRadius(count: layer.count, unit: unit)
        if kind == .point, let size = options.pointSize {
            switch size {
            case .constant(let radius):
                guard radius > 0, radius <= 50 else { throw MapError("--point-size \(radius): a radius is between 0 and 50 pixels") }
                pointRadius = radius * unit
            case .field(let field):
                guard case .numeric(let values) = FieldValues(field: field, in: layer) else {
                    throw MapError("--point-size \(field): the layer \(layerName) has no numbers in this field")
                }
                let finite = values.compactMap { $0 }.filter(\.isFinite)
                if let negative = finite.first(where: { $0 < 0 }) {
                    throw MapError("--point-size \(field): the layer \(layerName) has a negative value (\(negative)); marker areas show amounts of 0 or more")
                }
                sizeField = field
                sizeMaximum = finite.max()
            }
        }

        var defaultColor: Color = switch kind {
        case .polygon: polygonLayersBefore == 0 ? Palette.baseFill : .white
        case .line: widthField != nil ? Palette.weightedLine : Palette.line(lineLayersBefore)
        case .point: Palette.point(pointLayersBefore)
        }
        if kind == .point, case .constant(let color)? = options.pointColor { defaultColor = color }
        let (colouring, colors) = try colours(layer: layer, layerName: layerName, options: options, defaultColor: defaultColor,
                                              skipLightest: kind != .polygon)
        var outlineOnly = false
        if kind == .polygon, polygonLayersBefore > 0, case .uniform = colouring { outlineOnly = true }

        var symbology = Symbology(kind: kind, colouring: colouring, featureColors: colors, lineWidths: nil,
                                  widthField: widthField, widthRange: widthRange, pointRadii: nil, sizeField: sizeField,
                                  sizeMaximum: sizeMaximum, outlineOnly: outlineOnly, unit: unit, pointRadius: pointRadius)
        if let widthField {
            symbology.lineWidths = layer.features.map { feature in
                feature.properties[widthField]?.doubleValue.map(symbology.lineWidth(for:)) ?? symbology.minimumLineWidth
            }
        }
        if let sizeField {
            symbology.pointRadii = layer.features.map { feature in
                feature.properties[sizeField]?.doubleValue.map(symbology.pointRadius(for:)) ?? symbology.minimumPointRadius
            }
        }
        return symbology
    }

    /// The ColorBrewer scheme `--palette` names, checked against what it colours.
    static func scheme(_ options: MapOptions, numeric: Bool) throws -> ColorBrewerScheme? {
        guard let name = options.palette else { return nil }
        guard let scheme = ColorBrewerScheme.named(name) else {
            throw MapError("--palette \(name): not a ColorBrewer scheme; sequential: \(ColorBrewerScheme.names(.sequential).joined(separator: ", ")); diverging: \(ColorBrewerScheme.names(.diverging).joined(separator: ", ")); qualitative: \(ColorBrewerScheme.names(.qualitative).joined(separator: ", "))")
        }
        if numeric && scheme.kind == .qualitative {
            throw MapError("--palette \(scheme.name) is qualitative, for text fields; a numeric field takes a sequential (\(ColorBrewerScheme.names(.sequential).prefix(6).joined(separator: ", "))...) or diverging (\(ColorBrewerScheme.names(.diverging).joined(separator: ", "))) scheme")
        }
        if !numeric && scheme.kind != .qualitative {
            throw MapError("--palette \(scheme.name) is \(scheme.kind.rawValue), for numbers; a text field takes a qualitative scheme (\(ColorBrewerScheme.names(.qualitative).joined(separator: ", ")))")
        }
        return scheme
    }

    /// The colouring by the colour field (`--point-color FIELD` for point
    /// layers, else `--color-by`) when the layer has it, else the layer's
    /// default colour; and each feature's colour.
    private static func colours(layer: Layer, layerName: String, options: MapOptions, defaultColor: Color,
                                skipLightest: Bool) throws -> (Colouring, [Color?]) {
        let uniform = (Colouring.uniform(defaultColor), [Color?](repeating: defaultColor, count: layer.count))
        guard let field = options.colorBy else { return uniform }
        switch FieldValues(field: field, in: layer) {
        case .absent:
            return uniform
        case .numeric(let values):
            let numbers = values.compactMap { $0 }
            let scheme = try scheme(options, numeric: true)
            // A signed field is centred on 0 unless a sequential scheme was asked for.
            let centred = scheme.map { $0.kind == .diverging } ?? Classification.isSigned(numbers)
            let method: ClassificationMethod = options.breaks.map { .manual($0) } ?? options.classes
            var classification: Classification?
            if centred, options.breaks == nil, Classification.isSigned(numbers) {
                classification = Classification(diverging: numbers, method: method)
            } else {
                classification = Classification(values: numbers, method: method)
            }
            guard let classification else { return uniform }
            var palette: [Color]
            var diverging = false
            if centred, let neutral = classification.neutralClass {
                let divergingScheme = scheme ?? ColorBrewerScheme.named(Palette.defaultDiverging)!
                guard let colours = Palette.diverging(divergingScheme, count: classification.count, neutral: neutral) else {
                    throw MapError("--color-by \(field) in \(layerName): \(classification.count) classes with the class of 0 at \(neutral + 1) leave one side with more than 5 classes, more than a diverging scheme has; use fewer --breaks on that side")
                }
                palette = colours
                diverging = true
            } else if let scheme {
                guard let colours = Palette.ordered(scheme, count: classification.count, skipLightest: skipLightest) else {
                    throw MapError("--palette \(scheme.name) has at most \(scheme.maximumColors) colours, and the field \(field) in \(layerName) has \(classification.count) classes")
                }
                palette = colours
            } else {
                palette = Palette.sequential(classification.count, from: skipLightest ? 0.3 : 0)
            }
            let classes = values.map { value in value.flatMap(classification.classIndex(of:)) }
            var counts = [Int](repeating: 0, count: classification.count)
            for index in classes { if let index { counts[index] += 1 } }
            return (.classes(field: field, classification, palette, counts: counts, diverging: diverging),
                    classes.map { $0.map { palette[$0] } })
        case .categorical(let values):
            let scheme = try scheme(options, numeric: false)
            var frequency: [String: Int] = [:]
            for value in values { if let value { frequency[value, default: 0] += 1 } }
            var kept = frequency.keys.sorted()
            var grouped: [String] = []
            if kept.count > options.maxClasses {
                // The most frequent (ties by name) keep a colour; the rest are grouped, and named in the notices.
                let ranked = frequency.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
                kept = ranked.prefix(options.maxClasses - 1).sorted()
                grouped = ranked.dropFirst(options.maxClasses - 1).sorted()
            }
            let base = scheme.flatMap { $0.colors($0.maximumColors) } ?? Palette.categorical
            let palette = kept.indices.map { Palette.category($0, in: base) }
            let colorOf = Dictionary(uniqueKeysWithValues: zip(kept, palette))
            var counts = kept.map { frequency[$0]! }
            if !grouped.isEmpty { counts.append(values.compactMap { $0 }.count - counts.reduce(0, +)) }
            return (.categories(field: field, values: kept, colors: palette, grouped: grouped, counts: counts),
                    values.map { value in value.map { colorOf[$0] ?? Palette.other } })
        }
    }
}
