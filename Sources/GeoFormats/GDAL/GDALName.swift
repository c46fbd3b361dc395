import CGDAL
import Foundation

/// Names GDAL opens that are not plain files, taken as they are:
///
/// - a connection string, `DRIVER:...` (`PG:host=... dbname=...`, with
///   GDAL's own `tables=NAME` to pick a table);
/// - a virtual path, `/vsizip/archive.zip/inner.shp`,
///   `/vsigzip/file.geojson.gz`, `/vsistdin/`, and the other `/vsi...`;
/// - `GPKG:file.gpkg:layer`, which Territorio splits into the file and the
///   layer (GDAL 3.6 itself opens every layer of the file).
public enum GDALName {
    /// True when only GDAL can open `name`: Territorio's own readers and
    /// writers, and the checks made on files, do not apply.
    public static func isGDALOnly(_ name: String) -> Bool {
        isVirtual(name) || isConnection(name)
    }

    public static func isVirtual(_ name: String) -> Bool {
        name.hasPrefix("/vsi")
    }

    /// `DRIVER:...` with an upper-case driver prefix (`PG:`, `MYSQL:`,
    /// `GPKG:`), when no file of that name exists.
    public static func isConnection(_ name: String) -> Bool {
        guard let colon = name.firstIndex(of: ":"), colon != name.startIndex else { return false }
        let prefix = name[..<colon]
        guard prefix.first!.isLetter,
              prefix.allSatisfy({ ($0.isUppercase && $0.isASCII) || $0.isNumber || $0 == "_" }) else { return false }
        return !FileManager.default.fileExists(atPath: name)
    }

    /// A PostgreSQL/PostGIS connection string, `PG:...`.
    public static func isPostgreSQL(_ name: String) -> Bool {
        (name.hasPrefix("PG:") || name.hasPrefix("pg:")) && !FileManager.default.fileExists(atPath: name)
    }

    /// `GPKG:file:layer` as the file and the layer; nil for anything else.
    public static func geoPackageLayer(_ name: String) -> (file: String, layer: String)? {
        guard name.hasPrefix("GPKG:") else { return nil }
        let rest = name.dropFirst(5)
        guard let colon = rest.lastIndex(of: ":"), colon != rest.startIndex, rest.index(after: colon) != rest.endIndex else { return nil }
        return (String(rest[..<colon]), String(rest[rest.index(after: colon)...]))
    }

    /// The value of `tables=NAME` in a connection string, when it names
    /// one table (`tables=a,b` names two: nil).
    public static func table(in connection: String) -> String? {
        guard let value = option("tables", in: connection), !value.contains(",") else { return nil }
        return value
    }

    /// `key=value` of a connection string (space-separated, values
    /// optionally in single quotes).
    static func option(_ key: String, in connection: String) -> String? {
        let body = connection.drop { $0 != ":" }.dropFirst()
        for item in body.split(separator: " ") {
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == key else { continue }
            return parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "'"))
        }
        return nil
    }

    /// The connection string without `tables=...`: the database itself.
    public static func database(of connection: String) -> String {
        let prefix = connection.prefix { $0 != ":" }
        let body = connection.drop { $0 != ":" }.dropFirst()
        let kept = body.split(separator: " ").filter { !$0.lowercased().hasPrefix("tables=") }.sorted()
        return prefix + ":" + kept.joined(separator: " ")
    }

    /// The local file behind a virtual path (`/vsizip/a.zip/b.shp` gives
    /// `a.zip`, `/vsigzip/c.gz` gives `c.gz`), or behind `GPKG:file:layer`;
    /// nil when there is none (`/vsistdin/`, a database).
    public static func localFile(of name: String) -> String? {
        if let (file, _) = geoPackageLayer(name) { return file }
        guard isVirtual(name) else { return nil }
        var components = name.split(separator: "/", omittingEmptySubsequences: false)
        guard components.count > 2 else { return nil }
        // "", "vsizip", then the path: "{/abs/path}" or a relative one.
        components.removeFirst(2)
        var candidate = components.joined(separator: "/")
        if candidate.hasPrefix("{"), let close = candidate.firstIndex(of: "}") {
            return String(candidate[candidate.index(after: candidate.startIndex)..<close])
        }
        var isFolder: ObjCBool = false
        while !candidate.isEmpty {
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue { return candidate }
            guard let slash = candidate.lastIndex(of: "/") else { return nil }
            candidate = String(candidate[..<slash])
        }
        return nil
    }

    /// False when GDAL's file layer finds nothing at a virtual path
    /// (`/vsistdin/` always exists).
    static func virtualPathExists(_ path: String) -> Bool {
        if path.hasPrefix("/vsistdin") { return true }
        GDAL.prepare()
        guard let file = VSIFOpenL(path, "rb") else { return false }
        VSIFCloseL(file)
        return true
    }
}
