import Foundation
import Geo

/// The levels of a country's territorial hierarchy, top first, as a small
/// JSON file names them:
///
///     {"levels": [
///       {"name": "department", "file": "provinces.geojson", "dissolve": true, "id": "ADM1_PCODE", "nameField": "ADM1_ES"},
///       {"name": "province", "file": "provinces.geojson", "id": "ADM2_PCODE", "parent": "ADM1_PCODE"},
///       {"name": "municipality", "file": "municipalities.geojson", "id": "ADM3_PCODE", "parent": "ADM2_PCODE",
///        "nameField": "ADM3_ES", "parentNameField": "ADM2_ES", "population": "population"}
///     ]}
///
/// `dissolve` builds a level from a lower level's file by its code field
/// (one file with parent-code fields). Files are relative to the spec.
public struct HierarchySpec: Sendable, Decodable {
    public struct Level: Sendable, Decodable {
        public var name: String
        public var file: String
        /// Field holding the unit's code; the feature id when absent.
        public var id: String?
        public var nameField: String?
        /// Field holding the code of the unit's parent (not on the top level).
        public var parent: String?
        /// Field holding the parent's name, checked against the parent's own.
        public var parentNameField: String?
        public var population: String?
        public var dissolve: Bool?
    }

    public var levels: [Level]
    /// Folder the level files are relative to.
    public var folder: String = "."

    enum CodingKeys: String, CodingKey { case levels }

    public static func read(path: String) throws(ReadError) -> HierarchySpec {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ReadError(file: path, message: "cannot read: \(error.localizedDescription)")
        }
        return try parse(data, name: path, folder: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }

    /// Reads a spec's JSON; `name` is the file in messages, `folder` what
    /// level files are relative to.
    public static func parse(_ data: Data, name: String, folder: String = ".") throws(ReadError) -> HierarchySpec {
        guard !data.isEmpty else { throw ReadError(file: name, message: "the file is empty; expected a hierarchy spec (JSON)") }
        // Our own JSON reader first: its errors give the line and column.
        _ = try JSONValue(parsingJSON: Array(data), name: name)
        var spec: HierarchySpec
        do {
            spec = try JSONDecoder().decode(HierarchySpec.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw ReadError(file: name, message: "\(Self.where(context.codingPath)) has no \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw ReadError(file: name, message: "\(Self.where(context.codingPath)): \(context.debugDescription)")
        } catch {
            throw ReadError(file: name, message: "not a hierarchy spec: \(error.localizedDescription)")
        }
        guard !spec.levels.isEmpty else { throw ReadError(file: name, message: "\"levels\" is empty") }
        for (index, level) in spec.levels.enumerated() where index > 0 && level.parent == nil {
            throw ReadError(file: name, message: "level \(index) (\(level.name)) has no \"parent\" field naming its parent's code")
        }
        spec.folder = folder
        return spec
    }

    private static func `where`(_ path: [CodingKey]) -> String {
        path.isEmpty ? "the spec" : path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    public func path(of level: Level) -> String {
        level.file.hasPrefix("/") ? level.file : URL(fileURLWithPath: folder).appendingPathComponent(level.file).path
    }
}
