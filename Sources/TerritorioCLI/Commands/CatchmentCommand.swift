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
            units assigned without exceeding each facility's capacity, with the least travel \
            (min-cost flow; needs --chain), each unit whole to the facility serving most of it. Catchments \
            are clipped to the territories; the area no catchment covers is written too \
            (kind = uncovered). Population comes from the territories by areal interpolation \
            (summed whole for nearest and network). With --chain, each \
            catchment also gets the demand of its population and the facility's utilisation.

            Examples:
              territorio catchment --facilities geodata/territory/sites.geojson --where "stage == 'collection' and product == 'milk'" --method voronoi --territories geodata/territory/parishes.geojson --chain geodata/territory/chains/cheese.json -o milk_catchments.geojson
              territorio catchment --facilities stores.geojson --method buffer --radius 2km --territories parishes.geojson -o stores_2km.geojson
            """
    )

    @Option(help: ArgumentHelp("Facilities: points, GeoJSON, CSV or any GDAL vector file.", valueName: "file"))
    var facilities: String

    @Option(name: .customLong("where"), help: ArgumentHelp("Keep the facilities whose properties match.", valueName: "expression"))
    var whereExpression: String?

    @Option(help: "buffer, voronoi, nearest, network or capacity.")
    var method: CatchmentAnalysis.Method

    @Option(help: Length.help("Radius of buffer catchments: 800m, 5km.", default: .given("5km")),
            transform: Length.parser(flag: "--radius", example: "800m or 5km", positive: true))
    var radius = Length.given("5km")

    @OptionGroup var territoryOptions: TerritoryOptions

    @Option(help: ArgumentHelp("Chain spec (JSON): adds demand and utilisation.", valueName: "file"))
    var chain: String?

    @Option(name: .customLong("facility-id-field"), help: ArgumentHelp("Property of the facilities holding their id, written as facility_id (default: the feature id, else the position in the file).", valueName: "name"))
    var facilityIDField: String?

    @Option(help: ArgumentHelp("Roads, for --method network (travel time).", valueName: "file"))
    var roads: String?

    @OptionGroup var graphOptions: RoadGraphOptions
    @OptionGroup var accessOptions: RoadAccessOptions

    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var siteFields: SiteFieldOptions

    func run() throws {
        let contents = try input.read(facilities)
        let all = contents.layer
        try siteFields.check(all, file: facilities, needed: chain != nil)
        try FieldCheck.require(facilityIDField.map { [$0] } ?? [], in: all, file: facilities, flag: "--facility-id-field")
        let (selected, positions) = try WhereOption.select(all, whereExpression, file: facilities)
        guard selected.count > 0 else { throw CommandFailure(message: "\(facilities): no facility matches") }
        let prepared = try territoryOptions.prepare()
        ExtentCheck.warnFarPoints(all, file: facilities, against: prepared.populationCheck.original, referenceFile: prepared.file)
        let spec = try chain.map { try ChainSpec.read(path: $0) }
        var analysis = CatchmentAnalysis(method: method, radius: radius.metres, chain: spec,
                                         siteFields: siteFields.fields(for: spec.map { [$0] } ?? []))
        analysis.facilityIDField = facilityIDField
        analysis.facilityPositions = positions
        var travel: TravelTimes?
        if method == .network {
            guard let roads else { throw ValidationError("--method network needs --roads") }
            travel = try TravelTimes(graph: try graphOptions.graph(from: roads), access: try accessOptions.access())
        }
        let result = try analysis.run(facilities: selected, file: facilities, in: prepared, travel: travel)
        let writer = try outputOptions.writer(crs: .wgs84)
        try writer.write(contentsOf: result.layer.features)
        try writer.finish()
        let share = result.totalPopulation > 0 ? 100 * result.uncoveredPopulation / result.totalPopulation : 0
        Diagnostics.write(String(format: "%@: %d facilities of %d, %d catchments; %.0f people in the territories, %.0f (%.1f %%) in %d uncovered pieces\n",
                                 facilities, selected.count, all.count, result.catchments, result.totalPopulation,
                                 result.uncoveredPopulation, share, result.uncovered))
        var counts = contents.counts(of: facilities)
        counts.output = result.catchments - result.unreachableFacilities
        counts.reject(all.count - selected.count, "not selected by --where")
        counts.reject(result.unreachableFacilities, "beyond --max-snap of the roads")
        counts.reject(selected.count - result.catchments, "without a catchment")
        if result.unreachableUnits > 0 {
            Diagnostics.warn("\(result.unreachableUnits) of \(prepared.count) territories are beyond --max-snap \(accessOptions.maxSnap) of the roads: written as uncovered")
        }
        counts.report()
        territoryOptions.counts(of: prepared).report()
    }
}
