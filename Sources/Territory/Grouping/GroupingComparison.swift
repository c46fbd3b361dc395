import Foundation
import Geo

/// Groupings of the same territories side by side: each evaluated (see
/// `GroupingEvaluation`), and for each territory its circuit in every
/// grouping and whether its circuit-mates differ between them.
public struct GroupingComparison: Sendable {
    /// One grouping compared: its name in reports (the file name without
    /// extension), where it came from, and its evaluation.
    public struct Entry: Sendable {
        public var name: String
        public var file: String
        public var grouping: Grouping
        public var evaluation: GroupingEvaluation

        /// The circuits' mean straight-line trips, weighted by their people.
        public var meanTripKm: Double {
            let circuits = evaluation.circuits
            return circuits.reduce(0) { $0 + $1.meanTripKm * $1.population } / max(1, circuits.reduce(0) { $0 + $1.population })
        }
    }

    public let entries: [Entry]
    public let territories: StudyTerritories
    /// Per territory, its circuit in each grouping (nil in none; a
    /// territory listed twice counts in its first circuit).
    public let circuits: [[String?]]
    /// Per territory: its circuit-mates are not the same in every grouping.
    public let changed: [Bool]

    /// Evaluates each of `groupings` (read from the files given) over the
    /// study's territories, with self-sufficiency when the study has sites
    /// and chains and trips in minutes when it has travel times. The study
    /// is regrouped for each, never prepared again.
    public init(_ study: Study, groupings: [(file: String, grouping: Grouping)],
                options: GroupingEvaluation.Options = .init()) throws {
        territories = study.territories
        let entries = try groupings.map { file, grouping in
            let regrouped = try study.regrouped(grouping, file: file)
            return Entry(name: URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent, file: file,
                         grouping: grouping, evaluation: try GroupingEvaluation.covering(regrouped, options: options))
        }
        self.entries = entries
        var circuits: [[String?]] = [], changed: [Bool] = []
        for code in study.territories.codes {
            let found = entries.map { entry in entry.grouping.rows.first { $0.territory == code }?.circuit }
            let mates = zip(entries, found).map { entry, circuit in Set(circuit.map { entry.grouping.territories(of: $0) } ?? []) }
            circuits.append(found)
            changed.append(Set(mates).count > 1)
        }
        self.circuits = circuits
        self.changed = changed
    }

    /// Per territory (as read, in WGS 84): `territory_code`, its circuit
    /// in each grouping (`circuit_<name>`, null in none) and `changed`.
    public func territoryLayer() throws -> Layer {
        let features = territories.layer.features.enumerated().map { index, feature -> Feature in
            var properties: JSONObject = ["territory_code": .string(territories.codes[index])]
            for (entry, circuit) in zip(entries, circuits[index]) {
                properties["circuit_\(entry.name)"] = circuit.map(JSONValue.string) ?? .null
            }
            properties["changed"] = .bool(changed[index])
            return Feature(id: feature.id, geometry: feature.geometry, properties: properties)
        }
        return try Layer(features: features, crs: territories.layer.crs).projected(to: .wgs84)
    }

    /// A table, a row per grouping, with each product's self-sufficient
    /// circuits when there are chains; then how many territories change.
    public var markdown: String { markdown(in: .en) }

    /// The table in `language`: its catalogue's words, its numbers
    /// (`0.412` in English as before catalogues, `0,412` in Spanish).
    public func markdown(in language: Language) -> String {
        func number(_ value: Double, _ digits: Int) -> String {
            language == .en ? String(format: "%.\(digits)f", value)
                : ReportNumber.grouped(value, minimumFractionDigits: digits, maximumFractionDigits: digits, language: language)
        }
        let products = entries.first?.evaluation.circuits.first?.selfSufficiency.map(\.product) ?? []
        var text = language.text(.groupingsComparedTitle) + language.text(.groupingsComparedColumns)
        text += products.map { language.text(.groupingsSelfSufficientColumn(product: $0)) }.joined()
        text += "\n|---|---:|---:|---:|---:|---:|" + String(repeating: "---:|", count: products.count) + "\n"
        for entry in entries {
            let evaluation = entry.evaluation
            text += "| \(entry.name) | \(evaluation.circuits.count) | \(number(100 * evaluation.contiguousShare, 0)) % | "
            text += "\(number(evaluation.meanCompactness, 3)) | \(number(evaluation.populationVariation, 3)) | \(number(entry.meanTripKm, 2)) |"
            text += products.map { product in
                let values = evaluation.circuits.compactMap { $0.selfSufficiency.first { $0.product == product }?.value }
                let lowest = values.min().map { number($0, 2) } ?? "-"
                return " " + language.text(.groupingsSelfSufficient(count: values.filter { $0 >= 1 }.count, of: evaluation.circuits.count, lowest: lowest)) + " |"
            }.joined() + "\n"
        }
        text += language.text(.groupingsChanged(changed: changed.filter { $0 }.count, of: changed.count))
        return text
    }

    /// Each grouping's name and evaluation.
    public var json: JSONValue {
        .array(entries.map { .object(["grouping": .string($0.name), "evaluation": $0.evaluation.json]) })
    }
}
