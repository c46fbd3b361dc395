import Foundation
import Geo

/// The comparison for people: the scenarios, the whole-study figures side
/// by side, each scenario's changes circuit by circuit (only what
/// changed), and why the tonnes through intermediaries changed, stage by
/// stage, in the whole study and in each circuit.
extension ScenarioReport {
    public var markdown: String {
        let t = language.text
        var text = t(.scenarioTitle) + t(.scenarioIntro)
        for (k, run) in comparison.scenarios.enumerated() {
            text += t(.scenarioItem(label: label(k), name: run.name, file: run.file, edits: run.edits.count))
        }
        text += "\n" + studyTable()
        for k in comparison.scenarios.indices {
            text += t(.scenarioCircuitsHeading(label: label(k), name: comparison.scenarios[k].name))
            for chain in comparison.scenarios[k].metrics.chains where !chain.optimal {
                text += t(.scenarioNotOptimal(product: chain.product, label: label(k)))
            }
            text += circuitTable(k) + why(k)
        }
        return text
    }

    func label(_ k: Int) -> String { "S\(k + 1)" }

    /// One decimal, grouped, in the report's language.
    func amount(_ value: Double?) -> String {
        guard let value else { return "–" }
        let rounded = (value * 10).rounded() / 10
        return ReportNumber.grouped(rounded == 0 ? 0 : rounded, minimumFractionDigits: 1, maximumFractionDigits: 1, language: language)
    }

    /// A delta with its sign: +100.0, −60.0; – when a side is missing.
    func change(_ figure: ScenarioComparison.Figure, people: Bool = false) -> String {
        guard let delta = figure.delta else { return "–" }
        let show = people ? whole : amount
        let rounded = people ? delta.rounded() : (delta * 10).rounded() / 10
        if rounded == 0 { return show(0) }
        return (rounded > 0 ? "+" : "−") + show(abs(rounded))
    }

    /// People and counts: no decimals.
    func whole(_ value: Double?) -> String {
        value.map { ReportNumber.grouped($0.rounded(), maximumFractionDigits: 0, language: language) } ?? "–"
    }

    private func studyTable() -> String {
        let t = language.text
        var text = t(.scenarioStudyHeading)
        var header = "| \(t(.scenarioProduct)) | \(t(.scenarioFigureColumn)) | \(t(.scenarioBase)) |"
        var rule = "|---|---|---:|"
        for k in comparison.scenarios.indices {
            header += " \(label(k)) | \(t(.scenarioChange)) \(label(k)) |"
            rule += "---:|---:|"
        }
        text += header + "\n" + rule + "\n"
        let figures: [(ScenarioComparison.ProductFigure, (ScenarioMetrics.Chain) -> Double)] =
            [(.delivered, \.delivered), (.intermediated, \.intermediated), (.tonneKilometres, \.tonneKilometres)]
        for product in comparison.products {
            for (figure, value) in figures {
                var row = "| \(product) | \(t(.scenarioFigure(figure))) | \(amount(comparison.base.chains.first { $0.product == product }.map(value))) |"
                for k in comparison.scenarios.indices {
                    let pair = comparison.chainFigure(value, scenario: k, product: product)
                    row += " \(amount(pair.scenario)) | \(change(pair)) |"
                }
                text += row + "\n"
            }
        }
        for (name, value) in [(t(.scenarioContiguousShare), \ScenarioMetrics.contiguousShare),
                              (t(.scenarioPopulationVariation), \ScenarioMetrics.populationVariation)] {
            var row = "| – | \(name) | \(share(comparison.base[keyPath: value])) |"
            for run in comparison.scenarios {
                let pair = ScenarioComparison.Figure(base: comparison.base[keyPath: value], scenario: run.metrics[keyPath: value])
                row += " \(share(pair.scenario)) | \(shareChange(pair)) |"
            }
            text += row + "\n"
        }
        return text + "\n"
    }

    private func share(_ value: Double?) -> String {
        value.map { ReportNumber.grouped($0, minimumFractionDigits: 2, maximumFractionDigits: 2, language: language) } ?? "–"
    }

    private func shareChange(_ figure: ScenarioComparison.Figure) -> String {
        guard let delta = figure.delta else { return "–" }
        let rounded = (delta * 100).rounded() / 100
        return rounded == 0 ? share(0) : (rounded > 0 ? "+" : "−") + share(abs(rounded))
    }

