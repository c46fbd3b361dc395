import CSQLite
import Foundation
import Geo

/// A web map's basemap from a local MBTiles file (`render --tiles
/// FILE.mbtiles`), read with SQLite and inlined in the page as data URLs,
/// so the page stays one file that works offline. Only the tiles around
/// the map's layers are taken (one tile of margin at each zoom), and no
/// more than `byteLimit` of them: past it the page would be slow to open
/// and to mail, and the error says how to cut the file.
///
/// MBTiles 1.3: `tiles(zoom_level, tile_column, tile_row, tile_data)`
/// with rows counted from the south (TMS), `metadata(name, value)`.
struct MBTilesBasemap: Sendable {
    static let byteLimit = 30_000_000

    let file: String
    /// `image/png`, `image/jpeg` or `image/webp`.
    let mimeType: String
    let minZoom: Int
    let maxZoom: Int
    let attribution: String?
    /// `z/x/y`, rows counted from the north as Leaflet asks for them, to a `data:` URL.
    let tiles: [String: String]
    let bytes: Int

    /// Whether `--tiles` names an MBTiles file rather than a URL template.
    static func names(_ tiles: String) -> Bool {
        tiles.lowercased().hasSuffix(".mbtiles") && !tiles.contains("{z}")
    }

    /// The tiles of `file` that cover `extent` (longitude/latitude); all
    /// of them when there is no extent.
    init(file: String, covering extent: Envelope?, byteLimit: Int = MBTilesBasemap.byteLimit) throws(MapError) {
        self.file = file
        guard FileManager.default.fileExists(atPath: file) else {
            throw MapError("--tiles \(file): no such file")
        }
        var handle: OpaquePointer?
        guard sqlite3_open_v2(file, &handle, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let database = handle else {
            sqlite3_close(handle)
            throw MapError("--tiles \(file): SQLite cannot open it; an MBTiles file is an SQLite database")
        }
        defer { sqlite3_close(database) }
        let metadata = try Self.metadata(database, file: file)
        let format = metadata["format"]?.lowercased()
        if format == "pbf" || format == "mvt" {
            throw MapError("--tiles \(file): its tiles are vector tiles (\(format!)); the web map draws raster tiles (png, jpg, webp). Render them to raster first (e.g. with tileserver or QGIS) or give a tile URL template")
        }
        attribution = metadata["attribution"]
        let zooms = try Self.zoomLevels(database, file: file)
        guard let first = zooms.first, let last = zooms.last else {
            throw MapError("--tiles \(file): the file holds no tiles")
        }
        minZoom = first
        maxZoom = last
        var tiles: [String: String] = [:]
        var bytes = 0
        var mime = format.flatMap(Self.mimeType(format:))
        for zoom in zooms {
            let range = Self.tileRange(of: extent, zoom: zoom)
            try Self.each(database, file: file, zoom: zoom, range: range) { (column: Int, row: Int, data: Data) throws(MapError) in
                bytes += data.count
                guard bytes <= byteLimit else {
                    throw MapError("--tiles \(file): the tiles around the map's layers take more than \(String(format: "%.1f", Double(byteLimit) / 1e6)) MB, over what one page can carry; cut the MBTiles to the area and to fewer zoom levels (e.g. gdal_translate -of MBTILES -projwin W N E S, or keep zoom levels \(first) to \(max(first, zoom - 1)))")
                }
                let kind = mime ?? Self.sniff(data)
                mime = mime ?? kind
                guard let kind else {
                    throw MapError("--tiles \(file): tile \(zoom)/\(column)/\(row) is not PNG, JPEG or WebP; the web map draws raster tiles")
                }
                // MBTiles counts rows from the south, Leaflet from the north.
                let northRow = (1 << zoom) - 1 - row
                tiles["\(zoom)/\(column)/\(northRow)"] = "data:\(kind);base64," + data.base64EncodedString()
            }
        }
        guard !tiles.isEmpty else {
            throw MapError("--tiles \(file): none of its tiles (zoom \(first) to \(last)) covers the map's layers; is it a basemap of another place?")
        }
        self.tiles = tiles
        self.bytes = bytes
        mimeType = mime ?? "image/png"
    }

    /// The JSON the page's script reads: the tiles and their zoom levels.
    var json: String {
        var object = "{\"minZoom\":\(minZoom),\"maxZoom\":\(maxZoom),\"tiles\":{"
        object += tiles.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\"\($0.value)\"" }.joined(separator: ",")
        return object + "}}"
    }

