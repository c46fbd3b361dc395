import ArgumentParser
import Foundation
import Geo
import Territory

struct JoinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Give every point the code of the territory that contains it.",
        discussion: """
            A point on a boundary shared by several territories goes to the one that comes \
            first in the territories file, every run. Points outside every territory are \
            listed on standard error and keep a null code, unless --snap assigns each to the \
            nearest territory within that distance (measured in metres).

            Examples:
              territorio join --points geodata/sample_sites.csv --polygons geodata/sample_parishes.geojson --id-field code -o sites_joined.geojson
              territorio join --points sites.geojson --polygons parishes.geojson --snap 500m --summary summary.csv -o joined.geojson
            """
    )

    @Option(help: ArgumentHelp("Points: GeoJSON, CSV or any GDAL vector file; - for standard input.", valueName: "file"))
    var points: String

    @Option(help: ArgumentHelp("Territories: polygons in GeoJSON.", valueName: "file"))
    var polygons: String

    @Option(name: .customLong("id-field"), help: ArgumentHelp("Property of the territories holding their code (default: the feature id).", valueName: "name"))
    var idField: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Property the code is written to on each point.", valueName: "name"))
    var property = "territory_code"

    @Option(help: ArgumentHelp("Assign points outside every territory to the nearest within this distance: 500m, 2km.", valueName: "distance"))
    var snap: String?

    @Option(help: ArgumentHelp("Write count and capacity per territory x product x stage to this CSV.", valueName: "file"))
    var summary: String?

    @Option(help: ArgumentHelp("Property naming each point in messages, for points without an id (wof_id, name).", valueName: "name"))
    var label: String?

    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var siteFields: SiteFieldOptions

    func run() throws {
        let snapMetres = try snap.map { text throws in
            guard let metres = Distance.metres(text) else {
                throw ValidationError(Distance.complaint(about: text, flag: "--snap", example: "500m or 2km"))
            }
            return metres
        }
        let pointContents = try input.read(points, progress: Progress("reading points"))
        let pointLayer = pointContents.layer
        let polygonLayer = try Layers.read(polygons)
        let join = SpatialJoin(options: .init(idField: idField, property: property, snapDistance: snapMetres))
        let result = try join.join(points: pointLayer, polygons: polygonLayer, pointsFile: points)
        let joined = join.joined(pointLayer, result)

        for index in result.outside {
            let feature = pointLayer.features[index]
            let where_ = feature.geometry?.envelope.map { " at (\($0.minX), \($0.minY))" } ?? ""
            Diagnostics.write("\(location(of: feature, index)): outside every territory\(where_)\n")
        }
        for snapped in result.snapped {
            let feature = pointLayer.features[snapped.point]
            Diagnostics.write("\(location(of: feature, snapped.point)): snapped to \(join.code(of: polygonLayer.features[snapped.polygon], index: snapped.polygon).text), \(String(format: "%.1f", snapped.metres)) m away\n")
        }

        if let summary {
            var sites: [Site] = []
            for (index, feature) in joined.features.enumerated() {
                sites.append(try siteFields.fields.site(of: feature, index: index, file: points))
            }
            let territories = joined.features.indices.map { index -> String? in
                let code = result.code(ofPoint: index)
                return code == .null ? nil : code.text
            }
            try ReportOptions.writeText(JoinSummary(sites: sites, territories: territories).csv, to: summary)
        }

        let writer = try outputOptions.writer(crs: .wgs84)
        try writer.write(contentsOf: try joined.projected(to: .wgs84, file: points).features)
        try writer.finish()
        let inside = pointLayer.count - result.outside.count - result.snapped.count
        Diagnostics.write("\(points): \(inside) inside a territory, \(result.snapped.count) snapped, \(result.outside.count) outside (written without a code)\n")
        var counts = pointContents.counts(of: points, unit: "points")
        counts.output = pointLayer.count
        counts.report()
    }

    /// `FILE: feature N (id X)`, the id taken from --label when given.
    private func location(of feature: Feature, _ index: Int) -> FeatureLocation {
        let labelled = label.flatMap { feature.properties[$0] }.flatMap { value -> FeatureID? in
            value == .null ? nil : .string(value.text)
        }
        return FeatureLocation(file: points, index: index, id: labelled ?? feature.id)
    }
}
