// The Territorio side of bench/run: runs one task N times in this process
// and prints one JSON line, as bench/anchors.py does for the Python tools.
//
//   territorio-bench geojson-roundtrip IN OUT [--repeat N]
//   territorio-bench to-utm IN [--repeat N]
//   territorio-bench validity IN [--repeat N]
//   territorio-bench join-write POINTS POLYGONS OUT [--repeat N]
//   territorio-bench duitama-matrix ROADS ARCS [--repeat N]
//   territorio-bench isochrone-duitama ROADS POIS EVERY [--reference] [--areas FILE] [--repeat N]
//   territorio-bench isochrone-grid ROADS COUNT [--reference] [--areas FILE] [--repeat N]
import Foundation
import Geo
import Territory
import FlowOracles

struct Outcome {
    var runs: [Double]
    var counts: [String: Int]
    /// Band areas in m², in order, for tasks whose two sides agree within
    /// a tolerance rather than exactly (`--areas FILE` writes them).
    var areas: [Double]? = nil
    /// Real-valued results (a siting objective), written as they are.
    var values: [String: Double] = [:]
}

func timed(_ times: Int, _ body: () throws -> Void) rethrows -> [Double] {
    var runs: [Double] = []
    for _ in 0..<times {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        runs.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return runs
}

func geoJSONRoundTrip(_ input: String, _ output: String, times: Int) throws -> Outcome {
    var count = 0
    let runs = try timed(times) {
        let layer = try Layer.readGeoJSON(path: input)
        try layer.writeGeoJSON(path: output)
        count = layer.count
    }
    return Outcome(runs: runs, counts: ["features": count])
}

func toUTM(_ input: String, times: Int) throws -> Outcome {
    let layer = try Layer.readGeoJSON(path: input)
    var xy: [Double] = []
    xy.reserveCapacity(layer.count * 2)
    for feature in layer.features { feature.geometry?.forEachPosition { xy.append($0.x); xy.append($0.y) } }
    let source = xy
    let runs = try timed(times) {
        var values = source
        try Transformer.transformInParallel(&values, dimension: 2, from: .wgs84, to: CRS("EPSG:32619"))
        precondition(values.allSatisfy(\.isFinite))
    }
    return Outcome(runs: runs, counts: ["points": source.count / 2])
}

func validity(_ input: String, times: Int) throws -> Outcome {
    let layer = try Layer.readGeoJSON(path: input)
    var invalid = 0
    let runs = try timed(times) {
        let problems = try LayerValidator.problems(in: layer)
        let repaired = try LayerRepair.repair(layer, problems: problems, measuringAreas: false)
        invalid = problems.count
        precondition(repaired.changes.count == invalid)
    }
    return Outcome(runs: runs, counts: ["polygons": layer.count, "invalid": invalid])
}

/// Same inputs and calls as bench/c/point_in_polygon.c: prepare and index
/// the polygons, then locate every point, single-threaded.
func pointInPolygon(_ polygonsPath: String, _ pointsPath: String, times: Int) throws -> Outcome {
    let wkb = [UInt8](try Data(contentsOf: URL(fileURLWithPath: polygonsPath)))
    let count = wkb[0..<4].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }
    var offset = 4
    var polygons: [Geometry] = []
    for _ in 0..<count {
        let size = Int(wkb[offset..<(offset + 4)].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) })
        polygons.append(try Geometry(wkb: Array(wkb[(offset + 4)..<(offset + 4 + size)])))
        offset += 4 + size
    }
    let xyData = try Data(contentsOf: URL(fileURLWithPath: pointsPath))
    let xy = xyData.withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }
    var located = 0
    let runs = try timed(times) {
        let locator = try PolygonLocator(polygons)
        let found = try xy.withUnsafeBufferPointer { try locator.locate($0) }
        located = found.count { $0 >= 0 }
    }
    return Outcome(runs: runs, counts: ["points": xy.count / 2, "located": located])
}

/// Every point gets the code of its polygon: issue 3's join, all cores.
func join(_ pointsPath: String, _ polygonsPath: String, times: Int) throws -> Outcome {
    let points = try Layer.readGeoJSON(path: pointsPath)
    let polygons = try Layer.readGeoJSON(path: polygonsPath)
    var located = 0
    let runs = try timed(times) {
        let result = try SpatialJoin().join(points: points, polygons: polygons)
        located = points.count - result.outside.count
    }
    return Outcome(runs: runs, counts: ["points": points.count, "located": located])
}

