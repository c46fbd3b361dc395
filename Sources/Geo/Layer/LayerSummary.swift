/// What `info` tells about a layer.
public struct LayerSummary: Sendable {
    public let features: Int
    /// Geometry type names ("Point", "Polygon", "null") with their counts,
    /// in order of first appearance.
    public let geometryTypes: [(type: String, count: Int)]
    public let envelope: Envelope?
    public let crs: CRS
    /// Property names in order of first appearance, each with the JSON
    /// types seen, joined by "|" ("number", "string|null").
    public let properties: [(name: String, types: String)]
    /// Features whose geometry GEOS finds invalid or that cannot be built.
    public let invalid: Int

    public init(_ layer: Layer) throws {
        features = layer.count
        var typeCounts: [String: Int] = [:]
        var typeOrder: [String] = []
        var propertyTypes: [String: [String]] = [:]
        var propertyOrder: [String] = []
        for feature in layer.features {
            let type = feature.geometry?.type.rawValue ?? "null"
            if typeCounts[type] == nil { typeOrder.append(type) }
            typeCounts[type, default: 0] += 1
            for member in feature.properties.members {
                if propertyTypes[member.key] == nil {
                    propertyOrder.append(member.key)
                    propertyTypes[member.key] = []
                }
                if !propertyTypes[member.key]!.contains(member.value.typeName) {
                    propertyTypes[member.key]!.append(member.value.typeName)
                }
            }
        }
        geometryTypes = typeOrder.map { ($0, typeCounts[$0]!) }
        properties = propertyOrder.map { ($0, propertyTypes[$0]!.joined(separator: "|")) }
        envelope = layer.envelope
        crs = layer.crs
        let geometryKinds: Set<Problem.Kind> = [.invalidGeometry, .unclosedRing]
        invalid = Set(try LayerValidator.problems(in: layer).filter { geometryKinds.contains($0.kind) }.map(\.index)).count
    }

    /// The summary as JSON, with the keys `features`, `geometryTypes`,
    /// `bbox`, `crs`, `properties`, `invalid`.
    public var json: JSONValue {
        var object = JSONObject()
        object["features"] = .number(features)
        object["geometryTypes"] = .object(JSONObject(geometryTypes.map { .init(key: $0.type, value: .number($0.count)) }))
        object["bbox"] = envelope.map { .array([.number($0.minX), .number($0.minY), .number($0.maxX), .number($0.maxY)]) } ?? .null
        object["crs"] = .string(crs.definition)
        object["properties"] = .object(JSONObject(properties.map { .init(key: $0.name, value: .string($0.types)) }))
        object["invalid"] = .number(invalid)
        return .object(object)
    }
}
