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

    @OptionGroup var reportOptions: ReportOptions

    func validate() throws {
        if regions != nil, !objective.hasPrefix("heterogeneity:") {
            throw ValidationError("--regions needs --objective heterogeneity:FIELD (the field circuits should be alike in)")
        }
        guard minimumPopulation != nil || minimumUnits != nil || minimumSelfSufficiency != nil || regions != nil else {
            throw ValidationError("give a floor: --min-population N, --min-units N or --min-self-sufficiency X")
        }
        if minimumSelfSufficiency != nil, inputs.sites == nil || inputs.chain.isEmpty {
            throw ValidationError("--min-self-sufficiency needs --sites and --chain")
        }
    }

    func run() throws {
        guard let metres = Distance.metres(inputs.snap) else { throw ValidationError(Distance.complaint(about: inputs.snap, flag: "--snap", example: "10m")) }
        var suggestion = GroupingSuggestion()
        suggestion.idField = inputs.idField
        suggestion.populationField = inputs.populationField
        suggestion.contiguity = inputs.contiguity
        suggestion.snap = metres
        suggestion.islands = islands
        suggestion.within = within
        suggestion.minimumPopulation = minimumPopulation ?? 0
        suggestion.minimumUnits = minimumUnits ?? 1
        suggestion.seed = seed
        suggestion.regions = regions
        suggestion.lock = try lock.map { try Grouping.read(path: $0) }
        if let minimumSelfSufficiency, let sites = inputs.sites, let chain = inputs.chain.first {
            suggestion.minimumSelfSufficiency = minimumSelfSufficiency
            suggestion.chain = try ChainSpec.read(path: chain)
            suggestion.sites = try Layers.read(sites)
        }
        switch objective {
        case "compactness": suggestion.objective = .compactness
        case "travel": suggestion.objective = .travel
        case let text where text.hasPrefix("heterogeneity:"):
            suggestion.objective = .heterogeneity
            suggestion.valueField = String(text.dropFirst("heterogeneity:".count))
        default: throw ValidationError("--objective is compactness, travel or heterogeneity:FIELD")
        }
        let territories = try Layers.read(inputs.territories)
        let progress = Progress("growing")
        let result = try suggestion.run(territories: territories) { attempt, total in progress.update(attempt, of: total) }
        progress.finish()
        if output == "-" { print(result.grouping.csv, terminator: "") } else { try ReportOptions.writeText(result.grouping.csv, to: output) }
        if !result.unassigned.isEmpty {
            Diagnostics.warn("\(result.unassigned.count) territories could join no circuit meeting the floor: \(result.unassigned.prefix(10).joined(separator: ", "))")
        }
        Diagnostics.write("\(inputs.territories): \(result.regions) circuits (objective \(String(format: "%.4g", result.objective)))\n")
        var counts = FeatureCounts(inputs.territories, unit: "territories", input: territories.count,
                                   output: territories.count - result.unassigned.count)
        counts.reject(result.unassigned.count, "in no circuit meeting the floor")
        counts.report()
        // The suggestion's evaluation, as `group evaluate` gives it.
        if reportOptions.report != nil || reportOptions.json != nil {
            let evaluation = try GroupingEvaluation(territories: territories, grouping: result.grouping, idField: inputs.idField,
                                                    contiguity: inputs.contiguity, snap: metres, populationField: inputs.populationField)
            try reportOptions.write(markdown: "# Suggested circuits\n\n```\n\(evaluation.table)```\n", json: FeatureCounts.adding([counts], to: evaluation.json))
        }
    }
}
