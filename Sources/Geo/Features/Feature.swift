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

/// One geographic feature: an identifier, a geometry and properties.
public struct Feature: Sendable, Hashable {
    public var id: FeatureID?
    /// Nil for a feature without geometry (`"geometry": null`).
    public var geometry: Shape?
    public var properties: JSONObject

    public init(id: FeatureID? = nil, geometry: Shape?, properties: JSONObject = JSONObject()) {
        self.id = id
        self.geometry = geometry
        self.properties = properties
    }
}
