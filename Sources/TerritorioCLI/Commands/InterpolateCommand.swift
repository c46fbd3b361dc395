import ArgumentParser
import Geo
import Territory

struct InterpolateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interpolate",
        abstract: "Move values from one set of polygons to another by shared area.",
        discussion: """
            --field names an extensive variable (a count such as population): each source \
            gives each target the share of its value that its area in the target is of its \
            whole area (tobler's allocate_total=False; --allocate-total splits by its area inside \
            any target instead, tobler's default). --intensive names a rate (density, yield): the target gets the mean \
            over its covered part, weighted by shared area. Areas are in m² in the sources' \
            metric CRS; each target also gets covered_area_m2.

            Examples:
              territorio interpolate --from geodata/sample_parishes.geojson --field population --to zones.geojson -o zones_population.geojson
              territorio interpolate --from parishes.geojson --field population --intensive density --to catchments.geojson -o out.geojson
            """
    )

    @Option(help: ArgumentHelp("Source polygons holding the values.", valueName: "file"))
    var from: String

    @Option(help: ArgumentHelp("Target polygons that receive them.", valueName: "file"))
    var to: String

    @Option(name: .customLong("field"), parsing: .singleValue, help: ArgumentHelp("Extensive field (a count) to move; repeat for more.", valueName: "name"))
    var extensive: [String] = []

    @Option(parsing: .singleValue, help: ArgumentHelp("Intensive field (a rate) to average; repeat for more.", valueName: "name"))
    var intensive: [String] = []

    @Flag(name: .customLong("allocate-total"), help: "Hand out each source's whole extensive value: split it by its area inside each target over its area inside any target (tobler's default, allocate_total=True). Without it, over its whole area (allocate_total=False): the part outside every target is kept back.")
    var allocateTotal = false

    @OptionGroup var missingValues: MissingValuesOptions
    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var languageOption: LanguageOption

    func validate() throws {
        guard !(extensive.isEmpty && intensive.isEmpty) else {
            throw ValidationError("name at least one --field or --intensive")
        }
    }

    func run() throws {
        let original = try Layers.read(from)
        let checked = try missingValues.check(original, fields: extensive + intensive, file: from, fieldFlag: extensive.isEmpty ? "--intensive" : "--field/--intensive")
        let sources = checked.layer
        let targets = try Layers.read(to)
        var interpolation = ArealInterpolation(extensive: extensive, intensive: intensive)
        interpolation.allocateTotal = allocateTotal
        let result = try interpolation.interpolate(from: sources, to: targets, file: from)
        let writer = try outputOptions.writer(crs: .wgs84)
        try writer.write(contentsOf: try result.projected(to: .wgs84, file: to).features)
        try writer.finish()
        FeatureCounts(to, input: targets.count, output: result.count).report()
        checked.counts(of: from, unit: "sources", input: original.count).report()
    }
}
