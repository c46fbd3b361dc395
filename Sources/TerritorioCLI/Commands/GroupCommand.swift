import ArgumentParser
import Foundation
import Geo
import Territory

extension Contiguity.Rule: ExpressibleByArgument {}

struct GroupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "group",
        abstract: "Groupings of territories into circuits: evaluate, compare and suggest them.",
        subcommands: [GroupEvaluateCommand.self, GroupCompareCommand.self, GroupSuggestCommand.self]
    )
}

/// The territories, how they are coded, and how contiguity is judged;
/// the sites, chains and roads some figures need.
struct GroupingInputs: ParsableArguments {
    @OptionGroup var territoryOptions: TerritoryOptions

    @Option(help: "Neighbours share an edge (rook) or any point (queen).")
    var contiguity: Contiguity.Rule = .rook

    static let noSnap = Length.given("0m")

    @Option(help: Length.help("Tolerance for slivers and small gaps between units: 10m.", default: noSnap),
            transform: Length.parser(flag: "--snap", example: "10m"))
    var snap = Self.noSnap

    @Option(parsing: .singleValue, help: ArgumentHelp("Chain spec for self-sufficiency (with --sites); repeat for more.", valueName: "file"))
    var chain: [String] = []

    @Option(help: ArgumentHelp("Sites, for self-sufficiency (with --chain).", valueName: "file"))
    var sites: String?

    @Option(help: ArgumentHelp("Roads: mean trips in minutes along them too.", valueName: "file"))
    var roads: String?

    @OptionGroup var graphOptions: RoadGraphOptions
    @OptionGroup var siteFields: SiteFieldOptions
    /// How to read --sites (a CSV's columns, a layer, a CRS).
    @OptionGroup var input: InputOptions

    var territories: String { territoryOptions.territories }

    /// Trips are timed along the roads only, from where each centre meets
    /// them however far that is (no --max-snap here, and no leg off the
    /// road): the figures `group evaluate --roads` has always given.
    static let roadsOnly = RoadAccess(maxSnap: .infinity, offRoadSpeed: .infinity)

    /// How contiguity is judged, with the `islands` policy the grouping
    /// was made with.
    func options(islands: Contiguity.IslandPolicy = .own) -> GroupingEvaluation.Options {
        GroupingEvaluation.Options(contiguity: contiguity, snap: snap.metres, islands: islands)
    }

    /// The study every group command works on, read once: the territories
    /// (`prepared`, or read with populations when `people`), the sites and
    /// chains when both --sites and --chain are given and `withSites`,
    /// travel times along --roads.
    func study(counting people: Bool = true, territories prepared: StudyTerritories? = nil, withSites: Bool = true) throws -> Study {
        let territories = try prepared ?? territoryOptions.prepare(counting: people)
        var located: StudySites?
        var chains: [ChainSpec] = []
        if withSites, let sites, !chain.isEmpty {
            let layer = try input.read(sites).layer
            try siteFields.check(layer, file: sites)
            chains = try chain.map { try ChainSpec.read(path: $0) }
            located = try StudySites(layer, file: sites, fields: siteFields.fields(for: chains), in: territories)
        }
        let travel = try roads.map { try TravelTimes(graph: try graphOptions.graph(from: $0), access: Self.roadsOnly) }
        return try Study(territories: territories, sites: located, chains: chains, travel: travel)
    }

    /// The grouping at `path`, without the territories --missing-population
    /// skip left out.
    func grouping(_ path: String, in study: Study) throws -> Grouping {
        study.territories.populationCheck.filter(try Grouping.read(path: path), idField: territoryOptions.idField)
    }

    /// Many units touching none usually means gaps between neighbours,
    /// which split circuits that are in fact contiguous.
    func warnAboutUnitsTouchingNone(_ evaluation: GroupingEvaluation, territories: StudyTerritories) {
        guard snap.metres == 0, evaluation.unitsTouchingNone > 0 else { return }
        Diagnostics.warn(Diagnostics.text(.islands(count: evaluation.unitsTouchingNone, of: territories.count)))
    }

