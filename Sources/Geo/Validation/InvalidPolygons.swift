/// Counts polygons GEOS finds invalid, for commands that copy features as
/// they came and must say how many invalid ones they passed through.
public enum InvalidPolygons {
    /// Features whose polygon, multipolygon or polygonal collection member
    /// is invalid (or cannot even be built: an unclosed ring).
    public static func count(in features: [Feature]) throws -> Int {
        let counts = try parallelChunks(count: features.count, minimumChunk: 256) { range in
            let context = GEOSContext()
            return range.reduce(0) { count, index in
                guard let shape = features[index].geometry, isInvalid(shape, context: context) else { return count }
                return count + 1
            }
        }
        return counts.reduce(0, +)
    }

    static func isInvalid(_ shape: Shape, context: GEOSContext) -> Bool {
        switch shape {
        case .polygon, .multiPolygon:
            guard let geometry = try? Geometry(shape, context: context) else { return true }
            return (try? geometry.isValid()) != true
        case .geometryCollection(let members):
            return members.contains { isInvalid($0, context: context) }
        default:
            return false
        }
    }
}
