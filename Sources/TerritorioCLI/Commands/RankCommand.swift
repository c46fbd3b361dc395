import ArgumentParser
import Foundation
import Geo
import Territory

extension Normalisation: ExpressibleByArgument {}
extension NormalisationScope: ExpressibleByArgument {}

struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Rank the products of each territory by weighted indicators; the top ones per territory as a table and a layer.",
        discussion: """
            The indicator table is a CSV with the territory's code (the column --by names), \
            `product`, and one numeric column per indicator (demand, future demand, price, \
            quality, ...). Each indicator is normalised over every row of the table: min-max \
            (0 to 1, the default) or z-score (--normalise zscore); a column with one value \
            throughout scores 0 for all. The weights JSON names every indicator column: \
            {"demand": 0.2, "competitiveness": {"weight": 0.15, "better": "lower"}, ...}; \
            "better": "lower" flips an indicator where lower is better. The score is the sum of \
            weight x normalised value. Equal scores (to 1e-9) go to the higher contribution of \
            the most heavily weighted indicator, then the next; then product name ascending. \
            An empty or non-numeric cell is an error naming its line and column.

            Prints territory, rank, product, score and each indicator's contribution for the \
            first --top products of every territory (tab-separated; --json - for JSON). With \
            --territories and -o, writes the territories with top_1, top_1_score, top_2, ... \
            joined on their --id-field property (default: the property named like --by, \
            else the feature id).

            Fair comparisons: --normalise-within product normalises each indicator over the \
            rows of one product (how good this territory is at coffee against the others with \
            coffee), territory over the products of one territory, all (the default) over every \
            row; "within" in an indicator's weight entry overrides it. --where EXPR (OGR SQL over \
            the table's columns) and --minimum/--maximum INDICATOR=VALUE (or "minimum"/"maximum" \
            in the weights file) leave rows out before normalising; each is counted.

            Weights: --weights FILE as above; --equal-weights (1/n each) or --pairwise FILE (AHP: \
            {"pairs": [["demand", "price", 3], ...]} or {"indicators": [...], "matrix": [[...]]}; the \
            principal eigenvector, with its consistency ratio, warned above 0.1). With either, \
            --weights may still give "better", "within", "minimum" and "maximum" (no "weight").

            --groups FILE (territory_code,group) ranks the products every member of a group has by \
            their mean score, and says which members agree with the group's first product. \
            --sensitivity N draws the weights N times from a Dirichlet around the given ones \
            (--concentration, default 100) and the normalisation between minmax and zscore, seeded \
            (--seed), and reports how often each product stays in its territory's top N, and the \
            smallest change of one weight that swaps the first and the third product.

            Examples:
              territorio rank --indicators geodata/ranking/products.csv --weights geodata/ranking/weights.json \\
                --by municipality_code --top 2
              territorio rank --indicators geodata/ranking/products.csv --weights geodata/ranking/weights.json \\
                --by municipality_code --top 2 --territories geodata/territory/municipalities.geojson -o top.geojson --json top.json
              territorio rank --indicators geodata/ranking/products.csv --pairwise geodata/ranking/pairwise.json \
                --weights geodata/ranking/settings.json --by municipality_code --normalise-within product \
                --minimum volume=10 --groups geodata/ranking/groups.csv --sensitivity 500 --seed 7
            """
    )

    @Option(help: ArgumentHelp("CSV of territory code, product and indicator columns.", valueName: "file"))
    var indicators: String

    @Option(help: ArgumentHelp("JSON of each indicator's weight (and \"better\": \"lower\" where lower is better, \"within\", \"minimum\", \"maximum\").", valueName: "file"))
    var weights: String?

    @Flag(name: .customLong("equal-weights"), help: "Weight every indicator 1/n.")
    var equalWeights = false

    @Option(help: ArgumentHelp("JSON of pairwise comparisons of the indicators (AHP): the weights are its principal eigenvector.", valueName: "file"))
    var pairwise: String?

    @Option(help: ArgumentHelp("The column of the territory's code.", valueName: "column"))
    var by: String

    @Option(name: .customLong("product-field"), help: ArgumentHelp("The column of the product (default: product).", valueName: "column"))
    var givenProductColumn: String?

    @Option(name: .customLong("product-column"), help: RenamedFlag.help("--product-field"))
    var oldProductColumn: String?

    var productColumn: String { givenProductColumn ?? "product" }

    @Option(parsing: .singleValue, help: ArgumentHelp("A column that is not an indicator (a name, a note); repeat for more.", valueName: "column"))
    var ignore: [String] = []

    @Option(help: ArgumentHelp("How indicators are put on one scale: minmax (0 to 1) or zscore.", valueName: "rule"))
    var normalise: Normalisation = .minMax

    @Option(name: .customLong("normalise-within"), help: ArgumentHelp("The rows each indicator is normalised over: all, product or territory.", valueName: "scope"))
    var normaliseWithin: NormalisationScope = .all

    @Option(name: .customLong("where"), help: ArgumentHelp("Only the rows of the indicator table that match (OGR SQL), before normalising.", valueName: "expr"))
    var whereExpression: String?

    @Option(parsing: .singleValue, help: ArgumentHelp("Leave out rows below this value of an indicator; repeat for more.", valueName: "indicator=value"))
    var minimum: [String] = []

    @Option(parsing: .singleValue, help: ArgumentHelp("Leave out rows above this value of an indicator; repeat for more.", valueName: "indicator=value"))
    var maximum: [String] = []

    @Option(help: "How many products to keep per territory.")
    var top = 2

    @Option(help: ArgumentHelp("CSV of territory_code,group: rank within each group too.", valueName: "file"))
    var groups: String?

    @Option(name: .customLong("groups-output"), help: ArgumentHelp("With --groups and --territories: a layer of the groups (their members dissolved) with their top products.", valueName: "file"))
    var groupsOutput: String?

    @Option(help: ArgumentHelp("Draws of weights and normalisation to test how stable each top is.", valueName: "n"))
    var sensitivity: Int?

    @Option(help: "Seed of the sensitivity draws.")
    var seed: UInt64 = 1

    @Option(help: "Concentration of the Dirichlet around the weights, 1 to 1e9 (higher: smaller moves).")
    var concentration: Double = 100

    @Option(help: ArgumentHelp("Territory polygons: with -o, a layer of each territory's top products.", valueName: "file"))
    var territories: String?

    @Option(name: .customLong("id-field"), help: ArgumentHelp("Property of the territories holding the code of --by (default: the property named like --by, else the feature id).", valueName: "name"))
    var territoryID: String?

    @Option(name: .customLong("territory-id"), help: RenamedFlag.help("--id-field"))
    var oldTerritoryID: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Output layer of the territories: .geojson, .gpkg, .fgb or .shp.", valueName: "file"))
    var output: String?

    @OptionGroup var jsonOption: JSONOption

    @OptionGroup var geoJSON: GeoJSONOptions

    @OptionGroup var languageOption: LanguageOption

    mutating func validate() throws {
        givenProductColumn = try RenamedFlag.fold(oldProductColumn, "--product-column", into: givenProductColumn, "--product-field")
        territoryID = try RenamedFlag.fold(oldTerritoryID, "--territory-id", into: territoryID, "--id-field")
        try geoJSON.check(outputs: [output, groupsOutput])
        guard top >= 1 else { throw ValidationError(Diagnostics.text(.usage(.atLeast(flag: "--top", minimum: "1", given: "\(top)")))) }
        if weights == nil, !equalWeights, pairwise == nil { throw ValidationError("give the weights: --weights FILE, --equal-weights or --pairwise FILE") }
        if equalWeights, pairwise != nil { throw ValidationError("--equal-weights and --pairwise both set the weights; give one") }
        if let sensitivity, sensitivity < 1 || sensitivity > 1_000_000 { throw ValidationError("--sensitivity takes 1 to 1000000 draws") }
        // Below 1 the draws pile onto one indicator at a time; above 1e9 they do not move.
        if !(concentration >= 1 && concentration <= 1e9) { throw ValidationError("--concentration takes 1 to 1e9 (100: a weight of 0.2 moves by about 0.04)") }
        // JSON numbers carry integers exactly up to 2^53.
        if seed > 9_007_199_254_740_991 { throw ValidationError("--seed takes 0 to 9007199254740991 (2^53 - 1)") }
        _ = try Self.bounds(minimum, flag: "--minimum")
        _ = try Self.bounds(maximum, flag: "--maximum")
        if output != nil, territories == nil { throw ValidationError("-o writes the territories' layer: give --territories too") }
        if territories != nil, output == nil, groupsOutput == nil { throw ValidationError("--territories is for the layer: give -o FILE (or --groups-output FILE) too") }
        if groupsOutput != nil, groups == nil || territories == nil { throw ValidationError("--groups-output dissolves the territories of each group: give --groups and --territories too") }
    }

    func run() throws {
        let csv = try CSVTable.read(path: indicators)
        for (column, flag) in [(by, "--by"), (productColumn, "--product-field")] + ignore.map({ ($0, "--ignore") }) {
            try FieldCheck.require(column, amongColumns: csv.header, file: indicators, flag: flag)
        }
        let fullTable = try IndicatorTable(table: csv, file: indicators, by: by, productColumn: productColumn, ignore: ignore)
        let weightsGivenElsewhere = equalWeights || pairwise != nil
        let settings = try weights.map { path throws(ReadError) in try IndicatorWeights.read(path: path, weightsGivenElsewhere: weightsGivenElsewhere) }
        let filter = try WhereOption.filter(whereExpression)
        for name in filter?.propertyNames ?? [] {
            try FieldCheck.require(name, amongColumns: csv.header, file: indicators, flag: "--where")
        }
        var eligibility = RowEligibility(filter: filter, minimum: try Self.bounds(minimum, flag: "--minimum"), maximum: try Self.bounds(maximum, flag: "--maximum"))
        if let settings { eligibility = eligibility.adding(boundsOf: settings) }
        let eligible = try eligibility.apply(to: fullTable, source: csv)
        let table = eligible.table

        var comparison: PairwiseComparison.Priorities?
        let weightFile: IndicatorWeights
        if equalWeights {
            weightFile = try IndicatorWeights.equalWeights(for: table, settings: settings)
        } else if let pairwise {
            let matrix = try PairwiseComparison.read(path: pairwise)
            try matrix.check(against: table)
            let priorities = matrix.priorities()
            comparison = priorities
            weightFile = try IndicatorWeights.from(Dictionary(uniqueKeysWithValues: zip(matrix.indicators, priorities.weights)),
                                                   table: table, settings: settings, file: pairwise)
        } else {
            weightFile = settings!
        }
        let result = try ProductRanking(normalisation: normalise, within: normaliseWithin).rank(table, weights: weightFile)
        let groupFile = try groups.map { path throws(ReadError) in try TerritoryGroups.read(path: path, territoryColumn: by) }
        let grouped = groupFile.map { GroupRanking.rank(result, groups: $0, top: top) }
        let stability = try sensitivity.map { draws throws(ReadError) in
            try WeightSensitivity(draws: draws, seed: seed, concentration: concentration, top: top)
                .run(table, weights: weightFile, normalisation: normalise, within: normaliseWithin)
        }
        let kept = result.top(top)
        let written = kept.reduce(0) { $0 + $1.entries.count }

        var layerNote = ""
        var rowsOutsideLayer = 0
        let territoryLayer = try territories.map { try Layers.read($0) }
        let field = territoryID ?? (territoryLayer?.features.contains { $0.properties[by] != nil } == true ? by : nil)
        if let field, let territoryLayer, let territories { try FieldCheck.require(field, in: territoryLayer, file: territories, flag: "--id-field") }
        let codeOf = { (feature: Feature, index: Int) -> String? in
            if let field { return feature.properties[field].flatMap { $0 == .null ? nil : $0.text } }
            return feature.id?.description ?? String(index)
        }
        if let groupsOutput, let grouped, let groupFile, let territoryLayer, let groups {
            let made = try grouped.layer(territories: territoryLayer, groups: groupFile, code: codeOf)
            try Layers.write(try made.layer.projected(to: .wgs84, file: territories!), to: groupsOutput, geoJSON: geoJSON.writerOptions)
            if !made.missing.isEmpty {
                Diagnostics.warn("\(groups): \(made.missing.count) group\(made.missing.count == 1 ? " has" : "s have") no member in \(territories!): \(Self.list(made.missing))")
            }
            layerNote += "; \(groupsOutput): \(made.layer.count) groups written"
        }
        if let territories, let output, let layer = territoryLayer {
            let made = result.layer(territories: layer, top: top, code: codeOf)
            try Layers.write(try made.layer.projected(to: .wgs84, file: territories), to: output, geoJSON: geoJSON.writerOptions)
            if !made.unmatched.isEmpty {
                Diagnostics.warn("\(indicators): \(made.unmatched.count) territor\(made.unmatched.count == 1 ? "y" : "ies") of the table not in \(territories) (by \(field ?? "feature id")): \(Self.list(made.unmatched))")
            }
            if !made.withoutProducts.isEmpty {
                Diagnostics.warn("\(territories): \(made.withoutProducts.count) territor\(made.withoutProducts.count == 1 ? "y has" : "ies have") no products in the table: \(Self.list(made.withoutProducts))")
            }
            rowsOutsideLayer = result.territories.filter { made.unmatched.contains($0.territory) }.reduce(0) { $0 + $1.entries.count }
            layerNote = "; \(output): \(made.layer.count) territories written, \(made.layer.count - made.withoutProducts.count) with products" + layerNote
        }

        let total = weightFile.total
        Diagnostics.write("\(indicators): \(result.territories.count) territories x \(table.indicators.count) indicators, \(written) shown (top \(top) per territory)\(layerNote)\n")
        // Every row is scored and ranked; with a layer, rows of territories it lacks are not written.
        var counts = FeatureCounts(indicators, unit: "rows", input: fullTable.rows.count, output: table.rows.count - rowsOutsideLayer)
        for (reason, rows) in eligible.excluded { counts.reject(rows, reason) }
        counts.reject(rowsOutsideLayer, "territory not in the layer")
        if jsonOption.path != nil {
            var object = result.json(top: top, territoryColumn: by)
            if case .object(var members) = object {
                members["weights"] = weightsJSON(weightFile, comparison: comparison)
                members["territoriesWithoutEligibleRows"] = .array(eligible.territoriesLeftOut.map(JSONValue.string))
                if let grouped { members["groups"] = grouped.json }
                if let stability { members["sensitivity"] = stability.json }
                object = .object(members)
            }
            try jsonOption.write(FeatureCounts.adding([counts], to: object))
        }
        if !jsonOption.toStandardOutput {
            var text = result.table(top: top, territoryColumn: by)
            if let grouped { text += "\n" + grouped.table }
            if let stability { text += "\n" + stability.table }
            try StandardOutput.print(text, terminator: "")
        }
        counts.report()
        let source = equalWeights ? "equal weights (1/\(table.indicators.count) each)" : pairwise.map { "weights from the pairwise comparisons of \($0)" } ?? "weights sum to \(String(format: "%g", total))"
        Diagnostics.write("normalised \(normalise.label) \(normaliseWithin.label); \(source); ties: \(ProductRanking.tieRule)\n")
        let lower = weightFile.weights.filter(\.lowerIsBetter).map(\.indicator)
        Diagnostics.write("lower is better for: \(lower.isEmpty ? "none" : lower.joined(separator: ", "))\n")
        if let comparison { Self.reportConsistency(comparison, file: pairwise!) }
        if !eligible.territoriesLeftOut.isEmpty {
            Diagnostics.warn("\(indicators): \(eligible.territoriesLeftOut.count) territor\(eligible.territoriesLeftOut.count == 1 ? "y has" : "ies have") no eligible row and \(eligible.territoriesLeftOut.count == 1 ? "is" : "are") not ranked: \(Self.list(eligible.territoriesLeftOut))")
        }
        for indicator in result.indicators where indicator.isConstant {
            Diagnostics.warn("\(indicators): column '\(indicator.name)' has one value throughout \(indicator.within == .all ? "" : "each \(indicator.within.rawValue)"): it scores 0 for every row")
        }
        for indicator in result.indicators where !indicator.isConstant && indicator.constantGroups > 0 {
            Diagnostics.warn("\(indicators): '\(indicator.name)' normalised within each \(indicator.within.rawValue): \(indicator.constantGroups) of \(indicator.groups) have one row or one value and score 0 on it")
        }
        if let stability { Diagnostics.write(stability.summary + "\n") }
    }

    static func reportConsistency(_ priorities: PairwiseComparison.Priorities, file: String) {
        let ratio = priorities.consistencyRatio.map { String(format: "%.3f", $0) } ?? "not tabulated beyond 15 indicators"
        Diagnostics.write("\(file): λmax \(String(format: "%.4f", priorities.lambdaMax)), consistency index \(String(format: "%.4f", priorities.consistencyIndex)), consistency ratio \(ratio)\n")
        if !priorities.isConsistent {
            Diagnostics.warn("\(file): the consistency ratio \(ratio) is above \(PairwiseComparison.acceptableRatio): the comparisons contradict each other (A over B, B over C, C over A); revise them before trusting the weights")
        }
    }

    func weightsJSON(_ weights: IndicatorWeights, comparison: PairwiseComparison.Priorities?) -> JSONValue {
        var object: JSONObject = ["source": .string(equalWeights ? "equal" : pairwise != nil ? "pairwise" : "file")]
        if let comparison {
            for member in comparison.json.members { object[member.key] = member.value }
        }
        return .object(object)
    }

    /// `--minimum volume=100` as ["volume": 100].
    static func bounds(_ values: [String], flag: String) throws -> [String: Double] {
        var bounds: [String: Double] = [:]
        for value in values {
            let parts = value.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, let number = Double(parts[1]), number.isFinite else {
                throw ValidationError("\(flag) takes INDICATOR=VALUE (volume=100), not '\(value)'")
            }
            guard bounds[parts[0]] == nil else { throw ValidationError("\(flag): '\(parts[0])' is given twice") }
            bounds[parts[0]] = number
        }
        return bounds
    }

    static func list(_ names: [String]) -> String {
        names.count <= 10 ? names.joined(separator: ", ") : names.prefix(10).joined(separator: ", ") + ", ..."
    }
}
