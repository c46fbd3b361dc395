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
            uses the largest.

            Example:
              territorio network info --roads geodata/territory/roads.geojson
            """
    )

    @OptionGroup var roadOptions: RoadOptions

    @Flag(help: "Print JSON with the keys nodes, segments, arcs, length_m, components, dead_ends, one_way_segments.")
    var json = false

    func run() throws {
        let graph = try roadOptions.graph()
        let summary = NetworkSummary(graph)
        if json {
            print(JSONValue.object([
                "nodes": .number(summary.nodes), "segments": .number(summary.segments), "arcs": .number(summary.arcs),
                "length_m": .number(summary.lengthMetres.rounded()), "components": .array(summary.componentSizes.map { .number($0) }),
                "dead_ends": .number(summary.deadEnds), "one_way_segments": .number(summary.oneWaySegments),
                "crs": .string(graph.crs.definition),
            ]).jsonText)
            return
        }
        print("roads: \(roadOptions.roads) (measured in \(graph.crs))")
        print("nodes: \(summary.nodes)")
        print("segments: \(summary.segments) (\(summary.oneWaySegments) one-way), arcs: \(summary.arcs)")
        print(String(format: "length: %.1f km", summary.lengthMetres / 1000))
        let largest = summary.componentSizes.first ?? 0
        print("components: \(summary.componentSizes.count); largest \(largest) nodes (\(String(format: "%.1f", 100 * Double(largest) / Double(max(1, summary.nodes)))) %); next: \(summary.componentSizes.dropFirst().prefix(5).map(String.init).joined(separator: ", "))")
        print("dead ends: \(summary.deadEnds)")
    }
}