/// The whole job a DuckDB user runs in one query (issue 23): read the 1M
/// points and the 3,000 polygons, give each point the code of the polygon
/// covering it, write the points with it as GeoJSON. All timed.
func joinWrite(_ pointsPath: String, _ polygonsPath: String, _ output: String, times: Int) throws -> Outcome {
    var counts = (0, 0)
    let runs = try timed(times) {
        let points = try Layer.readGeoJSON(path: pointsPath)
        let polygons = try Layer.readGeoJSON(path: polygonsPath)
        let join = SpatialJoin(options: .init(idField: "code"))
        let result = try join.join(points: points, polygons: polygons)
        try join.joined(points, result).writeGeoJSON(path: output)
        counts = (points.count, points.count - result.outside.count)
    }
    return Outcome(runs: runs, counts: ["features": counts.0, "located": counts.1])
}

/// 3,000 parishes to 850 municipalities to 24 states, as issue 3 asks.
func dissolve(_ parishesPath: String, times: Int) throws -> Outcome {
    let parishes = try Layer.readGeoJSON(path: parishesPath)
    var counts = (0, 0)
    let runs = try timed(times) {
        let municipalities = try Dissolve(options: .init(by: "municipality", sum: ["population"], first: ["state"])).dissolve(parishes).layer
        let states = try Dissolve(options: .init(by: "state", sum: ["population"])).dissolve(municipalities).layer
        counts = (municipalities.count, states.count)
    }
    return Outcome(runs: runs, counts: ["municipalities": counts.0, "states": counts.1])
}

/// Population from 3,000 parishes onto 40,000 cells by shared area.
func interpolate(_ parishesPath: String, _ cellsPath: String, times: Int) throws -> Outcome {
    let parishes = try Layer.readGeoJSON(path: parishesPath)
    let cells = try Layer.readGeoJSON(path: cellsPath)
    var total = 0.0
    let runs = try timed(times) {
        let result = try ArealInterpolation(extensive: ["population"]).interpolate(from: parishes, to: cells)
        total = result.features.compactMap { $0.properties["population"]?.doubleValue }.reduce(0, +)
    }
    return Outcome(runs: runs, counts: ["cells": cells.count, "population": Int(total.rounded())])
}

/// The first `count` points of a GeoJSON file, in UTM 19N.
func firstPoints(_ path: String, _ count: Int) throws -> [Position] {
    let reader = try GeoJSONReader(path: path)
    var features: [Feature] = []
    while features.count < count, let feature = try reader.next() { features.append(feature) }
    return try Layer(features: features).projected(to: CRS("EPSG:32619")).features.compactMap { feature in
        if case .point(let position?)? = feature.geometry { return position }
        return nil
    }
}

/// 5 km discs around 40,000 sites, their union, and the population of the
/// parishes it covers (areal interpolation), in UTM 19N.
func bufferCoverage(_ pointsPath: String, _ parishesPath: String, times: Int) throws -> Outcome {
    let points = try firstPoints(pointsPath, 40_000)
    let parishes = try Layer.readGeoJSON(path: parishesPath)
    var covered = 0.0
    let runs = try timed(times) {
        // 16 segments a quadrant, as GeoPandas buffers by default.
        let reach = try DiscUnion.unionOfDiscs(around: points, radius: 5_000, quadrantSegments: 16)
        let target = Layer(features: [Feature(geometry: reach)], crs: CRS("EPSG:32619"))
        let result = try ArealInterpolation(extensive: ["population"]).interpolate(from: parishes, to: target)
        covered = result.features[0].properties["population"]?.doubleValue ?? 0
    }
    return Outcome(runs: runs, counts: ["points": points.count, "population_covered": Int(covered.rounded())])
}

/// Voronoi cells of 40,000 sites clipped to the union of the parishes.
func voronoi(_ pointsPath: String, _ parishesPath: String, times: Int) throws -> Outcome {
    let points = try firstPoints(pointsPath, 40_000)
    let parishes = try Layer.readGeoJSON(path: parishesPath).projected(to: CRS("EPSG:32619"))
    let region = try Geometry.union(parishes.features.map { try Geometry($0.geometry!) })
    var cells = 0
    let runs = try timed(times) {
        cells = try CatchmentAnalysis.voronoiCells(of: points, clippedTo: region, context: .current).filter { !$0.isEmpty }.count
    }
    return Outcome(runs: runs, counts: ["points": points.count, "cells": cells])
}

