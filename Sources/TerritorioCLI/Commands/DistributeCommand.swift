import ArgumentParser
import Foundation
import Geo
import Territory

struct DistributeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "distribute",
        abstract: "Distribution routes that meet demand with the fewest tonnes through outside intermediaries.",
        discussion: """
            Builds the chain's layered network (each site to its --neighbours nearest sites of \
            the next stage, past skippable stages, and the last stage to the territories) and \
            solves it exactly as a min-cost flow: first as much demand met as capacities allow, \
            then the fewest tonnes through outside intermediaries, then the fewest tonne-km \
            (straight lines) or, with --roads, tonne-minutes along the roads. Writes one line per used link with its tonnes, and a report \
            against a baseline where, at every stage that has intermediaries, all the product \
            passes through one.

            Example:
              territorio distribute --sites geodata/territory/sites.geojson --territories geodata/territory/parishes.geojson \\
                --chain geodata/territory/chains/cheese.json -o cheese_routes.geojson --report cheese.md
            """
    )

    @Option(name: .customLong("sites"), help: ArgumentHelp("Sites (points) with product, stage, capacity, unit, owner.", valueName: "file"))
    var givenSites: String?

    @OptionGroup var territoryOptions: TerritoryOptions

    @Option(name: .customLong("chain"), help: ArgumentHelp("Chain spec (JSON).", valueName: "file"))
    var givenChain: String?

    // The flag's, or the study's (`applyStudy`).
    var sites: String { StudyOption.resolved(givenSites, flag: "--sites") }
    var chain: String { StudyOption.resolved(givenChain, flag: "--chain") }

    @Option(help: ArgumentHelp("Roads: links cost travel minutes along them, and the lines follow them.", valueName: "file"))
    var roads: String?

    @OptionGroup var graphOptions: RoadGraphOptions
    @OptionGroup var accessOptions: RoadAccessOptions

    @Option(help: "Links from each site to this many nearest sites of the next stage, and to territories.")
    var neighbours = 3

    @Option(name: .customLong("site-id-field"), help: ArgumentHelp("Property of the sites holding their id (default: the feature id).", valueName: "name"))
    var siteIDField: String?

    @OptionGroup var reportOptions: ReportOptions
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var siteFields: SiteFieldOptions

    mutating func validate() throws {
        try applyStudy()
        guard neighbours >= 1 else { throw ValidationError("--neighbours must be 1 or more, not \(neighbours)") }
    }

    func run() throws {
        let spec = try ChainSpec.read(path: chain)
        var distribution = Distribution(chain: spec)
        distribution.neighbours = neighbours
        let siteContents = try input.read(sites)
        try siteFields.check(siteContents.layer, file: sites)
        let prepared = try territoryOptions.prepare()
        try FieldCheck.require(siteIDField.map { [$0] } ?? [], in: siteContents.layer, file: sites, flag: "--site-id-field")
        let travel = try roads.map { roads in
            try TravelTimes(graph: try graphOptions.graph(from: roads, crs: prepared.metric), access: try accessOptions.access())
        }
        let study = try Study(territories: prepared, sites: try siteFields.prepare(siteContents, file: sites, idField: siteIDField, chains: [spec], in: prepared),
                              chains: [spec], travel: travel)
        let result = try distribution.run(study)
        let siteLayer = siteContents.layer, territoryLayer = prepared.layer
        let report = DistributionReport(result: result, chain: spec, sites: siteLayer, territories: territoryLayer,
                                        siteIDField: siteIDField, territoryIDField: territoryOptions.idField)
        let unlabelled = report.unlabelled
        if unlabelled.sites > 0 || unlabelled.territories > 0 {
            Diagnostics.warn("\(unlabelled.sites) sites and \(unlabelled.territories) territories in the results have no id, and are labelled # and their position in the file; give --site-id-field and --id-field")
        }

        let writer = try outputOptions.writer(crs: .wgs84)
        try writer.write(contentsOf: try report.lines().features)
        try writer.finish()
        var counts = siteContents.counts(of: sites, unit: "sites")
        counts.output = result.sitesInChain - result.unreachableSites.count
        counts.reject(siteLayer.count - result.sitesInChain, "not of this chain's products and stages")
        counts.reject(result.unreachableSites.count, "beyond --max-snap of the roads")
        if !result.unreachableTerritories.isEmpty {
            Diagnostics.warn("\(result.unreachableTerritories.count) of \(territoryLayer.count) territories are beyond --max-snap \(accessOptions.maxSnap) of the roads, so their demand is unmet: \(result.unreachableTerritories.prefix(10).map(report.territoryID).joined(separator: ", "))")
        }
        let territoryCounts = territoryOptions.counts(of: prepared)
        try reportOptions.write(markdown: report.markdown, json: FeatureCounts.adding([counts, territoryCounts], to: report.json))
        Diagnostics.write(report.summary + "\n")
        counts.report()
        territoryCounts.report()
    }
}
