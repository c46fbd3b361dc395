/// Makes a layer's geometries valid: z dropped where some positions have
/// it and others not, rings closed, rings too short to enclose anything
/// dropped, then GEOS MakeValid. Every feature is kept;
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

    /// Repairs the features with geometry problems. `problems` are the
    /// validator's findings when the caller has them already; without
    /// them the layer is validated first. `measuringAreas` false skips the
    /// areas before and after (reported as 0).
    public static func repair(_ layer: Layer, problems: [Problem]? = nil, measuringAreas: Bool = true,
                              method: Geometry.RepairMethod = .structure, file: String = "<layer>") throws -> (layer: Layer, changes: [Change]) {
        let found = try problems ?? LayerValidator.problems(in: layer)
        let reasons = Dictionary(grouping: found.filter { repairableKinds.contains($0.kind) }, by: \.index)
            .mapValues { problems in problems.filter { $0.kind != .mixedDimensions }.map(\.reason) }
        let indices = reasons.keys.sorted()
        let features = layer.features
        if method == .linework { try RepairBound.check(indices.map { (features[$0], $0) }, file: file) }
        let source = layer.crs
        let metric = measuringAreas ? try layer.metricCRS() ?? source : source
        let repaired = try parallelChunks(count: indices.count, minimumChunk: 16) { range in
            let context = GEOSContext()
            let toMetric = measuringAreas ? try Transformer(from: source, to: metric) : nil
            return try range.map { position -> (Feature, Change) in
                let index = indices[position]
                return try repair(features[index], index: index, reasons: reasons[index] ?? [],
                                  toMetric: toMetric, method: method, context: context)
            }
        }.flatMap { $0 }
        var output = features
        for (feature, change) in repaired { output[change.index] = feature }
        return (Layer(features: output, crs: layer.crs), repaired.map(\.1))
    }

    /// The problems `repair` fixes; the others (duplicate ids, empty
    /// geometries, coordinates out of range) remain.
    public static let repairableKinds: Set<Problem.Kind> = [.invalidGeometry, .unclosedRing, .mixedDimensions]

    private static func repair(_ feature: Feature, index: Int, reasons: [String], toMetric: Transformer?,
                               method: Geometry.RepairMethod, context: GEOSContext) throws -> (Feature, Change) {
        guard var shape = feature.geometry else {
            return (feature, Change(index: index, id: feature.id, actions: [], areaBefore: 0, areaAfter: 0))
        }
        var actions: [String] = []
        if shape.sequences.contains(where: \.hasMixedDimensions) {
            shape = shape.mapSequences(dropZ)
            actions.append("dropped z (some positions had none)")
        }
        let closed = closeRings(shape, actions: &actions)
        let valid = try Geometry(closed, context: context).makeValid(method: method)
        let fixedShape = keepPolygonalParts(of: valid.shape, like: shape, actions: &actions)
        if !reasons.isEmpty { actions.append("made valid (\(reasons.joined(separator: "; ")))") }
        var fixed = feature
        fixed.geometry = fixedShape
        let before = try toMetric.map { try area(closed, $0, context) } ?? 0
        let after = try toMetric.map { try area(fixedShape, $0, context) } ?? 0
        return (fixed, Change(index: index, id: feature.id, actions: actions, areaBefore: before, areaAfter: after))
    }

    /// Area in square metres; GEOS's area of an invalid polygon is the
    /// sum of its rings' areas, which is what the input claimed.
    static func area(_ shape: Shape, _ toMetric: Transformer, _ context: GEOSContext) throws -> Double {
        try Geometry(try toMetric.transform(shape), context: context).area()
    }

    private static func dropZ(_ sequence: CoordinateSequence) -> CoordinateSequence {
        guard sequence.hasZ else { return sequence }
        var values: [Double] = []
        values.reserveCapacity(sequence.count * 2)
        for base in stride(from: 0, to: sequence.values.count, by: 3) {
            values.append(sequence.values[base])
            values.append(sequence.values[base + 1])
        }
        return CoordinateSequence(values: values, hasZ: false)
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
