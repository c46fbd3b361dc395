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
              territorio isochrone --sites plants.geojson --roads geodata/territory/roads.geojson --minutes 15,30,60 --territories geodata/territory/parishes.geojson -o isochrones.geojson
            """
    )

    @Option(name: .customLong("sites"), help: ArgumentHelp("The facilities: sites (points).", valueName: "file"))
    var givenFacilities: String?

    @Option(name: .customLong("facilities"), help: RenamedFlag.help("--sites"))
    var oldFacilities: String?

    var facilities: String { StudyOption.resolved(givenFacilities, flag: "--sites") }

    @Option(name: .customLong("where"), help: ArgumentHelp("Keep the facilities whose properties match.", valueName: "expression"))
    var whereExpression: String?

    @OptionGroup var roadOptions: RoadOptions

    @Option(help: ArgumentHelp("Thresholds in minutes: 15,30,60.", valueName: "list"), transform: Minutes.parser())
    var minutes: Minutes

    @Option(help: ArgumentHelp("Territories with population, for the population inside.", valueName: "file"))
    var territories: String?

    @Option(help: Length.help("Half-width of the band around reachable roads.", default: .given("200m")),
            transform: Length.parser(flag: "--width", example: "200m", positive: true))
    var width = Length.given("200m")

    @Option(name: .customLong("max-snap"), help: Length.help("Farthest a facility may be from the roads.", default: .given("2km")),
            transform: Length.parser(flag: "--max-snap", example: "2km"))
    var maxSnap = Length.given("2km")

    @OptionGroup var population: PopulationOptions

    @OptionGroup var studyOption: StudyOption

    @OptionGroup var outputOptions: OutputOptions
    /// How to read --sites (a CSV's columns, a layer, a CRS).
    @OptionGroup var input: InputOptions

    @OptionGroup var languageOption: LanguageOption

    mutating func validate() throws {
        givenFacilities = try RenamedFlag.fold(oldFacilities, "--facilities", into: givenFacilities, "--sites")
        guard givenFacilities != nil else { throw ValidationError("give --sites FILE: the facilities (points)") }
        try applyStudy()
    }

    func run() throws {
        let thresholds = minutes.values, band = width.metres, limit = maxSnap.metres
        let graph = try roadOptions.graph()
        let travel = try TravelTimes(graph: graph, access: RoadAccess(maxSnap: limit))
        let all = try input.read(facilities).layer
        let (selected, positions) = try WhereOption.select(all, whereExpression, file: facilities)
        let points = try RoutePoints(layer: selected, file: facilities, positions: positions, travel: travel)
        let snaps = points.snaps
        // Facilities done so far on stderr when it is a terminal; the
        // calls come one at a time (Isochrones.bands serialises them).
        nonisolated(unsafe) let progress = Progress("isochrones of facilities")
        let features = try Isochrones(width: band).bands(of: snaps, ids: points.ids, minutes: thresholds, graph: graph) { done, total in
            progress.update(done, of: total)
        }
        progress.finish()
        var layer = Layer(features: features, crs: graph.crs)
        var territoryCounts: FeatureCounts?
        if let territories {
            // Populations checked as everywhere: a missing one is an error unless --missing-population says otherwise.
            let read = try Layers.read(territories)
            let checked = try population.check(read, file: territories)
            territoryCounts = checked.counts(of: territories, unit: "territories", input: read.count)
            let populationField = population.field
            layer = try ArealInterpolation(extensive: [populationField]).interpolate(from: checked.layer, to: layer)
            for index in layer.features.indices {
                // Every polygon gets a value from the interpolation; 0 where no territory overlaps it.
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
        territoryCounts?.report()
    }
}
