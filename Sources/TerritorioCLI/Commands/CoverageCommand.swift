import ArgumentParser
import Foundation
import Geo
import Territory

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "How well each circuit covers its people: demand, supply by stage, bottleneck, surplus, intermediaries.",
        discussion: """
            A circuit is the set of territories the grouping CSV (territory_code,circuit_id) gives \
            it. For each circuit and chain: population and families, demand, each stage's capacity \
            in final product, supply (the weakest stage that cannot be skipped: the bottleneck), \
            missing stages, self-sufficiency, surplus or deficit and the neighbouring circuits \
            short of the product, the people within --radius of its own distribution and retail \
            points, and the share of each stage held by outside intermediaries. Territories in two \
            circuits and in none come out as their own layers.

            Example:
              territorio coverage --territories geodata/territory/parishes.geojson --id-field code \\
                --grouping geodata/territory/groupings/circuits_by_municipality.csv \\
                --sites geodata/territory/sites.geojson --chain geodata/territory/chains/cheese.json \\
                --chain geodata/territory/chains/maize_flour.json -o circuits.geojson --report report.md
            """
    )

    @OptionGroup var territoryOptions: TerritoryOptions

    @Option(help: ArgumentHelp("CSV of territory_code,circuit_id.", valueName: "file"))
    var grouping: String

    @Option(help: ArgumentHelp("Sites (points): GeoJSON, CSV or any GDAL vector file.", valueName: "file"))
    var sites: String

    @Option(parsing: .singleValue, help: ArgumentHelp("Chain spec (JSON); repeat for each product.", valueName: "file"))
    var chain: [String] = []

    static let defaultRadius = Length.given("5km")

    @Option(help: Length.help("Reach of distribution and retail points: 5km, 800m.", default: defaultRadius),
            transform: Length.parser(flag: "--radius", example: "800m or 5km"))
    var radius = Self.defaultRadius

    @Option(name: .customLong("household-size"), help: "People per family.")
    var householdSize = 4.0

    @Option(help: ArgumentHelp("Write territories listed in more than one circuit here.", valueName: "file"))
    var overlaps: String?

    @Option(name: .customLong("no-circuit"), help: ArgumentHelp("Write territories in no circuit here.", valueName: "file"))
    var noCircuit: String?

    @OptionGroup var reportOptions: ReportOptions
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var siteFields: SiteFieldOptions

    func validate() throws {
        guard !chain.isEmpty else { throw ValidationError("name at least one --chain") }
        guard householdSize > 0 else { throw ValidationError("--household-size must be positive") }
    }

    func run() throws {
        var analysis = CircuitCoverage()
        analysis.householdSize = householdSize
        analysis.radius = radius.metres
        let prepared = try territoryOptions.prepare()
        let siteContents = try input.read(sites)
        let study = try Study(territories: prepared, sites: try siteFields.prepare(siteContents, file: sites, in: prepared),
                              chains: try chain.map { try ChainSpec.read(path: $0) },
                              grouping: prepared.populationCheck.filter(try Grouping.read(path: grouping), idField: territoryOptions.idField),
                              groupingFile: grouping)
        let result = try analysis.run(study)
        let coverage = CoverageReport(result)
        let writer = try outputOptions.writer(crs: .wgs84)
        try writer.write(contentsOf: try coverage.circuits().features)
        try writer.finish()
        if let overlaps { try Layers.write(coverage.overlaps(), to: overlaps) }
        if let noCircuit { try Layers.write(coverage.unassigned(), to: noCircuit) }
        var territoryCounts = territoryOptions.counts(of: prepared)
        territoryCounts.output -= result.unassigned.count
        territoryCounts.reject(result.unassigned.count, "in no circuit")
        var siteCounts = siteContents.counts(of: sites, unit: "sites")
        siteCounts.output = result.sites - result.sitesOutsideChains - result.sitesLeftOut.count
        siteCounts.reject(result.sitesOutsideChains, "of no chain given")
        for reason in SitesLeftOut.Reason.allCases { siteCounts.reject(result.sitesLeftOut.sites[reason]?.count ?? 0, reason.rawValue) }
        for phrase in result.sitesLeftOut.phrases { Diagnostics.write("\(sites): \(phrase)\n") }
        try reportOptions.write(markdown: coverage.markdown, json: FeatureCounts.adding([territoryCounts, siteCounts], to: coverage.json))
        let critical = coverage.criticalNodes.count
        Diagnostics.write("\(grouping): \(result.circuits.count) circuits, \(critical) circuit-product pairs short of demand, \(result.overlaps.count) territories in two circuits, \(result.unassigned.count) in none\n")
        territoryCounts.report()
        siteCounts.report()
    }
}
