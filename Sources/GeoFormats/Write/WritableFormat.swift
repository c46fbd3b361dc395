import CGDAL
import Geo

/// A format Territorio writes through GDAL, chosen by the output's
/// extension: GeoPackage, FlatGeobuf and Shapefile, whose fields and ids
/// `WriterPlan` fits to each; and any other GDAL vector driver that
/// creates files and declares the extension (KML, CSV, GML, SQLite, ...).
/// GeoJSON has Territorio's own writer.
public struct WritableFormat: Sendable, Hashable {
    /// GDAL's short name of the driver.
    public let driver: String
    public let fileExtension: String
    /// For people.
    public let name: String

    init(driver: String, fileExtension: String, name: String) {
        self.driver = driver
        self.fileExtension = fileExtension
        self.name = name
    }

    public static let geoPackage = WritableFormat(driver: "GPKG", fileExtension: "gpkg", name: "GeoPackage")
    public static let flatGeobuf = WritableFormat(driver: "FlatGeobuf", fileExtension: "fgb", name: "FlatGeobuf")
    public static let shapefile = WritableFormat(driver: "ESRI Shapefile", fileExtension: "shp", name: "Shapefile")
    /// A table of a PostgreSQL/PostGIS database (`PG:` connection string).
    public static let postgreSQL = WritableFormat(driver: "PostgreSQL", fileExtension: "", name: "PostGIS table")

    /// The extensions Territorio's own GeoJSON writer takes.
    public static let geoJSONExtensions = ["geojson", "json", "geojsonl", "geojsons", "geojsonseq", "ndjson"]

    /// By the extension of `path` (any case); nil for GeoJSON's, for no
    /// extension and for one no GDAL driver creates.
    public init?(path: String) {
        guard let found = Self.byExtension[Self.fileExtension(of: path) ?? ""] else { return nil }
        self = found
    }

    /// The lowercased extension of the file's name, if it has one.
    public static func fileExtension(of path: String) -> String? {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let suffix = name[name.index(after: dot)...]
        return suffix.isEmpty ? nil : suffix.lowercased()
    }

    /// Every extension a GDAL vector driver creates files for, from the
    /// drivers' own metadata (DCAP_VECTOR, DCAP_CREATE, DMD_EXTENSIONS);
    /// GeoJSON's stay with Territorio's writer, and the three formats above
    /// win over other drivers that claim their extension.
    static let byExtension: [String: WritableFormat] = {
        GDAL.prepare()
        var found: [String: WritableFormat] = [:]
        for index in 0..<GDALGetDriverCount() {
            guard let driver = GDALGetDriver(index),
                  GDALGetMetadataItem(driver, GDAL_DCAP_VECTOR, nil) != nil,
                  let create = GDALGetMetadataItem(driver, GDAL_DCAP_CREATE, nil), String(cString: create).uppercased() == "YES",
                  let extensions = GDALGetMetadataItem(driver, GDAL_DMD_EXTENSIONS, nil) else { continue }
            let shortName = String(cString: GDALGetDriverShortName(driver))
            let longName = GDALGetDriverLongName(driver).map { String(cString: $0) } ?? shortName
            for item in String(cString: extensions).split(separator: " ") {
                let fileExtension = item.lowercased()
                guard !geoJSONExtensions.contains(fileExtension), found[fileExtension] == nil else { continue }
                found[fileExtension] = WritableFormat(driver: shortName, fileExtension: fileExtension, name: longName)
            }
        }
        for format in [geoPackage, flatGeobuf, shapefile] { found[format.fileExtension] = format }
        return found
    }()

    /// What `-o` may end in, for error messages.
    public static var writableExtensions: String {
        let others = byExtension.keys.filter { !["gpkg", "fgb", "shp"].contains($0) }.sorted()
        return ".geojson (or .json, .geojsonl, .geojsonseq, .ndjson; - for standard output), .gpkg, .fgb, .shp"
            + (others.isEmpty ? "" : ", or through GDAL " + others.map { "." + $0 }.joined(separator: ", "))
    }

    /// GDAL writes the file in several (a Shapefile's .shp, .shx, .dbf).
    var isSeveralFiles: Bool {
        ["ESRI Shapefile", "MapInfo File"].contains(driver)
    }

    /// Creation options of the layer.
    var layerOptions: [String] {
        switch driver {
        case "FlatGeobuf": ["SPATIAL_INDEX=YES"]
        case "ESRI Shapefile": ["ENCODING=UTF-8"]
        // Otherwise GDAL's CSV writes the attributes alone.
        case "CSV": ["GEOMETRY=AS_WKT"]
        // Column names as given (GDAL would lower-case them), so reading
        // the table back gives the same property names.
        case "PostgreSQL": ["LAUNDER=NO", "GEOMETRY_NAME=geom"]
        default: []
        }
    }
}
