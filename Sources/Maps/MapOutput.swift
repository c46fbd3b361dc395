import CCairo
import Foundation
import Geo

/// The file formats a map is written in, by the output's extension.
public enum MapFormat: String, Sendable, CaseIterable {
    case svg, png, pdf, html

    public init?(path: String) {
        let lower = path.lowercased()
        guard let dot = lower.lastIndex(of: ".") else { return nil }
        let ext = String(lower[lower.index(after: dot)...])
        if ext == "htm" { self = .html; return }
        self.init(rawValue: ext)
    }
}

/// Renders maps to bytes and files. PNG and PDF are drawn by Cairo; SVG by
/// Territorio's own writer (`SVGCanvas`: real `<text>`, a group per
/// layer); HTML by `LeafletPage` (a Leaflet web map in WGS 84). The same
/// input gives the same bytes in every format: the PDF is written without
/// a creation date (Cairo would put the time of the run there; the date
/// is optional in PDF).
public enum MapOutput {
    /// Writes the map to `path` through a temporary file renamed into
    /// place; returns the map's notices (`MapDocument.notices`).
    @discardableResult
    public static func write(_ layers: [MapLayer], options: MapOptions, to path: String) throws -> [String] {
        guard let format = MapFormat(path: path) else {
            throw MapError("\(path): the map's format follows the extension: .svg, .png, .pdf or .html")
        }
        let map = try MapDocument.make(layers: layers, options: options, detail: format == .html ? .interactive : .print)
        let bytes = try render(map, format: format)
        let output = try OutputFile(path: path)
        try output.write(bytes)
        try output.commit()
        return map.notices
    }

    public static func render(_ layers: [MapLayer], options: MapOptions, format: MapFormat) throws -> [UInt8] {
        let map = try MapDocument.make(layers: layers, options: options, detail: format == .html ? .interactive : .print)
        return try render(map, format: format)
    }

    public static func render(_ map: MapDocument, format: MapFormat) throws -> [UInt8] {
        switch format {
        case .html:
            return Array(try LeafletPage.make(map).utf8)
        case .png:
            let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(map.width.rounded()), Int32(map.height.rounded()))!
            defer { cairo_surface_destroy(surface) }
            try draw(map, on: surface)
            let sink = ByteSink()
            let status = cairo_surface_write_to_png_stream(surface, ByteSink.write, Unmanaged.passUnretained(sink).toOpaque())
            try check(status, "writing the PNG")
            return sink.bytes
        case .svg:
            let canvas = SVGCanvas(width: map.width, height: map.height)
            MapRenderer.draw(map, on: canvas)
            return Array(canvas.finish().utf8)
        case .pdf:
            let sink = ByteSink()
            let surface = cairo_pdf_surface_create_for_stream(ByteSink.write, Unmanaged.passUnretained(sink).toOpaque(),
                                                              map.width, map.height)!
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, map.title)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Territorio")
            // An empty date makes Cairo 1.16 leave /CreationDate out.
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "")
            try finish(surface, map)
            return sink.bytes
        }
    }

    private static func draw(_ map: MapDocument, on surface: OpaquePointer) throws {
        try check(cairo_surface_status(surface), "creating the surface")
        let canvas = CairoCanvas(surface: surface)
        MapRenderer.draw(map, on: canvas)
        if let error = canvas.error { throw MapError("Cairo: \(error)") }
    }

    /// Draws, then finishes the surface so that a stream surface has
    /// written everything.
    private static func finish(_ surface: OpaquePointer, _ map: MapDocument) throws {
        defer { cairo_surface_destroy(surface) }
        try draw(map, on: surface)
        cairo_surface_finish(surface)
        try check(cairo_surface_status(surface), "finishing the file")
    }

    private static func check(_ status: cairo_status_t, _ what: String) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw MapError("Cairo: \(what): \(String(cString: cairo_status_to_string(status)))")
        }
    }
}

/// Collects what a Cairo stream surface writes.
final class ByteSink {
    var bytes: [UInt8] = []

    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }
}
