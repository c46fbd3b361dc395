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
              territorio join --sites geodata/sample_sites.csv --territories geodata/sample_parishes.geojson --id-field code -o sites_joined.geojson
              territorio join --sites sites.geojson --territories parishes.geojson --snap 500m --summary summary.csv -o joined.geojson
            """
    )

    @Option(name: .customLong("sites"), help: ArgumentHelp("The points (sites or any others): GeoJSON, CSV or any GDAL vector file; - for standard input.", valueName: "file"))
    var givenPoints: String?

    @Option(name: .customLong("territories"), help: ArgumentHelp("Territories: polygons in GeoJSON.", valueName: "file"))
    var givenPolygons: String?

    @Option(name: .customLong("points"), help: RenamedFlag.help("--sites"))
    var oldPoints: String?

    @Option(name: .customLong("polygons"), help: RenamedFlag.help("--territories"))
    var oldPolygons: String?

    var points: String { StudyOption.resolved(givenPoints, flag: "--sites") }
    var polygons: String { StudyOption.resolved(givenPolygons, flag: "--territories") }

    @Option(name: .customLong("id-field"), help: ArgumentHelp("Property of the territories holding their code (default: the feature id).", valueName: "name"))
    var idField: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Property the code is written to on each point.", valueName: "name"))
    var property = "territory_code"

    @Flag(help: "Let --as replace a property the points already have.")
    var overwrite = false

    @Option(help: Length.help("Assign points outside every territory to the nearest within this distance: 500m, 2km."),
            transform: Length.parser(flag: "--snap", example: "500m or 2km"))
    var snap: Length?

    @Option(help: ArgumentHelp("Write count and capacity per territory x product x stage to this CSV.", valueName: "file"))
    var summary: String?

    @Option(help: ArgumentHelp("With --summary: count points per territory and category of this property, for any points (not only sites).", valueName: "field"))
    var by: String?

    @Option(name: .customLong("sum"), help: ArgumentHelp("With --summary: also sum this numeric property per territory (and --by category).", valueName: "field"))
    var sumField: String?

    @Option(help: ArgumentHelp("Property naming each point in messages, for points without an id (wof_id, name).", valueName: "name"))
    var label: String?

    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var siteFields: SiteFieldOptions

    @OptionGroup var languageOption: LanguageOption

    mutating func validate() throws {
        givenPoints = try RenamedFlag.fold(oldPoints, "--points", into: givenPoints, "--sites")
        givenPolygons = try RenamedFlag.fold(oldPolygons, "--polygons", into: givenPolygons, "--territories")
        guard givenPoints != nil else { throw ValidationError("give --sites FILE: the points to join") }
        guard givenPolygons != nil else { throw ValidationError("give --territories FILE: the polygons whose code each point gets") }
        if summary == nil, by != nil || sumField != nil { throw ValidationError("--by and --sum shape the --summary table: add --summary FILE") }
    }

    func run() throws {
        let snapMetres = snap?.metres
        let pointContents = try input.read(points)
        let pointLayer = pointContents.layer
        try FieldCheck.require(by.map { [$0] } ?? [], in: pointLayer, file: points, flag: "--by")
        try FieldCheck.require(sumField.map { [$0] } ?? [], in: pointLayer, file: points, flag: "--sum")
        let holding = pointLayer.features.filter { $0.properties[property] != nil }.count
        if holding > 0, !overwrite {
            throw CommandFailure(message: "\(points): \(holding) of \(pointLayer.count) points already have a property '\(property)', which --as \(property) would replace; name another property with --as, or add --overwrite")
        }
        let polygonLayer = try Layers.read(polygons)
        try FieldCheck.require(idField.map { [$0] } ?? [], in: polygonLayer, file: polygons, flag: "--id-field")
        try FieldCheck.require(label.map { [$0] } ?? [], in: pointLayer, file: points, flag: "--label")
        try siteFields.check(pointLayer, file: points, needed: false)  // only the fields named: --summary may take plain points
        ExtentCheck.warnFarPoints(pointLayer, file: points, against: polygonLayer, referenceFile: polygons)
        let join = SpatialJoin(options: .init(idField: idField, property: property, snapDistance: snapMetres))
        let progress = Progress("joining \(points)", unit: "points")
        let result = try join.join(points: pointLayer, polygons: polygonLayer, pointsFile: points, progress: progress.callback)
        progress.finish()
        let joined = join.joined(pointLayer, result)

        for index in result.outside {
            let feature = pointLayer.features[index]
            let at = feature.geometry?.envelope.map { "(\($0.minX), \($0.minY))" }
            Diagnostics.featureLine(Diagnostics.text(.pointOutside(place: Diagnostics.place(location(of: feature, index)), at: at)))
        }
        for snapped in result.snapped {
            let feature = pointLayer.features[snapped.point]
            Diagnostics.featureLine(Diagnostics.text(.pointSnapped(place: Diagnostics.place(location(of: feature, snapped.point)),
                                                                   code: join.code(of: polygonLayer.features[snapped.polygon], index: snapped.polygon).text,
                                                                   metres: String(format: "%.1f", snapped.metres))))
        }

        let territoryOfPoint = joined.features.indices.map { index -> String? in
            let code = result.code(ofPoint: index)
            return code == .null ? nil : code.text
        }
        let fields = siteFields.fields
        let plainPoints = !pointLayer.features.contains { $0.properties[fields.product] != nil || $0.properties[fields.stage] != nil }
        if let summary, by != nil || sumField != nil || plainPoints {
            let table = try CategorySummary(points: pointLayer, territories: territoryOfPoint, by: by, sum: sumField, file: points)
            if table.withoutValue > 0 { Diagnostics.warn("\(table.withoutValue) points have no \(sumField ?? "") value, left out of its sums") }
            try ReportOptions.writeText(table.csv, to: summary)
        } else if let summary {
            var sites: [Site] = []
            for (index, feature) in joined.features.enumerated() {
                sites.append(try siteFields.fields.site(of: feature, index: index, file: points))
            }
            try ReportOptions.writeText(JoinSummary(sites: sites, territories: territoryOfPoint).csv, to: summary)
        }

        let writer = try outputOptions.writer(crs: .wgs84)
        try writer.write(contentsOf: try joined.projected(to: .wgs84, file: points).features)
        try writer.finish()
        let inside = pointLayer.count - result.outside.count - result.snapped.count
        Diagnostics.write(Diagnostics.text(.joinSummary(file: points, inside: inside, snapped: result.snapped.count, outside: result.outside.count)) + "\n")
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
