import ArgumentParser
import Foundation
import Geo
import Maps

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw layers as a map: PNG, SVG, PDF or an interactive HTML page.",
        discussion: """
            Layers are drawn in the order given, the first at the bottom: polygons, lines and \
            points, with a legend, a scale bar (true at the map's centre) and a title. The map \
            is drawn in the metric CRS Territorio measures the layers in, north up. The format \
            follows the extension of -o: .png, .svg and .pdf are drawn by Cairo; .html is one \
            self-contained page (inline SVG and a small script: wheel to zoom, drag to pan, a \
            tooltip with each feature's properties) that fetches nothing.

            --color-by, --line-width-by and --labels apply to every layer that has the field \
            (--line-width-by to line layers only); LAYER:FIELD, with LAYER a file name without \
            its extension, applies to that layer alone. A field no layer has is an error. A \
            numeric field is cut into classes (--classes) of a light-to-dark ramp; a text field \
            gets a colour per value (past ten values, the nine most frequent and "other"). \
            Features without a value are grey. Labels that would overlap an earlier one are \
            left out.

            --classes: quantile (each class holds about as many features), jenks (natural \
            breaks: least squared deviation within classes, exact) or equal (equal widths \
            between the minimum and the maximum), each with :N classes, 2 to 9 (5 by default).

            Examples:
              territorio render circuits.geojson --color-by cheese_self_sufficiency \\
                  --labels circuit_id -o circuits.png
              territorio render parishes.geojson cheese_routes.geojson sites.geojson \\
                  --line-width-by tonnes_month --color-by stage -o cheese.html
              territorio render parishes.geojson municipalities.geojson \\
                  --color-by parishes:population --classes jenks:6 -o population.pdf
            """
    )

    @Argument(help: ArgumentHelp("Layers to draw, bottom first: GeoJSON, CSV points or any GDAL vector format (FILE:LAYER picks a layer).", valueName: "layer"))
    var layers: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("The map: .png, .svg, .pdf or .html.", valueName: "file"))
    var output: String

    @Option(name: .customLong("color-by"), help: ArgumentHelp("Colour features by this field, in every layer that has it (LAYER:FIELD for one layer).", valueName: "field"))
    var colorBy: String?

    @Option(help: ArgumentHelp("How a numeric --color-by field is cut: quantile, jenks or equal, with :N classes (2-9).", valueName: "method[:N]"))
    var classes: String = "quantile:5"

    @Option(name: .customLong("line-width-by"), help: ArgumentHelp("Line width by this numeric field, from thin at its minimum to thick at its maximum.", valueName: "field"))
    var lineWidthBy: String?

    @Option(help: ArgumentHelp("Label features with this field; labels that would overlap an earlier one are left out.", valueName: "field"))
    var labels: String?

    @Option(help: ArgumentHelp("The title; by default made from the file names.", valueName: "text"))
    var title: String?

    @Option(help: ArgumentHelp("Page width in pixels (points for PDF); the height follows the data.", valueName: "px"))
    var width: Int = 1000

    func validate() throws {
        guard MapFormat(path: output) != nil else {
            throw ValidationError("-o \(output): the format follows the extension: .png, .svg, .pdf or .html")
        }
        guard ClassificationMethod(parsing: classes) != nil else {
            throw ValidationError("--classes \(classes): use quantile, jenks or equal, optionally with :N for 2 to 9 classes")
        }
        guard MapOptions.widthRange.contains(width) else {
            throw ValidationError("--width must be between \(MapOptions.widthRange.lowerBound) and \(MapOptions.widthRange.upperBound)")
        }
    }

    func run() throws {
        let mapLayers = try layers.map { path in MapLayer(name: MapLayer.name(forPath: path), layer: try Layers.read(path)) }
        let named = zip(layers, mapLayers).map { (name: $1.name, file: $0, layer: $1.layer) }
        for (flag, field) in [("--color-by", colorBy), ("--labels", labels), ("--line-width-by", lineWidthBy)] {
            try FieldCheck.requireInAny(field, layers: named, flag: flag)
        }
        let options = MapOptions(title: title, width: width, colorBy: colorBy, classes: ClassificationMethod(parsing: classes)!,
                                 lineWidthBy: lineWidthBy, labels: labels)
        do {
            try MapOutput.write(mapLayers, options: options, to: output)
        } catch let error as MapError {
            throw CommandFailure(message: error.message)
        }
        let tallies = zip(layers, mapLayers).map { path, mapLayer in
            let drawn = mapLayer.layer.features.count { $0.geometry.map { !$0.isEmpty } ?? false }
            var counts = FeatureCounts(path, input: mapLayer.layer.count, output: drawn)
            counts.reject(mapLayer.layer.count - drawn, "without geometry, not drawn")
            return counts
        }
        Diagnostics.write("\(output): \(mapLayers.count) layer(s), \(tallies.reduce(0) { $0 + $1.output }) features drawn\n")
        for counts in tallies { counts.report() }
    }
}