    /// The rows of scenario `k` that changed.
    private func circuitTable(_ k: Int) -> String {
        let t = language.text
        var rows: [String] = []
        func add(_ circuit: String, _ product: String, _ name: String, _ figure: ScenarioComparison.Figure, people: Bool = false) {
            guard figure.changed else { return }
            let show = people ? whole : amount
            rows.append("| \(circuit) | \(product) | \(name) | \(show(figure.base)) | \(show(figure.scenario)) | \(change(figure, people: people)) |")
        }
        for id in comparison.circuitIDs {
            add(id, "–", t(.scenarioPopulation), comparison.population(scenario: k, circuit: id), people: true)
            add(id, "–", t(.scenarioParts), comparison.parts(scenario: k, circuit: id), people: true)
            for product in comparison.products {
                for figure in ScenarioComparison.ProductFigure.allCases {
                    add(id, product, t(.scenarioFigure(figure)), comparison.figure(figure, scenario: k, circuit: id, product: product),
                        people: figure == .peopleFed)
                }
                let stages = (comparison.base.circuit(id) ?? comparison.scenarios[k].metrics.circuit(id))?.product(product)?.stages ?? []
                for stage in stages {
                    let name = language.name(of: stage.stage), unit = language.name(of: stage.unit)
                    add(id, product, t(.scenarioBalance(stage: name, unit: unit)), comparison.balance(at: stage.stage, scenario: k, circuit: id, product: product))
                    if stage.toAdd != nil || comparison.toAdd(at: stage.stage, scenario: k, circuit: id, product: product).scenario != nil {
                        add(id, product, t(.scenarioToAdd(stage: name, unit: unit)), comparison.toAdd(at: stage.stage, scenario: k, circuit: id, product: product))
                    }
                }
            }
        }
        guard !rows.isEmpty else { return t(.scenarioNothingChanged) }
        return "| \(t(.scenarioCircuit)) | \(t(.scenarioProduct)) | \(t(.scenarioFigureColumn)) | \(t(.scenarioBase)) | \(t(.scenarioScenario)) | \(t(.scenarioChange)) |\n|---|---|---|---:|---:|---:|\n"
            + rows.joined(separator: "\n") + "\n\n"
    }

    /// Each product whose tonnes through intermediaries changed, by the
    /// stages that changed: in the whole study, then circuit by circuit.
    private func why(_ k: Int) -> String {
        let t = language.text
        var text = t(.scenarioWhyHeading)
        var rose = false, any = false
        for product in comparison.products {
            let total = comparison.chainFigure(\.intermediated, scenario: k, product: product)
            guard total.changed else { continue }
            any = true
            if (total.delta ?? 0) > 0 { rose = true }
            let stages = comparison.intermediatedByStage(scenario: k, product: product).filter(\.figure.changed).map { entry in
                t(.scenarioWhyStage(stage: language.name(of: entry.stage), base: amount(entry.figure.base),
                                    scenario: amount(entry.figure.scenario), change: change(entry.figure)))
            }
            let unit = comparison.base.circuits.first?.product(product).map { language.name(of: $0.unit) } ?? ""
            text += t(.scenarioWhy(product: product, base: amount(total.base), scenario: amount(total.scenario), change: change(total),
                                   unit: unit, stages: stages.joined(separator: "; ")))
            for id in comparison.circuitIDs {
                let stageNames = (comparison.base.circuit(id) ?? comparison.scenarios[k].metrics.circuit(id))?.product(product)?.stages.map(\.stage) ?? []
                let changed = stageNames.compactMap { stage -> String? in
                    let figure = comparison.intermediated(at: stage, scenario: k, circuit: id, product: product)
                    guard figure.changed else { return nil }
                    return t(.scenarioWhyStage(stage: language.name(of: stage), base: amount(figure.base),
                                               scenario: amount(figure.scenario), change: change(figure)))
                }
                if !changed.isEmpty { text += t(.scenarioWhyCircuit(circuit: id, stages: changed.joined(separator: "; "))) }
            }
        }
        if !any { return text + t(.scenarioWhyNone) }
        return text + (rose ? t(.scenarioWhyRose) : "\n")
    }
}
