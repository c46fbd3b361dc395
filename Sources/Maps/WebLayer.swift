import Foundation
import Geo

/// One layer of the web map: its features in WGS 84 as GeoJSON, each with
/// its properties and its style from the same `Symbology` as the printed
/// map (`s`: colour `c`, line weight `w` and marker radius `r` in screen
/// pixels), and the field the search box finds features by.
struct WebLayer: Sendable {
    let name: String
    let kind: GeometryKind
    /// A JSON array of GeoJSON features.
    let featuresJSON: String
    /// Features drawn: those with a geometry.
    let count: Int
    let nameField: String?
    /// `--labels` for this layer: drawn as labels on the web map too.
    let labelField: String?
    let outlineOnly: Bool
    let outline: Stroke
    /// The features' extent in WGS 84: what an MBTiles basemap must cover.
    let envelope: Envelope?

    /// Fields the search box uses when the layer is not labelled, first present wins.
    static let nameFields = ["name", "nombre", "Name", "NAME", "nom", "nome"]

    init(name: String, layer: Layer, symbology: Symbology, labelField: String?) {
        self.name = name
        envelope = layer.envelope
        kind = symbology.kind
        outlineOnly = symbology.outlineOnly
        let unit = symbology.unit
        outline = Stroke(color: symbology.outline.color, width: symbology.outline.width / unit)
        self.labelField = labelField
        nameField = labelField ?? Self.nameFields.first { field in
            layer.features.contains { feature in feature.properties[field].map { $0 != .null } ?? false }
        }
        var json = "["
        var count = 0
        for (index, feature) in layer.features.enumerated() {
            guard let shape = feature.geometry, !shape.isEmpty else { continue }
            if count > 0 { json += ",\n" }
            count += 1
            let width = (symbology.lineWidths?[index] ?? symbology.defaultLineWidth) / unit
            let radius = symbology.radius(of: index) / unit
            json += "{\"type\":\"Feature\",\"geometry\":\(shape.geoJSON(precision: 6)),\"properties\":\(MapDocument.propertiesJSON(feature))"
            json += ",\"s\":{\"c\":\"\(symbology.color(of: index).hex)\",\"w\":\(SVGCanvas.number(width)),\"r\":\(SVGCanvas.number(radius))}}"
        }
        featuresJSON = json + "]"
        self.count = count
    }

    /// The layer as the page's script reads it.
    var json: String {
        var object = "{\"name\":\(JSONValue.string(name).jsonText),\"kind\":\"\(kind)\",\"count\":\(count)"
        object += ",\"nameField\":" + (nameField.map { JSONValue.string($0).jsonText } ?? "null")
        object += ",\"labelField\":" + (labelField.map { JSONValue.string($0).jsonText } ?? "null")
        object += ",\"outlineOnly\":\(outlineOnly),\"outline\":\"\(outline.color.hex)\",\"outlineWidth\":\(SVGCanvas.number(outline.width))"
        return object + ",\"features\":\(featuresJSON)}"
    }
}
