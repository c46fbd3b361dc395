import Territory

/// The commands of the guided demo, in order, and the files they write.
struct DemoSteps {
    let data: String
    let output: String
    /// `demo --lang`, passed on to the steps that write text for people
    /// (reports, maps); without it they follow the environment, as the
    /// demo's own report, its progress lines and its maps' titles do.
    var language: Language? = nil

    func input(_ name: String) -> String { "\(data)/\(name)" }
    func out(_ name: String) -> String { "\(output)/\(name)" }

    static let chains = ["cheese", "maize_flour", "coffee", "vegetables"]

    /// out/study.json, written before the steps (`DemoStudy`).
    var study: String { out("study.json") }

    private var languageArguments: [String] { language.map { ["--lang", $0.rawValue] } ?? [] }

    /// The words of the steps and of the maps' titles.
    private var words: Language { language ?? Language.from() }
    private func title(_ step: Catalogue.DemoStepName) -> String { words.text(.demoStep(step)) }
    private func mapTitle(_ map: Catalogue.DemoMapName) -> String { words.text(.demoMapTitle(map)) }
    /// The web map's legend names the stages in the language (the data
    /// keep their English values); nothing to add in English.
    private var stageLabels: [String] {
        words == .en ? [] : Stage.standard.flatMap { ["--value-label", "\($0.rawValue)=\(words.name(of: $0))"] }
    }

    var all: [DemoStep] {
        [
            DemoStep(title: title(.validate), arguments: ["validate", input("parishes.geojson"), "--json", "-"],
                     standardOutput: out("validation.json")),
            DemoStep(title: title(.hierarchy),
                     arguments: ["hierarchy", "check", input("hierarchy.json"), "-o", out("hierarchy_problems.geojson"), "--json", "-"],
                     standardOutput: out("hierarchy.json")),
            DemoStep(title: title(.locate),
                     arguments: ["join", "--sites", input("sites.geojson"), "--territories", input("parishes.geojson"), "--id-field", "code",
                                 "--summary", out("sites_per_parish.csv"), "-o", out("sites_joined.geojson")]),
            DemoStep(title: title(.catchments),
                     arguments: ["catchment", "--sites", input("sites.geojson"), "--where", "stage == 'collection' and product == 'milk'",
                                 "--method", "voronoi", "--territories", input("parishes.geojson"), "--chain", input("chains/cheese.json"),
                                 "-o", out("milk_collection_catchments.geojson")]),
            DemoStep(title: title(.coverage),
                     arguments: ["coverage", "--study", study,
                                 "-o", out("circuits.geojson"), "--report", out("coverage.md"), "--json", out("coverage.json")] + languageArguments),
            DemoStep(title: title(.distribute),
                     arguments: ["distribute", "--study", study, "--chain", input("chains/cheese.json"), "-o", out("cheese_routes.geojson"),
                                 "--report", out("cheese_distribution.md"), "--json", out("cheese_distribution.json"),
                                 "--od", out("cheese_between_circuits.csv"), "--od-lines", out("cheese_between_circuits.geojson")] + languageArguments),
            DemoStep(title: title(.compare),
                     arguments: ["group", "compare", input("groupings/circuits_by_municipality.csv"), input("groupings/circuits_alternative.csv"),
                                 "--territories", input("parishes.geojson"), "--id-field", "code",
                                 "-o", out("groupings_compared.geojson"), "--report", out("groupings_compared.md"), "--json", out("groupings_compared.json")]
                         + languageArguments),
            DemoStep(title: title(.suggest),
                     arguments: ["group", "suggest", "--territories", input("parishes.geojson"), "--id-field", "code",
                                 "--min-population", "100000", "-o", out("suggested_circuits.csv"),
                                 "--report", out("suggested_circuits.md"), "--json", out("suggested_circuits.json")] + languageArguments),
            DemoStep(title: title(.coverageMap),
                     arguments: ["render", out("circuits.geojson"), out("cheese_routes.geojson"), "--color-by", "cheese_self_sufficiency",
                                 "--line-width-by", "tonnes_month", "--labels", "circuit_id", "--width", "1000",
                                 "--title", mapTitle(.coverage), "-o", out("coverage_map.png")] + languageArguments),
            DemoStep(title: title(.catchmentsMap),
                     arguments: ["render", out("milk_collection_catchments.geojson"), "--color-by", "utilisation", "--width", "1000",
                                 "--title", mapTitle(.catchments), "-o", out("catchments_map.png")] + languageArguments),
            DemoStep(title: title(.webMap),
                     arguments: ["render", input("parishes.geojson"), out("cheese_routes.geojson"), input("sites.geojson"),
                                 "--color-by", "stage", "--line-width-by", "tonnes_month",
                                 "--title", mapTitle(.web), "-o", out("map.html")] + stageLabels + languageArguments),
        ]
    }
}
