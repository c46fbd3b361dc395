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
public struct HierarchySpec: Sendable {
    public struct Level: Sendable {
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

    /// Reads a spec's JSON, once, with the project's JSON reader; `name` is
    /// the file in messages (a syntax error gives its line and column),
    /// `folder` what level files are relative to. (The CLI reads the file:
    /// `SpecFiles`.)
    public static func parse(_ data: Data, name: String, folder: String = ".") throws(ReadError) -> HierarchySpec {
        guard !data.isEmpty else { throw ReadError(file: name, message: "the file is empty; expected a hierarchy spec (JSON)") }
        let root = try SpecObject(JSONValue(parsingJSON: Array(data), name: name), place: "the spec", file: name, kind: "a hierarchy spec")
        let values = try root.required("levels", root.array)
        var levels: [Level] = []
        for (index, value) in values.enumerated() {
            let entry = try SpecObject(value, place: "levels[\(index)]", file: name, kind: "a level")
            levels.append(Level(name: try entry.required("name", entry.string), file: try entry.required("file", entry.string),
                                id: try entry.string("id"), nameField: try entry.string("nameField"),
                                parent: try entry.string("parent"), parentNameField: try entry.string("parentNameField"),
                                population: try entry.string("population"), dissolve: try entry.bool("dissolve")))
        }
        guard !levels.isEmpty else { throw ReadError(file: name, message: "\"levels\" is empty") }
        for (index, level) in levels.enumerated() where index > 0 && level.parent == nil {
            throw ReadError(file: name, message: "level \(index) (\(level.name)) has no \"parent\" field naming its parent's code")
        }
        return HierarchySpec(levels: levels, folder: folder)
    }

    public func path(of level: Level) -> String {
        level.file.hasPrefix("/") ? level.file : URL(fileURLWithPath: folder).appendingPathComponent(level.file).path
    }
}
