import Foundation
import Geo

/// A road network as compact arrays: nodes at every vertex (roads that
/// share a vertex meet there), one segment per pair of consecutive
/// vertices, and the directed arcs in compressed sparse rows, so a graph
/// of a million segments is a few flat arrays, not a million objects.
/// Coordinates are metres in `crs`; costs are minutes.
public struct RoadGraph: Sendable {
    public let crs: CRS
    /// x, y of each node.
    public private(set) var nodeXY: [Double]
    /// Each segment: its two nodes, length in metres, minutes to travel
    /// it, which ways it may be travelled, and the road feature it is from.
    public private(set) var segmentFrom: [Int32]
    public private(set) var segmentTo: [Int32]
    public private(set) var segmentLength: [Double]
    public private(set) var segmentMinutes: [Double]
    public private(set) var segmentForward: [Bool]
    public private(set) var segmentBackward: [Bool]
    public private(set) var segmentFeature: [Int32]
    /// Arcs out of node n: `arcStart[n] ..< arcStart[n + 1]`.
    public private(set) var arcStart: [Int32]
    public private(set) var arcTarget: [Int32]
    public private(set) var arcMinutes: [Double]
    public private(set) var arcSegment: [Int32]
    /// Features in the roads layer; those with no segment (not lines,
    /// empty, a single point) are the difference from `featuresUsed`.
    public private(set) var featureCount = 0
    public var featuresUsed: Int { Set(segmentFeature).count }
    /// Segments timed at the attributes' default speed: those whose road
    /// has no class, and those by each class the speeds do not list.
    public private(set) var defaultSpeed = 30.0
    public private(set) var defaultedWithoutClass = 0
    public private(set) var defaultedByClass: [String: Int] = [:]
    public var defaultedSegments: Int { defaultedWithoutClass + defaultedByClass.values.reduce(0, +) }

    public var nodeCount: Int { nodeXY.count / 2 }
    public var segmentCount: Int { segmentFrom.count }
    public var arcCount: Int { arcTarget.count }

    public func position(of node: Int) -> Position { Position(x: nodeXY[2 * node], y: nodeXY[2 * node + 1]) }

    /// Builds the graph from the line features of `roads`, in the metric
    /// CRS for them (or `crs`). `nodeCrossings` first nodes the lines with
    /// GEOS, so roads that cross without a shared vertex meet too.
    public init(roads: Layer, attributes: RoadAttributes = RoadAttributes(), crs: CRS? = nil,
                nodeCrossings: Bool = false, file: String = "<roads>") throws {
        guard let metric = try crs ?? roads.metricCRS() else { throw ReadError(file: file, message: "the roads have no geometry") }
        self.crs = metric
        featureCount = roads.count
        defaultSpeed = attributes.defaultSpeed
        var lines = try Self.lines(of: try roads.projected(to: metric, file: file), file: file)
        if nodeCrossings { lines = try Self.noded(lines) }
        nodeXY = []
        segmentFrom = []; segmentTo = []; segmentLength = []; segmentMinutes = []
        segmentForward = []; segmentBackward = []; segmentFeature = []
        arcStart = []; arcTarget = []; arcMinutes = []; arcSegment = []
        var nodeOf: [PointKey: Int32] = [:]
        func node(_ x: Double, _ y: Double) -> Int32 {
            let key = PointKey(x: x, y: y)
            if let existing = nodeOf[key] { return existing }
            let id = Int32(nodeXY.count / 2)
            nodeXY += [x, y]
            nodeOf[key] = id
            return id
        }
        for line in lines {
            let (speed, defaulted, roadClass) = attributes.speedChoice(of: roads.features[line.feature].properties)
            let direction = attributes.direction(of: roads.features[line.feature].properties)
            let values = line.sequence.values, dimension = line.sequence.dimension
            var previous = node(values[0], values[1])
            for base in stride(from: dimension, to: values.count, by: dimension) {
                let current = node(values[base], values[base + 1])
                guard current != previous else { continue }
                let a = Int(previous), b = Int(current)
                let length = hypot(nodeXY[2 * b] - nodeXY[2 * a], nodeXY[2 * b + 1] - nodeXY[2 * a + 1])
                segmentFrom.append(previous)
                segmentTo.append(current)
                segmentLength.append(length)
                segmentMinutes.append(length / (speed * 1000 / 60))
                segmentForward.append(direction != .backward)
                segmentBackward.append(direction != .forward)
                segmentFeature.append(Int32(line.feature))
                if defaulted {
                    if let roadClass { defaultedByClass[roadClass, default: 0] += 1 } else { defaultedWithoutClass += 1 }
                }
                previous = current
            }
        }
        // Arcs in compressed sparse rows: count per node, then place.
        var start = [Int32](repeating: 0, count: nodeXY.count / 2 + 1)
        for segment in segmentFrom.indices {
            if segmentForward[segment] { start[Int(segmentFrom[segment]) + 1] += 1 }
            if segmentBackward[segment] { start[Int(segmentTo[segment]) + 1] += 1 }
        }
        for node in 1..<start.count { start[node] += start[node - 1] }
        var next = start
        let arcs = Int(start.last!)
        var target = [Int32](repeating: 0, count: arcs), minutes = [Double](repeating: 0, count: arcs)
        var segments = [Int32](repeating: 0, count: arcs)
        let segmentMinutes = self.segmentMinutes
        func place(_ from: Int32, _ to: Int32, _ segment: Int) {
            let slot = Int(next[Int(from)])
            target[slot] = to
            minutes[slot] = segmentMinutes[segment]
            segments[slot] = Int32(segment)
            next[Int(from)] += 1
        }
        for segment in segmentFrom.indices {
            if segmentForward[segment] { place(segmentFrom[segment], segmentTo[segment], segment) }
            if segmentBackward[segment] { place(segmentTo[segment], segmentFrom[segment], segment) }
        }
        arcStart = start
        arcTarget = target
        arcMinutes = minutes
        arcSegment = segments
    }

