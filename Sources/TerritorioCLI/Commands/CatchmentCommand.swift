import ArgumentParser
import Foundation
import Geo
import Territory

extension CatchmentAnalysis.Method: ExpressibleByArgument {}

struct CatchmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catchment",
        abstract: "Which territory each facility serves, with its population, demand and utilisation.",
        discussion: """
            buffer: a disc of --radius around each facility; voronoi: the area nearer to it than \
            to any other; nearest: each territory unit whole, to the facility nearest its \
            representative point; network: the same by travel time along --roads; capacity: \
            the facilities' capacity feeds the territories' people with the least travel, wherever \
            they are (min-cost flow; needs --chain): capacity left after the nearest territories feeds \
            the next ones until capacity or people run out, within --max-distance when given; each \
            unit whole to the facility feeding most of it, or, fed by none, to the nearest one. Catchments \
            are clipped to the territories; the area no catchment covers is written too \
            (kind = uncovered). Population comes from the territories by areal interpolation \
            (summed whole for nearest and network). With --chain, each \
            catchment also gets the demand of its population and the facility's utilisation.

            --json and --report count every person once: population_total = people_in_catchments \
            + people_outside and, for capacity, = people_fed + people_unfed + people_outside, \
            exactly, with capacity_people (the people the capacity could feed) and the families \
            fed; stderr prints the same accounting in one line.

            Examples:
              territorio catchment --sites geodata/territory/sites.geojson --where "stage == 'collection' and product == 'milk'" --method voronoi --territories geodata/territory/parishes.geojson --chain geodata/territory/chains/cheese.json -o milk_catchments.geojson
              territorio catchment --sites stores.geojson --method buffer --radius 2km --territories parishes.geojson -o stores_2km.geojson
              territorio catchment --sites geodata/circuits/food_circuits.geojson --method capacity --chain geodata/circuits/food_basket.json --territories geodata/territory/parishes.geojson -o fed.geojson --json fed.json
            """
    )

    @Option(name: .customLong("sites"), help: ArgumentHelp("The facilities: sites (points), GeoJSON, CSV or any GDAL vector file (default: the --study file's sites).", valueName: "file"))
    var givenFacilities: String?

    @Option(name: .customLong("facilities"), help: RenamedFlag.help("--sites"))
    var oldFacilities: String?

    /// The flag's, or the study's sites (`applyStudy`).
    var facilities: String { StudyOption.resolved(givenFacilities, flag: "--sites") }

    @Option(name: .customLong("where"), help: ArgumentHelp("Keep the facilities whose properties match.", valueName: "expression"))
    var whereExpression: String?

    @Option(help: "buffer, voronoi, nearest, network or capacity.")
    var method: CatchmentAnalysis.Method

    @Option(help: Length.help("Radius of buffer catchments: 800m, 5km.", default: .given("5km")),
            transform: Length.parser(flag: "--radius", example: "800m or 5km", positive: true))
    var radius = Length.given("5km")

    @Option(name: .customLong("max-distance"),
            help: Length.help("For --method capacity: a facility feeds no territory farther than this (straight line to its representative point; default: any distance)."),
            transform: Length.parser(flag: "--max-distance", example: "10km", positive: true))
    var maxDistance: Length?

    @Option(name: .customLong("household-size"), help: ArgumentHelp("People per family, for families_fed and capacity_families (default: 4).", valueName: "people"))
    var givenFamilySize: Double?

    @Option(name: .customLong("family-size"), help: RenamedFlag.help("--household-size"))
    var oldFamilySize: Double?

    var familySize: Double { givenFamilySize ?? 4 }

    @OptionGroup var territoryOptions: TerritoryOptions

    @Option(help: ArgumentHelp("Chain spec (JSON): adds demand and utilisation.", valueName: "file"))
    var chain: String?

    @Option(name: .customLong("site-id-field"), help: ArgumentHelp("Property of the sites holding their id, written as facility_id (default: the feature id, else the position in the file).", valueName: "name"))
    var facilityIDField: String?

    @Option(name: .customLong("facility-id-field"), help: RenamedFlag.help("--site-id-field"))
    var oldFacilityIDField: String?

    @Option(help: ArgumentHelp("Roads, for --method network (travel time).", valueName: "file"))
    var roads: String?

    @OptionGroup var graphOptions: RoadGraphOptions
    @OptionGroup var accessOptions: RoadAccessOptions

    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var reportOptions: ReportOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var siteFields: SiteFieldOptions
    @OptionGroup var seasonOptions: SeasonOptions

    @OptionGroup var languageOption: LanguageOption

    mutating func validate() throws {
        givenFacilities = try RenamedFlag.fold(oldFacilities, "--facilities", into: givenFacilities, "--sites")
        facilityIDField = try RenamedFlag.fold(oldFacilityIDField, "--facility-id-field", into: facilityIDField, "--site-id-field")
        givenFamilySize = try RenamedFlag.fold(oldFamilySize, "--family-size", into: givenFamilySize, "--household-size")
        try applyStudy()
        if maxDistance != nil, method != .capacity {
            throw ValidationError("--max-distance applies to --method capacity only; for a reach around each facility use --method buffer --radius")
        }
        if seasonOptions.wholeYear, method != .capacity {
            throw ValidationError("--months all is for --method capacity (people fed by month); the other methods do not change by month")
        }
        guard familySize.isFinite, familySize > 0 else {
            throw ValidationError("--household-size must be a positive number of people, not \(familySize)")
        }
    }

    func run() throws {
        let contents = try input.read(facilities)
        let all = contents.layer
        try siteFields.check(all, file: facilities, needed: chain != nil)
        try FieldCheck.require(facilityIDField.map { [$0] } ?? [], in: all, file: facilities, flag: "--site-id-field")
        let (chosen, chosenPositions) = try WhereOption.select(all, whereExpression, file: facilities)
        let (selected, positions) = try seasonOptions.apply(to: chosen, positions: chosenPositions, file: facilities, capacityField: siteFields.fields.capacity,
                                                            chainPath: chain, product: try chain.map { try ChainSpec.read(path: $0).product })
        guard selected.count > 0 else { throw CommandFailure(message: "\(facilities): no facility matches") }
        let prepared = try territoryOptions.prepare()
        ExtentCheck.warnFarPoints(all, file: facilities, against: prepared.populationCheck.original, referenceFile: prepared.file)
        let spec = try seasonOptions.chain(try chain.map { try ChainSpec.read(path: $0) }, path: chain)
        var analysis = CatchmentAnalysis(method: method, radius: radius.metres, chain: spec,
                                         siteFields: siteFields.fields(for: spec.map { [$0] } ?? []))
        analysis.facilityIDField = facilityIDField
        analysis.facilityPositions = positions
        analysis.maxDistance = maxDistance?.metres
        analysis.familySize = familySize
        if seasonOptions.wholeYear {
            try seasonOptions.catchmentYear(analysis, facilities: selected, positions: positions, file: facilities, capacityField: siteFields.fields.capacity,
                                            chainPath: chain, territories: prepared, output: outputOptions, reports: reportOptions)
            var counts = contents.counts(of: facilities)
            counts.output = selected.count
            counts.reject(all.count - selected.count, "not selected by --where")
            counts.report()
            return
        }
        var travel: TravelTimes?
        if method == .network {
            guard let roads else { throw ValidationError(Diagnostics.text(.usage(.needs(flag: "--method network", other: "--roads")))) }
            travel = try TravelTimes(graph: try graphOptions.graph(from: roads), access: try accessOptions.access())
        }
        let result = try analysis.run(facilities: selected, file: facilities, in: prepared, travel: travel)
        let writer = try outputOptions.writer(crs: .wgs84)
        try writer.write(contentsOf: result.layer.features)
        try writer.finish()
        Diagnostics.write("\(facilities): \(selected.count) facilities of \(all.count), \(result.catchments) catchments, \(result.uncovered) uncovered pieces; \(result.people.line)\n")
        var counts = contents.counts(of: facilities)
        counts.output = result.catchments - result.unreachableFacilities
        counts.reject(all.count - selected.count, "not selected by --where")
        counts.reject(result.unreachableFacilities, "beyond --max-snap of the roads")
        counts.reject(selected.count - result.catchments, "without a catchment")
        if result.unreachableUnits > 0 {
            Diagnostics.warn(Diagnostics.text(.unreachableTerritories(count: result.unreachableUnits, of: prepared.count, maxSnap: "\(accessOptions.maxSnap)")))
        }
        let territoryCounts = territoryOptions.counts(of: prepared)
        var json = result.people.json
        json["facilities"] = .number(Double(selected.count))
        json["catchments"] = .number(Double(result.catchments))
        json["uncovered_pieces"] = .number(Double(result.uncovered))
        try reportOptions.write(markdown: result.people.markdown, json: FeatureCounts.adding([counts, territoryCounts], to: .object(json)))
        counts.report()
        territoryCounts.report()
    }
}