    /// Territories in a circuit of the grouping, and those in none.
    static func counts(of evaluation: GroupingEvaluation, territories: StudyTerritories, subject: String) -> FeatureCounts {
        let assigned = Set(evaluation.circuits.flatMap { $0.components.flatMap { $0 } }).count
        let checked = territories.populationCheck
        var counts = FeatureCounts(subject, unit: "territories", input: checked.original.count, output: assigned)
        counts.reject(territories.count - assigned, "in no circuit")
        checked.record(in: &counts)
        return counts
    }
}

struct GroupEvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Per circuit: contiguity, compactness, population, area, self-sufficiency, mean trip; overall balance.",
        discussion: """
            Example:
              territorio group evaluate --territories geodata/territory/parishes.geojson --id-field code \\
                --grouping geodata/territory/groupings/circuits_alternative.csv \\
                --sites geodata/territory/sites.geojson --chain geodata/territory/chains/cheese.json
            """
    )

    @OptionGroup var inputs: GroupingInputs

    @Option(name: .customLong("grouping"), help: ArgumentHelp("CSV of territory_code,circuit_id.", valueName: "file"))
    var givenGrouping: String?

    @OptionGroup var jsonOption: JSONOption

    /// The flag's, or the study's (`applyStudy`).
    var grouping: String { StudyOption.resolved(givenGrouping, flag: "--grouping") }

    @OptionGroup var languageOption: LanguageOption

    mutating func validate() throws {
        try applyStudy()
    }

    func run() throws {
        let options = inputs.options()
        let study = try inputs.study()
        let evaluation = try GroupingEvaluation.covering(try study.regrouped(try inputs.grouping(grouping, in: study), file: grouping),
                                                        options: options)
        inputs.warnAboutUnitsTouchingNone(evaluation, territories: study.territories)
        let counts = GroupingInputs.counts(of: evaluation, territories: study.territories, subject: grouping)
        try jsonOption.write(FeatureCounts.adding([counts], to: evaluation.json))
        if !jsonOption.toStandardOutput { try StandardOutput.print(evaluation.table, terminator: "") }
        counts.report()
    }
}

struct GroupCompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Groupings side by side, and each territory's circuit in each.",
        discussion: """
            The layer gives each territory its circuit in every grouping (circuit_<file name>) \
            and whether its circuit-mates differ between them (changed).

            Example:
              territorio group compare geodata/territory/groupings/circuits_by_municipality.csv \\
                geodata/territory/groupings/circuits_alternative.csv \\
                --territories geodata/territory/parishes.geojson --id-field code -o compare.geojson --report compare.md
            """
    )

    @Argument(help: "Two or more grouping CSVs (with --study, the study's grouping is the first when fewer than two are given).")
    var groupings: [String] = []

    @OptionGroup var inputs: GroupingInputs
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var reportOptions: ReportOptions
    @OptionGroup var languageOption: LanguageOption

    mutating func validate() throws {
        try applyStudy()
        guard groupings.count >= 2 else { throw ValidationError("name at least two groupings") }
    }

    func run() throws {
        let options = inputs.options()
        // Territories, sites, chains and roads read once, whatever the number of groupings.
        let study = try inputs.study()
        let comparison = try GroupingComparison(study, groupings: try groupings.map { ($0, try inputs.grouping($0, in: study)) },
                                                options: options)
        if let first = comparison.entries.first { inputs.warnAboutUnitsTouchingNone(first.evaluation, territories: study.territories) }
        let writer = try outputOptions.writer(crs: .wgs84)
        try writer.write(contentsOf: try comparison.territoryLayer().features)
        try writer.finish()
        let language = languageOption.language
        let markdown = comparison.markdown(in: language)
        try reportOptions.write(markdown: markdown, json: comparison.json)
        Diagnostics.write(markdown)
        for entry in comparison.entries {
            GroupingInputs.counts(of: entry.evaluation, territories: study.territories, subject: entry.file).report(in: language)
        }
    }
}
