import Geo

/// What `territorio render` asks for. Field options apply to every layer
/// that has the field (a non-null value in at least one feature); a field
/// no layer has is an error.
public struct MapOptions: Sendable {
    public var title: String?
    /// Page width in pixels (PNG, SVG, HTML) or points (PDF); the height
    /// follows the data's shape.
    public var width: Int
    /// Colour features by this field: classes of a sequential ramp when
    /// it is numeric in the layer, a categorical palette when it is text.
    public var colorBy: String?
    public var classes: ClassificationMethod
    /// Line width by this numeric field, scaled between its minimum and maximum.
    public var lineWidthBy: String?
    /// Label features with this field's value.
    public var labels: String?

    public init(title: String? = nil, width: Int = 1000, colorBy: String? = nil,
                classes: ClassificationMethod = .quantile(ClassificationMethod.defaultClasses),
                lineWidthBy: String? = nil, labels: String? = nil) {
        self.title = title
        self.width = width
        self.colorBy = colorBy
        self.classes = classes
        self.lineWidthBy = lineWidthBy
        self.labels = labels
    }

    public static let widthRange = 200...10_000
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
