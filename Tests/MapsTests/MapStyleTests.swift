import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Geo
import Testing
@testable import Maps

/// Issue 20 §3: wrapped text, ColorBrewer schemes, diverging classes for
/// signed fields, manual breaks, categories past --max-classes, and the
/// SVG for Inkscape. Colours are ColorBrewer's published hex values
/// (colorbrewer2.org), checkable by hand.
@Suite struct MapStyleTests {
    /// A layer of points along a line, one per value, `field` holding the values.
    static func points(_ name: String, field: String, values: [JSONValue]) throws -> MapLayer {
        let features = values.enumerated().map { index, value in
            "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(-68 + Double(index) * 0.01),10]},\"properties\":{\"\(field)\":\(value.jsonText)}}"
        }
        let path = RenderTests.temporary("\(name).geojson")
        try "{\"type\":\"FeatureCollection\",\"features\":[\(features.joined(separator: ","))]}".write(toFile: path, atomically: true, encoding: .utf8)
        return MapLayer(name: name, layer: try Layer.readGeoJSON(path: path))
    }

    static func numbers(_ values: [Double]) -> [JSONValue] {
        values.map { .number(JSONNumber($0)) }
    }

    static func classes(_ map: MapDocument, layer: Int = 0) throws -> (Classification, [Color], [Int], Bool) {
        guard case .classes(_, let classification, let colors, let counts, let diverging) = map.layers[layer].symbology.colouring else {
            throw MapError("classes expected")
        }
        return (classification, colors, counts, diverging)
    }

