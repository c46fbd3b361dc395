import Geo
import Territory

/// The change from the grouping the session started with: per circuit
/// and for the whole grouping, `{"start", "now", "delta"}`. A circuit one
/// side lacks (created, merged away, deleted) has `null` there and no
/// delta, never 0 (as `scenario --json` reports its deltas).
enum WorkbenchChange {
    static func json(from start: WorkbenchMetrics, to now: WorkbenchMetrics) -> JSONValue {
        var ids = start.coverage.circuits.map(\.id)
        var known = Set(ids)
        for circuit in now.coverage.circuits where known.insert(circuit.id).inserted { ids.append(circuit.id) }
        let products = now.coverage.circuits.first?.products.map(\.product) ?? start.coverage.circuits.first?.products.map(\.product) ?? []

        // By id, the first of each (ids are unique in a grouping), rather than a search per circuit.
        func byID<T>(_ list: [T], _ id: (T) -> String) -> [String: T] { Dictionary(list.map { (id($0), $0) }) { first, _ in first } }
        let coverageBefore = byID(start.coverage.circuits, \.id), coverageAfter = byID(now.coverage.circuits, \.id)
        let evaluationBefore = byID(start.evaluation.circuits, \.id), evaluationAfter = byID(now.evaluation.circuits, \.id)
        let circuits: [JSONValue] = ids.map { id in
            let before = coverageBefore[id], after = coverageAfter[id]
            let partsBefore = evaluationBefore[id], partsAfter = evaluationAfter[id]
            var entry: JSONObject = [
                "circuit_id": .string(id),
                "population": figure(before?.population, after?.population, places: 1),
                "families": figure(before?.families, after?.families, places: 1),
                "parts": figure(partsBefore.map { Double($0.components.count) }, partsAfter.map { Double($0.components.count) }, places: 1),
                "compactness": figure(partsBefore?.compactness, partsAfter?.compactness),
            ]
            entry["products"] = .array(products.map { product in
                let p = before?.products.first { $0.product == product }, q = after?.products.first { $0.product == product }
                return .object(["product": .string(product),
                                "self_supply": figure(p?.selfSupply, q?.selfSupply),
                                "exportable_surplus": figure(p?.exportableSurplus, q?.exportableSurplus),
                                "people_fed": figure(p?.peopleFed, q?.peopleFed, places: 1)])
            })
            return .object(entry)
        }
        let totals: [JSONValue] = products.map { product in
            func sum(_ metrics: WorkbenchMetrics, _ value: (ProductBalance) -> Double) -> Double {
                metrics.coverage.circuits.reduce(0) { total, circuit in total + (circuit.products.first { $0.product == product }.map(value) ?? 0) }
            }
            return .object(["product": .string(product),
                            "self_supply": figure(sum(start, \.selfSupply), sum(now, \.selfSupply)),
                            "exportable_surplus": figure(sum(start, \.exportableSurplus), sum(now, \.exportableSurplus)),
                            "people_fed": figure(sum(start, \.peopleFed), sum(now, \.peopleFed), places: 1)])
        }
        return .object([
            "circuits": .array(circuits),
            "products": .array(totals),
            "circuit_count": figure(Double(start.coverage.circuits.count), Double(now.coverage.circuits.count), places: 1),
            "contiguous_share": figure(start.evaluation.contiguousShare, now.evaluation.contiguousShare),
            "mean_compactness": figure(start.evaluation.meanCompactness, now.evaluation.meanCompactness),
            "population_variation": figure(start.evaluation.populationVariation, now.evaluation.populationVariation),
            "territories_moved": .number(moved(start, now)),
        ])
    }

    /// Territories whose circuit differs from the start (or that joined or left every circuit).
    static func moved(_ start: WorkbenchMetrics, _ now: WorkbenchMetrics) -> Int {
        func circuitOf(_ metrics: WorkbenchMetrics) -> [String: String] {
            var map: [String: String] = [:]
            for circuit in metrics.coverage.circuits { for code in circuit.territories where map[code] == nil { map[code] = circuit.id } }
            return map
        }
        let before = circuitOf(start), after = circuitOf(now)
        return Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.count
    }

    /// Rounded to 3 decimals, or to whole units with `places: 1`.
    static func figure(_ start: Double?, _ now: Double?, places: Double = 1000) -> JSONValue {
        func number(_ value: Double?) -> JSONValue { value.map { .number(($0 * places).rounded() / places) } ?? .null }
        let delta: Double? = if let start, let now { now - start } else { nil }
        return .object(["start": number(start), "now": number(now), "delta": number(delta)])
    }
}
