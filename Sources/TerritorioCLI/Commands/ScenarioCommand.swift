import ArgumentParser
import Foundation
import Geo
import Territory

struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "What if: apply edits to a study in memory and compare coverage, distribution and circuits with the base.",
        discussion: """
            Each --edits file (JSON) is one scenario: a name and a list of changes (add, remove or \
            change sites; move territories to a circuit, create or merge circuits; change a chain's \
            demand per person or a yield). Every id an edit names must exist, else the command stops \
            naming the edit. The base study and every scenario are measured alike: coverage (stage \
            balances, self-supply, exportable surplus, people fed), the exact distribution of every \
            chain (tonnes through outside intermediaries stage by stage, tonne-km) and the grouping's \
            population and contiguity. Outputs: the territories with their circuit and its figures \
            in the base and in every scenario, with deltas (-o; `delta` is the first scenario's change \
            in the first chain's self-supply, for a map); everything in --json; a report that lists \
            what changed circuit by circuit and explains changes in intermediated tonnes by stage.

            Example:
              territorio scenario --study out/demo/study.json --edits geodata/territory/scenarios/cheese_plant_tovar.json \\
                -o deltas.geojson --report deltas.md --json deltas.json
            """
    )

    @OptionGroup var territoryOptions: TerritoryOptions

    @Option(name: .customLong("sites"), help: ArgumentHelp("Sites (points) with product, stage, capacity, unit, owner.", valueName: "file"))
    var givenSites: String?

    @Option(name: .customLong("grouping"), help: ArgumentHelp("CSV of territory_code,circuit_id.", valueName: "file"))
    var givenGrouping: String?

    @Option(parsing: .singleValue, help: ArgumentHelp("Chain spec (JSON); repeat for each product.", valueName: "file"))
    var chain: [String] = []

    @Option(parsing: .singleValue, help: ArgumentHelp("Edits file (JSON): one scenario; repeat to compare several side by side.", valueName: "file"))
    var edits: [String] = []

    @Option(name: .customLong("site-id-field"), help: ArgumentHelp("Property of the sites holding their id, as edits name them (default: the feature id).", valueName: "name"))
    var siteIDField: String?

    var sites: String { StudyOption.resolved(givenSites, flag: "--sites") }
    var grouping: String { StudyOption.resolved(givenGrouping, flag: "--grouping") }

    @OptionGroup var reportOptions: ReportOptions
    @OptionGroup var languageOption: LanguageOption
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var siteFields: SiteFieldOptions

    mutating func validate() throws {
        try applyStudy()
        guard !chain.isEmpty else { throw ValidationError(Diagnostics.text(.usage(.nameAChain))) }
        guard !edits.isEmpty else { throw ValidationError("give at least one --edits FILE, the scenario to compare with the study") }
    }

    func run() throws {
        // The edits first: a malformed file fails before any analysis runs.
        let scenarios = try edits.map { path in try ScenarioEdits.parse(SpecFiles.read(path), name: path) }
        let chains = try chain.map { try ChainSpec.read(path: $0) }
        let prepared = try territoryOptions.prepare()
        let siteContents = try input.read(sites)
        try FieldCheck.require(siteIDField.map { [$0] } ?? [], in: siteContents.layer, file: sites, flag: "--site-id-field")
        let study = try Study(territories: prepared,
                              sites: try siteFields.prepare(siteContents, file: sites, idField: siteIDField, chains: chains, in: prepared),
                              chains: chains,
                              grouping: prepared.populationCheck.filter(try Grouping.read(path: grouping), idField: territoryOptions.idField),
                              groupingFile: grouping)
        let comparison = try ScenarioComparison(study: study, scenarios: scenarios)
        let report = ScenarioReport(comparison, territories: prepared, language: languageOption.language)
        let writer = try outputOptions.writer(crs: .wgs84)
        try writer.write(contentsOf: try report.territoriesLayer().features)
        try writer.finish()
        try reportOptions.write(markdown: report.markdown, json: report.json)
        for (k, run) in comparison.scenarios.enumerated() {
            let changed = comparison.circuitIDs.filter { id in
                comparison.products.contains { comparison.figure(.selfSupply, scenario: k, circuit: id, product: $0).changed }
            }
            Diagnostics.write("\(run.file): \(run.name): edits applied: \(run.edits.count); self-supply changed in \(changed.count) circuits\(changed.isEmpty ? "" : ": " + changed.prefix(10).joined(separator: ", "))\n")
            for chain in run.metrics.chains where !chain.optimal {
                Diagnostics.warn("\(run.file): the \(chain.product) distribution is not certified optimal")
            }
        }
    }
}
