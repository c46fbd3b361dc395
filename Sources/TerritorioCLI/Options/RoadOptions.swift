import ArgumentParser
import Geo
import Territory

/// How to turn a road layer into a graph.
struct RoadOptions: ParsableArguments {
    // Optional so a --study file can give them when the flag is absent (`apply`).
    @Option(name: .customLong("roads"), help: ArgumentHelp("Road lines (GeoJSON, Shapefile, GeoPackage, an OpenStreetMap .osm.pbf, ...): highway class, maxspeed, oneway, or OSM other_tags.", valueName: "file"))
    var givenRoads: String?

    @OptionGroup var graphOptions: RoadGraphOptions

    var roads: String { StudyOption.resolved(givenRoads, flag: "--roads") }

    /// The study's roads and their options where the flags are absent; no
    /// roads from either is a usage error.
    mutating func apply(_ study: StudyFile?) throws {
        givenRoads = try StudyOption.required(givenRoads, study?.roads?.file, flag: "--roads", key: "roads", study: study)
        graphOptions.apply(study)
    }

    func graph() throws -> RoadGraph {
        try graphOptions.graph(from: roads)
    }
}

/// Speeds and noding of a road graph, whatever file it comes from.
struct RoadGraphOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Override class speeds in km/h: residential=25,track=10; default=20 sets the speed of roads of no known class (30).", valueName: "pairs"))
    var speeds: String?

    // Optional so a --study file can give them when the flag is absent.
    @Option(name: .customLong("road-type-field"), help: ArgumentHelp("Property of the roads holding their class, which --speeds names (default: highway).", valueName: "name"))
    var givenRoadTypeField: String?

    @Flag(name: .customLong("node-crossings"), inversion: .prefixedNo,
          help: "Node the roads with GEOS first, so roads that cross without a shared vertex meet (default: no).")
    var givenNodeCrossings: Bool?

    var roadTypeField: String { givenRoadTypeField ?? "highway" }
    var nodeCrossings: Bool { givenNodeCrossings ?? false }

    /// From an OpenStreetMap file, the ways of its `lines` layer that have
    /// a `highway` tag. Says on standard error how many segments were timed
    /// at the default speed, and why.
    func graph(from roads: String, crs: CRS? = nil) throws -> RoadGraph {
        var attributes = RoadAttributes()
        attributes.classField = roadTypeField
        if let speeds { try attributes.override(with: speeds) }
        let graph = try RoadGraph(roads: try Layers.roads(roads), attributes: attributes, crs: crs, nodeCrossings: nodeCrossings, file: roads)
        if let note = Self.defaultSpeedNote(graph, file: roads, field: roadTypeField) { Diagnostics.write(note + "\n") }
        return graph
    }

    /// `FILE: default speed 30 km/h for 120 of 900 segments (80 with no
    /// highway, 40 of class foo); ...`, or nil when every segment had a speed.
    static func defaultSpeedNote(_ graph: RoadGraph, file: String, field: String) -> String? {
        guard graph.defaultedSegments > 0 else { return nil }
        var reasons: [String] = []
        if graph.defaultedWithoutClass > 0 { reasons.append("\(graph.defaultedWithoutClass) with no \(field) and no maxspeed") }
        let classes = graph.defaultedByClass.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        if !classes.isEmpty {
            let listed = classes.prefix(5).map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            reasons.append("of classes --speeds does not list: \(listed)\(classes.count > 5 ? ", ..." : "")")
        }
        return "\(file): default speed \(String(format: "%g", graph.defaultSpeed)) km/h for \(graph.defaultedSegments) of \(graph.segmentCount) segments ("
            + reasons.joined(separator: "; ") + "); --speeds CLASS=KMH,default=KMH sets speeds, --road-type-field names the property holding the class"
    }
}

/// Where points meet the roads, for commands that snap many points.
struct RoadAccessOptions: ParsableArguments {
    static let defaultMaxSnap = Length.given("2km")

    // Optional so a --study file can give them when the flag is absent.
    @Option(name: .customLong("max-snap"), help: Length.help("Farthest a point may be from the roads; farther ones are unreachable.", default: defaultMaxSnap),
            transform: Length.parser(flag: "--max-snap", example: "500m or 2km"))
    var givenMaxSnap: Length?

    @Option(name: .customLong("off-road-speed"), help: ArgumentHelp("km/h of the leg between a point and the nearest road (default: 5, on foot).", valueName: "km/h"))
    var givenOffRoadSpeed: Double?

    var maxSnap: Length { givenMaxSnap ?? Self.defaultMaxSnap }
    var offRoadSpeed: Double { givenOffRoadSpeed ?? 5 }

    func access() throws -> RoadAccess {
        guard offRoadSpeed.isFinite, offRoadSpeed > 0 else { throw ValidationError("--off-road-speed takes km/h above 0, not \(offRoadSpeed)") }
        return RoadAccess(maxSnap: maxSnap.metres, offRoadSpeed: offRoadSpeed)
    }
}
