/// A CRS that PROJ cannot make or use, or a point it cannot transform.
public enum CRSError: Error, Sendable, CustomStringConvertible {
    case unknownCRS(String, message: String)
    case noTransformation(from: String, to: String, message: String)
    /// `index` counts positions within the transformed buffer.
    case pointFailed(index: Int, position: Position, message: String)

    public var description: String {
        switch self {
        case .unknownCRS(let definition, let message):
            "PROJ does not know the CRS '\(definition)': \(message)"
        case .noTransformation(let from, let to, let message):
            "PROJ found no transformation from \(from) to \(to): \(message)"
        case .pointFailed(_, let position, let message):
            "the point (\(position.x), \(position.y)) cannot be transformed: \(message)"
        }
    }
}
