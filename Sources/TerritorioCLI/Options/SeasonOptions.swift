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

    @Option(help: ArgumentHelp("all: run each month and report the year, with the worst month per circuit and product (coverage; distribute).", valueName: "all"))
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
        if wholeYear { throw ValidationError("catchment takes one --month M; run it once a month for the year (--months all is coverage's and distribute's)") }
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
    func coverageYear(_ analysis: CircuitCoverage, study: Study, chainPaths: [String], language: Language,
                      output: OutputOptions, reports: ReportOptions) throws {
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
        tally(seasonal.sites, language: language)
        let worst = result.circuits.flatMap(\.products).filter { ($0.worst?.selfSufficiency ?? 1) < 1 }.count
        Diagnostics.write("\(study.groupingFile): \(result.circuits.count) circuits through 12 months; \(worst) circuit-product pairs short in their worst month\n")
    }

    /// The report's page: its tables, each circuit's year as an inline SVG sparkline.
    static func html(_ report: SeasonalCoverageReport) throws -> String {
        var report = report
        report.sparklineImages = true
        let lines = report.sparklines
        var page = HTMLReport(language: report.language, markdown: report.markdown)
        page.imageFile = { file in
            guard file.hasPrefix("sparkline-"), let index = Int(file.dropFirst("sparkline-".count).dropLast(".svg".count)),
                  lines.indices.contains(index) else { return nil }
            return Array(lines[index].utf8)
        }
        return page.render().html
    }

    /// `distribute --months all`: the chain's distribution each month, the
    /// month-by-month figures in the report and JSON, the routes of the
    /// worst month (the least of the demand delivered) to -o.
    func distributeYear(_ distribution: Distribution, study: Study, chainPath: String, language: Language,
                        output: OutputOptions, reports: ReportOptions) throws {
        let seasonal = try seasonal(study, chainPaths: [chainPath])
        let result = try SeasonalDistribution(distribution).run(seasonal)
        let writer = try output.writer(crs: .wgs84)
        if let worst = result.worst, let sites = worst.study.sites {
            var report = DistributionReport(result: worst.result, chain: worst.study.chains[0], sites: sites.layer,
                                            territories: study.territories.layer, siteIDField: sites.idField,
                                            territoryIDField: study.territories.idField)
            report.language = language
            try writer.write(contentsOf: try report.lines().features)
        }
        try writer.finish()
        let markdown = result.markdown(language: language)
        try reports.write(markdown: markdown, html: { HTMLReport(language: language, markdown: markdown).render().html }, json: result.json)
        tally(seasonal.sites, language: language)
        for run in result.runs where !run.result.optimal {
            Diagnostics.warn("\(run.month.englishName): \(language.text(.distributionNotOptimalWarning(reason: run.result.notOptimalReason)))")
        }
        Diagnostics.write("\(result.product): 12 months distributed; worst month \(result.worst.map { $0.month.name(in: language) } ?? "none (no demand)")\n")
    }
}
