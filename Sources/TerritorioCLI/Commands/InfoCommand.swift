import ArgumentParser
import Foundation
import Geo

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Describe a layer: features, geometry types, extent, CRS, properties, invalid geometries.",
        discussion: """
            Examples:
              territorio info geodata/territory/parishes.geojson
              territorio info geodata/sample_sites.csv --json - | jq .bbox
              territorio info departments.shp
              territorio info duitama.osm.pbf:lines
            """
    )

    @Argument(help: "GeoJSON, CSV or any GDAL vector file (FILE:LAYER for one of several); - for standard input.")
    var file: String

    /// The keys features, geometryTypes, bbox, crs, properties, invalid, counts.
    @OptionGroup var jsonOption: JSONOption

    @OptionGroup var input: InputOptions

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let contents = try input.read(file)
        let summary = try LayerSummary(contents.layer)
        var counts = contents.counts(of: file)
        counts.output = contents.layer.count
        defer { counts.report() }
        if jsonOption.path != nil {
            guard case .object(var object) = summary.json else { return }
            object["counts"] = counts.json
            try jsonOption.write(.object(object))
            if jsonOption.toStandardOutput { return }
        }
        try StandardOutput.print("file: \(file) (\(contents.format))")
        try StandardOutput.print("features: \(summary.features)")
        try StandardOutput.print("geometry types: " + summary.geometryTypes.map { "\($0.type) \($0.count)" }.joined(separator: ", "))
        if let bbox = summary.envelope {
            try StandardOutput.print("bbox: \(bbox.minX), \(bbox.minY), \(bbox.maxX), \(bbox.maxY)")
        }
        try StandardOutput.print("crs: \(summary.crs)" + (summary.crs.isWGS84 ? " (WGS 84, longitude/latitude)" : ""))
        do {
            if let metric = try contents.layer.metricCRS(file: file) {
                try StandardOutput.print("metric crs: \(metric) (where Territorio measures this layer)")
            }
        } catch let error as ReadError {
            // A point far outside longitude, latitude: info still describes the file.
            try StandardOutput.print("metric crs: none (\(error.featureIndex.map { "feature \($0): " } ?? "")\(error.message))")
        }
        try StandardOutput.print("properties:")
        let width = summary.properties.map(\.name.count).max() ?? 0
        for property in summary.properties {
            try StandardOutput.print("  " + property.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + property.types)
        }
        try StandardOutput.print("invalid: \(summary.invalid)")
    }
}
