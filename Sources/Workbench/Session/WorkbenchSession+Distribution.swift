import Geo
import Territory

/// The slow figure: tonnes through outside intermediaries from each
/// chain's exact distribution (`ScenarioMetrics`, as `scenario --json`
/// reports its base). The distribution moves product over every site and
/// territory whatever the grouping, so each chain runs once per set of
/// sites and chains, and a new grouping only counts it by circuit again.
extension WorkbenchSession {
    /// Starts the run for the current grouping unless it is done or running.
    public nonisolated func startDistribution() {
        guard distributionStatus.begin() != nil else { return }
        Task { await self.runDistribution() }
    }

    /// One chain per turn on the session's thread, so that an edit sent
    /// meanwhile waits for one chain, not for all of them.
    func runDistribution() async {
        for chain in current.study.chains where current.distributions[chain.product] == nil {
            do {
                let result = try Distribution(chain: chain).run(current.study)
                current.distributions[chain.product] = result
            } catch {
                distributionStatus.fail(version, message: "\(error)")
                return
            }
            await Task.yield()
        }
        do {
            distributionStatus.finish(version, json: try distributionJSON().jsonText)
        } catch {
            distributionStatus.fail(version, message: "\(error)")
        }
    }

    /// Counts the distributions by the current circuits (and the starting
    /// grouping's, while the sites and chains are the start's).
    /// Coverage and the evaluation are the session's own (kept per
    /// circuit), not run again; the starting grouping's counts, which
    /// change only with the sites and chains, are encoded once.
    func distributionJSON() throws -> JSONValue {
        let now = try ScenarioMetrics(current.study, coverage: currentMetrics.coverage, evaluation: currentMetrics.evaluation,
                                      reusing: current.distributions)
        let sameAsStart = start.study.chains == current.study.chains
            && start.study.sites?.layer.features == current.study.sites?.layer.features
        var before: JSONValue = .null
        if sameAsStart {
            if startCounts == nil {
                startCounts = encoded(try ScenarioMetrics(start.study, coverage: startMetrics.coverage,
                                                                evaluation: startMetrics.evaluation, reusing: current.distributions))
            }
            before = startCounts ?? .null
        }
        return .object(["status": "ready", "version": .number(version), "distribution": encoded(now), "start": before])
    }

    private func encoded(_ metrics: ScenarioMetrics) -> JSONValue {
        let report = ScenarioReport(ScenarioComparison(base: metrics, scenarios: []), territories: current.study.territories, language: language)
        guard case .object(let object) = report.json else { return .null }
        return object["base"] ?? .null
    }

    /// Waits for the figures of the current grouping (tests, `?wait=1`).
    public func distributionNow() async throws -> String {
        _ = distributionStatus.begin()
        await runDistribution()
        switch distributionStatus.state {
        case .ready(let json): return json
        case .failed(let message): throw WorkbenchError(500, "the exact distribution failed: \(message)")
        case .computing, .idle: throw WorkbenchError(503, "the grouping changed while the distribution ran; ask again")
        }
    }
}
