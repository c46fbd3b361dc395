import Territory

/// The commands of the guided demo, in order, and the files they write.
struct DemoSteps {
    let data: String
    let output: String
    /// `demo --lang`, passed on to the steps that write reports (coverage,
    /// distribute, group compare); without
    /// it they follow the environment, as the demo's own report does.
    var language: Language? = nil

    func input(_ name: String) -> String { "\(data)/\(name)" }
    func out(_ name: String) -> String { "\(output)/\(name)" }

    static let chains = ["cheese", "maize_flour", "coffee", "vegetables"]

    /// out/study.json, written before the steps (`DemoStudy`).
    var study: String { out("study.json") }

    private var languageArguments: [String] { language.map { ["--lang", $0.rawValue] } ?? [] }

    var all: [DemoStep] {
        [
            DemoStep(title: "validate the parishes", arguments: ["validate", input("parishes.geojson"), "--json", "-"],
                     standardOutput: out("validation.json")),
            DemoStep(title: "check the state > municipality > parish hierarchy",
                     arguments: ["hierarchy", "check", input("hierarchy.json"), "-o", out("hierarchy_problems.geojson"), "--json", "-"],
                     standardOutput: out("hierarchy.json")),
            DemoStep(title: "locate every actor in its parish",
                     arguments: ["join", "--sites", input("sites.geojson"), "--territories", input("parishes.geojson"), "--id-field", "code",
                                 "--summary", out("sites_per_parish.csv"), "-o", out("sites_joined.geojson")]),
            DemoStep(title: "draw the milk collection catchments",
                     arguments: ["catchment", "--sites", input("sites.geojson"), "--where", "stage == 'collection' and product == 'milk'",
                                 "--method", "voronoi", "--territories", input("parishes.geojson"), "--chain", input("chains/cheese.json"),
                                 "-o", out("milk_collection_catchments.geojson")]),
            DemoStep(title: "measure how well each circuit covers its people",
                     arguments: ["coverage", "--study", study,
                                 "-o", out("circuits.geojson"), "--report", out("coverage.md"), "--json", out("coverage.json")] + languageArguments),
            DemoStep(title: "route cheese with the fewest tonnes through intermediaries",
                     arguments: ["distribute", "--study", study, "--chain", input("chains/cheese.json"), "-o", out("cheese_routes.geojson"),
                                 "--report", out("cheese_distribution.md"), "--json", out("cheese_distribution.json"),
                                 "--od", out("cheese_between_circuits.csv"), "--od-lines", out("cheese_between_circuits.geojson")] + languageArguments),
            DemoStep(title: "compare two groupings of the parishes into circuits",
                     arguments: ["group", "compare", input("groupings/circuits_by_municipality.csv"), input("groupings/circuits_alternative.csv"),
                                 "--territories", input("parishes.geojson"), "--id-field", "code",
                                 "-o", out("groupings_compared.geojson"), "--report", out("groupings_compared.md"), "--json", out("groupings_compared.json")]
                         + languageArguments),
            DemoStep(title: "suggest circuits of at least 100,000 people",
                     arguments: ["group", "suggest", "--territories", input("parishes.geojson"), "--id-field", "code",
                                 "--min-population", "100000", "-o", out("suggested_circuits.csv"),
                                 "--report", out("suggested_circuits.md"), "--json", out("suggested_circuits.json")]),
            DemoStep(title: "map the circuits' cheese coverage and the routes",
                     arguments: ["render", out("circuits.geojson"), out("cheese_routes.geojson"), "--color-by", "cheese_self_sufficiency",
                                 "--line-width-by", "tonnes_month", "--labels", "circuit_id", "--width", "1000",
                                 "--title", "Cheese: how far each circuit feeds itself, and the routes", "-o", out("coverage_map.png")] + languageArguments),
            DemoStep(title: "map the milk collection catchments",
                     arguments: ["render", out("milk_collection_catchments.geojson"), "--color-by", "utilisation", "--width", "1000",
                                 "--title", "Milk collection catchments: demand over capacity", "-o", out("catchments_map.png")] + languageArguments),
            DemoStep(title: "an interactive map of the parishes, routes and actors",
                     arguments: ["render", input("parishes.geojson"), out("cheese_routes.geojson"), input("sites.geojson"),
                                 "--color-by", "stage", "--line-width-by", "tonnes_month",
                                 "--title", "The sample territory: actors by stage and cheese routes", "-o", out("map.html")] + languageArguments),
        ]
    }
}