/// Road graph of 500,000 segments (projected, speeds by class), then the
/// travel-time matrix from 30 nodes to 40,000 nodes (30 Dijkstras, all cores).
func graphMatrix(_ roadsPath: String, times: Int) throws -> Outcome {
    let roads = try Layer.readGeoJSON(path: roadsPath)
    var segments = 0, finite = 0
    var checksum = 0.0
    let runs = try timed(times) {
        let graph = try RoadGraph(roads: roads, crs: CRS("EPSG:32619"))
        segments = graph.segmentCount
        let origins = (0..<30).map { $0 * graph.nodeCount / 30 }
        let targets = (0..<40_000).map { $0 * graph.nodeCount / 40_000 }
        let rows = try parallelChunks(count: origins.count) { range in
            var paths = ShortestPaths(nodeCount: graph.nodeCount)
            return range.map { index -> [Double] in
                paths.run(graph, from: [(origins[index], 0)])
                return targets.map { paths.minutes[$0] }
            }
        }.flatMap { $0 }
        finite = rows.joined().filter(\.isFinite).count
        checksum = rows.joined().filter(\.isFinite).reduce(0, +)
    }
    return Outcome(runs: runs, counts: ["segments": segments, "finite": finite, "checksum_minutes": Int(checksum.rounded())])
}

/// 5,000 isochrones as reachable node sets: Dijkstra from 5,000 nodes,
/// cut off at 30 minutes (all cores), counting the nodes reached.
func isochrones(_ roadsPath: String, times: Int) throws -> Outcome {
    let graph = try RoadGraph(roads: try Layer.readGeoJSON(path: roadsPath), crs: CRS("EPSG:32619"))
    var reached = 0
    let runs = try timed(times) {
        let origins = (0..<5_000).map { $0 * graph.nodeCount / 5_000 }
        reached = try parallelChunks(count: origins.count) { range in
            var paths = ShortestPaths(nodeCount: graph.nodeCount)
            return range.reduce(0) { total, index in
                paths.run(graph, from: [(origins[index], 0)], cutoff: 30)
                return total + paths.reached.filter { paths.minutes[Int($0)] <= 30 }.count
            }
        }.reduce(0, +)
    }
    return Outcome(runs: runs, counts: ["isochrones": 5_000, "reached": reached])
}

/// 20 isochrone polygons: the road reachable in 15 minutes from 20 nodes,
/// each merged line buffered by 200 m and the bands merged (all cores),
/// reporting their total area in hectares.
func isochroneBands(_ roadsPath: String, times: Int) throws -> Outcome {
    let graph = try RoadGraph(roads: try Layer.readGeoJSON(path: roadsPath), crs: CRS("EPSG:32619"))
    let snapper = try NetworkSnapper(graph)
    let snaps = try (0..<20).map { try snapper.snap(graph.position(of: $0 * graph.nodeCount / 20))! }
    var area = 0.0
    let runs = try timed(times) {
        area = try parallelChunks(count: snaps.count) { range in
            let context = GEOSContext()
            var paths = ShortestPaths(nodeCount: graph.nodeCount)
            return try range.reduce(0.0) { total, index in
                let band = try Isochrones(width: 200).polygons(from: snaps[index], minutes: [15], graph: graph, paths: &paths, context: context)[0]
                return total + (try band.map { try Geometry($0, context: context).area() } ?? 0)
            }
        }.reduce(0, +)
    }
    return Outcome(runs: runs, counts: ["isochrones": 20, "area_ha": Int((area / 1e4).rounded())])
}

/// Isochrone bands of many facilities, 5, 10 and 15 minutes, 200 m wide,
/// as `territorio isochrone` builds them (`Isochrones.bands`, all cores);
/// with `--reference`, today's method before issue 23 on the same
/// facilities instead (`Isochrones.polygons`: one union of every buffered
/// line per band, facilities in parallel chunks), the anchor the new one
/// must agree with. Reports the bands, their total area and a checksum of
/// the areas band by band, so the two sides can be compared within 0.5 %.
func isochroneFacilities(graph: RoadGraph, facilities: [Snap?], reference: Bool, times: Int) throws -> Outcome {
    let thresholds: [Double] = [5, 10, 15]
    let ids = facilities.indices.map { "\($0)" }
    var areas: [Double] = []
    let runs = try timed(times) {
        if reference {
            areas = try parallelChunks(count: facilities.count) { range in
                let context = GEOSContext()
                var paths = ShortestPaths(nodeCount: graph.nodeCount)
                return try range.flatMap { index -> [Double] in
                    guard let snap = facilities[index] else { return [] }
                    return try Isochrones(width: 200).polygons(from: snap, minutes: thresholds, graph: graph, paths: &paths, context: context)
                        .compactMap { shape throws -> Double? in try shape.map { try Geometry($0, context: context).area() } }
                }
            }.flatMap { $0 }
        } else {
            areas = try Isochrones(width: 200).bands(of: facilities, ids: ids, minutes: thresholds, graph: graph)
                .map { $0.properties["area_m2"]?.doubleValue ?? .nan }
        }
    }
    return Outcome(runs: runs, counts: ["facilities": facilities.compactMap { $0 }.count, "bands": areas.count,
                                        "area_ha": Int((areas.reduce(0, +) / 1e4).rounded())],
                   areas: areas)
}

