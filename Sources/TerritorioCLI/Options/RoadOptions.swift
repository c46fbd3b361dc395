import ArgumentParser
import Geo
import Territory

/// How to turn a road layer into a graph.
struct RoadOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Road lines (GeoJSON): highway class, maxspeed, oneway, or OSM other_tags.", valueName: "file"))
    var roads: String

    @Option(help: ArgumentHelp("Override class speeds in km/h: residential=25,track=10.", valueName: "pairs"))
    var speeds: String?

    @Flag(name: .customLong("node-crossings"), help: "Node the roads with GEOS first, so roads that cross without a shared vertex meet.")
    var nodeCrossings = false

    func graph() throws -> RoadGraph {
        var attributes = RoadAttributes()
        if let speeds { try attributes.override(with: speeds) }
        return try RoadGraph(roads: try LayerFile.read(roads).layer, attributes: attributes, nodeCrossings: nodeCrossings, file: roads)
    }
}