    /// Tile columns and rows (TMS, from the south) covering `extent` at
    /// `zoom`, one tile of margin around; nil for every tile.
    static func tileRange(of extent: Envelope?, zoom: Int) -> (columns: ClosedRange<Int>, rows: ClosedRange<Int>)? {
        guard let extent else { return nil }
        let count = 1 << zoom
        func column(_ longitude: Double) -> Int { Int(floor((longitude + 180) / 360 * Double(count))) }
        func northRow(_ latitude: Double) -> Int {
            let clamped = min(max(latitude, -85.0511), 85.0511) * .pi / 180
            return Int(floor((1 - log(tan(clamped) + 1 / cos(clamped)) / .pi) / 2 * Double(count)))
        }
        func clamp(_ value: Int) -> Int { min(max(value, 0), count - 1) }
        let west = clamp(column(extent.minX) - 1), east = clamp(column(extent.maxX) + 1)
        let north = clamp(northRow(extent.maxY) - 1), south = clamp(northRow(extent.minY) + 1)
        // North rows to TMS rows: the northern edge has the higher TMS row.
        return (west...east, (count - 1 - south)...(count - 1 - north))
    }

    static func mimeType(format: String) -> String? {
        switch format {
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "webp": "image/webp"
        default: nil
        }
    }

    /// The image type by the tile's first bytes, for files whose metadata
    /// gives no format.
    static func sniff(_ data: Data) -> String? {
        let head = [UInt8](data.prefix(12))
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if head.count >= 12, head[0...3] == [0x52, 0x49, 0x46, 0x46], head[8...11] == [0x57, 0x45, 0x42, 0x50] { return "image/webp" }
        return nil
    }

    private static func metadata(_ database: OpaquePointer, file: String) throws(MapError) -> [String: String] {
        var result: [String: String] = [:]
        try query(database, file: file, "SELECT name, value FROM metadata") { statement in
            guard let name = sqlite3_column_text(statement, 0), let value = sqlite3_column_text(statement, 1) else { return }
            result[String(cString: name)] = String(cString: value)
        }
        return result
    }

    private static func zoomLevels(_ database: OpaquePointer, file: String) throws(MapError) -> [Int] {
        var zooms: [Int] = []
        try query(database, file: file, "SELECT DISTINCT zoom_level FROM tiles ORDER BY zoom_level") { statement in
            zooms.append(Int(sqlite3_column_int(statement, 0)))
        }
        return zooms
    }

    private static func each(_ database: OpaquePointer, file: String, zoom: Int,
                             range: (columns: ClosedRange<Int>, rows: ClosedRange<Int>)?,
                             _ body: (Int, Int, Data) throws(MapError) -> Void) throws(MapError) {
        var sql = "SELECT tile_column, tile_row, tile_data FROM tiles WHERE zoom_level = \(zoom)"
        if let range {
            sql += " AND tile_column BETWEEN \(range.columns.lowerBound) AND \(range.columns.upperBound)"
            sql += " AND tile_row BETWEEN \(range.rows.lowerBound) AND \(range.rows.upperBound)"
        }
        try query(database, file: file, sql) { statement throws(MapError) in
            let column = Int(sqlite3_column_int(statement, 0)), row = Int(sqlite3_column_int(statement, 1))
            let count = Int(sqlite3_column_bytes(statement, 2))
            let data = sqlite3_column_blob(statement, 2).map { Data(bytes: $0, count: count) } ?? Data()
            try body(column, row, data)
        }
    }

    /// Runs `sql`, handing each row to `row`; an SQLite error names the file.
    private static func query(_ database: OpaquePointer, file: String, _ sql: String,
                              _ row: (OpaquePointer) throws(MapError) -> Void) throws(MapError) {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            let reason = String(cString: sqlite3_errmsg(database))
            sqlite3_finalize(statement)
            throw MapError("--tiles \(file): not an MBTiles file (\(reason)); it needs the tables tiles and metadata")
        }
        defer { sqlite3_finalize(statement) }
        while true {
            let step = sqlite3_step(statement)
            if step == SQLITE_DONE { return }
            guard step == SQLITE_ROW else {
                throw MapError("--tiles \(file): SQLite failed reading it: \(String(cString: sqlite3_errmsg(database)))")
            }
            try row(statement)
        }
    }
}