/// The OpenStreetMap points of interest of Duitama that carry tags
/// (`other_tags != null`: 850 of 886) on its roads (speeds by `highway`,
/// as `territorio isochrone` reads them), every `every`-th one.
func isochroneDuitama(_ roadsPath: String, _ poisPath: String, every: Int, reference: Bool, times: Int) throws -> Outcome {
    let graph = try RoadGraph(roads: try Layer.readGeoJSON(path: roadsPath), file: roadsPath)
    let travel = try TravelTimes(graph: graph)
    let pois = try Layer.readGeoJSON(path: poisPath)
    let filter = try FeatureFilter("other_tags != null")
    let selected = pois.features.filter { filter.matches($0) }
    let points = selected.enumerated().filter { $0.offset % every == 0 }.map { entry -> Position? in
        if case .point(let position?)? = entry.element.geometry { return position }
        return nil
    }
    let snaps = try travel.places(points, from: pois.crs).map { $0?.snap }
    return try isochroneFacilities(graph: graph, facilities: snaps, reference: reference, times: times)
}

/// Minutes on the Duitama OpenStreetMap roads, against pandana (issue
/// 23): the graph built from the road features (timed), then the minutes
/// from 100 nodes spread through it to every node, and how many nodes each
/// reaches within 15 minutes. The arcs (and node coordinates) go to ARCS,
/// outside the timing, so the anchor builds the very same directed graph.
func duitamaMatrix(_ roadsPath: String, _ arcsPath: String, times: Int) throws -> Outcome {
    let roads = try Layer.readGeoJSON(path: roadsPath)
    var built: RoadGraph?
    var finite = 0, within = 0
    var checksum = 0.0
    let runs = try timed(times) {
        let graph = try RoadGraph(roads: roads, file: roadsPath)
        let origins = (0..<100).map { $0 * graph.nodeCount / 100 }
        let rows = try parallelChunks(count: origins.count) { range in
            var paths = ShortestPaths(nodeCount: graph.nodeCount)
            return range.map { index -> (sum: Double, finite: Int, within: Int) in
                paths.run(graph, from: [(origins[index], 0)])
                var row = (sum: 0.0, finite: 0, within: 0)
                for minutes in paths.minutes where minutes.isFinite {
                    row.sum += minutes
                    row.finite += 1
                    if minutes <= 15 { row.within += 1 }
                }
                return row
            }
        }.flatMap { $0 }
        finite = rows.reduce(0) { $0 + $1.finite }
        within = rows.reduce(0) { $0 + $1.within }
        checksum = rows.reduce(0) { $0 + $1.sum }
        built = graph
    }
    // nodes, arcs (Int64); node x, y (Float64); arc tail, head (Int64), minutes (Float64).
    let graph = built!
    var data = Data()
    func append<T>(_ values: [T]) { values.withUnsafeBytes { data.append(contentsOf: $0) } }
    append([Int64(graph.nodeCount), Int64(graph.arcCount)])
    append(graph.nodeXY)
    append((0..<graph.nodeCount).flatMap { node in
        (Int(graph.arcStart[node])..<Int(graph.arcStart[node + 1])).map { _ in Int64(node) }
    })
    append(graph.arcTarget.map(Int64.init))
    append(graph.arcMinutes)
    try data.write(to: URL(fileURLWithPath: arcsPath))
    return Outcome(runs: runs, counts: ["nodes": graph.nodeCount, "arcs": graph.arcCount, "finite": finite,
                                        "reached_15_min": within, "checksum_minutes": Int(checksum.rounded())])
}

