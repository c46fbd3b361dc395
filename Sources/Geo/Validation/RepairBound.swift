/// GEOS MakeValid's linework method nodes every segment against every
/// other: on a noisy ring of 200,000 vertices it passed 16 GB within two
/// minutes. The structure method (the default) rebuilds from rings and
/// stays in proportion; linework is refused above a vertex count it
/// repairs in bounded memory, before any work, naming the feature.
public enum RepairBound {
    /// Vertices of one feature the linework method is given at most.
    public static let lineworkVertexLimit = 20_000

    /// Throws for the first feature above `lineworkVertexLimit`.
    static func check(_ features: [(Feature, Int)], file: String) throws {
        for (feature, index) in features {
            let vertices = feature.geometry?.sequences.reduce(0) { $0 + $1.count } ?? 0
            guard vertices > lineworkVertexLimit else { continue }
            throw ReadError(file: file, featureIndex: index, featureID: feature.id,
                            message: "\(vertices) vertices are more than --repair-method linework repairs in bounded memory (limit \(lineworkVertexLimit)); use --repair-method structure (the default)")
        }
    }
}
