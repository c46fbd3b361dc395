import Geo
import Territory

/// The panel's cheap figures for one grouping, computed by the analyses
/// the commands run (never again here): `CircuitCoverage` without the
/// exchange, as `coverage --no-exchange --json` gives it (population,
/// families, per product self-supply, exportable surplus, the bottleneck
/// stage and the capacity to add), and `GroupingEvaluation` on the same
/// coverage, as `group evaluate --json` gives it (contiguity with the
/// parts cut off, compactness). The JSON uses those commands' encoders.
/// The session measures them circuit by circuit (`CircuitFiguresCache`);
/// `init(_:)` runs both analyses whole, as the commands do.
struct WorkbenchMetrics: Sendable {
    var coverage: CircuitCoverage.Result
    var evaluation: GroupingEvaluation
    /// Each circuit's part of the coverage JSON, in the grouping's order,
    /// when kept (`CoverageText`); nil: the report is encoded whole.
    var coverageParts: [CoverageText.Part]?

    init(coverage: CircuitCoverage.Result, evaluation: GroupingEvaluation, coverageParts: [CoverageText.Part]? = nil) {
        self.coverage = coverage
        self.evaluation = evaluation
        self.coverageParts = coverageParts
    }

    /// Both analyses run whole on `study`, as the commands run them.
    init(_ study: Study) throws {
        coverage = try CircuitCoverage().run(study)
        // As `group evaluate` does (`GroupingEvaluation.covering`): self-sufficiency with sites and chains.
        evaluation = try GroupingEvaluation(study, coverage: study.sites != nil && !study.chains.isEmpty ? coverage : nil)
    }

    /// `{"coverage": <coverage --json>, "evaluation": <group evaluate --json>}`.
    func json(names: CircuitNames?) -> JSONObject {
        var report = CoverageReport(coverage)
        report.circuitNames = names
        return ["coverage": report.json, "evaluation": evaluation.json]
    }

    /// The text of `json(names:)`'s members followed by `more`'s, as
    /// `JSONValue.object` writes them: the coverage from the kept parts
    /// when there are (the circuits' names do not enter the JSON).
    func jsonText(names: CircuitNames?, then more: JSONObject) -> String {
        guard let coverageParts else { return JSONValue.object(JSONObject(json(names: names).members + more.members)).jsonText }
        // `more` as an object, less its opening brace.
        let rest = more.isEmpty ? "}" : "," + String(JSONValue.object(more).jsonText.dropFirst())
        let coverageText: String = CoverageText.text(of: coverage, parts: coverageParts)
        let evaluationText: String = evaluation.json.jsonText
        return #"{"coverage":"# + coverageText + #","evaluation":"# + evaluationText + rest
    }
}
