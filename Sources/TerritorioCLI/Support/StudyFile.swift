import ArgumentParser
import Foundation
import Geo
import Territory

/// A study's inputs named once (`study.json`), for `--study FILE`:
///
///     {"territories": {"file": "parishes.geojson", "id_field": "code"},
///      "sites": {"file": "sites.geojson"},
///      "chains": ["chains/cheese.json"],
///      "grouping": "groupings/circuits.csv"}
///
/// Every key is the name of the flag it stands for (`id_field` for
/// `--id-field`); a key the file does not know is an error listing the
/// known ones, so a planner's typo is never ignored. Paths are relative to
/// the study file's folder, and are kept as paths from the working folder
/// (`out/study.json` naming `../geodata/x.geojson` gives `geodata/x.geojson`),
/// so messages and reports name the same file the flags would. Every file
/// it names must exist: an error names the study file and the key.
struct StudyFile {
    struct Territories {
        var file: String
        var idField: String?
        var nameField: String?
        var populationField: String?
        var missingPopulation: MissingValuePolicy?
    }

    struct Sites {
        var file: String
        var idField: String?
        var productField: String?
        var stageField: String?
        var capacityField: String?
        var unitField: String?
        var ownerField: String?
    }

    struct Roads {
        var file: String
        var speeds: String?
        var roadTypeField: String?
        var nodeCrossings: Bool?
        var maxSnap: Length?
        var offRoadSpeed: Double?
    }

    /// The study file's own path, for messages.
    let path: String
    var territories: Territories?
    var sites: Sites?
    var chains: [String] = []
    var grouping: String?
    var zones: String?
    var roads: Roads?

    static let keys = ["version", "description", "territories", "sites", "chains", "grouping", "zones", "roads"]
    static let territoryKeys = ["file", "id_field", "name_field", "population_field", "missing_population"]
    static let siteKeys = ["file", "id_field", "product_field", "stage_field", "capacity_field", "unit_field", "owner_field"]
    static let roadKeys = ["file", "speeds", "road_type_field", "node_crossings", "max_snap", "off_road_speed"]

    /// Every file the study names, as resolved: inputs of any command run with it.
    var files: [String] {
        [territories?.file, sites?.file].compactMap { $0 } + chains + [grouping, zones, roads?.file].compactMap { $0 }
    }

    static func read(path: String) throws(ReadError) -> StudyFile {
        try parse(SpecFiles.read(path), path: path)
    }

    static func parse(_ data: Data, path: String) throws(ReadError) -> StudyFile {
        guard !data.isEmpty else { throw ReadError(file: path, reason: .emptyStudy) }
        let root = try SpecObject(JSONValue(parsingJSON: Array(data), name: path), place: "the study", file: path,
                                  kind: "a study (territories, sites, chains, grouping, zones, roads)")
        try root.rejectUnknown(keys)
        if let version = try root.number("version"), version != 1 { throw root.fail("version \(version) is not known; the version is 1") }
        _ = try root.string("description")
        let folder = StudyPaths.folder(of: path)
        func file(_ text: String, key: String) throws(ReadError) -> String {
            guard !text.isEmpty else { throw root.fail("\(key) is empty; give a file's path, relative to the study file") }
            let resolved = StudyPaths.resolve(text, in: folder)
            guard StudyPaths.exists(resolved) else {
                throw root.fail("\(key): no file \(text)\(resolved == text ? "" : " (\(resolved), relative to the study file)"); correct the path in the study, or give the flag instead")
            }
            return resolved
        }
        /// `key` as a file, or an object with a "file" and `known` keys.
        func section(_ key: String, known: [String]) throws(ReadError) -> (file: String, object: SpecObject?)? {
            if case .string(let text)? = root.object[key] { return (try file(text, key: key), nil) }
            guard let object = try root.object(key, kind: "a file or an object with \"file\"") else { return nil }
            try object.rejectUnknown(known)
            return (try file(try object.required("file", object.string), key: "\(key).file"), object)
        }

        var study = StudyFile(path: path)
        if let (path, object) = try section("territories", known: territoryKeys) {
            var missing: MissingValuePolicy?
            if let text = try object?.string("missing_population") {
                guard let policy = MissingValuePolicy(rawValue: text) else {
                    throw root.fail("territories.missing_population: '\(text)' is not a policy; give error, zero or skip")
                }
                missing = policy
            }
            study.territories = Territories(file: path, idField: try object?.string("id_field"), nameField: try object?.string("name_field"),
                                            populationField: try object?.string("population_field"), missingPopulation: missing)
        }
        if let (path, object) = try section("sites", known: siteKeys) {
            study.sites = Sites(file: path, idField: try object?.string("id_field"), productField: try object?.string("product_field"),
                                stageField: try object?.string("stage_field"), capacityField: try object?.string("capacity_field"),
                                unitField: try object?.string("unit_field"), ownerField: try object?.string("owner_field"))
        }
        for (index, chain) in (try root.strings("chains") ?? []).enumerated() {
            study.chains.append(try file(chain, key: "chains[\(index)]"))
        }
        study.grouping = try root.string("grouping").map { text throws(ReadError) in try file(text, key: "grouping") }
        study.zones = try root.string("zones").map { text throws(ReadError) in try file(text, key: "zones") }
        if let (path, object) = try section("roads", known: roadKeys) {
            var roads = Roads(file: path, speeds: try object?.string("speeds"), roadTypeField: try object?.string("road_type_field"),
                              nodeCrossings: try object?.bool("node_crossings"))
            if let text = try object?.string("max_snap") {
                guard let length = Length(text) else { throw root.fail("roads.max_snap: \(Distance.complaint(about: text, flag: "max_snap", example: "500m or 2km"))") }
                roads.maxSnap = length
            }
            if let speed = try object?.number("off_road_speed") {
                guard speed.isFinite, speed > 0 else { throw root.fail("roads.off_road_speed takes km/h above 0, not \(speed)") }
                roads.offRoadSpeed = speed
            }
            study.roads = roads
        }
        return study
    }

    /// The one chain of a command that takes one (distribute, catchment):
    /// the study's when it names exactly one; with several, the command
    /// must be told which (picking the first would be a guess).
    func singleChain(command: String) throws -> String? {
        guard chains.count > 1 else { return chains.first }
        throw ValidationError(Diagnostics.text(.usage(.studyNamesSeveralChains(study: path, chains: chains, command: command))))
    }
}