/// The same on the synthetic grid of `roads_500k` (UTM 19N), from
/// `count` nodes spread through it.
func isochroneGrid(_ roadsPath: String, count: Int, reference: Bool, times: Int) throws -> Outcome {
    let graph = try RoadGraph(roads: try Layer.readGeoJSON(path: roadsPath), crs: CRS("EPSG:32619"))
    let snapper = try NetworkSnapper(graph)
    let snaps = try (0..<count).map { try snapper.snap(graph.position(of: $0 * graph.nodeCount / count)) }
    return try isochroneFacilities(graph: graph, facilities: snaps, reference: reference, times: times)
}

/// The parishes prepared as a study (inside the timed runs, as the
/// projection always was); a population that is missing counts as 0.
func study(of parishes: Layer, file: String) throws -> Study {
    try Study(territories: try StudyTerritories(parishes, file: file, idField: "code", missingPopulation: .zero))
}

/// Max-p circuits of at least 50,000 people: contiguity, growth and local
/// search (what spopt's MaxPHeuristic does with rook weights).
func maxP(_ parishesPath: String, times: Int) throws -> Outcome {
    let parishes = try Layer.readGeoJSON(path: parishesPath)
    var regions = 0
    let runs = try timed(times) {
        var suggestion = GroupingSuggestion()
        suggestion.minimumPopulation = 50_000
        regions = try suggestion.run(try study(of: parishes, file: parishesPath)).regions
    }
    return Outcome(runs: runs, counts: ["parishes": parishes.count, "regions": regions])
}

/// 30 contiguous circuits as alike in population as possible (SKATER),
/// reporting the sum of squared deviations of population within them.
func skater(_ parishesPath: String, times: Int) throws -> Outcome {
    let parishes = try Layer.readGeoJSON(path: parishesPath)
    var regions = 0
    var ssd = 0.0
    let runs = try timed(times) {
        var suggestion = GroupingSuggestion()
        suggestion.regions = 30
        suggestion.objective = .heterogeneity
        suggestion.valueField = "population"
        let result = try suggestion.run(try study(of: parishes, file: parishesPath))
        regions = result.regions
        ssd = result.objective
    }
    return Outcome(runs: runs, counts: ["parishes": parishes.count, "regions": regions, "ssd": Int(ssd.rounded())])
}

/// The layered network written by bench/flow_network.py, solved by cost
/// scaling (building it counts, reading the file does not). Set
/// FLOW_SOLVER=simplex for the network simplex instead.
func minCostFlow(_ path: String, times: Int) throws -> Outcome {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let values = data.withUnsafeBytes { Array($0.bindMemory(to: Int64.self)) }
    let nodes = Int(values[0]), arcs = Int(values[1])
    var cost: Int64 = 0, shortfall: Int64 = 0
    func solve<Solver: FlowSolver>(_: Solver.Type) -> MinCostFlow.Solution {
        var flow = Solver(nodeCount: nodes)
        for arc in 0..<arcs {
            let base = 2 + 4 * arc
            flow.addArc(from: Int(values[base]), to: Int(values[base + 1]), capacity: values[base + 2], cost: values[base + 3])
        }
        let supplies = 2 + 4 * arcs
        for node in 0..<nodes where values[supplies + node] != 0 { flow.setSupply(node, values[supplies + node]) }
        return flow.solve()
    }
    let simplex = ProcessInfo.processInfo.environment["FLOW_SOLVER"] == "simplex"
    let runs = timed(times) {
        let solution = simplex ? solve(NetworkSimplex.self) : solve(CostScaling.self)
        cost = solution.cost
        shortfall = solution.shortfall
    }
    return Outcome(runs: runs, counts: ["nodes": nodes, "arcs": arcs, "cost": Int(cost), "shortfall": Int(shortfall)])
}

/// The instance of bench/siting_instance.py solved by `Siting` (p-median or
/// MCLP), the Euclidean cost matrix made outside the timing, as the anchor
/// does; the objective is compared with spopt's.
func siting(_ path: String, mclp: Bool, times: Int) throws -> Outcome {
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    func points(_ key: String) -> [Position?] { (object[key] as! [[Double]]).map { Position(x: $0[0], y: $0[1]) } }
    let demand = points("demand"), candidates = points("candidates")
    let weights = object["weights"] as! [Double]
    let p = object["p"] as! Int, radius = object["radius"] as! Double
    let problem = SitingProblem(demandIDs: demand.indices.map(String.init), weights: weights,
                                candidateIDs: candidates.indices.map(String.init),
                                cost: SitingCosts.metres(from: demand, to: candidates))
    var result: SitingResult?
    let runs = try timed(times) {
        result = try Siting(method: mclp ? .maximalCovering(p: p, radius: radius) : .pMedian(p: p)).run(problem)
    }
    return Outcome(runs: runs, counts: ["demand": demand.count, "candidates": candidates.count, "nodes": result!.nodes,
                                        "optimal": result!.optimal ? 1 : 0],
                   values: ["objective": result!.objective, "gap": result!.gap ?? -1])
}

