import ArgumentParser
import Foundation
import Geo
import GeoFormats
import Territory

extension SiteMethodName: ExpressibleByArgument {}

/// The `--method` names.
enum SiteMethodName: String, CaseIterable {
    case pMedian = "p-median", mclp, lscp, capacitated
}

struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Where to build: choose facility sites by p-median, maximal covering (MCLP), set covering (LSCP) or capacity.",
        discussion: """
            Demand units are the features of --demand (points, or polygons at their representative \
            point), weighted by --weight-field (else 1 each). Candidates come from a file or are \
            generated: generate:grid:5km (cell centres inside the demand polygons), generate:points \
            (the demand units' own places) or generate:nodes (road junctions and ends of --roads). \
            --existing facilities stay open and are not counted in --p. Cost is straight-line metres \
            in a metric CRS chosen for the data, or minutes along --roads. The JSON says whether the \
            solution is proved optimal (branch and bound over Lagrangian bounds) or the gap to the \
            bound it proved; demand units no candidate can serve are counted by reason.

            With --study, --circuit and --stage, the coverage stage balance of the circuit gives \
            the capacity the new facility needs (its "to add"), the demand is the circuit's \
            territories weighted by the chain's demand, and the candidates are their \
            representative points (by road when the study has roads; --method and --p apply).

            Examples:
              territorio site --demand geodata/territory/parishes.geojson --weight-field population \\
                --candidates generate:points --method p-median --p 3 -o chosen.geojson --json siting.json
              territorio site --demand geodata/territory/parishes.geojson --weight-field population \\
                --candidates generate:grid:5km --method mclp --p 2 --radius 10km -o covered.geojson
              territorio site --study out/demo/study.json --circuit C-EM01 --stage processing --product cheese -o plant.geojson --json plant.json
            """
    )

    @Option(help: ArgumentHelp("Demand units: points or polygons (GeoJSON, CSV or any GDAL vector file).", valueName: "file"))
    var demand: String?

    @Option(name: .customLong("demand-id-field"), help: ArgumentHelp("Property naming each demand unit (default: the feature id, else its index).", valueName: "name"))
    var demandID: String?

    @Option(name: .customLong("demand-id"), help: RenamedFlag.help("--demand-id-field"))
    var oldDemandID: String?

    @Option(name: .customLong("weight-field"), help: ArgumentHelp("Property of the demand holding its weight (people, tonnes); default 1 each.", valueName: "name"))
    var weightField: String?

    @Option(help: ArgumentHelp("Candidate sites: a file, or generate:grid:5km, generate:points, generate:nodes.", valueName: "file|generate:..."))
    var candidates: String?

    @Option(name: .customLong("candidate-id-field"), help: ArgumentHelp("Property naming each candidate (and existing facility); default the feature id, else its index.", valueName: "name"))
    var candidateID: String?

    @Option(name: .customLong("candidate-id"), help: RenamedFlag.help("--candidate-id-field"))
    var oldCandidateID: String?

    /// For --method capacitated: the candidates' and existing facilities'
    /// capacity, in the demand's unit, from the sites' --capacity-field.
    var capacityField: String? { method == .capacitated ? siteFields.capacity ?? "capacity" : nil }

    @Option(help: ArgumentHelp("p-median, mclp, lscp or capacitated (default p-median).", valueName: "method"))
    var method: SiteMethodName = .pMedian

    @Option(help: "New facilities to open (p-median, MCLP).")
    var p: Int = 1

    @Option(help: Length.help("Coverage radius in a straight line (MCLP, LSCP; capacitated: farthest service): 5km."),
            transform: Length.parser(flag: "--radius", example: "5km or 800m"))
    var radius: Length?

    @Option(help: ArgumentHelp("Coverage radius in minutes along --roads (MCLP, LSCP; capacitated: farthest service).", valueName: "minutes"))
    var minutes: Double?

    @Option(help: ArgumentHelp("Existing facilities (points), kept open and not counted in --p.", valueName: "file"))
    var existing: String?

    @Option(help: ArgumentHelp("Roads: cost in minutes of travel instead of straight-line metres.", valueName: "file"))
    var roads: String?

    @Option(name: .customLong("node-limit"), help: "Branch-and-bound nodes before giving up on proving optimality (the gap is reported).")
    var nodeLimit = 20_000

    @Option(help: ArgumentHelp("With --study: the circuit that is missing a facility.", valueName: "id"))
    var circuit: String?

    @Option(help: ArgumentHelp("With --circuit: the stage whose capacity to add the new facility gets (processing, collection, ...).", valueName: "stage"))
    var stage: String?

    @Option(help: ArgumentHelp("With --circuit, when the study has several chains: the chain's product.", valueName: "name"))
    var product: String?

    /// Applies to every point table the command reads, as ogr2ogr's open options apply to its input.
    @OptionGroup(title: "Reading --demand, --candidates, --existing and --sites (each)") var input: InputOptions

    @OptionGroup var territoryOptions: TerritoryOptions

    @Option(name: .customLong("grouping"), help: ArgumentHelp("With --circuit: CSV of territory_code,circuit_id.", valueName: "file"))
    var grouping: String?

    @Option(name: .customLong("sites"), help: ArgumentHelp("With --circuit: sites (points), for the coverage balance.", valueName: "file"))
    var sites: String?

    @Option(parsing: .singleValue, help: ArgumentHelp("With --circuit: chain spec (JSON); repeat for each product.", valueName: "file"))
    var chain: [String] = []

    @OptionGroup var graphOptions: RoadGraphOptions
    @OptionGroup var accessOptions: RoadAccessOptions
    @OptionGroup var siteFields: SiteFieldOptions
    @OptionGroup var reportOptions: ReportOptions
    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var languageOption: LanguageOption

    mutating func validate() throws {
        demandID = try RenamedFlag.fold(oldDemandID, "--demand-id", into: demandID, "--demand-id-field")
        candidateID = try RenamedFlag.fold(oldCandidateID, "--candidate-id", into: candidateID, "--candidate-id-field")
        if radius != nil, minutes != nil { throw ValidationError("give --radius or --minutes, not both") }
        guard p >= 1 else { throw ValidationError(Diagnostics.text(.usage(.atLeast(flag: "--p", minimum: "1", given: "\(p)")))) }
        guard nodeLimit >= 1 else { throw ValidationError("--node-limit must be at least 1") }
        if circuit != nil || stage != nil {
            guard circuit != nil, stage != nil else { throw ValidationError("--circuit and --stage go together") }
            guard demand == nil else { throw ValidationError("--circuit takes its demand from the circuit's territories: drop --demand") }
            // Not combined yet: say so rather than ignore them.
            for (flag, given) in [("--candidates", candidates != nil), ("--existing", existing != nil), ("--weight-field", weightField != nil), ("--demand-id-field", demandID != nil)] where given {
                throw ValidationError("\(flag) is not used with --circuit (the circuit's territories are the demand and the candidates): drop it")
            }
            guard method != .capacitated else { throw ValidationError("--circuit sites the missing capacity with p-median, mclp or lscp, not capacitated") }
            try applyStudy()
        } else {
            guard demand != nil else { throw ValidationError("give --demand FILE, or --study FILE --circuit ID --stage STAGE") }
            guard candidates != nil else { throw ValidationError("give --candidates FILE or generate:grid:5km, generate:points, generate:nodes") }
        }
        // A reach is in the cost's unit: metres in a straight line, minutes along roads.
        if minutes != nil, roads == nil { throw ValidationError("--minutes needs --roads (or roads in the --study file)") }
        if radius != nil, roads != nil { throw ValidationError("with --roads the cost is minutes: give the reach as --minutes, not --radius") }
        switch method {
        case .mclp, .lscp:
            if radius == nil, minutes == nil { throw ValidationError("--method \(method.rawValue) needs --radius (or --minutes with --roads)") }
        case .capacitated, .pMedian:
            break
        }
    }

    /// The study's territories, sites, chains, grouping and roads, for --circuit.
    private mutating func applyStudy() throws {
        let study = try territoryOptions.studyOption.load()
        try territoryOptions.apply(study)
        siteFields.apply(study)
        sites = try StudyOption.required(sites, study?.sites?.file, flag: "--sites", key: "sites", study: study)
        grouping = try StudyOption.required(grouping, study?.grouping, flag: "--grouping", key: "grouping", study: study)
        if chain.isEmpty { chain = study?.chains ?? [] }
        guard !chain.isEmpty else { throw ValidationError("--circuit needs the chain: --chain FILE, or \"chains\" in the --study file") }
        roads = roads ?? study?.roads?.file
        graphOptions.apply(study)
        accessOptions.apply(study)
    }

    func run() throws {
        let travel = try roads.map { try TravelTimes(graph: try graphOptions.graph(from: $0), access: try accessOptions.access()) }
        let input = try circuit != nil ? circuitInput(travel: travel) : SiteInputs(command: self).read(travel: travel)
        let siting = Siting(method: try sitingMethod(), nodeLimit: nodeLimit)
        let result: SitingResult
        do {
            result = try siting.run(input.problem)
        } catch let error as SitingError {
            throw CommandFailure(message: "\(input.demandFile): \(Diagnostics.describe(error))")
        }
        var report = SitingReport(result: result, problem: input.problem, candidatePositions: input.candidatePositions,
                                  crs: input.crs, costUnit: input.costUnit)
        report.extra = input.extra
        if let capacity = input.capacityToAdd {
            // The circuit's missing capacity, shared by the new facilities in proportion to the demand each serves.
            let served = report.served
            let total = result.chosen.reduce(0) { $0 + (served[$1]?.demand ?? 0) }
            for j in result.chosen { report.capacities[j] = total > 0 ? capacity * (served[j]?.demand ?? 0) / total : capacity / Double(result.chosen.count) }
        }
        let writer = try outputOptions.writer(crs: .wgs84)
        try writer.write(contentsOf: try report.layer().projected(to: .wgs84, file: input.demandFile).features)
        try writer.finish()
        var counts = FeatureCounts(input.demandFile, unit: "demand units", input: input.problem.demandCount + input.leftOut.values.reduce(0) { $0 + $1.count })
        counts.output = result.assignment.count
        for (reason, units) in input.leftOut.sorted(by: { $0.key < $1.key }) { counts.reject(units.count, reason) }
        for (reason, units) in result.unreachable.sorted(by: { $0.key < $1.key }) { counts.reject(units.count, reason) }
        try reportOptions.write(markdown: report.markdown, json: FeatureCounts.adding([counts], to: report.json))
        let proof = result.optimal ? "proved optimal" : "gap \(String(format: "%.4g", (result.gap ?? 0) * 100))% to the proved bound"
        Diagnostics.write("\(method.rawValue): objective \(String(format: "%.6g", result.objective)), \(result.chosen.count) chosen (\(result.chosen.map { input.problem.candidateIDs[$0] }.prefix(10).joined(separator: ", "))), \(proof), \(result.nodes) nodes\n")
        counts.report()
    }

    func sitingMethod() throws -> SitingMethod {
        let reach = minutes ?? radius?.metres
        switch method {
        case .pMedian: return .pMedian(p: p)
        case .mclp: return .maximalCovering(p: p, radius: reach!)
        case .lscp: return .setCovering(radius: reach!)
        case .capacitated: return .capacitated(radius: reach)
        }
    }

    private func circuitInput(travel: TravelTimes?) throws -> SiteInputs.Prepared {
        let prepared = try territoryOptions.prepare()
        let siteFile = sites!, groupingFile = grouping!
        let siteContents = try input.read(siteFile)
        let chains = try chain.map { try ChainSpec.read(path: $0) }
        var study = try Study(territories: prepared, sites: try siteFields.prepare(siteContents, file: siteFile, chains: chains, in: prepared),
                              chains: chains,
                              grouping: prepared.populationCheck.filter(try Grouping.read(path: groupingFile), idField: territoryOptions.idField),
                              groupingFile: groupingFile)
        study.travel = travel
        let coverage = try CircuitCoverage().run(study)
        guard let stageName = Stage(named: stage!) else {
            throw ValidationError("--stage \(stage!): not a stage name; stages: \(Stage.standard.map(\.rawValue).joined(separator: ", "))")
        }
        let setup: CircuitSiting.Setup
        do {
            setup = try CircuitSiting(circuit: circuit!, stage: stageName, product: product).setup(study, coverage: coverage)
        } catch let error as SitingError {
            throw CommandFailure(message: "\(groupingFile): \(error.description)")
        }
        var extra: JSONObject = [
            "circuit": .string(circuit!), "stage": .string(stageName.rawValue), "product": .string(setup.product),
            "capacity_to_add": .number(SitingReport.round(setup.capacityToAdd)), "capacity_unit": .string(setup.unit.rawValue),
            "circuit_demand": .number(SitingReport.round(setup.demand)),
        ]
        if setup.capacityToAdd == 0 { extra["note"] = .string("the circuit's \(stageName.rawValue) stage is not short of capacity: the site shown is where a new facility would serve its demand best") }
        return SiteInputs.Prepared(problem: setup.problem, candidatePositions: setup.candidatePositions, crs: setup.crs,
                                   costUnit: setup.costUnit, demandFile: territoryOptions.territories, leftOut: [:],
                                   capacityToAdd: setup.capacityToAdd, extra: extra)
    }
}
