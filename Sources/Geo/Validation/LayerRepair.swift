/// Makes a layer's geometries valid: rings closed, rings too short to
/// enclose anything dropped, then GEOS MakeValid. Every feature is kept;
/// each change is reported with the feature's area before and after in
/// square metres (in the layer's metric CRS).
public enum LayerRepair {
    public struct Change: Sendable, Hashable {
        public let index: Int
        public let id: FeatureID?
        public let actions: [String]
        public let areaBefore: Double
        public let areaAfter: Double
    }

    public static func repair(_ layer: Layer, file: String = "<layer>") throws -> (layer: Layer, changes: [Change]) {
        let features = layer.features
        let source = layer.crs
        let metric = try layer.metricCRS() ?? source
        let geographic = source.isWGS84
        let results = try parallelChunks(count: features.count, minimumChunk: 256) { range in
            let context = GEOSContext()
            let toMetric = try Transformer(from: source, to: metric)
            return try range.map { index -> (Feature, Change?) in
                let feature = features[index]
                let problems = LayerValidator.problems(of: feature, index: index, geographic: geographic, context: context)
                    .filter { $0.kind == .invalidGeometry || $0.kind == .unclosedRing }
                guard !problems.isEmpty, let shape = feature.geometry else { return (feature, nil) }
                var actions: [String] = []
                let closed = closeRings(shape, actions: &actions)
                let repaired = try Geometry(closed, context: context).makeValid()
                let fixedShape = keepPolygonalParts(of: repaired.shape, like: shape, actions: &actions)
                actions.append("made valid (\(problems.map(\.reason).joined(separator: "; ")))")
                var fixed = feature
                fixed.geometry = fixedShape
                let before = try area(closed, toMetric, context)
                let after = try area(fixedShape, toMetric, context)
                return (fixed, Change(index: index, id: feature.id, actions: actions, areaBefore: before, areaAfter: after))
            }
        }.flatMap { $0 }
        return (Layer(features: results.map(\.0), crs: layer.crs), results.compactMap(\.1))
    }

    /// Area in square metres; GEOS's area of an invalid polygon is the
    /// sum of its rings' areas, which is what the input claimed.
    static func area(_ shape: Shape, _ toMetric: Transformer, _ context: GEOSContext) throws -> Double {
        try Geometry(try toMetric.transform(shape), context: context).area()
    }

    private static func closeRings(_ shape: Shape, actions: inout [String]) -> Shape {
        func fix(_ rings: [CoordinateSequence]) -> [CoordinateSequence] {
            rings.compactMap { ring in
                var ring = ring
                if !ring.isClosed, ring.count > 0 {
                    ring.values.append(contentsOf: ring.values[0..<ring.dimension])
                    actions.append("closed a ring")
                }
                if ring.count < 4 {
                    actions.append("dropped a ring of \(ring.count) positions")
                    return nil
                }
                return ring
            }
        }
        switch shape {
        case .polygon(let rings): return .polygon(fix(rings))
        case .multiPolygon(let polygons): return .multiPolygon(polygons.map(fix).filter { !$0.isEmpty })
        case .geometryCollection(let members): return .geometryCollection(members.map { closeRings($0, actions: &actions) })
        default: return shape
        }
    }

    /// MakeValid may leave lines or points where a polygon collapsed; a
    /// polygon layer keeps only the polygons, and says so.
    private static func keepPolygonalParts(of repaired: Shape, like original: Shape, actions: inout [String]) -> Shape {
        guard original.type == .polygon || original.type == .multiPolygon,
              case .geometryCollection(let members) = repaired else { return repaired }
        var polygons: [[CoordinateSequence]] = []
        for member in members {
            switch member {
            case .polygon(let rings): polygons.append(rings)
            case .multiPolygon(let parts): polygons.append(contentsOf: parts)
            default: actions.append("dropped a collapsed \(member.type.rawValue) part")
            }
        }
        return polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(polygons)
    }
}
