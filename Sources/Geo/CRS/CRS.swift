import Foundation

/// A coordinate reference system, as the user or the file named it:
/// `EPSG:32619`, `OGC:CRS84`, a GeoJSON 2008 URN, a PROJ string or WKT.
///
/// A plain value; PROJ objects are made from it where they are needed.
public struct CRS: Sendable, Hashable, CustomStringConvertible {
    public let definition: String

    public init(_ definition: String) {
        self.definition = definition.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// WGS 84 longitude, latitude: what RFC 7946 GeoJSON always is.
    public static let wgs84 = CRS("EPSG:4326")

    public var description: String { definition }

    /// True for the names GeoJSON files use for WGS 84 (any axis order,
    /// since Territorio always works longitude first).
    public var isWGS84: Bool {
        let names: Set<String> = [
            "EPSG:4326", "OGC:CRS84", "WGS84", "CRS84",
            "urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84",
            "urn:ogc:def:crs:EPSG::4326", "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
        ]
        return names.contains(definition) || names.contains(definition.uppercased())
    }

    /// The EPSG code when the definition names one directly.
    public var epsgCode: Int? {
        let upper = definition.uppercased()
        for prefix in ["EPSG:", "URN:OGC:DEF:CRS:EPSG::", "URN:OGC:DEF:CRS:EPSG:"] where upper.hasPrefix(prefix) {
            return Int(upper.dropFirst(prefix.count).split(separator: ":").last ?? "")
        }
        return nil
    }

    /// The name to write in a GeoJSON 2008 `crs` member.
    public var urn: String {
        if isWGS84 { return "urn:ogc:def:crs:OGC:1.3:CRS84" }
        if let code = epsgCode { return "urn:ogc:def:crs:EPSG::\(code)" }
        return definition
    }
}
