import Foundation
import Geo

extension ScenarioEdits {
    /// The keys of each edit besides `"edit"`; the first list is required.
    static let keysOfEdit: [String: (required: [String], optional: [String])] = [
        "add_site": (["id", "point", "product", "stage", "capacity", "unit"], ["name", "owner"]),
        "remove_site": (["id"], []),
        "change_site": (["id"], ["capacity", "owner", "stage"]),
        "move_territories": (["territories", "to"], []),
        "create_circuit": (["id", "territories"], []),
        "merge_circuits": (["circuits", "into"], []),
        "set_demand": (["chain", "per_person_month"], []),
        "set_yield": (["chain", "stage", "product", "yield"], ["input"]),
    ]

    /// Reads an edits file's bytes (`name` in messages):
    ///
    ///     {"version": 1, "name": "A cheese plant in Bejuma",
    ///      "edits": [{"edit": "add_site", "id": "NEW-1", "point": [-68.2, 10.17], "product": "cheese",
    ///                 "stage": "processing", "capacity": 40, "unit": "t/month", "owner": "circuit"},
    ///                {"edit": "move_territories", "territories": ["EM0505"], "to": "C-EM08"}]}
    ///
    /// An unknown key, a missing one or a value of the wrong kind is an
    /// error naming the edit's index: a malformed edit is never half read.
    public static func parse(_ data: Data, name file: String) throws(ReadError) -> ScenarioEdits {
        guard !data.isEmpty else { throw ReadError(file: file, message: "the file is empty; expected scenario edits (a JSON object with \"name\" and \"edits\")") }
        let root = try SpecObject(JSONValue(parsingJSON: Array(data), name: file), place: "the scenario", file: file,
                                  kind: "scenario edits (\"name\" and \"edits\")")
        try root.rejectUnknown(["version", "name", "description", "edits"])
        if let version = try root.number("version"), version != 1 { throw root.fail("version \(version) is not known; the version is 1") }
        _ = try root.string("description")
        let name = try root.required("name", root.string)
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw root.fail("\"name\" is empty; name the scenario") }
        let values = try root.required("edits", root.array)
        guard !values.isEmpty else { throw root.fail("\"edits\" is empty; list at least one change") }
        var edits: [ScenarioEdit] = []
        for (index, value) in values.enumerated() {
            edits.append(try edit(SpecObject(value, place: "edits[\(index)]", file: file, kind: "an edit")))
        }
        return ScenarioEdits(name: name, file: file, edits: edits)
    }

    private static func edit(_ object: SpecObject) throws(ReadError) -> ScenarioEdit {
        let kind = try object.required("edit", object.string)
        guard let keys = keysOfEdit[kind] else {
            throw object.fail("\(object.place): unknown edit '\(kind)'; edits are \(ScenarioEdit.kinds.joined(separator: ", "))")
        }
        let place = "\(object.place) (\(kind))"
        func fail(_ message: String) -> ReadError { object.fail("\(place): \(message)") }
        try object.rejectUnknown(["edit"] + keys.required + keys.optional)
        for key in keys.required where object.object[key] == nil || object.object[key] == .null {
            throw fail("no \"\(key)\"; \(kind) takes \(keys.required.joined(separator: ", "))\(keys.optional.isEmpty ? "" : " (and optionally \(keys.optional.joined(separator: ", ")))")")
        }
        func text(_ key: String) throws(ReadError) -> String {
            let value = try object.required(key, object.string).trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { throw fail("\"\(key)\" is empty") }
            return value
        }
        func positive(_ key: String) throws(ReadError) -> Double? {
            guard let value = try object.number(key) else { return nil }
            guard value > 0, value.isFinite else { throw fail("\"\(key)\" must be a number above 0, not \(value)") }
            return value
        }
        func stage(_ key: String) throws(ReadError) -> Stage? {
            guard let name = try object.string(key) else { return nil }
            guard let stage = Stage(named: name) else { throw fail("\"\(key)\" is empty; name a stage of the chain") }
            return stage
        }
        func owner() throws(ReadError) -> Owner? {
            guard let name = try object.string("owner") else { return nil }
            guard let owner = Owner(named: name) else { throw fail("unknown owner '\(name)'; owners are circuit, outside (circuito, externo)") }
            return owner
        }
        func list(_ key: String) throws(ReadError) -> [String] {
            let values = try object.required(key, object.strings)
            guard !values.isEmpty else { throw fail("\"\(key)\" is empty") }
            return values
        }
        switch kind {
        case "add_site":
            let point = try object.required("point", object.array)
            guard point.count == 2, case .number(let longitude) = point[0], case .number(let latitude) = point[1],
                  abs(longitude.value) <= 180, abs(latitude.value) <= 90 else {
                throw fail("\"point\" must be [longitude, latitude] in degrees (WGS 84), e.g. [-68.0, 10.2]")
            }
            let unitName = try text("unit")
            guard let unit = CapacityUnit(named: unitName) else { throw fail("\"unit\" is empty") }
            return .addSite(SiteAddition(id: try text("id"), name: try object.string("name"), longitude: longitude.value,
                                         latitude: latitude.value, product: try text("product"), stage: try stage("stage")!,
                                         capacity: try positive("capacity")!, unit: unit, owner: try owner() ?? .circuit))
        case "remove_site":
            return .removeSite(id: try text("id"))
        case "change_site":
            let capacity = try positive("capacity"), owner = try owner(), stage = try stage("stage")
            guard capacity != nil || owner != nil || stage != nil else { throw fail("changes nothing; give capacity, owner or stage") }
            return .changeSite(id: try text("id"), capacity: capacity, owner: owner, stage: stage)
        case "move_territories":
            return .moveTerritories(try list("territories"), to: try text("to"))
        case "create_circuit":
            return .createCircuit(id: try text("id"), territories: try list("territories"))
        case "merge_circuits":
            let circuits = try list("circuits")
            guard Set(circuits).count >= 2 else { throw fail("\"circuits\" must name two circuits or more") }
            return .mergeCircuits(circuits, into: try text("into"))
        case "set_demand":
            guard let demand = try object.number("per_person_month"), demand >= 0, demand.isFinite else {
                throw fail("\"per_person_month\" must be a number of 0 or more (kg per person per month for t/month chains)")
            }
            return .setDemand(chain: try text("chain"), perPersonMonth: demand)
        default:
            return .setYield(chain: try text("chain"), stage: try stage("stage")!, product: try text("product"),
                             input: try object.string("input"), yield: try positive("yield")!)
        }
    }
}
