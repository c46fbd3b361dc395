import ArgumentParser
import Foundation
import Geo
import Reports
import Territory

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "How well each circuit covers its people: stage balances, self-supply, exportable surplus, what to add, value added.",
        discussion: """
            A circuit is the set of territories the grouping CSV (territory_code,circuit_id) gives \
            it. For each circuit and chain: population and families, demand; per stage, in its own \
            unit, the capacity, what the circuit's own demand needs of it, the balance and the \
            capacity to add; self-supply (limited by the weakest stage that cannot be skipped: the \
            bottleneck), the exportable surplus (limited only by production: produce can leave \
            unprocessed) and the shortage of product; with prices in the chain, the value added and \
            the share of it held by outside intermediaries. The report separates surplus to place, \
            shortage of product and shortage of a stage, worst first with the capacity to add. \
            --zones groups circuits into economic zones, reported as circuits of their own; \
            --points counts any point layer (community priorities) per territory, circuit and zone; \
            --identity-field names each territory's identity product and reports how far its chain \
            has come there. Territories in two circuits and in none come out as their own layers.

            Example:
              territorio coverage --territories geodata/territory/parishes.geojson --id-field code \\
                --grouping geodata/territory/groupings/circuits_by_municipality.csv \\
                --sites geodata/territory/sites.geojson --chain geodata/territory/chains/cheese.json \\
                --chain geodata/territory/chains/maize_flour.json -o circuits.geojson --report report.md
            """
    )

    @OptionGroup var territoryOptions: TerritoryOptions

    @Option(name: .customLong("grouping"), help: ArgumentHelp("CSV of territory_code,circuit_id.", valueName: "file"))
    var givenGrouping: String?

    @Option(name: .customLong("sites"), help: ArgumentHelp("Sites (points): GeoJSON, CSV or any GDAL vector file.", valueName: "file"))
    var givenSites: String?

    // The flag's, or the study's (`applyStudy`).
    var grouping: String { StudyOption.resolved(givenGrouping, flag: "--grouping") }
    var sites: String { StudyOption.resolved(givenSites, flag: "--sites") }

    @Option(parsing: .singleValue, help: ArgumentHelp("Chain spec (JSON); repeat for each product.", valueName: "file"))
    var chain: [String] = []

    static let defaultRadius = Length.given("5km")

    @Option(help: Length.help("Reach of distribution and retail points: 5km, 800m.", default: defaultRadius),
            transform: Length.parser(flag: "--radius", example: "800m or 5km"))
    var radius = Self.defaultRadius

    @Option(name: .customLong("household-size"), help: "People per family.")
    var householdSize = 4.0

    @Option(help: ArgumentHelp("CSV of circuit_id,zone_id: economic zones grouping the circuits.", valueName: "file"))
    var zones: String?

    @Option(help: ArgumentHelp("Points to count per territory, circuit and zone (community priorities, ...).", valueName: "file"))
    var points: String?

    @Option(name: .customLong("points-by"), help: ArgumentHelp("Count --points by this category field.", valueName: "name"))
    var pointsBy: String?

    @Option(name: .customLong("points-sum"), help: ArgumentHelp("Also sum this numeric field of --points.", valueName: "name"))
    var pointsSum: String?

    @Option(name: .customLong("identity-field"), help: ArgumentHelp("Territories: field naming each one's identity product; reports the furthest stage of its chain present.", valueName: "name"))
    var identityField: String?

    @Flag(name: .customLong("no-exchange"), help: "Skip each chain's exact distribution: no tonnes between circuits (faster on very large studies).")
    var noExchange = false

    @Option(help: ArgumentHelp("Write territories listed in more than one circuit here.", valueName: "file"))
    var overlaps: String?

    @Option(name: .customLong("no-circuit"), help: ArgumentHelp("Write territories in no circuit here.", valueName: "file"))
    var noCircuit: String?

    @OptionGroup var reportOptions: ReportOptions
    @OptionGroup var languageOption: LanguageOption
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var siteFields: SiteFieldOptions
    @OptionGroup var seasonOptions: SeasonOptions

    mutating func validate() throws {
        try applyStudy()
        guard !chain.isEmpty else { throw ValidationError(Diagnostics.text(.usage(.nameAChain))) }
        guard householdSize > 0 else { throw ValidationError("--household-size must be positive") }
        guard points != nil || (pointsBy == nil && pointsSum == nil) else { throw ValidationError("--points-by and --points-sum need --points") }
    }

    func run() throws {
        var analysis = CircuitCoverage()
        analysis.householdSize = householdSize
        analysis.radius = radius.metres
        analysis.exchange = !noExchange
        let prepared = try territoryOptions.prepare()
        try FieldCheck.require(identityField.map { [$0] } ?? [], in: prepared.layer, file: territoryOptions.territories, flag: "--identity-field")
        analysis.identityField = identityField
        if let points {
            let layer = try Layers.read(points)
            try FieldCheck.require([pointsBy, pointsSum].compactMap { $0 }, in: layer, file: points, flag: "--points-by/--points-sum")
            analysis.points = PointTallies.Input(layer: layer, file: points, by: pointsBy, sum: pointsSum)
        }
        let siteContents = try input.read(sites)
        let chains = try chain.map { try ChainSpec.read(path: $0) }
        let yearStudy = try Study(territories: prepared, sites: try siteFields.prepare(siteContents, file: sites, chains: chains, in: prepared),
                              chains: chains,
                              grouping: prepared.populationCheck.filter(try Grouping.read(path: grouping), idField: territoryOptions.idField),
                              groupingFile: grouping, zoning: try zones.map { try Zoning.read(path: $0) })
        if seasonOptions.wholeYear {
            return try seasonOptions.coverageYear(analysis, study: yearStudy, chainPaths: chain, language: languageOption.language, output: outputOptions, reports: reportOptions,
                                                  overlaps: overlaps, noCircuit: noCircuit)
        }
        let study = try seasonOptions.apply(to: yearStudy, chainPaths: chain, language: languageOption.language)
        let result = try analysis.run(study)
        var coverage = CoverageReport(result, language: languageOption.language)
        coverage.circuitNames = study.grouping?.names
        NameWarnings.warn(circuits: study.grouping?.names, file: grouping, language: coverage.language)
        NameWarnings.warn(territories: prepared, language: coverage.language)
        let writer = try outputOptions.writer(crs: .wgs84)
        try writer.write(contentsOf: try coverage.circuits().features)
        try writer.finish()
        if let overlaps { try Layers.write(coverage.overlaps(), to: overlaps, geoJSON: outputOptions.writerOptions(crs: .wgs84)) }
        if let noCircuit { try Layers.write(coverage.unassigned(), to: noCircuit, geoJSON: outputOptions.writerOptions(crs: .wgs84)) }
        var territoryCounts = territoryOptions.counts(of: prepared)
        territoryCounts.output -= result.unassigned.count
        territoryCounts.reject(result.unassigned.count, "in no circuit")
        var siteCounts = siteContents.counts(of: sites, unit: "sites")
        siteCounts.output = result.sites - result.sitesOutsideChains - result.sitesLeftOut.count
        siteCounts.reject(result.sitesOutsideChains, "of no chain given")
        for reason in SitesLeftOut.Reason.allCases { siteCounts.reject(result.sitesLeftOut.sites[reason]?.count ?? 0, reason.rawValue) }
        let language = coverage.language
        for phrase in result.sitesLeftOut.phrases(in: language) { Diagnostics.write("\(sites): \(phrase)\n") }
        try reportOptions.write(markdown: coverage.markdown, html: coverage.html, json: FeatureCounts.adding([territoryCounts, siteCounts], to: coverage.json))
        let nodes = coverage.criticalNodes
        let products = nodes.filter { $0.kind == .product }.count, stages = nodes.count - products
        let surplus = result.circuits.reduce(0) { $0 + $1.products.filter { $0.exportableSurplus > 0 }.count }
        Diagnostics.write(language.text(.coverageTally(file: grouping, circuits: result.circuits.count, surplus: surplus, productShort: products,
                                                       stagesShort: stages, overlaps: result.overlaps.count, inNone: result.unassigned.count)) + "\n")
        for run in result.exchanges {
            Diagnostics.write(String(format: "%@: %.1f of %.1f %@ delivered by the exact distribution, %.1f moved between circuits%@\n", run.product,
                                     run.delivered, run.demand, run.unit.rawValue, run.moved, run.optimal ? "" : " (NOT certified optimal: \(run.notOptimalReason ?? "unknown"))"))
        }
        if let zoning = study.zoning, !result.circuitsInNoZone.isEmpty {
            Diagnostics.write(language.text(.circuitsInNoZoneWarning(file: zoning.file, count: result.circuitsInNoZone.count,
                                                                     first: result.circuitsInNoZone.prefix(10).joined(separator: ", "))) + "\n")
        }
        territoryCounts.report(in: language)
        siteCounts.report(in: language)
    }
}
