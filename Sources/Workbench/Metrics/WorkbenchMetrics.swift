import Geo
import Territory

/// The panel's cheap figures for one grouping, computed by the analyses
/// the commands run (never again here): `CircuitCoverage` without the
/// exchange, as `coverage --no-exchange --json` gives it (population,
/// families, per product self-supply, exportable surplus, the bottleneck
/// stage and the capacity to add), and `GroupingEvaluation` on the same
/// coverage, as `group evaluate --json` gives it (contiguity with the
/// parts cut off, compactness). The JSON uses those commands' encoders.
struct WorkbenchMetrics: Sendable {
    var coverage: CircuitCoverage.Result
    var evaluation: GroupingEvaluation

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
}
