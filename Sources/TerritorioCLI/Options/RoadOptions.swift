import ArgumentParser
import Geo
import Territory

/// How to turn a road layer into a graph.
struct RoadOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Road lines (GeoJSON, Shapefile, GeoPackage, an OpenStreetMap .osm.pbf, ...): highway class, maxspeed, oneway, or OSM other_tags.", valueName: "file"))
    var roads: String

    @OptionGroup var graphOptions: RoadGraphOptions

    func graph() throws -> RoadGraph {
        try graphOptions.graph(from: roads)
    }
}

/// Speeds and noding of a road graph, whatever file it comes from.
struct RoadGraphOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Override class speeds in km/h: residential=25,track=10.", valueName: "pairs"))
    var speeds: String?

    @Flag(name: .customLong("node-crossings"), help: "Node the roads with GEOS first, so roads that cross without a shared vertex meet.")
    var nodeCrossings = false

    /// From an OpenStreetMap file, the ways of its `lines` layer that have a `highway` tag.
    func graph(from roads: String) throws -> RoadGraph {
        var attributes = RoadAttributes()
        if let speeds { try attributes.override(with: speeds) }
        return try RoadGraph(roads: try Layers.roads(roads), attributes: attributes, nodeCrossings: nodeCrossings, file: roads)
    }
}
