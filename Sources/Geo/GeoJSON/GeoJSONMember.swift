/// The member names GeoJSON gives meaning to; every other member is
/// skipped.
enum GeoJSONMember {
    case type, features, geometry, geometries, properties, id, coordinates, crs, other

    init(scanner: JSONScanner) {
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
enum GeoJSONType: String {
    case featureCollection = "FeatureCollection"
    case feature = "Feature"
    case point = "Point"
    case lineString = "LineString"
    case polygon = "Polygon"
    case multiPoint = "MultiPoint"
    case multiLineString = "MultiLineString"
    case multiPolygon = "MultiPolygon"
    case geometryCollection = "GeometryCollection"

    var isGeometry: Bool { self != .featureCollection && self != .feature }
}