    @Test func aLongTitleWrapsOnSeveralLinesAndNothingIsCut() throws {
        let title = "Excedente y déficit de queso por circuito de proximidad en los municipios del estado, toneladas por mes en 2026"
        let map = try MapDocument.make(layers: [try RenderTests.sample("parishes")], options: MapOptions(title: title, width: 400))
        #expect(map.titleLines.count >= 3)
        #expect(map.titleLines.joined(separator: " ") == title)
        #expect(!map.titleLines.joined().contains("…"))
        let measure = TextMeasure()
        let margin = max(12.0, 24 * 0.5)
        for line in map.titleLines { #expect(measure.width(line, size: map.titleStyle.size, bold: true) <= 400 - 2 * margin) }
        // The map starts below the last line.
        #expect(map.frame.area.y > map.titlePosition.y + map.titleLineHeight * Double(map.titleLines.count - 1))
    }

    @Test func legendLabelsWrapAndKeepEveryWord() throws {
        let label = "Producción primaria de leche cruda en fincas familiares y cooperativas"
        let map = try MapDocument.make(layers: [try RenderTests.sample("sites")],
                                       options: MapOptions(width: 600, colorBy: "stage", valueLabels: ["primary": label]))
        let rows = map.legend.items.compactMap { item -> [String]? in
            if case .row(_, _, let lines, _) = item { return lines } else { return nil }
        }
        let wrapped = try #require(rows.first { $0.count > 1 })
        #expect(wrapped.joined(separator: " ") == label + "  (1,297)" || wrapped.joined(separator: " ").hasPrefix(label))
        #expect(!rows.joined().joined().contains("…"))
        // A word longer than the line is split, not cut.
        let measure = TextMeasure()
        let long = String(repeating: "queso", count: 30)
        let lines = measure.wrapped(long, size: 12, width: 100)
        #expect(lines.count > 1 && lines.joined() == long)
    }

    @Test func colorBrewerTablesAreThePublishedOnes() throws {
        #expect(ColorBrewerScheme.names(.sequential).count == 18)
        #expect(ColorBrewerScheme.names(.diverging).count == 9)
        #expect(ColorBrewerScheme.names(.qualitative).count == 8)
        let rdbu = try #require(ColorBrewerScheme.named("rdbu"))
        #expect(rdbu.colors(5)!.map(\.hex) == ["#ca0020", "#f4a582", "#f7f7f7", "#92c5de", "#0571b0"])
        #expect(rdbu.maximumColors == 11)
        #expect(ColorBrewerScheme.named("Blues")!.colors(9)!.last!.hex == "#08306b")
        #expect(ColorBrewerScheme.named("Set2")!.colors(8)!.map(\.hex).first == "#66c2a5")
        #expect(ColorBrewerScheme.named("Blues")!.colors(10) == nil)
    }

    @Test func aSignedFieldIsCentredOnZero() throws {
        let layer = try Self.points("balance", field: "balance", values: Self.numbers([-30, -20, -10, -5, 0, 5, 10, 20, 40, 80]))
        let map = try MapDocument.make(layers: [layer], options: MapOptions(colorBy: "balance"))
        let (classification, colors, counts, diverging) = try Self.classes(map)
        #expect(diverging)
        // Two classes below 0 (quantiles of the negatives), one for 0, two above.
        #expect(classification.upperBounds == [-20, -5, 0, 20, 80])
        #expect(classification.neutralClass == 2 && classification.classIndex(of: 0) == 2)
        #expect(counts == [2, 2, 1, 3, 2])
        // RdBu, 5 classes: red below 0, the neutral grey-white for 0, blue above.
        #expect(colors.map(\.hex) == ["#ca0020", "#f4a582", "#f7f7f7", "#92c5de", "#0571b0"])
        let labels = map.legend.items.compactMap { item -> String? in
            if case .row(_, _, let lines, _) = item { return lines.joined(separator: " ") } else { return nil }
        }
        #expect(labels == ["-30 – -20 (2)", "-20 – -5 (2)", "0 (1)", "5 – 20 (3)", "20 – 80 (2)"])

        // One negative value: one class below, two above; the neutral colour still holds 0.
        let lopsided = try Self.points("delta", field: "delta", values: Self.numbers([-1, 2, 4, 6, 8, 10]))
        let (other, otherColors, _, _) = try Self.classes(try MapDocument.make(layers: [lopsided], options: MapOptions(colorBy: "delta")))
        #expect(other.upperBounds == [-1, 0, 6, 10])
        #expect(otherColors.map(\.hex) == ["#f4a582", "#f7f7f7", "#92c5de", "#0571b0"])

        // Another diverging scheme by name; a sequential one turns centring off.
        let brbg = try Self.classes(try MapDocument.make(layers: [layer], options: MapOptions(colorBy: "balance", palette: "BrBG")))
        #expect(brbg.1[2].hex == "#f5f5f5" && brbg.3)
        let blues = try Self.classes(try MapDocument.make(layers: [layer], options: MapOptions(colorBy: "balance", palette: "Blues")))
        #expect(!blues.3 && blues.1.map(\.hex) == ColorBrewerScheme.named("Blues")!.colors(6)!.dropFirst().map(\.hex))
        // A field of one sign stays sequential.
        let positive = try Self.points("tonnes", field: "tonnes", values: Self.numbers([1, 2, 3, 4, 5, 6]))
        #expect(try !Self.classes(try MapDocument.make(layers: [positive], options: MapOptions(colorBy: "tonnes"))).3)
    }

    @Test func manualBreaksMakeTheAskedClasses() throws {
        let layer = try Self.points("tonnes", field: "tonnes", values: Self.numbers((1...10).map(Double.init)))
        let map = try MapDocument.make(layers: [layer], options: MapOptions(colorBy: "tonnes", breaks: [3, 7], palette: "YlOrRd"))
        let (classification, colors, counts, _) = try Self.classes(map)
        #expect(classification.upperBounds == [3, 7, 10])
        #expect(counts == [3, 4, 3])
        // Points leave out the scheme's lightest colour: YlOrRd's 4-class table without its first.
        #expect(colors.map(\.hex) == ["#fecc5c", "#fd8d3c", "#e31a1c"])
        #expect(classification.method.name == "manual breaks")
        // Breaks out of order, or a qualitative scheme for numbers, are errors.
        #expect(throws: MapError.self) { try MapDocument.make(layers: [layer], options: MapOptions(colorBy: "tonnes", breaks: [7, 3])) }
        #expect(throws: MapError.self) { try MapDocument.make(layers: [layer], options: MapOptions(colorBy: "tonnes", palette: "Set2")) }
        #expect(throws: MapError.self) { try MapDocument.make(layers: [layer], options: MapOptions(colorBy: "tonnes", palette: "Rainbow")) }
    }

    @Test func categoriesPastMaxClassesAreGroupedAndNamed() throws {
        // c01 thirty times, c02 twenty-nine times... c30 once.
        var values: [JSONValue] = []
        for index in 1...30 { values += Array(repeating: .string(String(format: "c%02d", index)), count: 31 - index) }
        let layer = try Self.points("towns", field: "state", values: values)
        let grouped = try MapDocument.make(layers: [layer], options: MapOptions(colorBy: "state", maxClasses: 5))
        guard case .categories(_, let kept, let colors, let rest, let counts) = grouped.layers[0].symbology.colouring else {
            Issue.record("categories expected"); return
        }
        #expect(kept == ["c01", "c02", "c03", "c04"])
        #expect(rest.count == 26 && rest.first == "c05" && rest.last == "c30")
        #expect(counts == [30, 29, 28, 27, (1...26).reduce(0, +)])
        #expect(Set(colors).count == 4)
        let notice = try #require(grouped.notices.first)
        #expect(notice.contains("30 values") && notice.contains("26 least frequent") && notice.contains("c05"))

        // By default (24), 20 values each get a colour of their own: nothing grouped, no notice.
        let twenty = try Self.points("towns", field: "state", values: (1...20).map { .string("s\($0)") })
        let all = try MapDocument.make(layers: [twenty], options: MapOptions(colorBy: "state"))
        guard case .categories(_, let values, let allColors, let none, _) = all.layers[0].symbology.colouring else {
            Issue.record("categories expected"); return
        }
        #expect(values.count == 20 && none.isEmpty && Set(allColors.map(\.hex)).count == 20 && all.notices.isEmpty)
    }

    @Test func valueLabelsMustNameAValue() throws {
        let sites = try RenderTests.sample("sites")
        #expect(throws: MapError.self) {
            try MapDocument.make(layers: [sites], options: MapOptions(colorBy: "stage", valueLabels: ["primario": "Primario"]))
        }
    }

