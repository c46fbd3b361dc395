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

    @Option(help: ArgumentHelp("Sites (points) with product, stage, capacity, unit, owner.", valueName: "file"))
    var sites: String

    @Option(help: ArgumentHelp("Territories with their population (polygons).", valueName: "file"))
    var territories: String

    @Option(help: ArgumentHelp("Chain spec (JSON).", valueName: "file"))
    var chain: String

    @Option(help: ArgumentHelp("Roads: links cost travel minutes along them, and the lines follow them.", valueName: "file"))
    var roads: String?

    @Option(help: "Links from each site to this many nearest sites of the next stage, and to territories.")
    var neighbours = 3

    @Option(name: .customLong("population-field"), help: ArgumentHelp("Property of the territories holding the population.", valueName: "name"))
    var populationField = "population"

    @OptionGroup var reportOptions: ReportOptions
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var siteFields: SiteFieldOptions

    func run() throws {
        let spec = try ChainSpec.read(path: chain)
        var distribution = Distribution(chain: spec)
        distribution.neighbours = max(1, neighbours)
        distribution.populationField = populationField
        distribution.siteFields = siteFields.fields
        let siteContents = try input.read(sites)
        let siteLayer = siteContents.layer
        let territoryLayer = try Layers.read(territories)
        if let roads {
            distribution.roads = try RoadGraph(roads: try Layers.roads(roads), crs: try territoryLayer.metricCRS(), file: roads)
        }
        let result = try distribution.run(sites: siteLayer, territories: territoryLayer, sitesFile: sites, territoriesFile: territories)
        let report = DistributionReport(result: result, chain: spec, sites: siteLayer, territories: territoryLayer)

        let writer = try outputOptions.writer(crs: .wgs84)
        try writer.write(contentsOf: try report.lines().features)
        try writer.finish()
        var counts = siteContents.counts(of: sites, unit: "sites")
        counts.output = result.sitesInChain
        counts.reject(siteLayer.count - result.sitesInChain, "not of this chain's products and stages")
        try reportOptions.write(markdown: report.markdown, json: FeatureCounts.adding([counts], to: report.json))
        Diagnostics.write(report.summary + "\n")
        counts.report()
    }
}
