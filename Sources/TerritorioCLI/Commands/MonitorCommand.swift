import ArgumentParser
import Foundation
import Geo
import Reports
import Territory

/// `territorio monitor`: the circuits over dated snapshots of the sites
/// (`CircuitMonitor` in Territory/Monitoring); this file reads the
/// snapshots and writes what the analysis returns.
struct MonitorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor",
        abstract: "Circuits over time: actors per stage, capacity, self-supply, surplus and people fed at each dated snapshot of the sites.",
        discussion: """
            --snapshots is a folder of registry files, one per date, the date in the name \
            (sites_2025-01.geojson, sites_2025-04-15.csv), or one file whose --date-field gives each \
            site's date. Per circuit (and zone) and product, at each date: the actors per stage, the \
            chain's capacity (its weakest stage that cannot be skipped), self-supply, exportable \
            surplus and people fed; with --intermediated, the tonnes reaching each circuit through \
            intermediaries (each chain's exact distribution at each date: slow). Actors new and \
            vanished from one date to the next are listed by site id. --milestones (a CSV of \
            territory, milestone, date), or --milestone-field with --milestone-date-field or \
            --milestone-date (the territories' own field), with --route (the ordered milestones, JSON) gives each \
            territory's progress category at each date, counted in the report and mapped with \
            --progress-map.

            Example:
              territorio monitor --study geodata/territory/seasons/study.json \\
                --snapshots geodata/territory/seasons/snapshots --csv series.csv --json series.json \\
                --report monitor.html --route geodata/territory/seasons/milestones.json \\
                --milestones geodata/territory/seasons/milestones.csv --progress-map progress.geojson
            """
    )

    @OptionGroup var territoryOptions: TerritoryOptions

    @Option(name: .customLong("grouping"), help: ArgumentHelp("CSV of territory_code,circuit_id.", valueName: "file"))
    var givenGrouping: String?
    var grouping: String { StudyOption.resolved(givenGrouping, flag: "--grouping") }

    @Option(parsing: .singleValue, help: ArgumentHelp("Chain spec (JSON); repeat for each product.", valueName: "file"))
    var chain: [String] = []

    @Option(help: ArgumentHelp("CSV of circuit_id,zone_id: economic zones grouping the circuits.", valueName: "file"))
    var zones: String?

    @Option(help: ArgumentHelp("A folder of dated registry files (sites_2025-01.geojson, ...), or one file with --date-field.", valueName: "path"))
    var snapshots: String

    @Option(name: .customLong("date-field"), help: ArgumentHelp("--snapshots is one file; this property gives each site's date (2025-01 or 2025-01-15).", valueName: "name"))
    var dateField: String?

    @Option(name: .customLong("site-id-field"), help: ArgumentHelp("Sites: property holding each site's id, to tell new and vanished actors (default: the feature id).", valueName: "name"))
    var siteIDField: String?

    @Flag(help: "Also the tonnes reaching each circuit through intermediaries (runs each chain's exact distribution at each date: slow).")
    var intermediated = false

    @Option(help: ArgumentHelp("CSV of territory,milestone,date: when each territory reached each milestone of --route.", valueName: "file"))
    var milestones: String?

    @Option(name: .customLong("milestone-field"), help: ArgumentHelp("Instead of --milestones: the territories' property holding the furthest milestone of --route each has reached (empty: none yet).", valueName: "name"))
    var milestoneField: String?

    @Option(name: .customLong("milestone-date-field"), help: ArgumentHelp("With --milestone-field: the territories' property holding the date each reached it (2025-03 or 2025-03-15).", valueName: "name"))
    var milestoneDateField: String?

    @Option(name: .customLong("milestone-date"), help: ArgumentHelp("With --milestone-field: one date for every territory's milestone (the survey's date).", valueName: "YYYY-MM"))
    var milestoneDate: String?

    @Option(help: ArgumentHelp("The progress route (JSON): {\"name\": ..., \"milestones\": [in order]}.", valueName: "file"))
    var route: String?

    @Option(name: .customLong("progress-map"), help: ArgumentHelp("Write each territory's progress category at each date here (a layer for render --color-by category).", valueName: "file"))
    var progressMap: String?

    @Option(help: ArgumentHelp("Write the series as a CSV table here.", valueName: "file"))
    var csv: String?

    @Option(name: .customLong("household-size"), help: "People per family.")
    var householdSize = 4.0

    @OptionGroup var reportOptions: ReportOptions
    @OptionGroup var languageOption: LanguageOption
    @OptionGroup var siteFields: SiteFieldOptions

    mutating func validate() throws {
        let study = try territoryOptions.studyOption.load()
        try territoryOptions.apply(study)
        siteFields.apply(study)
        givenGrouping = try StudyOption.required(givenGrouping, study?.grouping, flag: "--grouping", key: "grouping", study: study)
        if chain.isEmpty { chain = study?.chains ?? [] }
        zones = zones ?? study?.zones
        siteIDField = siteIDField ?? study?.sites?.idField
        guard !chain.isEmpty else { throw ValidationError("name at least one --chain (or \"chains\" in the --study file)") }
        if milestoneField != nil, milestones != nil { throw ValidationError("give --milestones (a CSV) or --milestone-field (the territories'), not both") }
        if milestoneField == nil, milestoneDateField != nil || milestoneDate != nil {
            throw ValidationError("--milestone-date-field and --milestone-date date the territories' --milestone-field; give it too")
        }
        if milestoneField != nil, (milestoneDateField == nil) == (milestoneDate == nil) {
            throw ValidationError("--milestone-field needs its dates: --milestone-date-field NAME (each territory's) or --milestone-date YYYY-MM (one for all), one of the two")
        }
        let given = milestones != nil || milestoneField != nil
        guard given == (route != nil) else { throw ValidationError("--milestones (or --milestone-field) and --route go together: the dates and the route they follow") }
        guard progressMap == nil || given else { throw ValidationError("--progress-map needs --milestones (or --milestone-field) and --route") }
        guard householdSize > 0 else { throw ValidationError("--household-size must be positive") }
    }

    func run() throws {
        let language = languageOption.language
        let prepared = try territoryOptions.prepare()
        let chains = try chain.map { try ChainSpec.read(path: $0) }
        let dated = try readSnapshots()
        guard let first = dated.first else {
            throw CommandFailure(message: "\(snapshots): no snapshot; name files with their date (sites_2025-01.geojson), or give one file and --date-field")
        }
        for snapshot in dated {
            try siteFields.check(snapshot.layer, file: snapshot.file)
            try FieldCheck.require(siteIDField.map { [$0] } ?? [], in: snapshot.layer, file: snapshot.file, flag: "--site-id-field")
        }
        let study = try Study(territories: prepared,
                              sites: try StudySites(first.layer, file: first.file, fields: siteFields.fields(for: chains), idField: siteIDField, in: prepared),
                              chains: chains,
                              grouping: prepared.populationCheck.filter(try Grouping.read(path: grouping), idField: territoryOptions.idField),
                              groupingFile: grouping, zoning: try zones.map { try Zoning.read(path: $0) })
        var monitor = CircuitMonitor()
        monitor.coverage.householdSize = householdSize
        monitor.intermediated = intermediated
        let result = try monitor.run(study, snapshots: dated)
        var report = MonitorReport(result, language: language)
        report.circuitNames = study.grouping?.names
        if let route {
            let spec = try ProgressRoute.parse(SpecFiles.read(route), name: route)
            let records: MilestoneRecords
            if let milestoneField {
                try FieldCheck.require([milestoneField] + (milestoneDateField.map { [$0] } ?? []), in: prepared.layer, file: prepared.file,
                                       flag: "--milestone-field/--milestone-date-field")
                let date: MilestoneRecords.MilestoneDate = milestoneDateField.map { .field($0) } ?? .given(milestoneDate ?? "")
                records = try MilestoneRecords(territories: prepared, field: milestoneField, date: date, route: spec)
            } else {
                let milestones = milestones ?? ""
                records = try MilestoneRecords(try CSVTable.read(path: milestones), file: milestones, route: spec, territories: prepared)
            }
            report.progress = (spec, records.counts(on: result.dates, territories: prepared))
            if let progressMap { try Layers.write(try records.layer(on: result.dates, territories: prepared), to: progressMap) }
        }
        if let csv { try ReportOptions.writeText(report.csv, to: csv) }
        try reportOptions.write(markdown: report.markdown, html: { Self.html(report) }, json: report.json)
        let new = result.changes.reduce(0) { $0 + $1.new.count }, vanished = result.changes.reduce(0) { $0 + $1.vanished.count }
        Diagnostics.write(language.text(.season(.monitorTally(snapshots: dated.count, circuits: study.grouping?.circuits.count ?? 0,
                                                              new: new, vanished: vanished))) + "\n")
        for date in result.dates where (result.sitesLeftOut[date] ?? 0) > 0 {
            Diagnostics.warn("\(date): \(result.sitesLeftOut[date]!) sites outside every territory or in a territory of no circuit, left out")
        }
    }

    /// The snapshots: one file split by --date-field, or each dated file of the folder.
    func readSnapshots() throws -> [Snapshot] {
        if let dateField {
            let layer = try Layers.read(snapshots)
            try FieldCheck.require(dateField, in: layer, file: snapshots, flag: "--date-field")
            return try Snapshot.split(layer, field: dateField, file: snapshots)
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: snapshots, isDirectory: &isFolder), isFolder.boolValue else {
            throw CommandFailure(message: "\(snapshots): not a folder; give a folder of dated files, or one file with --date-field")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: snapshots).sorted()
        var undated: [String] = []
        var result: [Snapshot] = []
        for name in names where !name.hasPrefix(".") {
            let path = (snapshots as NSString).appendingPathComponent(name)
            guard let date = Snapshot.date(inFileName: name) else { undated.append(name); continue }
            result.append(Snapshot(date: date, file: path, layer: try Layers.read(path)))
        }
        if !undated.isEmpty { Diagnostics.warn("\(snapshots): \(undated.count) files without a date in their name, left out: \(undated.prefix(5).joined(separator: ", "))") }
        return try Snapshot.ordered(result)
    }

    /// The report's page, each series' sparkline as an inline SVG.
    static func html(_ report: MonitorReport) -> String {
        var report = report
        report.sparklineImages = true
        return SparklinePage.html(language: report.language, markdown: report.markdown, sparklines: report.sparklines)
    }
}
