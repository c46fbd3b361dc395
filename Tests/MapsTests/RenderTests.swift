import CCairo
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Geo
import Testing
@testable import Maps

/// Maps of the sample territory drawn by the real Cairo, in every format.
@Suite struct RenderTests {
    static let territory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("geodata/territory")

    static func sample(_ name: String) throws -> MapLayer {
        MapLayer(name: name, layer: try Layer.readGeoJSON(path: territory.appendingPathComponent("\(name).geojson").path))
    }

    /// Parishes coloured by population, roads, and sites coloured by stage.
    static func sampleLayers() throws -> [MapLayer] {
        [try sample("parishes"), try sample("roads"), try sample("sites")]
    }

    static let options = MapOptions(width: 640, colorBy: "population", labels: "name")

    static func temporary(_ name: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("territorio-maps-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    /// Distinct colours among the pixels of a decoded PNG, with its size.
    static func decodePNG(_ path: String) throws -> (width: Int, height: Int, colours: Int) {
        let surface = try #require(cairo_image_surface_create_from_png(path))
        defer { cairo_surface_destroy(surface) }
        #expect(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS)
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = try #require(cairo_image_surface_get_data(surface))
        var colours = Set<UInt32>()
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width { colours.insert(row[x]) }
        }
        return (width, height, colours.count)
    }

    static func parsesAsXML(_ bytes: [UInt8]) -> Bool {
        let parser = XMLParser(data: Data(bytes))
        return parser.parse()
    }

    @Test func pngDecodesToTheAskedWidthAndIsNotBlank() throws {
        let path = Self.temporary("sample.png")
        try MapOutput.write(try Self.sampleLayers(), options: Self.options, to: path)
        let png = try Self.decodePNG(path)
        #expect(png.width == 640)
        #expect(png.height > 300 && png.height < 1200)
        // Five population classes, road grey, five stage colours, text, anti-aliasing.
        #expect(png.colours > 50)
    }

    @Test func svgParsesAndCarriesTheTitleAsText() throws {
        let bytes = try MapOutput.render(try Self.sampleLayers(), options: Self.options, format: .svg)
        #expect(Self.parsesAsXML(bytes))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("<svg") && text.contains("width=\"640\""))
        #expect(text.contains(">Parishes, roads and sites</text>"))
    }

    @Test func pdfIsAPDFWithoutACreationDate() throws {
        let path = Self.temporary("sample.pdf")
        try MapOutput.write(try Self.sampleLayers(), options: Self.options, to: path)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("%%EOF"))
        #expect(text.contains("/Title (Parishes, roads and sites)"))
        #expect(!text.contains("/CreationDate"))
    }

    @Test func sameInputGivesTheSameBytes() throws {
        let layers = try Self.sampleLayers()
        // HTML needs Leaflet installed: MapStyleTests checks it.
        for format in MapFormat.allCases where format != .html {
            let first = try MapOutput.render(layers, options: Self.options, format: format)
            let second = try MapOutput.render(layers, options: Self.options, format: format)
            #expect(first == second, "\(format)")
        }
    }

    @Test func labelsDoNotOverlapAndStayInTheMap() throws {
        let map = try MapDocument.make(layers: [try Self.sample("parishes")], options: MapOptions(width: 900, labels: "name"))
        #expect(map.labelCount > 20 && map.labelCount < 150)
        for (index, label) in map.labels.enumerated() {
            #expect(map.frame.area.contains(label.box))
            for other in map.labels[..<index] { #expect(!label.box.intersects(other.box)) }
        }
    }

    @Test func fieldsApplyToTheLayersThatHaveThem() throws {
        let layers = [try Self.sample("parishes"), try Self.sample("municipalities"), try Self.sample("sites")]
        let both = try MapDocument.make(layers: layers, options: MapOptions(colorBy: "population"))
        #expect(both.layers.map { if case .classes = $0.symbology.colouring { true } else { false } } == [true, true, false])
        // LAYER:FIELD names one layer; the other polygon layer becomes outlines.
        let one = try MapDocument.make(layers: layers, options: MapOptions(colorBy: "parishes:population"))
        #expect(one.layers.map { if case .classes = $0.symbology.colouring { true } else { false } } == [true, false, false])
        #expect(one.layers[1].symbology.outlineOnly)
        // Text fields get a colour per value.
        let stages = try MapDocument.make(layers: layers, options: MapOptions(colorBy: "stage"))
        guard case .categories(_, let values, _, let grouped, let counts) = stages.layers[2].symbology.colouring else {
            Issue.record("stage is text: categories expected"); return
        }
        #expect(values == ["collection", "distribution", "primary", "processing", "retail"] && grouped.isEmpty)
        #expect(counts.reduce(0, +) == 2449)

        #expect(throws: MapError.self) { try MapDocument.make(layers: layers, options: MapOptions(colorBy: "no_such_field")) }
        #expect(throws: MapError.self) { try MapDocument.make(layers: layers, options: MapOptions(lineWidthBy: "population")) }
        #expect(throws: MapError.self) { try MapDocument.make(layers: layers, options: MapOptions(labels: "sites:population")) }
    }

    @Test func lineWidthsFollowTheFieldBetweenItsMinimumAndMaximum() throws {
        let roads = try Self.sample("roads")
        let map = try MapDocument.make(layers: [roads], options: MapOptions(width: 1000, lineWidthBy: "maxspeed"))
        let symbology = map.layers[0].symbology
        let range = try #require(symbology.widthRange)
        #expect(symbology.lineWidth(for: range.minimum) == symbology.minimumLineWidth)
        #expect(symbology.lineWidth(for: range.maximum) == symbology.maximumLineWidth)
        // Thick lines are drawn first.
        let widths = map.layers[0].features.map(\.lineWidth)
        #expect(widths == widths.sorted(by: >))
    }

    @Test func titlesComeFromTheFileNames() {
        #expect(MapDocument.defaultTitle(["circuits"]) == "Circuits")
        #expect(MapDocument.defaultTitle(["parishes", "cheese_routes", "sites"]) == "Parishes, cheese routes and sites")
        #expect(MapLayer.name(forPath: "/tmp/cheese_routes.geojson") == "cheese_routes")
        #expect(MapLayer.name(forPath: "boundaries.gpkg:municipalities") == "municipalities")
        #expect(MapLayer.name(forPath: "duitama.osm.pbf") == "duitama")
    }
}
