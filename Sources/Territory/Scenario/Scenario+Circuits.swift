import Geo

/// Moving territories between circuits, creating and merging circuits:
/// edits of the grouping's rows. A territory moved leaves every circuit it
/// was listed in (an overlap included) and is listed once, in its new one.
extension ScenarioWork {
    var circuits: [String] { Grouping(rows: rows).circuits }

    func requireGrouping() throws {
        guard base.grouping != nil else { throw ScenarioRefusal("the study has no grouping of the territories into circuits; name one in the study") }
    }

    /// Every code must be a territory of the study.
    func checkTerritories(_ codes: [String]) throws {
        for code in codes where base.territories.unit(ofCode: code) == nil {
            throw ScenarioRefusal.unknown("territory", code, among: base.territories.codes)
        }
    }

    mutating func move(_ codes: [String], to circuit: String) throws {
        try requireGrouping()
        try checkTerritories(codes)
        guard circuits.contains(circuit) else {
            throw ScenarioRefusal("no circuit \(circuit) to move the territories to (create it with create_circuit); circuits are \(circuits.joined(separator: ", "))")
        }
        place(codes, in: circuit)
    }

    mutating func create(_ id: String, territories codes: [String]) throws {
        try requireGrouping()
        guard !circuits.contains(id) else { throw ScenarioRefusal("a circuit \(id) already exists; move territories to it with move_territories") }
        try checkTerritories(codes)
        place(codes, in: id)
    }

    mutating func merge(_ merged: [String], into id: String) throws {
        try requireGrouping()
        for circuit in merged where !circuits.contains(circuit) {
            throw ScenarioRefusal("no circuit \(circuit); circuits are \(circuits.joined(separator: ", "))")
        }
        guard merged.contains(id) || !circuits.contains(id) else {
            throw ScenarioRefusal("\(id) is a circuit not merged here; name the merged circuit with one of \(merged.joined(separator: ", ")) or a new id")
        }
        var seen = Set<String>()
        rows = rows.compactMap { row in
            guard merged.contains(row.circuit) else { return row }
            // A territory listed in two of the merged circuits is listed once.
            guard seen.insert(row.territory).inserted else { return nil }
            return Grouping.Row(line: row.line, territory: row.territory, circuit: id)
        }
        groupingEdited = true
    }

    private mutating func place(_ codes: [String], in circuit: String) {
        let moving = Set(codes)
        rows.removeAll { moving.contains($0.territory) }
        // Line 0: a row the scenario wrote, in no file.
        for code in codes where !rows.contains(where: { $0.territory == code }) {
            rows.append(Grouping.Row(line: 0, territory: code, circuit: circuit))
        }
        groupingEdited = true
    }
}
