import Geo

import Foundation

/// What `territorio render` asks for. Field options apply to every layer
/// that has the field (a non-null value in at least one feature); a field
/// no layer has is an error.
public struct MapOptions: Sendable {
    public var title: String?
    /// Page width in pixels (PNG, SVG, HTML) or points (PDF); the height
    /// follows the data's shape.
    public var width: Int
    /// Colour features by this field: classes of a sequential ramp when
    /// it is numeric in the layer (a diverging one centred on 0 when it
    /// has values below and above 0), a categorical palette when it is text.
    public var colorBy: String?
    public var classes: ClassificationMethod
    /// Line width by this numeric field, scaled between its minimum and maximum.
    public var lineWidthBy: String?
    /// Label features with these fields: each applies to the layers that
    /// have it, or `LAYER:FIELD` to one layer.
    public var labelFields: [String]
    /// The first label field (the one-field form of `labelFields`).
    public var labels: String? {
        get { labelFields.first }
        set { labelFields = newValue.map { [$0] } ?? [] }
    }
    /// Shown in the legend in place of the colour field's name.
    public var legendTitle: String?
    /// Legend text for category values: value → label.
    public var valueLabels: [String: String]
    /// Categories that get a colour of their own; past it, the most
    /// frequent `maxClasses - 1` keep theirs and the rest are grouped into
    /// one "other" row, which `MapDocument.notices` names.
    public var maxClasses: Int
    /// Manual class breaks, ascending, for numeric colour fields; they
    /// override `classes`.
    public var breaks: [Double]?
    /// A ColorBrewer scheme by name (`Blues`, `RdBu`, `Set2`...).
    public var palette: String?
    /// Point layers: marker radius constant or by field, colour constant or by field.
    public var pointSize: PointSize?
    public var pointColor: PointColor?
    /// A north arrow in the map's top right corner.
    public var northArrow: Bool
    /// A locator map in the map's lower right corner: this layer, with the
    /// map's extent marked on it.
    public var inset: MapLayer?
    /// The HTML page: where Leaflet is (leaflet.js and leaflet.css), and a
    /// basemap tile URL template (`https://.../{z}/{x}/{y}.png`); no
    /// basemap without one.
    public var leafletDirectory: String
    public var tiles: String?
    public var tilesAttribution: String?
    /// The words the map writes (legend, web map controls): English unless given.
    public var text: MapText = .english

    public init(title: String? = nil, width: Int = 1000, colorBy: String? = nil,
                classes: ClassificationMethod = .quantile(ClassificationMethod.defaultClasses),
                lineWidthBy: String? = nil, labels: String? = nil, labelFields: [String] = [],
                legendTitle: String? = nil, valueLabels: [String: String] = [:], maxClasses: Int = MapOptions.defaultMaxClasses,
                breaks: [Double]? = nil, palette: String? = nil, pointSize: PointSize? = nil, pointColor: PointColor? = nil,
                northArrow: Bool = true, inset: MapLayer? = nil, leafletDirectory: String = MapOptions.systemLeaflet,
                tiles: String? = nil, tilesAttribution: String? = nil) {
        self.title = title
        self.width = width
        self.colorBy = colorBy
        self.classes = classes
        self.lineWidthBy = lineWidthBy
        self.labelFields = (labels.map { [$0] } ?? []) + labelFields
        self.legendTitle = legendTitle
        self.valueLabels = valueLabels
        self.maxClasses = maxClasses
        self.breaks = breaks
        self.palette = palette
        self.pointSize = pointSize
        self.pointColor = pointColor
        self.northArrow = northArrow
        self.inset = inset
        self.leafletDirectory = leafletDirectory
        self.tiles = tiles
        self.tilesAttribution = tilesAttribution
    }

    public static let widthRange = 200...10_000
    public static let defaultMaxClasses = 24
    public static let maxClassesRange = 2...60
    /// Where Debian's libjs-leaflet puts Leaflet.
    public static let systemLeaflet = "/usr/share/javascript/leaflet"
}

/// `--point-size`: a radius in pixels at a 1000-pixel-wide page, or a
/// numeric field (marker area proportional to the value).
public enum PointSize: Sendable, Hashable {
    case constant(Double)
    case field(String)

    public init(parsing text: String) {
        if let number = Double(text), number.isFinite { self = .constant(number) } else { self = .field(text) }
    }
}

/// `--point-color`: `#rrggbb`, or a field (numeric or text) coloured like `--color-by`.
public enum PointColor: Sendable, Hashable {
    case constant(Color)
    case field(String)

    public init(parsing text: String) {
        let digits = text.hasPrefix("#") ? text.dropFirst() : Substring(text)
        if text.hasPrefix("#"), digits.count == 6, UInt32(digits, radix: 16) != nil {
            self = .constant(Color(hex: text))
        } else {
            self = .field(text)
        }
    }
}

/// A layer to draw and the name the legend gives it.
public struct MapLayer: Sendable {
    public var name: String
    public var layer: Layer

    public init(name: String, layer: Layer) {
        self.name = name
        self.layer = layer
    }

    /// The legend name for a layer argument: the file name without folder
    /// and extension, or the layer of `FILE:LAYER`.
    public static func name(forPath path: String) -> String {
        var base = Substring(path)
        if let slash = base.lastIndex(of: "/") { base = base[base.index(after: slash)...] }
        if let colon = base.lastIndex(of: ":"), base.index(after: colon) < base.endIndex,
           !base[base.index(after: colon)...].contains(".") {
            return String(base[base.index(after: colon)...])
        }
        for suffix in [".geojsonl", ".geojsons", ".geojson", ".json", ".osm.pbf"] where base.lowercased().hasSuffix(suffix) {
            return String(base.dropLast(suffix.count))
        }
        if let dot = base.lastIndex(of: "."), dot > base.startIndex { return String(base[..<dot]) }
        return base.isEmpty ? "layer" : String(base)
    }
}

/// A map that cannot be drawn as asked.
public struct MapError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
