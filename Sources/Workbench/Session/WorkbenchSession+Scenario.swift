import Foundation
import Geo
import Territory

/// `POST /api/scenario`: an edits file as the `scenario` command reads it
/// (add, remove or change a facility, move territories, set a demand...),
/// measured against the current state with the scenario engine; the
/// answer is `scenario --json`'s (the base, the scenario and their deltas).
/// Applied as the new current state (undoable) unless `preview`.
extension WorkbenchSession {
    public func applyScenario(_ data: Data, preview: Bool) throws -> String {
        let edits: ScenarioEdits
        let edited: Study
        do {
            edits = try ScenarioEdits.parse(data, name: "POST /api/scenario")
            edited = try Scenario.apply(edits, to: current.study)
        } catch let error as ReadError {
            throw WorkbenchError.badRequest(error.description)
        }
        let base = try ScenarioMetrics(current.study, reusing: current.distributions)
        current.distributions = base.distributions
        // The base's distributions hold where the sites and the chain are the same (as `scenario` does).
        let sameSites = edited.sites?.layer.features == current.study.sites?.layer.features
        let reusable = base.distributions.filter { product, _ in
            sameSites && edited.chains.first { $0.product == product } == current.study.chains.first { $0.product == product }
        }
        let metrics = try ScenarioMetrics(edited, reusing: reusable)
        let comparison = ScenarioComparison(base: base, scenarios: [.init(name: edits.name, file: edits.file, edits: edits.edits, metrics: metrics)])
        guard case .object(var answer) = ScenarioReport(comparison, territories: current.study.territories, language: language).json else {
            throw WorkbenchError(500, "the scenario's report is not a JSON object")
        }
        answer["applied"] = .bool(!preview)
        if !preview {
            var state = current!
            state.study = edited
            state.distributions = metrics.distributions
            if !sameSites || edited.chains != current.study.chains {
                inputsMade += 1
                state.inputs = inputsMade
            }
            let circuits = Set(state.grouping.circuits)
            state.names = state.names.filter { circuits.contains($0.key) }
            try commit(state)
            answer["metrics"] = metricsObject()
        }
        return JSONValue.object(answer).jsonText
    }
}
