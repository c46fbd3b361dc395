import Foundation
import Geo

/// Where every layer Territorio reads comes from, decided in one place:
///
/// - `-`, `.geojson`, `.json`, `.geojsonl`, `.geojsons`, `.geojsonseq`,
///   `.ndjson`, or any file whose text starts with `{`, `[` or a record
///   separator: Territorio's own streaming GeoJSON reader;
/// - `.csv`, `.tsv`, `.txt`: its CSV reader of points (lon/lat columns);
/// - anything else: GDAL (Shapefile, GeoPackage, FlatGeobuf, KML,
///   OpenStreetMap `.osm.pbf`, ...).
///
/// `--format` overrides the extension: `geojson` or `csv` for the readers
/// above, otherwise a GDAL driver's short name (`GPKG`, `"ESRI Shapefile"`
/// or `shp`, `FlatGeobuf` or `fgb`, `KML`, `OSM`; `gdal:CSV` for GDAL's
/// own CSV driver). `FILE:LAYER` picks a layer of a file that holds several
/// (`boundaries.gpkg:departments`, `duitama.osm.pbf:points`); it is read
/// so only when FILE exists and FILE:LAYER as a whole does not.
///
/// Whatever else GDAL opens is taken as it is (`GDALName`): `PG:`
/// connection strings (`tables=NAME` or `--layer NAME` picks the table),
/// `/vsizip/`, `/vsigzip/`, `/vsistdin/` and the other virtual paths, and
/// `GPKG:file.gpkg:layer`.
public enum LayerSource {
    public enum Format: Sendable, Hashable, CustomStringConvertible {
        case geoJSON
        case csv
        /// A GDAL driver, or nil for whichever recognises the file.
        case gdal(driver: String?)

        public var description: String {
            switch self {
            case .geoJSON: "GeoJSON"
            case .csv: "CSV points"
            case .gdal(let driver): driver.map { "GDAL \($0)" } ?? "GDAL"
            }
        }
    }

    public struct Options {
        /// A `--format` name; nil to go by the extension.
        public var format: String?
        public var csv: CSVPointReader.Options
        /// CSV: set aside rows whose coordinates cannot be read.
        public var collectRejects: Bool
        /// Overrides what the file declares (CSV declares nothing: WGS 84).
        public var crs: CRS?
        /// Text encoding of a Shapefile or DBF, overriding its `.cpg`.
        public var encoding: String?
        /// Reading roads: an OpenStreetMap file gives the `lines` layer's
        /// features with a `highway` tag.
        public var roads: Bool
        /// Hears the count of features read every 10,000 features.
        public var progress: ((Int) -> Void)?
        /// The layer (or database table) to read, as `--layer` names it.
        public var layer: String?

        public init(format: String? = nil, csv: CSVPointReader.Options = .init(), collectRejects: Bool = false, crs: CRS? = nil,
                    encoding: String? = nil, roads: Bool = false, progress: ((Int) -> Void)? = nil, layer: String? = nil) {
            self.layer = layer
            self.format = format
            self.csv = csv
            self.collectRejects = collectRejects
            self.crs = crs
            self.encoding = encoding
            self.roads = roads
            self.progress = progress
        }
    }

    public struct Contents: Sendable {
        public var layer: Layer
        /// CSV rows set aside because their coordinates could not be read.
        public var rejected: [CSVPointReader.Rejected]
        /// The fields of a layer GDAL read, with their types; empty for GeoJSON and CSV.
        public var fields: [FieldDefinition]
        /// For people, each naming the file.
        public var warnings: [String]
        public var format: Format
        /// GeoJSON features that gave a property key twice: the last value
        /// is kept, and `validate` reports them.
        public var repeatedKeys: [GeoJSONReader.RepeatedKeys] = []
    }

    public static func read(_ argument: String, options: Options = Options()) throws(ReadError) -> Contents {
        var (path, layerName) = split(argument)
        if let named = options.layer {
            if let layerName, layerName != named {
                throw ReadError(file: argument, message: "names the layer '\(layerName)' and --layer names '\(named)': give one")
            }
            layerName = named
        }
        let format = try format(of: path, named: options.format)
        var contents: Contents
        switch format {
        case .geoJSON, .csv:
            if let layerName {
                throw ReadError(file: path, message: "is \(format), which holds one layer: ':\(layerName)' picks a layer of a GeoPackage, OpenStreetMap file and the like")
            }
            if format == .csv {
                var csv = options.csv
                csv.encoding = options.encoding
                let result = try CSVPointReader(options: csv).read(path: path, collectRejects: options.collectRejects, progress: options.progress)
                contents = Contents(layer: result.layer, rejected: result.rejected, fields: [], warnings: [], format: format)
            } else {
                let reader = try GeoJSONReader(path: path)
                let layer = try Layer.readGeoJSON(reader, progress: options.progress)
                contents = Contents(layer: layer, rejected: [], fields: [], warnings: [], format: format,
                                    repeatedKeys: reader.repeatedKeys)
                if let first = reader.repeatedKeys.first {
                    let keys = first.keys.map { "\"\($0)\"" }.joined(separator: ", ")
                    let location = "feature \(first.index)" + (first.id.map { " (id \($0))" } ?? "")
                    contents.warnings.append("\(path): \(reader.repeatedKeys.count) feature(s) give a property twice; the last value is kept "
                                             + "(first: \(location), \(keys)); territorio validate lists them")
                }
            }
            if options.crs == nil { try LonLatCheck.check(contents.layer, file: path) }
            if options.encoding != nil, format == .geoJSON {
                contents.warnings.append("\(path): --encoding is ignored: \(format) is read as UTF-8")
            }
        case .gdal(let driver):
            let read = try GDALReader.read(path: path, options: GDALReader.Options(
                layer: layerName, driver: driver, encoding: options.encoding, osmRoads: options.roads,
                crs: options.crs, progress: options.progress))
            contents = Contents(layer: read.layer, rejected: [], fields: read.fields, warnings: read.warnings,
                                format: .gdal(driver: read.driver))
        }
        if let crs = options.crs { contents.layer.crs = crs }
        return contents
    }

