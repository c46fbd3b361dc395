import ArgumentParser
import Foundation
import Geo
import Reports
import Territory

struct DistributeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "distribute",
        abstract: "Distribution routes that meet demand with the fewest tonnes through outside intermediaries.",
        discussion: """
            The chain's complete layered network: every site may sell to every site of the next \
            stage (and past stages that may be skipped), the last stage to every territory. Solved \
            exactly as a min-cost flow: first as much demand met as capacities allow, then the \
            fewest tonnes through outside intermediaries, then the fewest tonne-km (straight lines) \
            or, with --roads, tonne-minutes along the roads. It starts from each site's \
            --neighbours nearest links and prices every link left out against the flow's node \
            prices, adding those that would improve it, until none would: the result is optimal \
            over every link, whatever --neighbours (a speed hint). Compared with a baseline: the \
            current trade from --sells-to-field, or else each actor selling to its nearest actor \
            of the next stage. With --grouping, figures by circuit and, with --od, the tonnes \
            moved between circuits; with --zones too, the same by zone (--od and --od-lines \
            also write FILE_zones.csv and LINES_zones.geojson, zone to zone).

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

    @Option(help: "Speed hint: each site starts linked to this many nearest sites of the next stage (and territories); pricing adds any other link the optimum needs, so the result never depends on it.")
    var neighbours = 3

    @Option(name: .customLong("sells-to-field"), help: ArgumentHelp("Property of the sites holding the id of the site (--site-id-field) or territory (--id-field) each sells to today: the baseline. Without it the baseline is each actor selling to its nearest actor of the next stage.", valueName: "name"))
    var sellsToField: String?

    @Option(help: ArgumentHelp("Grouping CSV (territory_code,circuit_id): baseline and optimised figures by circuit, and what each circuit exports and imports.", valueName: "file"))
    var grouping: String?

    @Option(help: ArgumentHelp("With --grouping: the circuit-to-circuit matrix of tonnes, from where the product is produced to where it is eaten (from_circuit,to_circuit,tonnes).", valueName: "file.csv"))
    var od: String?

    @Option(name: .customLong("od-lines"), help: ArgumentHelp("With --grouping: one line between each pair of circuits that trade, with its tonnes_month.", valueName: "file"))
    var odLines: String?

    @Option(help: ArgumentHelp("With --grouping: CSV of circuit_id,zone_id. Figures by zone too; --od and --od-lines also write the zone-to-zone matrix and lines next to theirs, named FILE_zones.", valueName: "file"))
    var zones: String?

    @Option(name: .customLong("site-id-field"), help: ArgumentHelp("Property of the sites holding their id (default: the feature id).", valueName: "name"))
    var siteIDField: String?

    @OptionGroup var reportOptions: ReportOptions
    @OptionGroup var languageOption: LanguageOption
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var siteFields: SiteFieldOptions
    @OptionGroup var seasonOptions: SeasonOptions

    mutating func validate() throws {
        try applyStudy()
        guard neighbours >= 1 else { throw ValidationError(Diagnostics.text(.usage(.atLeast(flag: "--neighbours", minimum: "1", given: "\(neighbours)")))) }
        if grouping == nil, od != nil || odLines != nil { throw ValidationError("--od and --od-lines need --grouping, the circuits to move product between") }
        if grouping == nil, zones != nil { throw ValidationError("--zones groups circuits; give --grouping too") }
    }

    func run() throws {
        let spec = try ChainSpec.read(path: chain)
        var distribution = Distribution(chain: spec)
        distribution.neighbours = neighbours
        distribution.sellsToField = sellsToField
        let siteContents = try input.read(sites)
        try siteFields.check(siteContents.layer, file: sites)
        let prepared = try territoryOptions.prepare()
        try FieldCheck.require(siteIDField.map { [$0] } ?? [], in: siteContents.layer, file: sites, flag: "--site-id-field")
        try FieldCheck.require(sellsToField.map { [$0] } ?? [], in: siteContents.layer, file: sites, flag: "--sells-to-field")
        // Each point meets its nearest road: one on an island of roads
        // reaches only that island, and is reported, never moved elsewhere.
        let travel = try roads.map { roads in
            try TravelTimes(graph: try graphOptions.graph(from: roads, crs: prepared.metric), access: try accessOptions.access(),
                            snapping: .nearestRoad)
        }
        let circuits = try grouping.map { prepared.populationCheck.filter(try Grouping.read(path: $0), idField: territoryOptions.idField) }
        let yearStudy = try Study(territories: prepared, sites: try siteFields.prepare(siteContents, file: sites, idField: siteIDField, chains: [spec], in: prepared),
                              chains: [spec], grouping: circuits, groupingFile: grouping ?? "<grouping>", travel: travel,
                              zoning: try zones.map { try Zoning.read(path: $0) })
        if seasonOptions.wholeYear {
            return try seasonOptions.distributeYear(distribution, study: yearStudy, chainPath: chain, language: languageOption.language, output: outputOptions, reports: reportOptions,
                                                    od: od, odLines: odLines)
        }
        let study = try seasonOptions.apply(to: yearStudy, chainPaths: [chain], language: languageOption.language)
        // The month's chain (its demandByMonth), as --months all runs each month.
        distribution.chain = study.chains[0]
        let progress = Progress("distributing \(spec.product)", unit: "solves so far")
        distribution.progress = { solves, _ in progress.update(solves) }
        let result = try distribution.run(study)
        progress.finish()
        // The month's sites when --month left idle ones out: the result counts sites as the study does.
        let siteLayer = study.sites?.layer ?? siteContents.layer, territoryLayer = prepared.layer
        var report = DistributionReport(result: result, chain: distribution.chain, sites: siteLayer, territories: territoryLayer,
                                        siteIDField: siteIDField, territoryIDField: territoryOptions.idField)
        report.language = languageOption.language
        report.territoryNameField = territoryOptions.nameField
        report.circuitNames = circuits?.names
        if let grouping { NameWarnings.warn(circuits: circuits?.names, file: grouping, language: report.language) }
        NameWarnings.warn(territories: prepared, language: report.language)
        if let circuits {
            report.exchange = try result.exchange(grouping: circuits, study: study)
            report.baselineExchange = try result.exchange(grouping: circuits, study: study, baseline: true)
            if let zoning = study.zoning {
                report.zoneExchange = try result.exchange(grouping: circuits, zoning: zoning, study: study)
                report.baselineZoneExchange = try result.exchange(grouping: circuits, zoning: zoning, study: study, baseline: true)
            }
        }
        let language = report.language
        if !result.optimal { Diagnostics.warn(language.text(.distributionNotOptimalWarning(reason: result.notOptimalReason))) }
        let unlabelled = report.unlabelled
        if unlabelled.sites > 0 || unlabelled.territories > 0 {
            Diagnostics.warn(language.text(.distributionUnlabelled(sites: unlabelled.sites, territories: unlabelled.territories)))
        }

        let writer = try outputOptions.writer(crs: .wgs84)
        try writer.write(contentsOf: try report.lines().features)
        try writer.finish()
        var counts = siteContents.counts(of: sites, unit: "sites")
        counts.output = result.sitesInChain - result.unreachableSites.count
        counts.reject(siteLayer.count - result.sitesInChain, "not of this chain's products and stages")
        counts.output -= result.cutOffSites.count
        counts.reject(result.unreachableSites.count, "beyond --max-snap of the roads")
        counts.reject(result.cutOffSites.count, "on a road component with none of their buyers")
        if !result.cutOffTerritories.isEmpty {
            Diagnostics.warn(language.text(.distributionCutOff(count: result.cutOffTerritories.count, of: territoryLayer.count,
                                                               first: result.cutOffTerritories.prefix(10).map(report.territoryID).joined(separator: ", "))))
        }
        if !result.unreachableTerritories.isEmpty {
            Diagnostics.warn(language.text(.distributionBeyondSnap(count: result.unreachableTerritories.count, of: territoryLayer.count,
                                                                   maxSnap: "\(accessOptions.maxSnap)",
                                                                   first: result.unreachableTerritories.prefix(10).map(report.territoryID).joined(separator: ", "))))
        }
        if let od, let csv = report.odCSV { try ReportOptions.writeText(csv, to: od) }
        if let odLines, let lines = try report.odLines() { try Layers.write(lines, to: odLines, geoJSON: outputOptions.writerOptions(crs: .wgs84)) }
        if let od, let csv = report.zoneODCSV { try ReportOptions.writeText(csv, to: Self.zonesPath(od)) }
        if let odLines, let lines = try report.zoneODLines() { try Layers.write(lines, to: Self.zonesPath(odLines), geoJSON: outputOptions.writerOptions(crs: .wgs84)) }
        let territoryCounts = territoryOptions.counts(of: prepared)
        try reportOptions.write(markdown: report.markdown, html: report.html, json: FeatureCounts.adding([counts, territoryCounts], to: report.json))
        Diagnostics.write(report.summary(in: language) + "\n")
        counts.report(in: language)
        territoryCounts.report(in: language)
    }

    /// `od.csv` → `od_zones.csv`: where the zone-to-zone matrix or lines go.
    static func zonesPath(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension, stem = url.deletingPathExtension().lastPathComponent + "_zones"
        let name = ext.isEmpty ? stem : stem + "." + ext
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? name : folder + "/" + name
    }
}
