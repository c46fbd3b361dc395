import Foundation

extension GroupingSuggestion.Result {
    /// `group suggest --report`: the suggested circuits evaluated as
    /// `group evaluate` does, as a Markdown table in `language` (its words
    /// and its numbers, `1.234,5` in Spanish), and the islands joined to
    /// their nearest territory. The JSON report keeps the machine names.
    public func markdown(evaluation: GroupingEvaluation, in language: Language) -> String {
        func number(_ value: Double, _ digits: Int) -> String {
            ReportNumber.grouped(value, minimumFractionDigits: digits, maximumFractionDigits: digits, language: language)
        }
        let roads = evaluation.circuits.contains { $0.meanTripMinutes != nil }
        let products = evaluation.circuits.first?.selfSufficiency.map(\.product) ?? []
        var text = language.text(.suggestTitle) + language.text(.suggestColumns(roads: roads, products: products)) + "\n"
        text += "|---|" + String(repeating: "---:|", count: 7 + (roads ? 1 : 0) + products.count) + "\n"
        for circuit in evaluation.circuits {
            var cells = [circuit.id, "\(circuit.units)", language.text(circuit.contiguous ? .yes : .no), "\(circuit.components.count)",
                         number(circuit.compactness, 3), number(circuit.population, 0), number(circuit.area / 1e6, 1),
                         number(circuit.meanTripKm, 2)]
            if roads { cells.append(circuit.meanTripMinutes.map { number($0, 1) } ?? "-") }
            cells += circuit.selfSufficiency.map { $0.value.map { number($0, 3) } ?? "-" }
            text += "| " + cells.joined(separator: " | ") + " |\n"
        }
        text += "\n" + language.text(.suggestSummary(circuits: evaluation.circuits.count, contiguous: number(100 * evaluation.contiguousShare, 0),
                                                     compactness: number(evaluation.meanCompactness, 3),
                                                     variation: number(evaluation.populationVariation, 3))) + "\n"
        if !joinedIslands.isEmpty {
            text += "\n" + language.text(.suggestJoinedIslandsParagraph(count: joinedIslands.count, list: joinedIslandsList(in: language))) + "\n"
        }
        return text
    }

    /// `A (joined to B), C (joined to D)`, the first twenty.
    public func joinedIslandsList(in language: Language) -> String {
        joinedIslands.prefix(20).map { language.text(.suggestJoinedTo(territory: $0.territory, nearest: $0.joinedTo)) }.joined(separator: ", ")
            + (joinedIslands.count > 20 ? ", ..." : "")
    }
}
