import Territory
import ArgumentParser
import Foundation
import Geo

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Copy a layer from one format to another, optionally filtered and reprojected.",
        discussion: """
            Reads GeoJSON, CSV points and every vector format GDAL reads (Shapefile, \
            GeoPackage, FlatGeobuf, KML, OpenStreetMap .osm.pbf, ...; FILE:LAYER picks a \
            layer); writes RFC 7946 GeoJSON, or GeoPackage (.gpkg), FlatGeobuf (.fgb) or \
            Shapefile (.shp) by the output's extension, keeping field types, nulls and ids.

            Filters apply in the input's CRS, then the output is transformed. --where takes \
            OGR SQL as ogr2ogr -where does: = <> < <= > >=, IN (..), NOT IN (..), \
            LIKE and ILIKE with % and _, IS [NOT] NULL, BETWEEN, AND, OR, NOT, \
            parentheses, 'strings', numbers, true, false, null (also ==, != and in [..]); \
            names are property names ("quoted" when they hold spaces) and $id is the \
            feature id.

            Examples:
              territorio convert sites.csv -o sites.geojson
              territorio convert departments.shp -o departments.gpkg
              territorio convert boundaries.gpkg:municipalities --where "ADM1_PCODE == 'BO02'" -o la_paz.fgb
              territorio convert sites.geojson --where "stage == 'processing' and capacity >= 10" -o plants.geojson
              cat parishes.geojson | territorio convert - --bbox=-68.1,10.3,-67.9,10.5 --seq
              territorio convert parishes.geojson --to EPSG:32619 -o parishes-utm.geojson
            """
    )

    @Argument(help: "GeoJSON, CSV or any GDAL vector file (FILE:LAYER for one of several); - for standard input.")
    var file: String

    @OptionGroup var outputOptions: OutputOptions

    @Option(help: ArgumentHelp("Write coordinates in this CRS (EPSG:n, PROJ string or WKT). GeoJSON is then no longer RFC 7946: it carries a GeoJSON 2008 crs member.", valueName: "crs"))
    var to: String?

    @Option(name: .customLong("where"), help: ArgumentHelp("Keep features whose properties match.", valueName: "expression"))
    var whereExpression: String?

    @Option(help: ArgumentHelp("Keep features that intersect this rectangle, in the input's CRS; write --bbox=W,S,E,N when W is negative.", valueName: "W,S,E,N"))
    var bbox: String?

    @Option(help: ArgumentHelp("Keep features that intersect any geometry of this layer.", valueName: "file"))
    var intersects: String?

    @Flag(name: .shortAndLong, help: ArgumentHelp("Kept for scripts: counts in, out and rejected are always reported on standard error.", visibility: .hidden))
    var verbose = false

    @OptionGroup var input: InputOptions

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        var selection = Selection(filter: try WhereOption.filter(whereExpression), bbox: try parsedBBox())
        let contents = try input.read(file)
        try WhereOption.check(selection.filter, against: contents.layer, file: file)
        if let intersects { selection.mask = try mask(from: intersects, in: contents.layer.crs) }
        let target = to.map(CRS.init) ?? .wgs84
        let layer = try contents.layer.selecting(selection).projected(to: target, file: file)
        if !target.isWGS84 && outputOptions.isGeoJSON {
            Diagnostics.warn(Diagnostics.text(.notWGS84(crs: "\(target)")))
        }
        // Copying is the job: invalid polygons pass through, and are counted.
        let writer = try outputOptions.writer(crs: target, fields: contents.fields, keepInvalidPolygons: true)
        try writer.write(contentsOf: layer.features)
        try writer.finish()
        var counts = contents.counts(of: file)
        counts.output = layer.count
        counts.reject(contents.layer.count - layer.count, "filtered out")
        counts.note(try writer.invalidPolygonsWritten ?? InvalidPolygons.count(in: layer.features), "invalid passed through")
        counts.report()
    }

    private func parsedBBox() throws -> Envelope? {
        guard let bbox else { return nil }
        let values = bbox.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard values.count == 4, values[0] <= values[2], values[1] <= values[3] else {
            throw ValidationError("--bbox takes four numbers W,S,E,N with W <= E and S <= N, e.g. -68.1,10.3,-67.9,10.5")
        }
        return Envelope(minX: values[0], minY: values[1], maxX: values[2], maxY: values[3])
    }

    /// The union of the mask layer's geometries, in the input's CRS.
    private func mask(from path: String, in crs: CRS) throws -> Shape {
        let maskLayer = try Layers.read(path).projected(to: crs, file: path)
        let geometries = try maskLayer.features.compactMap(\.geometry).map { try Geometry($0) }
        guard !geometries.isEmpty else { throw CommandFailure(message: "\(path): --intersects layer has no geometry") }
        return try Geometry.union(geometries).shape
    }
}
