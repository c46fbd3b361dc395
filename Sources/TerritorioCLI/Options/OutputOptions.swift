import ArgumentParser
import Geo
import GeoFormats

/// Where the output layer goes: GeoJSON (a file or - for standard output),
/// or GeoPackage, FlatGeobuf or Shapefile by the file's extension.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Output file: .geojson (or - for standard output), .gpkg, .fgb, .shp, or another GDAL format by its extension (.kml, .csv, .gml, ...).", valueName: "file"))
    var output: String = "-"

    @Option(help: "GeoJSON: decimal places of output coordinates (7 is about 1 cm in degrees).")
    var precision: Int = 7

    @Flag(help: "GeoJSON: write a text sequence (RFC 8142), one feature per record.")
    var seq = false

    func validate() throws {
        guard (0...15).contains(precision) else {
            throw ValidationError("--precision must be between 0 and 15")
        }
        if seq && LayerOutput.isGDAL(output) {
            throw ValidationError("--seq writes GeoJSON text sequences; \(output) is not GeoJSON")
        }
    }

    /// The writer for --output: GDAL's for .gpkg, .fgb and .shp (`fields`
    /// keep the input's field types where the values fit), else GeoJSON.
    /// `keepInvalidPolygons`: GeoJSON writes polygons invalid as given as
    /// they came (else it makes them valid), for commands that copy.
    func writer(crs: CRS, fields: [FieldDefinition] = [], keepInvalidPolygons: Bool = false) throws -> any FeatureOutput {
        var options = writerOptions(crs: crs)
        options.keepInvalidPolygons = keepInvalidPolygons
        return try LayerOutput.open(output, crs: crs, geoJSON: options, fields: fields, onWarning: Diagnostics.warn)
    }

    var isGeoJSON: Bool { !LayerOutput.isGDAL(output) }

    func writerOptions(crs: CRS) -> GeoJSONWriter.Options {
        GeoJSONWriter.Options(precision: precision, textSequence: seq, crs: crs)
    }
}