    /// Collects the SVG's groups, texts and the elements in each layer group.
    final class SVGReader: NSObject, XMLParserDelegate {
        var groups: [String] = []
        var texts: [String] = []
        var elementsInLayer: [String: Int] = [:]
        private var stack: [String] = []
        private var text: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if name == "g", let id = attributes["id"] { groups.append(id) }
            if let layer = stack.last(where: { $0.hasPrefix("layer-") }), name == "path" || name == "circle" {
                elementsInLayer[layer, default: 0] += 1
            }
            stack.append(name == "g" ? attributes["id"] ?? "" : "")
            if name == "text" { text = "" }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text? += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
            if name == "text", let finished = text { texts.append(finished); text = nil }
        }
    }

    @Test func svgKeepsTextAsTextAndAGroupPerLayer() throws {
        let title = "Parroquias, vías y sitios de la cadena del queso en el territorio de estudio"
        let bytes = try MapOutput.render(try RenderTests.sampleLayers(), options: MapOptions(title: title, width: 640, colorBy: "population", labels: "name"), format: .svg)
        let reader = SVGReader()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = reader
        #expect(parser.parse())
        for id in ["layer-parishes", "layer-roads", "layer-sites", "title", "legend", "labels", "north-arrow", "scalebar"] {
            #expect(reader.groups.contains(id), "\(id)")
        }
        // Every feature is an element of its layer's group: 150 parishes, 705 roads, 2,449 sites.
        #expect(reader.elementsInLayer["layer-parishes"] == 150)
        #expect(reader.elementsInLayer["layer-roads"] == 705)
        #expect(reader.elementsInLayer["layer-sites"] == 2449)
        // The title's lines, the legend and the labels are <text>.
        #expect(reader.texts.filter { !$0.isEmpty }.count > 30)
        let titleText = reader.texts.prefix(4).joined(separator: " ")
        #expect(titleText.hasPrefix(title))
        #expect(reader.texts.contains("parishes") && reader.texts.contains("N"))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("inkscape:groupmode=\"layer\" inkscape:label=\"sites\""))
    }

    @Test func pointSizeFollowsTheFieldAsArea() throws {
        let layer = try Self.points("sites", field: "capacity", values: Self.numbers([0, 25, 100]))
        let map = try MapDocument.make(layers: [layer], options: MapOptions(pointSize: .field("capacity"), pointColor: .constant(Color(hex: "#123456"))))
        let symbology = map.layers[0].symbology
        let radii = try #require(symbology.pointRadii)
        // Area proportional: a quarter of the largest value, half its radius.
        #expect(abs(radii[1] - radii[2] / 2) < 1e-9 && radii[2] == symbology.maximumPointRadius)
        #expect(radii[0] == symbology.minimumPointRadius)
        #expect(symbology.color(of: 0).hex == "#123456")
        // A constant point colour wins over --color-by on point layers.
        let constant = try MapDocument.make(layers: [layer], options: MapOptions(colorBy: "capacity", pointColor: .constant(Color(hex: "#123456"))))
        #expect(constant.layers[0].symbology.color(of: 2).hex == "#123456")
        // Many points get smaller markers: 23,000 localities at 0.4 of the usual radius.
        #expect(Symbology.defaultPointRadius(count: 23_000, unit: 1) == 3 * 0.4)
        #expect(Symbology.defaultPointRadius(count: 100, unit: 1) == 3)
    }

    @Test func insetShowsTheMapExtentOnItsLayer() throws {
        let map = try MapDocument.make(layers: [try RenderTests.sample("sites")],
                                       options: MapOptions(width: 800, inset: try RenderTests.sample("municipalities")))
        let inset = try #require(map.inset)
        #expect(map.frame.area.contains(inset.box))
        #expect(inset.polygons.count == 15)
        #expect(!inset.extent.isEmpty)
    }

    @Test func theWebMapNeedsLeafletAndSaysWhichPackage() throws {
        let layers = [try RenderTests.sample("parishes")]
        do {
            _ = try MapOutput.render(layers, options: MapOptions(leafletDirectory: "/nonexistent"), format: .html)
            Issue.record("a missing Leaflet must be an error")
        } catch let error as MapError {
            #expect(error.message.contains("libjs-leaflet") && error.message.contains("--leaflet"))
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: MapOptions.systemLeaflet + "/leaflet.js"),
                   "Debian's libjs-leaflet is not installed (scripts/setup installs it)"))
    func theWebMapIsOneOfflineFileInWGS84() throws {
        let bytes = try MapOutput.render(try RenderTests.sampleLayers(), options: RenderTests.options, format: .html)
        let text = String(decoding: bytes, as: UTF8.self)
        // Nothing to fetch: no external script, stylesheet or image.
        #expect(!text.contains("<script src") && !text.contains("<link rel=\"stylesheet\"") && !text.contains("url(images"))
        #expect(text.contains("L.control.layers") && text.contains("bindPopup"))
        #expect(!text.contains("L.tileLayer(\"http"))
        let start = try #require(text.range(of: "<script type=\"application/json\" id=\"territorio-data\">"))
        let end = try #require(text.range(of: "</script>", range: start.upperBound..<text.endIndex))
        let data = try #require(try JSONSerialization.jsonObject(with: Data(text[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        let layers = try #require(data["layers"] as? [[String: Any]])
        #expect(layers.map { $0["name"] as? String } == ["parishes", "roads", "sites"])
        #expect(layers.map { ($0["features"] as? [Any])?.count } == [150, 705, 2449])
        #expect(data["tiles"] is NSNull)
        // Longitude and latitude: the sample lies near 68° W, 10° N.
        let site = try #require((layers[2]["features"] as? [[String: Any]])?.first)
        let coordinates = try #require((site["geometry"] as? [String: Any])?["coordinates"] as? [Double])
        #expect(coordinates[0] > -70 && coordinates[0] < -66 && coordinates[1] > 8 && coordinates[1] < 12)
    }
}

/// The words of a map come from `MapText`, so a caller can hand in Spanish.
@Suite struct MapTextTests {
    @Test func legendWordsFollowTheGivenText() throws {
        var spanish = MapText()
        spanish.classes = "{method}, {n} clases"
        spanish.quantile = "cuantiles"
        spanish.centredOnZero = ", centradas en 0"
        spanish.and = "y"
        let layer = try MapStyleTests.points("saldo", field: "saldo", values: MapStyleTests.numbers([-3, -2, -1, 1, 2, 3]))
        var options = MapOptions(colorBy: "saldo")
        options.text = spanish
        let map = try MapDocument.make(layers: [layer, try RenderTests.sample("sites")], options: options)
        let captions = map.legend.items.compactMap { item -> String? in
            if case .caption(let lines, _) = item { return lines.joined(separator: " ") } else { return nil }
        }
        #expect(captions.contains("cuantiles, 5 clases, centradas en 0"))
        #expect(map.title == "Saldo y sites")
    }
}
