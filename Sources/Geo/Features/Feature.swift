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
