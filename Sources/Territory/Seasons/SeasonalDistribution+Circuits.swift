import Geo

/// `distribute --months all --grouping`: each circuit's demand and what
/// the month's optimum delivers to its people, month by month, and its
/// worst month. Read from each month's result (`deliveredTo`, `unmet`:
/// a territory's demand is what it got plus what it lacked), so the
/// circuits add up to the month's totals; a territory listed in two
/// circuits counts in the first, as `CircuitExchange` counts it, and
/// territories in no circuit under `CircuitExchange.none`.
extension SeasonalDistribution.Result {
    public struct CircuitMonth: Sendable, Equatable {
        public var month: Month
        public var demand: Double
        public var delivered: Double
        /// Share of the demand delivered; nil without demand.
        public var share: Double? { demand > 0 ? delivered / demand : nil }
    }

    public struct CircuitYear: Sendable {
        public var id: String
        public var months: [CircuitMonth]
        /// The month delivering the smallest share of the circuit's demand
        /// (the earliest of equals); nil when no month has demand there.
        public var worst: CircuitMonth? {
            months.filter { $0.demand > 0 }.min { ($0.share ?? 1, $0.month) < ($1.share ?? 1, $1.month) }
        }
    }

    /// The circuits of `grouping` (its order), then `CircuitExchange.none` when some demand lies in no circuit.
    public func circuits(grouping: Grouping) -> [CircuitYear] {
        var ids = grouping.circuits
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        var circuitOfCode: [String: Int] = [:]
        for row in grouping.rows where circuitOfCode[row.territory] == nil { circuitOfCode[row.territory] = index[row.circuit] }
        let none = ids.count
        ids.append(CircuitExchange.none)
        var years = ids.map { CircuitYear(id: $0, months: []) }
        for run in runs {
            var demand = [Double](repeating: 0, count: ids.count), delivered = demand
            let delivery = run.result.optimised.deliveredTo
            for (territory, code) in run.study.territories.codes.enumerated() where territory < delivery.count {
                let circuit = circuitOfCode[code] ?? none
                delivered[circuit] += delivery[territory]
                demand[circuit] += delivery[territory] + (run.result.unmet[territory] ?? 0)
            }
            for circuit in ids.indices {
                years[circuit].months.append(CircuitMonth(month: run.month, demand: demand[circuit], delivered: delivered[circuit]))
            }
        }
        return years.filter { $0.id != CircuitExchange.none || $0.months.contains { $0.demand > 0 || $0.delivered > 0 } }
    }

    /// The circuits' year for the `--json` report.
    public static func circuitsJSON(_ circuits: [CircuitYear]) -> JSONValue {
        .array(circuits.map { circuit in
            .object([
                "circuit": .string(circuit.id),
                "worst_month": circuit.worst.map { .number(JSONNumber($0.month.number)) } ?? .null,
                "months": .array(circuit.months.map { month in
                    .object([
                        "month": .number(JSONNumber(month.month.number)),
                        "demand": .number(JSONNumber(CoverageReport.round(month.demand))),
                        "delivered": .number(JSONNumber(CoverageReport.round(month.delivered))),
                        "share": month.share.map { .number(JSONNumber($0)) } ?? .null,
                    ])
                }),
            ])
        })
    }

    /// The circuits' year for the `--report` Markdown: the share of each
    /// month's demand delivered, per circuit, and its worst month.
    public static func circuitsMarkdown(_ circuits: [CircuitYear], unit: String, language: Language) -> String {
        guard let first = circuits.first else { return "" }
        func number(_ value: Double) -> String { ReportNumber.grouped(value, maximumFractionDigits: 2, language: language) }
        var text = "## By circuit: % of the demand delivered\n\n| circuit | " + first.months.map { $0.month.description }.joined(separator: " | ")
        text += " | worst month | delivered / demand (\(unit)) |\n|---|" + String(repeating: "---:|", count: first.months.count) + "---|---:|\n"
        for circuit in circuits {
            let shares = circuit.months.map { $0.share.map { ReportNumber.grouped($0 * 100, maximumFractionDigits: 1, language: language) } ?? "–" }
            let worst = circuit.worst.map { "\($0.month.name(in: language)) | \(number($0.delivered)) / \(number($0.demand))" } ?? "– | –"
            text += "| \(circuit.id) | " + shares.joined(separator: " | ") + " | \(worst) |\n"
        }
        return text + "\n"
    }
}
