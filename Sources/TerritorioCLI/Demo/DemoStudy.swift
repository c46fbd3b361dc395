import Geo

/// The study file of the demo (out/study.json): the sample territory's
/// inputs, named once, which the coverage and distribution steps read with
/// `--study`. Its paths are relative to the output folder, as a study's are.
struct DemoStudy {
    let steps: DemoSteps

    var path: String { steps.out("study.json") }

    /// `data`'s file `name` as seen from the output folder.
    private func input(_ name: String) -> String {
        StudyPaths.relative(steps.input(name), from: steps.output)
    }

    /// Indented by hand: a file a planner reads and copies.
    var text: String {
        func quoted(_ text: String) -> String { JSONValue.string(text).jsonText }
        let chains = DemoSteps.chains.map { "    " + quoted(input("chains/\($0).json")) }.joined(separator: ",\n")
        return """
            {
              "description": "The sample territory of territorio demo: parishes, actors, four chains and the circuits by municipality",
              "territories": {"file": \(quoted(input("parishes.geojson"))), "id_field": "code", "name_field": "name", "population_field": "population"},
              "sites": {"file": \(quoted(input("sites.geojson")))},
              "chains": [
            \(chains)
              ],
              "grouping": \(quoted(input("groupings/circuits_by_municipality.csv")))
            }

            """
    }
}
