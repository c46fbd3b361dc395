import ArgumentParser
import Foundation
import Geo
import Territory

extension Contiguity.IslandPolicy: ExpressibleByArgument {}

struct GroupSuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Suggest contiguous circuits: as many as possible, each meeting a floor, then improved by local search.",
        discussion: """
            Max-p regionalisation: regions grown from seeds until each meets --min-population, \
            --min-units or --min-self-sufficiency (the chain's weakest stage covering that share \
            of the circuit's demand; with --sites and --chain) (30 attempts, the most regions \
            kept), units left over joined to a \
            neighbour, then border units moved between neighbouring circuits while every \
            circuit stays contiguous and above its floor, lowering --objective: compactness \
            (area-weighted spread around the centre), heterogeneity:FIELD (squared deviations \
            of FIELD within circuits) or travel (people x distance to the centre). Same \
            --seed, same result.

            Example:
              territorio group suggest --territories geodata/territory/parishes.geojson --id-field code \\
                --min-population 100000 --within municipality_code -o suggested.csv
            """
    )

    @OptionGroup var inputs: GroupingInputs

    @Option(name: .customLong("min-population"), help: "Each circuit holds at least this many people.")
    var minimumPopulation: Double?

    @Option(name: .customLong("min-units"), help: "Each circuit holds at least this many territories.")
    var minimumUnits: Int?

    @Option(name: .customLong("min-self-sufficiency"), help: ArgumentHelp("Each circuit's weakest stage covers this share of its demand (with --sites and --chain): 0.5.", valueName: "share"))
    var minimumSelfSufficiency: Double?

    @Option(help: ArgumentHelp("Exactly this many circuits, as alike inside as possible in the heterogeneity field (SKATER).", valueName: "k"))
    var regions: Int?

    @Option(help: ArgumentHelp("compactness, heterogeneity:FIELD or travel.", valueName: "objective"))
    var objective = "compactness"

    @Option(help: ArgumentHelp("Keep circuits inside one value of this field (a parent code).", valueName: "field"))
    var within: String?

    @Option(help: ArgumentHelp("Grouping CSV whose assignments are fixed.", valueName: "file"))
    var lock: String?

    @Option(help: "Seed of the random growth order.")
    var seed: UInt64 = 1

    @Option(help: "join-nearest, own or error: what to do with territories that touch no other.")
    var islands: Contiguity.IslandPolicy = .joinNearest

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the grouping CSV here (- for standard output).", valueName: "file"))
    var output = "-"

    @OptionGroup var missingValues: MissingValuesOptions
    @OptionGroup var reportOptions: ReportOptions
    @OptionGroup var languageOption: LanguageOption

    mutating func validate() throws {
        try applyStudy()
        if regions != nil, !objective.hasPrefix("heterogeneity:") {
            throw ValidationError("--regions needs --objective heterogeneity:FIELD (the field circuits should be alike in)")
        }
        guard minimumPopulation != nil || minimumUnits != nil || minimumSelfSufficiency != nil || regions != nil else {
            throw ValidationError("give a floor: --min-population N, --min-units N or --min-self-sufficiency X")
        }
        let graph = inputs.graphOptions
        if inputs.roads != nil || graph.speeds != nil || graph.roadTypeField != "highway" || graph.nodeCrossings {
            throw ValidationError("group suggest does not use --roads: its travel objective measures straight lines. Leave out --roads (and --speeds, --road-type-field, --node-crossings), then give the grouping to group evaluate --roads for trips in minutes")
        }
        if let minimumPopulation, minimumPopulation < 0 { throw ValidationError(Diagnostics.text(.usage(.atLeast(flag: "--min-population", minimum: "0", given: "\(minimumPopulation)")))) }
        if let minimumUnits, minimumUnits < 1 { throw ValidationError(Diagnostics.text(.usage(.atLeast(flag: "--min-units", minimum: "1", given: "\(minimumUnits)")))) }
        if let regions, regions < 1 { throw ValidationError(Diagnostics.text(.usage(.atLeast(flag: "--regions", minimum: "1", given: "\(regions)")))) }
        if let minimumSelfSufficiency, minimumSelfSufficiency < 0 {
            throw ValidationError("--min-self-sufficiency is a share of demand, 0 or more (0.5 for half), not \(minimumSelfSufficiency)")
        }
        if minimumSelfSufficiency != nil, inputs.sites == nil || inputs.chain.isEmpty {
            throw ValidationError("--min-self-sufficiency needs --sites and --chain")
        }
    }

    func run() throws {
        let options = inputs.options(islands: islands)
        var suggestion = GroupingSuggestion()
        suggestion.contiguity = options.contiguity
        suggestion.snap = options.snap
        suggestion.islands = islands
        suggestion.within = within
        suggestion.minimumPopulation = minimumPopulation ?? 0
        suggestion.minimumUnits = minimumUnits ?? 1
        suggestion.seed = seed
        suggestion.regions = regions
        suggestion.lock = try lock.map { try Grouping.read(path: $0) }
        suggestion.minimumSelfSufficiency = minimumSelfSufficiency
        switch objective {
        case "compactness": suggestion.objective = .compactness
        case "travel": suggestion.objective = .travel
        case let text where text.hasPrefix("heterogeneity:"):
            suggestion.objective = .heterogeneity
            suggestion.valueField = String(text.dropFirst("heterogeneity:".count))
        default: throw ValidationError("--objective is compactness, travel or heterogeneity:FIELD")
        }
        let reporting = reportOptions.report != nil || reportOptions.json != nil
        // Population floors and the report's evaluation read it; --min-units alone does not.
        let people = minimumPopulation != nil || minimumSelfSufficiency != nil || objective == "travel" || reporting
        let prepared = try inputs.territoryOptions.prepare(counting: people)
        try FieldCheck.require(within.map { [$0] } ?? [], in: prepared.layer, file: inputs.territories, flag: "--within")
        // The heterogeneity field's values, like populations, are never 0 unseen.
        let valued = try suggestion.valueField.map { field in
            try missingValues.check(prepared.layer, fields: [field], file: inputs.territories, fieldFlag: "--objective heterogeneity:FIELD")
        }
        // Sites only for the self-sufficiency floor or the report's evaluation.
        let study = try inputs.study(territories: try territories(prepared, valued: valued, people: people),
                                     withSites: minimumSelfSufficiency != nil || reporting)
        let progress = Progress("growing")
        let result = try suggestion.run(study) { attempt, total in progress.update(attempt, of: total) }
        progress.finish()
        if output == "-" { try StandardOutput.print(result.grouping.csv, terminator: "") } else { try ReportOptions.writeText(result.grouping.csv, to: output) }
        let language = languageOption.language
        if !result.unassigned.isEmpty {
            Diagnostics.warn(language.text(.suggestUnassigned(count: result.unassigned.count, first: result.unassigned.prefix(10).joined(separator: ", "))))
        }
        if !result.joinedIslands.isEmpty {
            Diagnostics.write(language.text(.suggestJoinedIslands(file: inputs.territories, count: result.joinedIslands.count,
                                                                  list: result.joinedIslandsList(in: language))) + "\n")
        }
        Diagnostics.write(language.text(.suggestCircuits(file: inputs.territories, circuits: result.regions,
                                                         objective: String(format: "%.4g", result.objective))) + "\n")
        var counts = FeatureCounts(inputs.territories, unit: "territories", input: prepared.populationCheck.original.count,
                                   output: study.territories.count - result.unassigned.count)
        counts.reject(result.unassigned.count, "in no circuit meeting the floor")
        prepared.populationCheck.record(in: &counts)
        valued?.record(in: &counts)
        counts.report(in: language)
        // The suggestion's evaluation, as `group evaluate` gives it.
        if reporting {
            let evaluation = try GroupingEvaluation.covering(try study.regrouped(result.grouping, file: output), options: options)
            let markdown = result.markdown(evaluation: evaluation, in: language)
            var json = FeatureCounts.adding([counts], to: evaluation.json)
            if case .object(var object) = json {
                object["joined_islands"] = .array(result.joinedIslands.map { .object(["territory_code": .string($0.territory), "joined_to": .string($0.joinedTo)]) })
                json = .object(object)
            }
            try reportOptions.write(markdown: markdown, json: json)
        }
    }

    /// The territories the suggestion groups: `prepared`, or, when the
    /// heterogeneity field's check zeroed or left some out, prepared again
    /// from the layer that check gave (its populations already checked).
    private func territories(_ prepared: StudyTerritories, valued: CheckedValues?, people: Bool) throws -> StudyTerritories {
        guard let valued, !valued.zeroed.isEmpty || !valued.skipped.isEmpty else { return prepared }
        let options = inputs.territoryOptions
        return try StudyTerritories(valued.layer, file: options.territories, idField: options.idField, nameField: options.nameField,
                                    populationField: people ? options.population.field : nil)
    }

}
