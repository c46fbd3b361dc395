/// A feature's identifier, kept as the input gave it: string or number.
public enum FeatureID: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case number(JSONNumber)

    public var description: String {
        switch self {
        case .string(let string): string
        case .number(let number): number.literal
        }
    }
}
