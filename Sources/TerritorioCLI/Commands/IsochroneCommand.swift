import ArgumentParser
import Foundation
import Geo
import Territory

struct IsochroneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "isochrone",
        abstract: "The area each facility reaches along the roads within given minutes, with the population inside.",
        discussion: """
            Polygons are the road segments reachable in time (cut where time runs out), \
            buffered by --width and merged: they follow the roads rather than hull them. With \
            --territories, each polygon gets the population inside (areal interpolation).

            Example:
              territorio isochrone --facilities plants.geojson --roads geodata/territory/roads.geojson --minutes 15,30,60 --territories geodata/territory/parishes.geojson -o isochrones.geojson
            """
    )

    @Option(help: ArgumentHelp("Facilities (points).", valueName: "file"))
    var facilities: String

    @Option(name: .customLong("where"), help: ArgumentHelp("Keep the facilities whose properties match.", valueName: "expression"))
    var whereExpression: String?

    @OptionGroup var roadOptions: RoadOptions

    @Option(help: ArgumentHelp("Thresholds in minutes: 15,30,60.", valueName: "list"))
    var minutes: String

    @Option(help: ArgumentHelp("Territories with population, for the population inside.", valueName: "file"))
    var territories: String?

    @Option(help: ArgumentHelp("Half-width of the band around reachable roads: 200m.", valueName: "distance"))
    var width = "200m"

    @Option(name: .customLong("max-snap"), help: ArgumentHelp("Farthest a facility may be from the roads: 2km.", valueName: "distance"))
    var maxSnap = "2km"

    @Option(name: .customLong("population-field"), help: ArgumentHelp("Property of the territories holding the population.", valueName: "name"))
    var populationField = "population"

    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        let thresholds = minutes.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }.sorted()
        guard !thresholds.isEmpty, thresholds.allSatisfy({ $0 > 0 }) else { throw ValidationError("--minutes takes positive numbers: 15,30,60") }
        guard thresholds.allSatisfy(\.isFinite) else { throw ValidationError("--minutes takes finite numbers: 15,30,60, not '\(minutes)'") }
        guard let band = Distance.metres(width), band > 0 else {
            throw ValidationError(Distance.complaint(about: width, flag: "--width", example: "200m"))
        }
        guard let limit = Distance.metres(maxSnap) else {
            throw ValidationError(Distance.complaint(about: maxSnap, flag: "--max-snap", example: "2km"))
        }
        let graph = try roadOptions.graph()
        let travel = try TravelTimes(graph: graph, access: RoadAccess(maxSnap: limit))
        let all = try Layers.read(facilities)
        let (selected, positions) = try WhereOption.select(all, whereExpression, file: facilities)
        let points = try RoutePoints(layer: selected, file: facilities, positions: positions, travel: travel)
        let snaps = points.snaps
        let features = try Isochrones(width: band).bands(of: snaps, ids: points.ids, minutes: thresholds, graph: graph)
        var layer = Layer(features: features, crs: graph.crs)
        if let territories {
            layer = try ArealInterpolation(extensive: [populationField]).interpolate(from: try Layers.read(territories), to: layer)
            for index in layer.features.indices {
                let people = layer.features[index].properties[populationField]?.doubleValue ?? 0
                layer.features[index].properties[populationField] = .number(people.rounded())
                layer.features[index].properties["covered_area_m2"] = nil
            }
        }
        let writer = try outputOptions.writer(crs: .wgs84)
        try writer.write(contentsOf: try layer.projected(to: .wgs84).features)
        try writer.finish()
        let reached = snaps.filter { $0 != nil }.count
        var counts = FeatureCounts(facilities, unit: "facilities", input: all.count, output: reached)
        counts.reject(all.count - selected.count, "not selected by --where")
        counts.reject(selected.count - reached, "beyond --max-snap of the roads")
        counts.report()
    }
}
