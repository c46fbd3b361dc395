import ArgumentParser
import Geo
import GeoFormats

/// Where the output layer goes: GeoJSON (a file or - for standard output),
/// GeoPackage, FlatGeobuf or Shapefile by the file's extension, a layer of
/// a GeoPackage, or a PostGIS table.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Output: .geojson (or - for standard output), .gpkg, .fgb, .shp, another GDAL format by its extension (.kml, .csv, .gml, ...), GPKG:file.gpkg:layer, or a PostGIS table (\"PG:dbname=... \" with --layer-name).", valueName: "file"))
    var output: String = "-"

    @Option(name: .customLong("layer-name"), help: ArgumentHelp("The output's layer: the PostGIS table, or the GeoPackage layer (the file's other layers are kept). Default: the file's name.", valueName: "name"))
    var layerName: String?

    @Flag(help: "Add the features to the PostGIS table or GeoPackage layer instead of replacing it.")
    var append = false

    static let precisionHelp = "GeoJSON: decimal places of output coordinates (7 is about 1 cm in degrees)."
    static let seqHelp = "GeoJSON: write a text sequence (RFC 8142), one feature per record."

    @Option(help: ArgumentHelp(OutputOptions.precisionHelp))
    var precision: Int = 7

    @Flag(help: ArgumentHelp(OutputOptions.seqHelp))
    var seq = false

    func validate() throws {
        guard (0...15).contains(precision) else {
            throw ValidationError("--precision must be between 0 and 15")
        }
        if seq && LayerOutput.isGDAL(output) {
            throw ValidationError("--seq writes GeoJSON text sequences; \(output) is not GeoJSON")
        }
        if layerName != nil && !LayerOutput.isGDAL(output) {
            throw ValidationError("--layer-name names a GeoPackage layer or a PostGIS table; \(output) is GeoJSON, one unnamed layer")
        }
    }

    /// The writer for --output: GDAL's for .gpkg, .fgb and .shp (`fields`
    /// keep the input's field types where the values fit), else GeoJSON.
    /// `keepInvalidPolygons`: GeoJSON writes polygons invalid as given as
    /// they came (else it makes them valid), for commands that copy.
    func writer(crs: CRS, fields: [FieldDefinition] = [], keepInvalidPolygons: Bool = false) throws -> any FeatureOutput {
        var options = writerOptions(crs: crs)
        options.keepInvalidPolygons = keepInvalidPolygons
        let writer = try LayerOutput.open(output, crs: crs, geoJSON: options, fields: fields, layerName: layerName, append: append,
                                          onWarning: Diagnostics.warn)
        return ProgressOutput(writer, label: "writing \(output)")
    }

    var isGeoJSON: Bool { !LayerOutput.isGDAL(output) }

    func writerOptions(crs: CRS) -> GeoJSONWriter.Options {
        GeoJSONWriter.Options(precision: precision, textSequence: seq, crs: crs)
    }
}
