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

    @OptionGroup var roadOptions: RoadOptions

    @Option(help: ArgumentHelp("Write from_id,to_id,minutes,km,from_snap_m,to_snap_m for every pair here.", valueName: "file"))
    var matrix: String?

    @Option(name: .customLong("max-snap"), help: ArgumentHelp("Farthest a point may be from the roads: 2km, 500m.", valueName: "distance"))
    var maxSnap = "2km"

    @Option(name: .shortAndLong, help: ArgumentHelp("Write one LineString per route (GeoJSON).", valueName: "file"))
    var output: String?

    func run() throws {
        guard let limit = Distance.metres(maxSnap) else { throw ValidationError(Distance.complaint(about: maxSnap, flag: "--max-snap", example: "2km")) }
        let graph = try roadOptions.graph()
        let snapper = try NetworkSnapper(graph)
        let origins = try RoutePoints(file: from, graph: graph, snapper: snapper, limit: limit)
        let destinations = try RoutePoints(file: to, graph: graph, snapper: snapper, limit: limit)
        let keepRoutes = output != nil
        let result = try RouteMatrix(graph: graph, origins: origins.snaps, destinations: destinations.snaps, keepRoutes: keepRoutes)
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
            print(rows.text, terminator: "")
        }
        if let output {
            try Layers.write(Layer(features: routes, crs: graph.crs).projected(to: .wgs84), to: output)
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

/// Points read and snapped; those beyond the limit are reported.
struct RoutePoints {
    let ids: [String]
    let snaps: [Snap?]

    init(file: String, graph: RoadGraph, snapper: NetworkSnapper, limit: Double) throws {
        try self.init(layer: try Layers.read(file), file: file, graph: graph, snapper: snapper, limit: limit)
    }

    /// `positions`: where each feature of `layer` is in `file` (after a
    /// --where), for ids and messages; by default, where it is in `layer`.
    init(layer: Layer, file: String, positions: [Int]? = nil, graph: RoadGraph, snapper: NetworkSnapper, limit: Double) throws {
        let projected = try layer.projected(to: graph.crs, file: file)
        let positions = positions ?? Array(layer.features.indices)
        ids = layer.features.enumerated().map { $1.id?.description ?? String(positions[$0]) }
        var snaps: [Snap?] = []
        for (offset, feature) in projected.features.enumerated() {
            let index = positions[offset]
            guard case .point(let position?)? = feature.geometry else {
                throw ReadError(file: file, featureIndex: index, featureID: layer.features[offset].id, message: "expected a point")
            }
            let snap = try snapper.snap(position)
            if let snap, snap.metres <= limit {
                snaps.append(snap)
            } else {
                Diagnostics.write("\(FeatureLocation(file: file, index: index, id: layer.features[offset].id)): unreachable, \(snap.map { String(format: "%.0f m", $0.metres) } ?? "no road") from the network\n")
                snaps.append(nil)
            }
        }
        self.snaps = snaps
    }
}
