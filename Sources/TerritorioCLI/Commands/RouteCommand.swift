import ArgumentParser
import Foundation
import Geo
import Territory

struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Shortest routes by travel time between points, and the matrix of times.",
        discussion: """
            Each point is snapped to the nearest position on the largest component of the \
            network; the snap distance is reported. Points farther than --max-snap are listed as \
            unreachable. Times are minutes (Dijkstra with a binary heap over the road graph).

            Example:
              territorio route --from plants.geojson --to stores.geojson --roads geodata/territory/roads.geojson --matrix times.csv -o routes.geojson
            """
    )

    @Option(help: ArgumentHelp("Origins (points).", valueName: "file"))
    var from: String

    @Option(help: ArgumentHelp("Destinations (points).", valueName: "file"))
    var to: String

    /// Applies to both --from and --to, as ogr2ogr's open options apply to its input.
    @OptionGroup(title: "Reading --from and --to (both)") var input: InputOptions

    @OptionGroup var roadOptions: RoadOptions

    @Option(help: ArgumentHelp("Write from_id,to_id,minutes,km,from_snap_m,to_snap_m for every pair here.", valueName: "file"))
    var matrix: String?

    @Option(name: .customLong("max-snap"), help: Length.help("Farthest a point may be from the roads: 2km, 500m.", default: .given("2km")),
            transform: Length.parser(flag: "--max-snap", example: "2km"))
    var maxSnap = Length.given("2km")

    @Option(name: .shortAndLong, help: ArgumentHelp("Write one LineString per route (GeoJSON).", valueName: "file"))
    var output: String?

    @OptionGroup var geoJSON: GeoJSONOptions

    @OptionGroup var studyOption: StudyOption

    @OptionGroup var languageOption: LanguageOption

    mutating func validate() throws {
        try geoJSON.check(outputs: [output])
        try applyStudy()
    }

    func run() throws {
        let graph = try roadOptions.graph()
        let travel = try TravelTimes(graph: graph, access: RoadAccess(maxSnap: maxSnap.metres))
        let origins = try RoutePoints(layer: try input.read(from).layer, file: from, travel: travel)
        let destinations = try RoutePoints(layer: try input.read(to).layer, file: to, travel: travel)
        let keepRoutes = output != nil
        let progress = Progress("routing", unit: "searches")
        let result = try travel.matrix(from: origins.places, to: destinations.places, keepRoutes: keepRoutes, progress: progress.callback)
        progress.finish()
        var rows = CSVWriter(header: ["from_id", "to_id", "minutes", "km", "from_snap_m", "to_snap_m"])
        var routes: [Feature] = []
        for pair in result.pairs {
            let origin = origins.snaps[pair.origin]!, destination = destinations.snaps[pair.destination]!
            let km = pair.metres / 1000
            rows.append([origins.ids[pair.origin], destinations.ids[pair.destination], Self.format(pair.minutes), Self.format(km),
                         Self.format(origin.metres), Self.format(destination.metres)])
            if let route = pair.route {
                routes.append(Feature(geometry: route.shape, properties: [
                    "from_id": .string(origins.ids[pair.origin]), "to_id": .string(destinations.ids[pair.destination]),
                    "minutes": .number((pair.minutes * 100).rounded() / 100), "km": .number((km * 1000).rounded() / 1000),
                ]))
            }
        }
        if let matrix {
            try ReportOptions.writeText(rows.text, to: matrix)
        } else if output == nil {
            try StandardOutput.print(rows.text, terminator: "")
        }
        if let output {
            try Layers.write(Layer(features: routes, crs: graph.crs).projected(to: .wgs84), to: output, geoJSON: geoJSON.writerOptions)
        }
        for (file, points) in [(from, origins), (to, destinations)] {
            let snapped = points.snaps.filter { $0 != nil }.count
            var counts = FeatureCounts(file, unit: "points", input: points.snaps.count, output: snapped)
            counts.reject(points.snaps.count - snapped, "beyond --max-snap of the roads")
            counts.report()
        }
    }

    static func format(_ value: Double) -> String {
        value.isFinite ? String(format: "%.3f", value) : ""
    }
}
