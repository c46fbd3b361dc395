import ArgumentParser
import Foundation
import Geo
import Territory

struct NetworkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "network",
        abstract: "Road networks as graphs.",
        subcommands: [NetworkInfoCommand.self]
    )
}

struct NetworkInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Nodes, segments, length, connected components and dead ends of a road network.",
        discussion: """
            Nodes are the roads' vertices: roads meet where they share one (or, with \
            --node-crossings, wherever they cross). Components count roads as two-way; routing \
            uses the largest. An OpenStreetMap extract (.osm.pbf) gives the ways of its lines \
            layer that have a highway tag.

            Examples:
              territorio network info --roads geodata/territory/roads.geojson
              territorio network info duitama.osm.pbf
            """
    )

    @Argument(help: ArgumentHelp("Road lines, as --roads.", valueName: "roads"))
    var file: String?

    @Option(help: ArgumentHelp("Road lines (GeoJSON, Shapefile, GeoPackage, an OpenStreetMap .osm.pbf, ...): highway class, maxspeed, oneway, or OSM other_tags.", valueName: "file"))
    var roads: String?

    @OptionGroup var graphOptions: RoadGraphOptions

    /// The keys nodes, segments, arcs, length_m, components, dead_ends, one_way_segments, crs, counts.
    @OptionGroup var jsonOption: JSONOption

    @OptionGroup var studyOption: StudyOption

    @OptionGroup var languageOption: LanguageOption

    mutating func validate() throws {
        guard file == nil || roads == nil else {
            throw ValidationError("give the roads once: territorio network info FILE, or --roads FILE")
        }
        try applyStudy()
    }

    func run() throws {
        let path = file ?? roads ?? ""
        let graph = try graphOptions.graph(from: path)
        let summary = NetworkSummary(graph)
        var counts = FeatureCounts(path, unit: "roads", input: graph.featureCount, output: graph.featuresUsed)
        counts.reject(graph.featureCount - graph.featuresUsed, "without a line segment")
        defer { counts.report() }
        if jsonOption.path != nil {
            try jsonOption.write(.object([
                "nodes": .number(summary.nodes), "segments": .number(summary.segments), "arcs": .number(summary.arcs),
                "length_m": .number(summary.lengthMetres.rounded()), "components": .array(summary.componentSizes.map { .number($0) }),
                "dead_ends": .number(summary.deadEnds), "one_way_segments": .number(summary.oneWaySegments),
                "crs": .string(graph.crs.definition), "counts": counts.json,
            ]))
            if jsonOption.toStandardOutput { return }
        }
        try StandardOutput.print("roads: \(path) (measured in \(graph.crs))")
        try StandardOutput.print("nodes: \(summary.nodes)")
        try StandardOutput.print("segments: \(summary.segments) (\(summary.oneWaySegments) one-way), arcs: \(summary.arcs)")
        try StandardOutput.print(String(format: "length: %.1f km", summary.lengthMetres / 1000))
        let largest = summary.componentSizes.first ?? 0
        try StandardOutput.print("components: \(summary.componentSizes.count); largest \(largest) nodes (\(String(format: "%.1f", 100 * Double(largest) / Double(max(1, summary.nodes)))) %); next: \(summary.componentSizes.dropFirst().prefix(5).map(String.init).joined(separator: ", "))")
        try StandardOutput.print("dead ends: \(summary.deadEnds)")
    }
}