    struct Line {
        let feature: Int
        let sequence: CoordinateSequence
    }

    private static func lines(of roads: Layer, file: String) throws -> [Line] {
        var lines: [Line] = []
        for (index, feature) in roads.features.enumerated() {
            switch feature.geometry {
            case .lineString(let sequence)?: if sequence.count >= 2 { lines.append(Line(feature: index, sequence: sequence)) }
            case .multiLineString(let parts)?: lines += parts.filter { $0.count >= 2 }.map { Line(feature: index, sequence: $0) }
            case nil: continue
            case let other?:
                throw ReadError(file: file, featureIndex: index, featureID: feature.id,
                                message: "a road must be a LineString or MultiLineString, not a \(other.type.rawValue)")
            }
        }
        return lines
    }

    /// The lines split by GEOS wherever they cross or touch; each piece
    /// keeps the first road (in file order) it lies on.
    private static func noded(_ lines: [Line]) throws -> [Line] {
        let context = GEOSContext.current
        let geometries = try lines.map { try Geometry(.lineString($0.sequence), context: context) }
        let index = try SpatialIndex(geometries, context: context)
        var pieces: [Line] = []
        for piece in try Geometry.collection(geometries, context: context).noded().parts {
            guard case .lineString(let sequence) = piece.shape, sequence.count >= 2 else { continue }
            let a = sequence[0], b = sequence[1]
            let middle = try Geometry(.point(Position(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2)), context: context)
            let owner = try index.query(middle).first { try geometries[$0].distance(to: middle) < 1e-6 } ?? 0
            pieces.append(Line(feature: lines[owner].feature, sequence: sequence))
        }
        return pieces
    }
}

/// Exact coordinates as a hash key.
private struct PointKey: Hashable {
    let x: UInt64
    let y: UInt64

    init(x: Double, y: Double) {
        self.x = (x == 0 ? 0 : x).bitPattern
        self.y = (y == 0 ? 0 : y).bitPattern
    }
}

extension RoadGraph {
    /// The same graph with every arc turned round: an arc u → v here is
    /// the arc v → u of `self`, same minutes and segment. A search over it
    /// from a destination gives each node's minutes *to* that destination,
    /// one-way roads followed backwards. (`source(of:)` does not apply to
    /// its arcs: the node an arc leaves from is the other end of its segment
    /// from `arcTarget`, as it is here too, but `ShortestPaths.arcs(to:in:)`
    /// would list the chain towards the destination.)
    public func reversed() -> RoadGraph {
        var copy = self
        var start = [Int32](repeating: 0, count: nodeCount + 1)
        for arc in 0..<arcCount { start[Int(arcTarget[arc]) + 1] += 1 }
        for node in 1..<start.count { start[node] += start[node - 1] }
        var next = start
        var target = [Int32](repeating: 0, count: arcCount), minutes = [Double](repeating: 0, count: arcCount)
        var segments = [Int32](repeating: 0, count: arcCount)
        for node in 0..<nodeCount {
            for arc in Int(arcStart[node])..<Int(arcStart[node + 1]) {
                let from = Int(arcTarget[arc])
                let slot = Int(next[from])
                target[slot] = Int32(node)
                minutes[slot] = arcMinutes[arc]
                segments[slot] = arcSegment[arc]
                next[from] += 1
            }
        }
        copy.arcStart = start
        copy.arcTarget = target
        copy.arcMinutes = minutes
        copy.arcSegment = segments
        return copy
    }
}
