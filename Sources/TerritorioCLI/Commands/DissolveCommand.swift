import ArgumentParser
import Geo
import Territory

struct DissolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dissolve",
        abstract: "Build an upper level from a lower one: one feature per value of a field.",
        discussion: """
            Each group's geometry is the union of its members: GEOS coverage union when the \
            members do not overlap (checked first), unary union otherwise. --sum adds numbers \
            up, --first takes the first member's value; every output feature also counts its \
            members in `units`.

            Examples:
              territorio dissolve geodata/sample_parishes.geojson --by municipality_code --sum population -o municipalities.geojson
              territorio dissolve municipalities.geojson --by state_code --sum population --first state_name -o states.geojson
            """
    )

    @Argument(help: "Polygons: GeoJSON; - for standard input.")
    var file: String

    @Option(help: ArgumentHelp("The field whose values name the groups (the upper level's code).", valueName: "field"))
    var by: String

    @Option(parsing: .singleValue, help: ArgumentHelp("Numeric field to add up over each group; repeat for more.", valueName: "field"))
    var sum: [String] = []

    @Option(parsing: .singleValue, help: ArgumentHelp("Field to take from the first member; repeat for more.", valueName: "field"))
    var first: [String] = []

    @OptionGroup var missingValues: MissingValuesOptions
    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let original = try Layers.read(file)
        try FieldCheck.require(by, in: original, file: file, flag: "--by")
        try FieldCheck.require(first, in: original, file: file, flag: "--first")
        let checked = try missingValues.check(original, fields: sum, file: file, fieldFlag: "--sum")
        let layer = checked.layer
        let result = try Dissolve(options: .init(by: by, sum: sum, first: first)).dissolve(layer, file: file)
        for index in result.repaired {
            Diagnostics.warn("\(FeatureLocation(file: file, index: checked.originalIndex(index), id: layer.features[index].id)): invalid geometry made valid before the union")
        }
        let writer = try outputOptions.writer(crs: .wgs84)
        try writer.write(contentsOf: try result.layer.projected(to: .wgs84, file: file).features)
        try writer.finish()
        let byUnary = result.methods.filter { $0 == .unaryUnion }.count
        Diagnostics.write(Diagnostics.text(.groupsWritten(file: file, groups: result.layer.count, coverageUnion: result.layer.count - byUnary, unaryUnion: byUnary)) + "\n")
        // Every feature joins exactly one group (those without the field, the group null).
        checked.counts(of: file, unit: "features", input: original.count).report()
    }
}