    /// `file.gpkg:layer` as the file and the layer, when `file.gpkg` exists
    /// and the whole argument does not.
    public static func split(_ argument: String) -> (path: String, layer: String?) {
        let manager = FileManager.default
        if let (file, layer) = GDALName.geoPackageLayer(argument), manager.fileExists(atPath: file) { return (file, layer) }
        guard !GDALName.isGDALOnly(argument), !manager.fileExists(atPath: argument), let colon = argument.lastIndex(of: ":"),
              colon != argument.startIndex, argument.index(after: colon) != argument.endIndex else {
            return (argument, nil)
        }
        let path = String(argument[..<colon])
        guard manager.fileExists(atPath: path) else { return (argument, nil) }
        return (path, String(argument[argument.index(after: colon)...]))
    }

    /// The reader for `path`: by `--format` name, else by extension, else
    /// by the file's first bytes.
    public static func format(of path: String, named name: String? = nil) throws(ReadError) -> Format {
        // Only GDAL opens these: a --format names its driver.
        if GDALName.isGDALOnly(path) {
            guard let name else { return .gdal(driver: nil) }
            switch name.lowercased() {
            case "geojson", "json": return .gdal(driver: "GeoJSON")
            case "geojsonseq": return .gdal(driver: "GeoJSONSeq")
            case "csv": return .gdal(driver: "CSV")
            default: break
            }
        }
        if let name {
            switch name.lowercased() {
            case "geojson", "json", "geojsonseq": return .geoJSON
            case "csv": return .csv
            case "shp", "shapefile", "esri shapefile": return .gdal(driver: "ESRI Shapefile")
            case "gpkg", "geopackage": return .gdal(driver: "GPKG")
            case "fgb", "flatgeobuf": return .gdal(driver: "FlatGeobuf")
            case "osm", "pbf", "osm.pbf": return .gdal(driver: "OSM")
            default:
                let driver = name.lowercased().hasPrefix("gdal:") ? String(name.dropFirst(5)) : name
                guard !driver.isEmpty else { throw ReadError(file: path, message: "--format gdal: needs a driver name, e.g. gdal:CSV") }
                return .gdal(driver: driver)
            }
        }
        if path == "-" { return .geoJSON }
        let lowered = path.lowercased()
        if [".csv", ".tsv", ".txt"].contains(where: lowered.hasSuffix) { return .csv }
        if [".geojson", ".json", ".geojsonl", ".geojsons", ".geojsonseq", ".ndjson"].contains(where: lowered.hasSuffix) {
            return .geoJSON
        }
        return startsLikeJSON(path) ? .geoJSON : .gdal(driver: nil)
    }

    /// The first byte that is not whitespace or a byte order mark is `{`,
    /// `[` or a record separator.
    private static func startsLikeJSON(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 512) else { return false }
        for byte in head {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF: continue
            case UInt8(ascii: "{"), UInt8(ascii: "["), 0x1E: return true
            default: return false
            }
        }
        return false
    }
}

/// Where every layer Territorio writes goes: `.gpkg`, `.fgb`, `.shp` and
/// the extensions of other GDAL drivers that create files (`.kml`, `.csv`,
/// `.gml`, `.sqlite`, ...) through GDAL; `-`, the GeoJSON extensions, a
/// name without extension and a device or FIFO as RFC 7946 GeoJSON by
/// Territorio's own writer. Any other extension is an error: a file is
/// never GeoJSON under another format's name.
///
/// Through GDAL too: a PostGIS table (`PG:` connection string; the table
/// is `--layer-name`, else `tables=NAME`), created or replaced, and a layer
/// of a GeoPackage (`GPKG:file.gpkg:layer`, or `--layer-name`), added to the
/// file's other layers. `append` adds to the table or layer instead.
public enum LayerOutput {
    /// Where the features go, after `GPKG:file:layer` is taken apart.
    public struct Target: Sendable, Equatable {
        /// The file (or connection string) written.
        public var path: String
        /// The layer or table; nil for the writer's default (the file's stem).
        public var layerName: String?
    }

