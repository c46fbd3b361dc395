/// The member names GeoJSON gives meaning to; every other member is
/// skipped.
enum GeoJSONMember {
    case type, features, geometry, geometries, properties, id, coordinates, crs, other

    /// Borrowed: an init takes its arguments owned, and copying the
    /// scanner for every member name cost a tenth of reading a million points.
    init(scanner: borrowing JSONScanner) {
        if scanner.scratchEquals("type") { self = .type }
        else if scanner.scratchEquals("coordinates") { self = .coordinates }
        else if scanner.scratchEquals("geometry") { self = .geometry }
        else if scanner.scratchEquals("properties") { self = .properties }
        else if scanner.scratchEquals("id") { self = .id }
        else if scanner.scratchEquals("features") { self = .features }
        else if scanner.scratchEquals("geometries") { self = .geometries }
        else if scanner.scratchEquals("crs") { self = .crs }
        else { self = .other }
    }
}

/// The values of `"type"`.
enum GeoJSONType: Equatable {
    case featureCollection
    case feature
    case geometry(GeometryType)

    init?(name: String) {
        switch name {
        case "FeatureCollection": self = .featureCollection
        case "Feature": self = .feature
        default:
            guard let type = GeometryType(rawValue: name), type != .linearRing else { return nil }
            self = .geometry(type)
        }
    }

    var name: String {
        switch self {
        case .featureCollection: "FeatureCollection"
        case .feature: "Feature"
        case .geometry(let type): type.rawValue
        }
    }
}
