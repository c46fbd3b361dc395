import Foundation

extension ReadError {
    /// The kinds of bad input met most often, with what they carry, so that
    /// a program can put the message in the user's language (the CLI looks
    /// each up in Territory's `Catalogue` under `.readProblem`). `message`
    /// keeps the English, from `description` here, for every other use.
    public enum Reason: Sendable, Hashable, CustomStringConvertible {
        /// `open` failed; `errno` (ENOENT: no such file) and the system's words.
        case cannotOpen(errno: Int32, system: String)
        case noSuchFile
        case noSuchFileInArchive
        case isFolder
        /// An empty file, where a GeoJSON object or a CSV header line was expected.
        case emptyGeoJSON
        case emptyCSV
        /// Bytes that are not UTF-8, in a named column or the header.
        case invalidUTF8(column: String?, header: Bool)
        case rowFieldCount(fields: Int, header: Int)
        /// `--x`/`--y` (or `--lon`, `--lat`) names a column the header lacks.
        case noColumn(given: String, role: String, columns: [String])
        /// No column is named like a longitude (or latitude).
        case noCoordinateColumn(role: String, lookedFor: [String], flag: String)
        /// A point (x, y) of a layer read as longitude/latitude is not one.
        case notLongitudeLatitude(x: Double?, y: Double?)
        /// Most features cannot be longitude/latitude: the file is projected.
        case projectedWithoutCRS(outside: Int, of: Int, example: Int, id: String?, x: Double, y: Double, file: String)
        case pointNotTransformed(x: Double, y: Double, from: String, to: String, proj: String)
        case noLayerNamed(String, layers: [String])
        case noVectorLayer
        case severalLayers(count: Int, shown: String, example: String)
        case noGeometry
        /// A code of a grouping or table that the territories do not have.
        case territoryNotInTerritories(String)
        /// An analysis needs an input the study (or the flags) did not give.
        case needsGrouping(analysis: String)
        case needsSites(analysis: String)
        case emptyStudy

        public var description: String {
            switch self {
            case .cannotOpen(_, let system): "cannot open: \(system)"
            case .noSuchFile: "no such file"
            case .noSuchFileInArchive: "no such file (inside the archive or compressed file, as GDAL sees it)"
            case .isFolder: "is a folder, not a file"
            case .emptyGeoJSON: "the file is empty; expected a GeoJSON object"
            case .emptyCSV: "the file is empty; expected a header line"
            case .invalidUTF8(let column, let header):
                "invalid UTF-8\(column.map { " in column '\($0)'" } ?? (header ? " in the header" : "")); save the file as UTF-8 or give its encoding, e.g. --encoding latin1"
            case .rowFieldCount(let fields, let header): "the row has \(fields) fields but the header has \(header)"
            case .noColumn(let given, let role, let columns):
                "no column '\(given)' for the \(role); columns are \(columns.joined(separator: ", "))"
            case .noCoordinateColumn(let role, let names, let flag):
                "no \(role) column (looked for \(names.joined(separator: ", "))); name it with \(flag)"
            case .notLongitudeLatitude(let x, let y):
                if let x, let y {
                    "the point (\(x), \(y)) is not a longitude, latitude in degrees; if the file is projected, give its CRS with --s-crs or fix the coordinate"
                } else {
                    "coordinates are not longitude, latitude in degrees"
                }
            case .projectedWithoutCRS(let outside, let of, let example, let id, let x, let y, let file):
                "\(outside) of \(of) features have coordinates that cannot be longitude/latitude (feature \(example)\(id.map { " (id \($0))" } ?? "") at x=\(x), y=\(y)), and the file declares no other CRS; give the CRS they are in with --s-crs, e.g. --s-crs EPSG:32619 for UTM zone 19N (for a layer other than the command's main input, convert it first: territorio convert \(file) --s-crs EPSG:32619 -o OUT.geojson)"
            case .pointNotTransformed(let x, let y, let from, let to, let proj):
                "the point (\(x), \(y)) cannot be transformed from \(from) to \(to): \(proj)"
            case .noLayerNamed(let name, let layers): "no layer named '\(name)'; its layers: \(layers.joined(separator: ", "))"
            case .noVectorLayer: "holds no vector layer"
            case .severalLayers(let count, let shown, let example): "holds \(count) layers (\(shown)): name one as \(example)"
            case .noGeometry: "the territories have no geometry"
            case .territoryNotInTerritories(let code): "territory \(code) is not in the territories"
            case .needsGrouping(let analysis): "\(analysis) needs a grouping of the territories into circuits"
            case .needsSites(let analysis): "\(analysis) needs the sites"
            case .emptyStudy: "the file is empty; expected a study (a JSON object naming territories, sites, chains, ...)"
            }
        }
    }

    /// An error of a known kind: `message` is its English.
    public init(file: String, line: Int? = nil, column: Int? = nil, featureIndex: Int? = nil,
                featureID: FeatureID? = nil, reason: Reason) {
        self.init(file: file, line: line, column: column, featureIndex: featureIndex, featureID: featureID,
                  message: reason.description)
        self.reason = reason
    }
}