    /// `GPKG:file:layer` as the file and the layer; `layerName` (the
    /// `--layer-name` flag) when it names the same or the path names none.
    public static func target(_ path: String, layerName: String? = nil) throws(WriteError) -> Target {
        if let (file, layer) = GDALName.geoPackageLayer(path) {
            if let layerName, layerName != layer {
                throw WriteError(file: path, message: "names the layer '\(layer)' and --layer-name names '\(layerName)': give one")
            }
            return Target(path: file, layerName: layer)
        }
        return Target(path: path, layerName: layerName)
    }

    /// True when `path` is written through GDAL.
    public static func isGDAL(_ path: String) -> Bool {
        guard path != "-" else { return false }
        if GDALName.isPostgreSQL(path) || GDALName.geoPackageLayer(path) != nil { return true }
        return WritableFormat(path: path) != nil
    }

    /// Throws when Territorio cannot write a layer to `path`: an extension
    /// no writer takes, a database other than PostGIS, a virtual path, a
    /// table not named, `append` to a format written whole.
    public static func check(_ path: String, layerName: String? = nil, append: Bool = false) throws(WriteError) {
        let target = try target(path, layerName: layerName)
        let path = target.path
        if GDALName.isPostgreSQL(path) {
            guard target.layerName ?? GDALName.table(in: path) != nil else {
                throw WriteError(file: path, message: "names no table: give one with --layer-name NAME (or tables=NAME in the connection string)")
            }
            return
        }
        if GDALName.isVirtual(path) {
            throw WriteError(file: path, message: "GDAL's virtual paths are read, not written: write a file (then zip or gzip it)")
        }
        if GDALName.isConnection(path) {
            throw WriteError(file: path, message: "Territorio writes to PostGIS (PG:...), files and GPKG:file:layer; not to this connection")
        }
        if append && WritableFormat(path: path) != .geoPackage {
            throw WriteError(file: path, message: "--append adds to a GeoPackage layer or a PostGIS table; this output is written whole")
        }
        guard path != "-", let fileExtension = WritableFormat.fileExtension(of: path),
              !WritableFormat.geoJSONExtensions.contains(fileExtension), WritableFormat(path: path) == nil,
              !OutputDestination(path).isStream else { return }
        throw WriteError(file: path, message: "Territorio cannot write .\(fileExtension) files: use \(WritableFormat.writableExtensions)")
    }

    /// A writer for `path`. `geoJSON` applies to GeoJSON output (its
    /// `crs` is replaced by `crs`); `fields` are type hints for GDAL formats.
    public static func open(_ path: String, crs: CRS, geoJSON: GeoJSONWriter.Options = .init(), fields: [FieldDefinition] = [],
                            layerName: String? = nil, append: Bool = false,
                            onWarning: ((String) -> Void)? = nil) throws(WriteError) -> any FeatureOutput {
        try check(path, layerName: layerName, append: append)
        if isGDAL(path) {
            let target = try target(path, layerName: layerName)
            return try GDALWriter(path: target.path, options: GDALWriter.Options(crs: crs, fields: fields, layerName: target.layerName,
                                                                                   append: append, onWarning: onWarning))
        }
        if let layerName {
            onWarning?("\(path): --layer-name \(layerName) is ignored: GeoJSON holds one unnamed layer")
        }
        var options = geoJSON
        options.crs = crs
        return try GeoJSONWriter(path: path, options: options, onWarning: onWarning)
    }

    /// Writes a whole layer to `path`.
    public static func write(_ layer: Layer, to path: String, geoJSON: GeoJSONWriter.Options = .init(),
                             fields: [FieldDefinition] = [], onWarning: ((String) -> Void)? = nil) throws(WriteError) {
        let output = try open(path, crs: layer.crs, geoJSON: geoJSON, fields: fields, onWarning: onWarning)
        for feature in layer.features { try output.write(feature) }
        try output.finish()
    }
}

/// A writer of features into a file that appears complete on `finish()`.
public protocol FeatureOutput: AnyObject {
    func write(_ feature: Feature) throws(WriteError)
    func finish() throws(WriteError)
    /// Drops the output: the destination keeps what it had.
    func abandon()
    /// Polygons invalid as given, written as they came; nil when the
    /// writer does not check (GDAL formats keep coordinates unrounded).
    var invalidPolygonsWritten: Int? { get }
}

extension FeatureOutput {
    public func write<S: Sequence>(contentsOf features: S) throws(WriteError) where S.Element == Feature {
        for feature in features { try write(feature) }
    }
}

extension GeoJSONWriter: FeatureOutput {
    public var invalidPolygonsWritten: Int? { rounding.invalidInput }
}
extension GDALWriter: FeatureOutput {
    public var invalidPolygonsWritten: Int? { nil }
}
