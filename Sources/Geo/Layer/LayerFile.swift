/// Reading any supported layer file by its extension: `.csv` and `.tsv`
/// as points with coordinates, everything else (and "-") as GeoJSON.
public enum LayerFile {
    public struct Contents: Sendable {
        public var layer: Layer
        /// CSV rows set aside because their coordinates could not be read.
        public var rejected: [CSVPointReader.Rejected]
    }

    public static func isCSV(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".csv") || lowered.hasSuffix(".tsv") || lowered.hasSuffix(".txt")
    }

    /// `crs` overrides what the file declares (for CSV, which declares
    /// nothing, it says what the coordinates are; WGS 84 otherwise).
    public static func read(_ path: String, csv: CSVPointReader.Options = .init(), collectRejects: Bool = false,
                            crs: CRS? = nil, progress: ((Int) -> Void)? = nil) throws(ReadError) -> Contents {
        var contents: Contents
        if isCSV(path) {
            let result = try CSVPointReader(options: csv).read(path: path, collectRejects: collectRejects, progress: progress)
            contents = Contents(layer: result.layer, rejected: result.rejected)
        } else {
            contents = Contents(layer: try Layer.readGeoJSON(path: path, progress: progress), rejected: [])
        }
        if let crs { contents.layer.crs = crs }
        return contents
    }
}
