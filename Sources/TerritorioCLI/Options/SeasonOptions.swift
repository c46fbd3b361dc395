import ArgumentParser
import Foundation
import Geo
import Reports
import Territory

/// `--month M` and `--months all` (coverage, distribute, catchment
/// --method capacity), and the sites' season and storage fields. A month
/// makes the study of that month (`SeasonalStudy`), on which the command
/// runs as it always does; `all` runs the twelve and reports the year.
/// Without either flag nothing changes.
struct SeasonOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Run on one month's capacities and demand: 1-12 or a month's name (marzo, March). Sites' season profiles and the chains' \"demandByMonth\" apply.", valueName: "month"))
    var month: String?

    @Option(help: ArgumentHelp("all: run each month and report the year, with the worst month per circuit and product (coverage; distribute, per circuit with --grouping, --od for the worst month; catchment --method capacity, people fed by month).", valueName: "all"))
    var months: String?

    @Option(name: .customLong("season-field"), help: ArgumentHelp("Sites: property naming the site's season (one of the chains' \"seasons\") or holding 12 shares of its annual capacity, January first (default: season; a site without one is flat).", valueName: "name"))
    var seasonField: String?

    @Option(name: .customLong("storage-field"), help: ArgumentHelp("Sites: property holding the stock a site can carry from one month to the next, in its unit (default: storage_capacity).", valueName: "name"))
    var storageField: String?

    mutating func validate() throws {
        if month != nil, months != nil { throw ValidationError("give --month M or --months all, not both") }
        if let month, Month.parse(month) == nil {
            throw ValidationError("--month \(month): give 1-12 or a month's name (enero, January, ...)")
        }
        if let months, months.lowercased() != "all" { throw ValidationError("--months takes all (for one month, --month M)") }
    }

    /// The month asked for, if one.
    var selected: Month? { month.flatMap(Month.parse) }
    /// Whether the whole year was asked for.
    var wholeYear: Bool { months != nil }

    /// The study through the year: each chain's seasons read from its file
    /// (`chainPaths`, in the study's chain order), the sites' profiles and storage.
    func seasonal(_ study: Study, chainPaths: [String]) throws -> SeasonalStudy {
        guard let sites = study.sites else { throw CommandFailure(message: "seasons apply to the sites; give --sites") }
        if let seasonField { try FieldCheck.require(seasonField, in: sites.layer, file: sites.file, flag: "--season-field") }
        if let storageField { try FieldCheck.require(storageField, in: sites.layer, file: sites.file, flag: "--storage-field") }
        let chainSeasons = try zip(study.chains, chainPaths).map { chain, path in
            try ChainSeasons.parse(SpecFiles.read(path), name: path, product: chain.product)
        }
        let named = try SeasonalStudy.namedSeasons(chainSeasons) { product in
            zip(study.chains, chainPaths).first { $0.0.product == product }?.1 ?? product
        }
        let seasonalSites = try SeasonalSites(sites.layer, file: sites.file, capacityField: sites.fields.capacity,
                                              seasonField: seasonField ?? "season", storageField: storageField ?? "storage_capacity",
                                              seasons: named)
        return try SeasonalStudy(base: study, sites: seasonalSites, chainSeasons: chainSeasons)
    }

    /// The study of `--month`, or `study` as it is without the flag.
    func apply(to study: Study, chainPaths: [String], language: Language = .from()) throws -> Study {
        guard let month = selected else { return study }
        let seasonal = try seasonal(study, chainPaths: chainPaths)
        let monthly = try seasonal.month(month)
        tally(seasonal.sites, language: language)
        Diagnostics.write(language.text(.season(.monthTally(month: month.name(in: language), idle: monthly.sites.idle.count))) + "\n")
        return monthly.study
    }

    /// A facilities layer as it stands in `--month` (catchment), with the
    /// positions of the features kept; as it is without the flag.
    func apply(to layer: Layer, positions: [Int], file: String, capacityField: String, chainPath: String?, product: String?,
               language: Language = .from()) throws -> (layer: Layer, positions: [Int]) {
        // --months all runs the year on the whole layer (catchmentYear).
        guard let month = selected else { return (layer, positions) }
        if let seasonField { try FieldCheck.require(seasonField, in: layer, file: file, flag: "--season-field") }
        let seasons = try chainPath.map { try ChainSeasons.parse(SpecFiles.read($0), name: $0, product: product ?? "") }
        let sites = try SeasonalSites(layer, file: file, capacityField: capacityField, seasonField: seasonField ?? "season",
                                      storageField: storageField ?? "storage_capacity", seasons: seasons?.seasons ?? [:])
        let monthly = sites.month(month)
        tally(sites, language: language)
        Diagnostics.write(language.text(.season(.monthTally(month: month.name(in: language), idle: monthly.idle.count))) + "\n")
        return (monthly.layer, monthly.kept.map { positions[$0] })
    }

    /// `catchment --method capacity --months all`: the people fed each
    /// month, per facility and in all, and the worst month; -o gets every
    /// month's catchments with their `month` and the facility's
    /// `people_fed_01..12` and `worst_month`.
    func catchmentYear(_ analysis: CatchmentAnalysis, facilities layer: Layer, positions: [Int], file: String, capacityField: String,
                       chainPath: String?, territories: StudyTerritories, language: Language = .from(),
                       output: OutputOptions, reports: ReportOptions) throws {
        guard let chainPath, let chain = analysis.chain else { throw ValidationError("--months all feeds people month by month: give --chain") }
        if let seasonField { try FieldCheck.require(seasonField, in: layer, file: file, flag: "--season-field") }
        let seasons = try ChainSeasons.parse(SpecFiles.read(chainPath), name: chainPath, product: chain.product)
        let sites = try SeasonalSites(layer, file: file, capacityField: capacityField, seasonField: seasonField ?? "season",
                                      storageField: storageField ?? "storage_capacity", seasons: seasons.seasons)
        let result = try SeasonalCatchment(analysis, seasons: seasons).run(sites, positions: positions, in: territories)
        let writer = try output.writer(crs: .wgs84)
        try writer.write(contentsOf: try result.layer().features)
        try writer.finish()
        let markdown = result.markdown(language: language)
        try reports.write(markdown: markdown, html: { HTMLReport(language: language, markdown: markdown).render().html }, json: result.json)
        tally(sites, language: language)
        let worst = result.worst.map { "\($0.month.name(in: language)), \(Int($0.fed)) people fed" } ?? "none"
        Diagnostics.write("\(file): \(layer.count) facilities through 12 months; worst month \(worst) of \(Int(result.populationTotal))\n")
    }

    /// The chain as it stands in `--month` (its `demandByMonth`), or as it is without the flag.
    func chain(_ chain: ChainSpec?, path: String?) throws -> ChainSpec? {
        guard let month = selected, let chain, let path else { return chain }
        return try ChainSeasons.parse(SpecFiles.read(path), name: path, product: chain.product).chain(chain, in: month)
    }

    func tally(_ sites: SeasonalSites, language: Language) {
        Diagnostics.write(language.text(.season(.tally(file: sites.file, withProfile: sites.withProfile, flat: sites.flat, storing: sites.storing))) + "\n")
    }

    /// `coverage --months all`: the year of `analysis` on `study`, written
    /// to the command's outputs (the circuits with their worst months to
    /// -o, the report in Markdown or HTML, the JSON).
    /// `overlaps` and `noCircuit` (--overlaps, --no-circuit) depend on the
    /// grouping only, not on the month: written as without --months.
    func coverageYear(_ analysis: CircuitCoverage, study: Study, chainPaths: [String], language: Language,
                      output: OutputOptions, reports: ReportOptions, overlaps: String? = nil, noCircuit: String? = nil) throws {
        if analysis.points != nil || analysis.identityField != nil {
            throw ValidationError("--months all reports each circuit's year; --points and --identity-field do not change by month: run them without --months, or with --month M")
        }
        let seasonal = try seasonal(study, chainPaths: chainPaths)
        var year = SeasonalCoverage()
        year.coverage = analysis
        let result = try year.run(seasonal)
        var report = SeasonalCoverageReport(result, language: language)
        report.circuitNames = study.grouping?.names
        let writer = try output.writer(crs: .wgs84)
        try writer.write(contentsOf: try report.circuits().features)
        try writer.finish()
        try reports.write(markdown: report.markdown, html: { try Self.html(report) }, json: report.json)
        if overlaps != nil || noCircuit != nil, let first = result.months.first, let month = result.coverage[first] {
            let coverage = CoverageReport(month, language: language)
            if let overlaps { try Layers.write(coverage.overlaps(), to: overlaps) }
            if let noCircuit { try Layers.write(coverage.unassigned(), to: noCircuit) }
        }
        tally(seasonal.sites, language: language)
        let worst = result.circuits.flatMap(\.products).filter { ($0.worst?.selfSufficiency ?? 1) < 1 }.count
        Diagnostics.write("\(study.groupingFile): \(result.circuits.count) circuits through 12 months; \(worst) circuit-product pairs short in their worst month\n")
    }

    /// The report's page: its tables, each circuit's year as an inline SVG sparkline.
    static func html(_ report: SeasonalCoverageReport) throws -> String {
        var report = report
        report.sparklineImages = true
        return SparklinePage.html(language: report.language, markdown: report.markdown, sparklines: report.sparklines)
    }

    /// `distribute --months all`: the chain's distribution each month, the
    /// month-by-month figures in the report and JSON, the routes of the
    /// worst month (the least of the demand delivered) to -o, and that
    /// month's circuit-to-circuit tonnes to `od` and `odLines` (--od,
    /// --od-lines; with --zones the zones' next to them, as without --months).
    func distributeYear(_ distribution: Distribution, study: Study, chainPath: String, language: Language,
                        output: OutputOptions, reports: ReportOptions, od: String? = nil, odLines: String? = nil) throws {
        let seasonal = try seasonal(study, chainPaths: [chainPath])
        let result = try SeasonalDistribution(distribution).run(seasonal)
        let writer = try output.writer(crs: .wgs84)
        if let worst = result.worst, let sites = worst.study.sites {
            var report = DistributionReport(result: worst.result, chain: worst.study.chains[0], sites: sites.layer,
                                            territories: study.territories.layer, siteIDField: sites.idField,
                                            territoryIDField: study.territories.idField)
            report.language = language
            try writer.write(contentsOf: try report.lines().features)
            if let circuits = study.grouping, od != nil || odLines != nil {
                report.circuitNames = circuits.names
                report.exchange = try worst.result.exchange(grouping: circuits, study: worst.study)
                if let zoning = study.zoning { report.zoneExchange = try worst.result.exchange(grouping: circuits, zoning: zoning, study: worst.study) }
                if let od, let csv = report.odCSV { try ReportOptions.writeText(csv, to: od) }
                if let odLines, let lines = try report.odLines() { try Layers.write(lines, to: odLines) }
                if let od, let csv = report.zoneODCSV { try ReportOptions.writeText(csv, to: DistributeCommand.zonesPath(od)) }
                if let odLines, let lines = try report.zoneODLines() { try Layers.write(lines, to: DistributeCommand.zonesPath(odLines)) }
            }
        } else if od != nil || odLines != nil {
            throw CommandFailure(message: "\(chainPath): no month has demand, so there is no worst month for --od/--od-lines")
        }
        try writer.finish()
        var markdown = result.markdown(language: language), json = result.json
        // With --grouping: each circuit's demand and delivered, month by month, and its worst month.
        if let grouping = study.grouping {
            let circuits = result.circuits(grouping: grouping)
            markdown += "\n" + SeasonalDistribution.Result.circuitsMarkdown(circuits, unit: language.name(of: result.unit), language: language)
            if case .object(var object) = json {
                object["circuits"] = SeasonalDistribution.Result.circuitsJSON(circuits)
                json = .object(object)
            }
        }
        try reports.write(markdown: markdown, html: { HTMLReport(language: language, markdown: markdown).render().html }, json: json)
        tally(seasonal.sites, language: language)
        for run in result.runs where !run.result.optimal {
            Diagnostics.warn("\(run.month.englishName): \(language.text(.distributionNotOptimalWarning(reason: run.result.notOptimalReason)))")
        }
        Diagnostics.write("\(result.product): 12 months distributed; worst month \(result.worst.map { $0.month.name(in: language) } ?? "none (no demand)")\n")
    }
}
