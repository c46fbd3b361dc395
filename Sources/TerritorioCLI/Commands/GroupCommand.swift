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

/// The territories, how they are coded, and how contiguity is judged.
struct GroupingInputs: ParsableArguments {
    @Option(help: ArgumentHelp("Territory units with their population (polygons).", valueName: "file"))
    var territories: String

    @Option(name: .customLong("id-field"), help: ArgumentHelp("Property of the territories holding their code (default: the feature id).", valueName: "name"))
    var idField: String?

    @OptionGroup var population: PopulationOptions

    @Option(help: "Neighbours share an edge (rook) or any point (queen).")
    var contiguity: Contiguity.Rule = .rook

    @Option(help: ArgumentHelp("Tolerance for slivers and small gaps between units: 10m.", valueName: "distance"))
    var snap = "0m"

    @Option(parsing: .singleValue, help: ArgumentHelp("Chain spec for self-sufficiency (with --sites); repeat for more.", valueName: "file"))
    var chain: [String] = []

    @Option(help: ArgumentHelp("Sites, for self-sufficiency (with --chain).", valueName: "file"))
    var sites: String?

    @Option(help: ArgumentHelp("Roads: mean trips in minutes along them too.", valueName: "file"))
    var roads: String?

    @OptionGroup var graphOptions: RoadGraphOptions

    var populationField: String { population.field }

    /// The territories, their --id-field and (when `population` is
    /// needed) populations checked; those left out by --missing-population
    /// skip are gone from `layer`.
    func readTerritories(population needed: Bool = true) throws -> CheckedValues {
        let layer = try Layers.read(territories)
        try FieldCheck.require(idField.map { [$0] } ?? [], in: layer, file: territories, flag: "--id-field")
        guard needed else { return CheckedValues(layer: layer, original: layer, what: "population") }
        return try population.check(layer, file: territories)
    }

    func evaluate(_ groupingPath: String, territories layer: Layer, checked: CheckedValues? = nil) throws -> GroupingEvaluation {
        try evaluate(try Grouping.read(path: groupingPath), file: groupingPath, territories: layer, checked: checked)
    }

    /// The evaluation of `grouping` (read from `groupingPath`), with
    /// self-sufficiency when --sites and --chain are given, contiguity
    /// judged with the `islands` policy the grouping was made with.
    func evaluate(_ read: Grouping, file groupingPath: String, territories layer: Layer, checked: CheckedValues? = nil,
                  islands: Contiguity.IslandPolicy = .own) throws -> GroupingEvaluation {
        guard let metres = Distance.metres(snap) else { throw ValidationError(Distance.complaint(about: snap, flag: "--snap", example: "10m")) }
        let grouping = checked?.filter(read, idField: idField) ?? read
        var coverage: CircuitCoverage.Result?
        if let sites, !chain.isEmpty {
            let siteLayer = try Layers.read(sites)
            try FieldCheck.require(["product", "stage", "capacity", "unit"], in: siteLayer, file: sites, flag: "sites (fields product, stage, capacity, unit)")
            // The populations were checked when the territories were read.
            let prepared = try StudyTerritories(layer, file: territories, idField: idField, populationField: populationField)
            let study = try Study(territories: prepared, sites: try StudySites(siteLayer, file: sites, in: prepared),
                                  chains: try chain.map { try ChainSpec.read(path: $0) }, grouping: grouping, groupingFile: groupingPath)
            coverage = try CircuitCoverage().run(study)
        }
        let graph = try roads.map { try graphOptions.graph(from: $0) }
        return try GroupingEvaluation(territories: layer, grouping: grouping, idField: idField, contiguity: contiguity,
                                      snap: metres, islands: islands, populationField: populationField, coverage: coverage, roads: graph,
                                      groupingFile: groupingPath, territoriesFile: territories)
    }

    /// Many units touching none usually means gaps between neighbours,
    /// which split circuits that are in fact contiguous.
    func warnAboutUnitsTouchingNone(_ evaluation: GroupingEvaluation, territories layer: Layer) {
        guard Distance.metres(snap) == 0, evaluation.unitsTouchingNone > 0 else { return }
        Diagnostics.warn("\(evaluation.unitsTouchingNone) of \(layer.count) territories touch no other: islands, or boundaries with small gaps between neighbours; for gaps, --snap 50m counts units within 50 m as neighbours")
    }

