import Geo
import Territory

/// Each circuit's figures, kept from one grouping to the next, so that an
/// edit measures again only the circuits it touched: a circuit whose
/// territories (and, for coverage, the sites and chains) are the same has
/// the same figures. What does not depend on the grouping (neighbours,
/// centres) is made once. The grouping-wide figures are then put together
/// from the circuits' by the analyses themselves
/// (`CircuitCoverage.run(_:circuits:)`, `GroupingEvaluation(circuits:...)`),
/// so the answer is the one a full run gives (WorkbenchIncrementalTests).
///
/// Used only on the session's thread, like the study's geometries.
final class CircuitFiguresCache {
    /// A circuit's coverage: its id, its territories (sorted, each once) and the sites and chains measured.
    private struct CoverageKey: Hashable {
        var inputs: Int
        var id: String
        var units: [Int]
    }

    /// A circuit's evaluation: its id and its territories in the grouping's order (the mean trip sums in it).
    private struct EvaluationKey: Hashable {
        var id: String
        var units: [Int]
    }

    private let basis: GroupingEvaluation.Basis
    private var coverage: [CoverageKey: CircuitCoverage.Circuit] = [:]
    /// Each circuit's part of the coverage JSON, encoded once.
    private var coverageText: [CoverageKey: CoverageText.Part] = [:]
    private var evaluation: [EvaluationKey: GroupingEvaluation.CircuitMetrics] = [:]
    /// Keys the last measure used, kept when the cache is trimmed.
    private var pinned: (coverage: Set<CoverageKey>, evaluation: Set<EvaluationKey>) = ([], [])
    /// Circuits measured by the last call, for the benchmark and the tests.
    private(set) var lastMeasured = 0

    /// Past this many circuits kept, those no recent grouping uses are
    /// dropped (each holds its shape): enough for the undo stack's edits.
    private let limit: Int

    /// `study`: the session's study (its territories and travel times,
    /// the same for every grouping of the session).
    init(_ study: Study, limit: Int = 4_000) throws {
        basis = try GroupingEvaluation.Basis(study)
        self.limit = limit
    }

    /// The metrics of `study`'s grouping; `inputs` names its sites and
    /// chains (a new number whenever a scenario changed them).
    func metrics(of study: Study, inputs: Int) throws -> WorkbenchMetrics {
        let grouping = try study.requireGrouping(for: "the workbench")
        let members = try GroupingEvaluation.members(of: grouping, in: study)
        let coverageKeys = members.map { CoverageKey(inputs: inputs, id: $0.id, units: Array(Set($0.units)).sorted()) }
        let evaluationKeys = members.map { EvaluationKey(id: $0.id, units: $0.units) }

        let circuitCoverage = CircuitCoverage()
        let missing = coverageKeys.filter { coverage[$0] == nil }
        let measured = try circuitCoverage.circuits(missing.map { ($0.id, $0.units) }, in: study)
        for (key, circuit) in zip(missing, measured) { coverage[key] = circuit }
        let circuits = coverageKeys.map { coverage[$0]! }
        let result = try circuitCoverage.run(study, circuits: circuits)
        var parts: [CoverageText.Part]?
        if CoverageText.applies(to: result) {
            parts = coverageKeys.enumerated().map { index, key in
                if let part = coverageText[key] { return part }
                let part = CoverageText.part(of: circuits[index], in: result)
                coverageText[key] = part
                return part
            }
        }

        var evaluated = 0
        let covering = study.sites != nil && !study.chains.isEmpty
        let metrics = try evaluationKeys.enumerated().map { index, key in
            var metrics: GroupingEvaluation.CircuitMetrics
            if let known = evaluation[key] {
                metrics = known
            } else {
                metrics = try GroupingEvaluation.circuit(key.id, units: key.units, in: study, basis: basis)
                evaluation[key] = metrics
                evaluated += 1
            }
            // As `group evaluate` takes it from coverage, with sites and chains.
            metrics.selfSufficiency = covering ? GroupingEvaluation.selfSufficiency(of: circuits[index]) : []
            return metrics
        }
        lastMeasured = max(missing.count, evaluated)
        trim(keeping: (Set(coverageKeys), Set(evaluationKeys)))
        return WorkbenchMetrics(coverage: result, evaluation: GroupingEvaluation(circuits: metrics, basis: basis, hasSelfSufficiency: covering),
                                coverageParts: parts)
    }

    /// Past the limit, keeps only the circuits of the grouping just
    /// measured and of the one before (undo's most likely next step).
    private func trim(keeping now: (coverage: Set<CoverageKey>, evaluation: Set<EvaluationKey>)) {
        let before = pinned
        pinned = now
        guard coverage.count > limit || evaluation.count > limit || coverageText.count > limit else { return }
        coverage = coverage.filter { now.coverage.contains($0.key) || before.coverage.contains($0.key) }
        coverageText = coverageText.filter { now.coverage.contains($0.key) || before.coverage.contains($0.key) }
        evaluation = evaluation.filter { now.evaluation.contains($0.key) || before.evaluation.contains($0.key) }
    }
}