var arguments = Array(CommandLine.arguments.dropFirst())
var repeatCount = 3
if let flag = arguments.firstIndex(of: "--repeat"), flag + 1 < arguments.count {
    repeatCount = Int(arguments[flag + 1]) ?? 3
    arguments.removeSubrange(flag...(flag + 1))
}
// The isochrone tasks: today's method before issue 23 instead of the new
// one, and where to write the band areas for comparison.
let reference = arguments.contains("--reference")
arguments.removeAll { $0 == "--reference" }
var areasPath: String?
if let flag = arguments.firstIndex(of: "--areas"), flag + 1 < arguments.count {
    areasPath = arguments[flag + 1]
    arguments.removeSubrange(flag...(flag + 1))
}
guard let task = arguments.first else {
    FileHandle.standardError.write(Data("usage: territorio-bench geojson-roundtrip IN OUT | to-utm IN | validity IN [--repeat N]\n".utf8))
    exit(2)
}
let outcome: Outcome
switch task {
case "geojson-roundtrip": outcome = try geoJSONRoundTrip(arguments[1], arguments[2], times: repeatCount)
case "to-utm": outcome = try toUTM(arguments[1], times: repeatCount)
case "validity": outcome = try validity(arguments[1], times: repeatCount)
case "dissolve": outcome = try dissolve(arguments[1], times: repeatCount)
case "interpolate": outcome = try interpolate(arguments[1], arguments[2], times: repeatCount)
case "buffer-coverage": outcome = try bufferCoverage(arguments[1], arguments[2], times: repeatCount)
case "voronoi": outcome = try voronoi(arguments[1], arguments[2], times: repeatCount)
case "graph-matrix": outcome = try graphMatrix(arguments[1], times: repeatCount)
case "isochrones": outcome = try isochrones(arguments[1], times: repeatCount)
case "isochrone-bands": outcome = try isochroneBands(arguments[1], times: repeatCount)
case "isochrone-duitama", "isochrone-duitama-sample": outcome = try isochroneDuitama(arguments[1], arguments[2], every: arguments.count > 3 ? Int(arguments[3]) ?? 1 : 1,
                                                        reference: reference, times: repeatCount)
case "isochrone-grid": outcome = try isochroneGrid(arguments[1], count: arguments.count > 2 ? Int(arguments[2]) ?? 20 : 20,
                                                   reference: reference, times: repeatCount)
case "maxp": outcome = try maxP(arguments[1], times: repeatCount)
case "skater": outcome = try skater(arguments[1], times: repeatCount)
case "min-cost-flow", "min-cost-flow-networkx": outcome = try minCostFlow(arguments[1], times: repeatCount)
case "join": outcome = try join(arguments[1], arguments[2], times: repeatCount)
case "duitama-matrix": outcome = try duitamaMatrix(arguments[1], arguments[2], times: repeatCount)
case "join-write": outcome = try joinWrite(arguments[1], arguments[2], arguments[3], times: repeatCount)
case "p-median", "mclp": outcome = try siting(arguments[1], mclp: task == "mclp", times: repeatCount)
case "point-in-polygon": outcome = try pointInPolygon(arguments[1], arguments[2], times: repeatCount)
default:
    FileHandle.standardError.write(Data("unknown task \(task)\n".utf8))
    exit(2)
}
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
if let areasPath, let areas = outcome.areas {
    try areas.map { String($0) }.joined(separator: "\n").write(toFile: areasPath, atomically: true, encoding: .utf8)
}
var result: [String: Any] = [
    "task": task,
    "tool": reference ? "territorio before issue 23: one union per band (\(Parallelism.workers) workers)"
                      : "territorio (\(Parallelism.workers) workers)",
    "median_seconds": outcome.runs.sorted()[outcome.runs.count / 2],
    "runs": outcome.runs,
    "peak_rss_bytes": usage.ru_maxrss * 1024,
]
for (key, value) in outcome.counts { result[key] = value }
for (key, value) in outcome.values { result[key] = value }
let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
print(String(decoding: json, as: UTF8.self))
