/// Finds what is wrong with a layer's features: invalid or empty
/// geometries, rings that do not close, coordinates outside longitude and
/// latitude, mixed 2D/3D positions, and ids used twice. GEOS judges
/// validity; the rest is read off the coordinates, since GEOS refuses such
/// geometries outright.
public enum LayerValidator {
    public static func problems(in layer: Layer) throws -> [Problem] {
        let features = layer.features
        let geographic = layer.crs.isWGS84
        let perFeature = try parallelChunks(count: features.count, minimumChunk: 256) { range in
            let context = GEOSContext()
            return range.flatMap { index in problems(of: features[index], index: index, geographic: geographic, context: context) }
        }
        return perFeature.flatMap { $0 } + duplicateIDs(in: features)
    }

    public static func problems(of feature: Feature, index: Int, geographic: Bool, context: GEOSContext) -> [Problem] {
        func problem(_ kind: Problem.Kind, _ reason: String, _ location: Position? = nil) -> Problem {
            Problem(index: index, id: feature.id, kind: kind, reason: reason, location: location)
        }
        guard let shape = feature.geometry, !shape.isEmpty else {
            return [problem(.emptyGeometry, feature.geometry == nil ? "the geometry is null" : "the geometry is empty")]
        }
        var found: [Problem] = []
        if shape.sequences.contains(where: \.hasMixedDimensions) {
            found.append(problem(.mixedDimensions, "some positions have z and others do not"))
        }
        if geographic, let outside = firstPositionOutOfRange(shape) {
            found.append(problem(.outOfRange, "(\(outside.x), \(outside.y)) lies outside longitude -180..180, latitude -90..90", outside))
        }
        let unclosed = shape.rings.filter { !$0.isClosed && !$0.isEmpty }
        if let ring = unclosed.first {
            found.append(problem(.unclosedRing, "\(unclosed.count) ring(s) do not end where they start", ring[0]))
            return found
        }
        do {
            let geometry = try Geometry(shape, context: context)
            if let invalid = try geometry.validityProblem() {
                found.append(problem(.invalidGeometry, invalid.reason, invalid.location))
            }
        } catch {
            found.append(problem(.invalidGeometry, error.message))
        }
        return found
    }

    static func firstPositionOutOfRange(_ shape: Shape) -> Position? {
        var outside: Position?
        shape.forEachPosition { position in
            if outside == nil, !(-180...180).contains(position.x) || !(-90...90).contains(position.y) {
                outside = position
            }
        }
        return outside
    }

    static func duplicateIDs(in features: [Feature]) -> [Problem] {
        var firstIndex: [FeatureID: Int] = [:]
        var problems: [Problem] = []
        for (index, feature) in features.enumerated() {
            guard let id = feature.id else { continue }
            if let first = firstIndex[id] {
                problems.append(Problem(index: index, id: id, kind: .duplicateID, reason: "id \(id) is also feature \(first)'s"))
            } else {
                firstIndex[id] = index
            }
        }
        return problems
    }
}
