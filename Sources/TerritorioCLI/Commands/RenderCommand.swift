import Territory
import ArgumentParser
import Foundation
import Geo
import Maps
import Reports

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw layers as a map: PNG, SVG, PDF or an interactive HTML page.",
        discussion: """
            Layers are drawn in the order given, the first at the bottom: polygons, lines and \
            points, with a legend, a scale bar (true at the map's centre), a north arrow and a \
            title; titles and legend text wrap, never cut. The map is drawn in the metric CRS \
            Territorio measures the layers in, north up. The format follows the extension of -o: \
            .png and .pdf are drawn by Cairo; .svg keeps text as <text> and each layer as a group \
            <g id="layer-NAME"> (an Inkscape layer), to finish in Inkscape or Illustrator; .html \
            is a web map in WGS 84 on Leaflet (zoom buttons, layer switcher, fit to layer, \
            legend, popups on click, search by name), one file that works offline: Leaflet is \
            inlined from Debian's libjs-leaflet (or --leaflet DIR), and a basemap is drawn only \
            from --tiles (a URL template, or a local .mbtiles file whose tiles go into the page).

            --color-by, --line-width-by, --labels, --point-size and --point-color apply to every \
            layer that has the field (--line-width-by to lines, --point-* to points); \
            LAYER:FIELD, with LAYER a file name without its extension, applies to that layer \
            alone; --labels may be given once per layer. A field no layer has is an error. A \
            numeric field is cut into classes (--classes, or --breaks) of a light-to-dark ramp; \
            a field with values below and above 0 (a surplus, a balance, a change) gets a \
            diverging scheme centred on 0 (RdBu: red below, blue above), its negative and \
            positive values classed apart around a class for 0. A text field gets a colour per \
            value, up to --max-classes values (24 by default); past it the least frequent are \
            grouped as "other" and named in a note. Features without a value are grey. Labels \
            that would overlap an earlier one are left out.

            --classes: quantile (each class holds about as many features), jenks (natural \
            breaks: least squared deviation within classes, exact) or equal (equal widths \
            between the minimum and the maximum), each with :N classes, 2 to 9 (5 by default). \
            --palette: a ColorBrewer scheme (sequential: Blues, Greens, Greys, Oranges, \
            Purples, Reds, BuGn, BuPu, GnBu, OrRd, PuBu, PuBuGn, PuRd, RdPu, YlGn, YlGnBu, \
            YlOrBr, YlOrRd; diverging: RdBu, BrBG, PRGn, PiYG, PuOr, RdGy, RdYlBu, RdYlGn, \
            Spectral; qualitative: Set1, Set2, Set3, Dark2, Paired, Pastel1, Pastel2, Accent).

            Examples:
              territorio render circuits.geojson --color-by cheese_balance \\
                  --legend-title "Cheese surplus (t/month)" --labels circuit_id -o circuits.svg
              territorio render parishes.geojson cheese_routes.geojson sites.geojson \\
                  --line-width-by tonnes_month --color-by stage --value-label primary="Primary production" \\
                  --labels parishes:name --labels sites:name -o cheese.html
              territorio render parishes.geojson --color-by population --breaks 1000,5000,20000 \\
                  --palette YlGnBu --inset municipalities.geojson -o population.pdf
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

    @Option(help: ArgumentHelp("Class breaks for a numeric --color-by field, ascending, comma-separated: N breaks give N+1 classes (overrides --classes).", valueName: "b1,b2,..."))
    var breaks: String?

    @Option(help: ArgumentHelp("A ColorBrewer scheme by name: sequential (Blues, YlOrRd...), diverging (RdBu, BrBG...) or qualitative (Set2, Paired...).", valueName: "name"))
    var palette: String?

    @Option(name: .customLong("max-classes"), help: ArgumentHelp("Text values that get a colour each (2-60); past it the least frequent are grouped as \"other\", with a note naming them.", valueName: "n"))
    var maxClasses: Int = MapOptions.defaultMaxClasses

    @OptionGroup var languageOption: LanguageOption

    @Option(name: .customLong("legend-title"), help: ArgumentHelp("The legend's title for the colour field, in place of its name.", valueName: "text"))
    var legendTitle: String?

    @Option(name: .customLong("value-label"), help: ArgumentHelp("The legend's text for a value of a text --color-by field; repeat for several.", valueName: "value=label"))
    var valueLabels: [String] = []

    @Option(name: .customLong("line-width-by"), help: ArgumentHelp("Line width by this numeric field, from thin at its minimum to thick at its maximum.", valueName: "field"))
    var lineWidthBy: String?

    @Option(name: .customLong("point-size"), help: ArgumentHelp("Point markers: a radius in pixels, or a numeric field (marker area proportional to the value).", valueName: "px|field"))
    var pointSize: String?

    @Option(name: .customLong("point-color"), help: ArgumentHelp("Point markers: a colour #rrggbb, or a field coloured like --color-by.", valueName: "#rrggbb|field"))
    var pointColor: String?

    @Option(help: ArgumentHelp("Label features with this field; repeat with LAYER:FIELD to label several layers. Labels that would overlap an earlier one are left out.", valueName: "field"))
    var labels: [String] = []

    @Option(help: ArgumentHelp("The title; by default made from the file names.", valueName: "text"))
    var title: String?

    @Option(help: ArgumentHelp("Page width in pixels (points for PDF); the height follows the data.", valueName: "px"))
    var width: Int = 1000

    @Flag(name: .customLong("no-north-arrow"), help: "Leave out the north arrow.")
    var noNorthArrow = false

    @Option(help: ArgumentHelp("A locator inset in the map's corner: this layer (a country, a region), with the map's extent marked.", valueName: "layer"))
    var inset: String?

    @Option(help: ArgumentHelp("HTML: the folder with Leaflet's leaflet.js and leaflet.css (default: Debian's libjs-leaflet, /usr/share/javascript/leaflet).", valueName: "dir"))
    var leaflet: String?

    @Option(help: ArgumentHelp("HTML: a basemap: a tile URL template, {z}/{x}/{y}, or a local FILE.mbtiles whose tiles around the layers go into the page (none by default: nothing is fetched).", valueName: "url|file"))
    var tiles: String?

    @Option(name: .customLong("tiles-attribution"), help: ArgumentHelp("HTML: the basemap's attribution, as its provider asks.", valueName: "text"))
    var tilesAttribution: String?

    func validate() throws {
        guard MapFormat(path: output) != nil else {
            throw ValidationError(Diagnostics.text(.usage(.mapFormat(output: output))))
        }
        guard ClassificationMethod(parsing: classes) != nil else {
            throw ValidationError("--classes \(classes): use quantile, jenks or equal, optionally with :N for 2 to 9 classes")
        }
        guard MapOptions.widthRange.contains(width) else {
            throw ValidationError("--width must be between \(MapOptions.widthRange.lowerBound) and \(MapOptions.widthRange.upperBound)")
        }
        guard MapOptions.maxClassesRange.contains(maxClasses) else {
            throw ValidationError("--max-classes must be between \(MapOptions.maxClassesRange.lowerBound) and \(MapOptions.maxClassesRange.upperBound)")
        }
        _ = try parsedBreaks()
        _ = try parsedValueLabels()
        if let palette, ColorBrewerScheme.named(palette) == nil {
            throw ValidationError("--palette \(palette): not a ColorBrewer scheme; use one of \(ColorBrewerScheme.all.map(\.name).joined(separator: ", "))")
        }
        if tiles != nil || leaflet != nil, MapFormat(path: output) != .html {
            throw ValidationError("--tiles and --leaflet are for an .html map; -o \(output) is not one")
        }
        if let tiles, !tiles.lowercased().hasSuffix(".mbtiles"), !(tiles.contains("{z}") && tiles.contains("{x}") && tiles.contains("{y}")) {
            throw ValidationError("--tiles \(tiles): a tile URL template has {z}, {x} and {y}, as https://tiles.example.org/{z}/{x}/{y}.png; or give a local FILE.mbtiles")
        }
    }

    func parsedBreaks() throws -> [Double]? {
        guard let breaks else { return nil }
        let parts = breaks.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let numbers = parts.map { Double($0) }
        guard !parts.isEmpty, let bad = Optional(zip(parts, numbers).filter { $0.1 == nil || !$0.1!.isFinite }), bad.isEmpty else {
            throw ValidationError("--breaks \(breaks): comma-separated numbers, as 0,100,1000 (a negative first break: --breaks=-50,0,50)")
        }
        let values = numbers.map { $0! }
        guard zip(values, values.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw ValidationError("--breaks \(breaks): the breaks must ascend, each once")
        }
        return values
    }

    func parsedValueLabels() throws -> [String: String] {
        var result: [String: String] = [:]
        for text in valueLabels {
            guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                throw ValidationError("--value-label \(text): write VALUE=LABEL, as --value-label primary=\"Primary production\"")
            }
            let value = String(text[..<equals])
            guard result[value] == nil else { throw ValidationError("--value-label \(value) is given twice") }
            result[value] = String(text[text.index(after: equals)...])
        }
        return result
    }

    func run() throws {
        let mapLayers = try layers.map { path in MapLayer(name: MapLayer.name(forPath: path), layer: try Layers.read(path)) }
        let named = zip(layers, mapLayers).map { (name: $1.name, file: $0, layer: $1.layer) }
        var fieldFlags: [(String, String?)] = [("--color-by", colorBy), ("--line-width-by", lineWidthBy)] + labels.map { ("--labels", $0) }
        if let pointSize, case .field(let field) = PointSize(parsing: pointSize) { fieldFlags.append(("--point-size", field)) }
        if let pointColor, case .field(let field) = PointColor(parsing: pointColor) { fieldFlags.append(("--point-color", field)) }
        for (flag, field) in fieldFlags {
            try FieldCheck.requireInAny(field, layers: named, flag: flag)
        }
        let insetLayer = try inset.map { path in MapLayer(name: MapLayer.name(forPath: path), layer: try Layers.read(path)) }
        var options = MapOptions(title: title, width: width, colorBy: colorBy, classes: ClassificationMethod(parsing: classes)!,
                                 lineWidthBy: lineWidthBy, labelFields: labels, legendTitle: legendTitle,
                                 valueLabels: try parsedValueLabels(), maxClasses: maxClasses, breaks: try parsedBreaks(),
                                 palette: palette, pointSize: pointSize.map(PointSize.init(parsing:)),
                                 pointColor: pointColor.map(PointColor.init(parsing:)), northArrow: !noNorthArrow, inset: insetLayer,
                                 leafletDirectory: leaflet ?? MapOptions.systemLeaflet, tiles: tiles, tilesAttribution: tilesAttribution)
        options.text = MapText(language: languageOption.language)
        let notices: [String]
        do {
            notices = try MapOutput.write(mapLayers, options: options, to: output)
        } catch let error as MapError {
            throw CommandFailure(message: error.message)
        }
        let tallies = zip(layers, mapLayers).map { path, mapLayer in
            let drawn = mapLayer.layer.features.count { $0.geometry.map { !$0.isEmpty } ?? false }
            var counts = FeatureCounts(path, input: mapLayer.layer.count, output: drawn)
            counts.reject(mapLayer.layer.count - drawn, "without geometry, not drawn")
            return counts
        }
        Diagnostics.write(Diagnostics.text(.layersDrawn(output: output, layers: mapLayers.count, features: tallies.reduce(0) { $0 + $1.output })) + "\n")
        for counts in tallies { counts.report() }
        for notice in notices { Diagnostics.write("\(Diagnostics.text(.noteLabel)): \(notice)\n") }
    }
}
