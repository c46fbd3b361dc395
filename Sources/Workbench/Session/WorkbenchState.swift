import Geo
import Territory

/// One state of the session: the study as edited (its grouping is the
/// current grouping), the circuits' names, and the exact distributions
/// already run for its sites and chains (they do not depend on the
/// grouping, so a regrouped state keeps them).
struct WorkbenchState: Sendable {
    var study: Study
    /// Circuit id -> the name the page and the reports show.
    var names: [String: String]
    var distributions: [String: Distribution.Result] = [:]
    /// Which sites and chains the study has: a new number whenever a
    /// scenario changes them (circuits' coverage is kept per number).
    var inputs = 0

    var grouping: Grouping { study.grouping ?? Grouping(rows: []) }

    /// The grouping with its `circuit_name` column, for the CSV and reports.
    var namedGrouping: Grouping {
        let circuits = grouping.circuits
        let named = names.filter { circuits.contains($0.key) }
        return Grouping(rows: grouping.rows,
                        names: CircuitNames(column: "circuit_name", names: named, unnamed: circuits.filter { named[$0] == nil }))
    }

    /// `territory_code,circuit_id,circuit_name`, a row per territory.
    var csv: String {
        var writer = CSVWriter(header: ["territory_code", "circuit_id", "circuit_name"])
        for row in grouping.rows { writer.append([row.territory, row.circuit, names[row.circuit] ?? ""]) }
        return writer.text
    }

    /// The same state grouped by `grouping` (checked against the territories).
    func regrouped(_ grouping: Grouping, file: String, names newNames: [String: String]? = nil) throws -> WorkbenchState {
        var state = self
        state.study = try study.regrouped(Grouping(rows: grouping.rows), file: file)
        if let newNames { state.names = newNames }
        let circuits = Set(grouping.circuits)
        state.names = state.names.filter { circuits.contains($0.key) }
        return state
    }
}