    /// Territories in a circuit of the grouping, and those in none.
    static func counts(of evaluation: GroupingEvaluation, territories layer: Layer, subject: String, checked: CheckedValues? = nil) -> FeatureCounts {
        let assigned = Set(evaluation.circuits.flatMap { $0.components.flatMap { $0 } }).count
        var counts = FeatureCounts(subject, unit: "territories", input: checked?.original.count ?? layer.count, output: assigned)
        counts.reject(layer.count - assigned, "in no circuit")
        checked?.record(in: &counts)
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

    @Option(help: ArgumentHelp("CSV of territory_code,circuit_id.", valueName: "file"))
    var grouping: String

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let checked = try inputs.readTerritories()
        let layer = checked.layer
        let evaluation = try inputs.evaluate(grouping, territories: layer, checked: checked)
        inputs.warnAboutUnitsTouchingNone(evaluation, territories: layer)
        let counts = GroupingInputs.counts(of: evaluation, territories: layer, subject: grouping, checked: checked)
        print(json ? FeatureCounts.adding([counts], to: evaluation.json).jsonText : evaluation.table, terminator: json ? "\n" : "")
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

    @Argument(help: "Two or more grouping CSVs.")
    var groupings: [String]

    @OptionGroup var inputs: GroupingInputs
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var reportOptions: ReportOptions

    func validate() throws {
        guard groupings.count >= 2 else { throw ValidationError("name at least two groupings") }
    }

    func run() throws {
        let checked = try inputs.readTerritories()
        let layer = checked.layer
        let evaluations = try groupings.map { try inputs.evaluate($0, territories: layer, checked: checked) }
        if let first = evaluations.first { inputs.warnAboutUnitsTouchingNone(first, territories: layer) }
        let names = groupings.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
        let join = SpatialJoin(options: .init(idField: inputs.idField))
        let codes = layer.features.enumerated().map { join.code(of: $1, index: $0).text }
        let parsed = try groupings.map { try Grouping.read(path: $0) }
        var features: [Feature] = []
        for (index, feature) in layer.features.enumerated() {
            var properties: JSONObject = ["territory_code": .string(codes[index])]
            var mates: [Set<String>] = []
            for (name, grouping) in zip(names, parsed) {
                let circuit = grouping.rows.first { $0.territory == codes[index] }?.circuit
                properties["circuit_\(name)"] = circuit.map(JSONValue.string) ?? .null
                mates.append(Set(circuit.map { grouping.territories(of: $0) } ?? []))
            }
            properties["changed"] = .bool(Set(mates).count > 1)
            features.append(Feature(id: feature.id, geometry: feature.geometry, properties: properties))
        }
        let writer = try outputOptions.writer(crs: .wgs84)
        try writer.write(contentsOf: try Layer(features: features, crs: layer.crs).projected(to: .wgs84).features)
        try writer.finish()
        let products = evaluations.first?.circuits.first?.selfSufficiency.map(\.product) ?? []
        var markdown = "# Groupings compared\n\n| grouping | circuits | contiguous | mean compactness | population variation (sd / mean) | mean trip km |"
        markdown += products.map { " \($0): self-sufficient circuits (lowest) |" }.joined()
        markdown += "\n|---|---:|---:|---:|---:|---:|" + String(repeating: "---:|", count: products.count) + "\n"
        for (name, evaluation) in zip(names, evaluations) {
            let trip = evaluation.circuits.reduce(0) { $0 + $1.meanTripKm * $1.population } / max(1, evaluation.circuits.reduce(0) { $0 + $1.population })
            markdown += String(format: "| %@ | %d | %.0f %% | %.3f | %.3f | %.2f |", name, evaluation.circuits.count,
                               100 * evaluation.contiguousShare, evaluation.meanCompactness, evaluation.populationVariation, trip)
            markdown += products.map { " \(evaluation.selfSufficiencySummary(of: $0)) |" }.joined() + "\n"
        }
        let changed = features.filter { $0.properties["changed"] == .bool(true) }.count
        markdown += "\n\(changed) of \(features.count) territories change circuit-mates between the groupings.\n"
        try reportOptions.write(markdown: markdown, json: .array(zip(names, evaluations).map { .object(["grouping": .string($0), "evaluation": $1.json]) }))
        Diagnostics.write(markdown)
        for (path, evaluation) in zip(groupings, evaluations) { GroupingInputs.counts(of: evaluation, territories: layer, subject: path, checked: checked).report() }
    }
}
