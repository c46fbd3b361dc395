import ArgumentParser
import Foundation
import Geo
import Territory

extension Normalisation: ExpressibleByArgument {}

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
            first --top products of every territory (tab-separated; --json for JSON). With \
            --territories and -o, writes the territories with top_1, top_1_score, top_2, ... \
            joined on their --territory-id property (default: the property named like --by, \
            else the feature id).

            Examples:
              territorio rank --indicators geodata/ranking/products.csv --weights geodata/ranking/weights.json \\
                --by municipality_code --top 2
              territorio rank --indicators geodata/ranking/products.csv --weights geodata/ranking/weights.json \\
                --by municipality_code --top 2 --territories geodata/territory/municipalities.geojson -o top.geojson --json
            """
    )

    @Option(help: ArgumentHelp("CSV of territory code, product and indicator columns.", valueName: "file"))
    var indicators: String

    @Option(help: ArgumentHelp("JSON of each indicator's weight (and \"better\": \"lower\" where lower is better).", valueName: "file"))
    var weights: String

    @Option(help: ArgumentHelp("The column of the territory's code.", valueName: "column"))
    var by: String

    @Option(name: .customLong("product-column"), help: ArgumentHelp("The column of the product.", valueName: "column"))
    var productColumn = "product"

    @Option(parsing: .singleValue, help: ArgumentHelp("A column that is not an indicator (a name, a note); repeat for more.", valueName: "column"))
    var ignore: [String] = []

    @Option(help: ArgumentHelp("How indicators are put on one scale: minmax (0 to 1) or zscore.", valueName: "rule"))
    var normalise: Normalisation = .minMax

    @Option(help: "How many products to keep per territory.")
    var top = 2

    @Option(help: ArgumentHelp("Territory polygons: with -o, a layer of each territory's top products.", valueName: "file"))
    var territories: String?

    @Option(name: .customLong("territory-id"), help: ArgumentHelp("Property of the territories holding the code of --by (default: the property named like --by, else the feature id).", valueName: "name"))
    var territoryID: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Output layer of the territories: .geojson, .gpkg, .fgb or .shp.", valueName: "file"))
    var output: String?

    @Flag(help: "Print JSON instead of the table.")
    var json = false

    func validate() throws {
        guard top >= 1 else { throw ValidationError("--top must be 1 or more") }
        if output != nil, territories == nil { throw ValidationError("-o writes the territories' layer: give --territories too") }
        if territories != nil, output == nil { throw ValidationError("--territories is for the layer: give -o FILE too") }
    }

    func run() throws {
        let csv = try CSVTable.read(path: indicators)
        for (column, flag) in [(by, "--by"), (productColumn, "--product-column")] + ignore.map({ ($0, "--ignore") }) {
            try FieldCheck.require(column, amongColumns: csv.header, file: indicators, flag: flag)
        }
        let table = try IndicatorTable(table: csv, file: indicators, by: by, productColumn: productColumn, ignore: ignore)
        let weightFile = try IndicatorWeights.read(path: weights)
        let result = try ProductRanking(normalisation: normalise).rank(table, weights: weightFile)
        let kept = result.top(top)
        let written = kept.reduce(0) { $0 + $1.entries.count }

        var layerNote = ""
        var rowsOutsideLayer = 0
        if let territories, let output {
            let layer = try Layers.read(territories)
            let field = territoryID ?? (layer.features.contains { $0.properties[by] != nil } ? by : nil)
            if let field { try FieldCheck.require(field, in: layer, file: territories, flag: "--territory-id") }
            let made = result.layer(territories: layer, top: top) { feature, index in
                if let field { return feature.properties[field].flatMap { $0 == .null ? nil : $0.text } }
                return feature.id?.description ?? String(index)
            }
            try Layers.write(try made.layer.projected(to: .wgs84, file: territories), to: output)
            if !made.unmatched.isEmpty {
                Diagnostics.warn("\(indicators): \(made.unmatched.count) territor\(made.unmatched.count == 1 ? "y" : "ies") of the table not in \(territories) (by \(field ?? "feature id")): \(Self.list(made.unmatched))")
            }
            if !made.withoutProducts.isEmpty {
                Diagnostics.warn("\(territories): \(made.withoutProducts.count) territor\(made.withoutProducts.count == 1 ? "y has" : "ies have") no products in the table: \(Self.list(made.withoutProducts))")
            }
            rowsOutsideLayer = result.territories.filter { made.unmatched.contains($0.territory) }.reduce(0) { $0 + $1.entries.count }
            layerNote = "; \(output): \(made.layer.count) territories written, \(made.layer.count - made.withoutProducts.count) with products"
        }

        let total = weightFile.total
        Diagnostics.write("\(indicators): \(result.territories.count) territories x \(table.indicators.count) indicators, \(written) shown (top \(top) per territory)\(layerNote)\n")
        // Every row is scored and ranked; with a layer, rows of territories it lacks are not written.
        var counts = FeatureCounts(indicators, unit: "rows", input: table.rows.count, output: table.rows.count - rowsOutsideLayer)
        counts.reject(rowsOutsideLayer, "territory not in the layer")
        if json {
            try StandardOutput.print(FeatureCounts.adding([counts], to: result.json(top: top, territoryColumn: by)).jsonText)
        } else {
            try StandardOutput.print(result.table(top: top, territoryColumn: by), terminator: "")
        }
        counts.report()
        Diagnostics.write("normalised \(normalise.label) over all rows; weights sum to \(String(format: "%g", total)); ties: \(ProductRanking.tieRule)\n")
        for name in result.constantIndicators {
            Diagnostics.warn("\(indicators): column '\(name)' has one value throughout: it scores 0 for every row")
        }
    }

    static func list(_ names: [String]) -> String {
        names.count <= 10 ? names.joined(separator: ", ") : names.prefix(10).joined(separator: ", ") + ", ..."
    }
}
