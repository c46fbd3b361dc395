import Foundation
import Geo

/// How good a grouping of territories into circuits is: per circuit,
/// whether it is contiguous (its connected parts), how compact
/// (Polsby-Popper: 4 pi area / perimeter², 1 for a circle), its population
/// and area, its self-sufficiency per product when chains and sites are
/// given, and the mean straight-line trip of its people to its
/// population-weighted centre; overall, how even the circuits are.
public struct GroupingEvaluation: Sendable {
    public struct CircuitMetrics: Sendable {
        public var id: String
        public var units: Int
        /// Connected parts (1: contiguous), each as territory codes.
        public var components: [[String]]
        public var compactness: Double
        public var population: Double
        public var area: Double
        public var meanTripKm: Double
        /// With the study's travel times: the population-weighted mean
        /// minutes from the circuit's centre to its units' centres, as
        /// `TravelTimes` counts them (legs off the road by its access).
        public var meanTripMinutes: Double?
        /// Product -> self-sufficiency (nil when there is no demand).
        public var selfSufficiency: [(product: String, value: Double?)]
        public var contiguous: Bool { components.count == 1 }
    }

    public var circuits: [CircuitMetrics]
    /// Standard deviation of circuit populations over their mean.
    public var populationVariation: Double
    public var contiguousShare: Double
    public var meanCompactness: Double
    /// Units that touch no other: islands, or boundaries that leave small
    /// gaps between neighbours (simplified shapes), which a snap closes.
    public var unitsTouchingNone: Int
    /// Whether self-sufficiency was evaluated (chains and sites given);
    /// without it the JSON leaves `self_sufficiency` out rather than empty.
    public var hasSelfSufficiency: Bool

    /// How contiguity is judged.
    public struct Options: Sendable {
        public var contiguity: Contiguity.Rule
        /// Metres: units this close count as neighbours.
        public var snap: Double
        /// As the grouping was made with: a suggestion that joined an
        /// island to its nearest unit calls that circuit contiguous.
        public var islands: Contiguity.IslandPolicy

        public init(contiguity: Contiguity.Rule = .rook, snap: Double = 0, islands: Contiguity.IslandPolicy = .own) {
            self.contiguity = contiguity
            self.snap = snap
            self.islands = islands
        }
    }

    /// Evaluates the study's grouping over its territories; `coverage`
    /// (already run on the same study) supplies self-sufficiency, and the
    /// study's travel times, when it has them, the mean trip in minutes.
    public init(_ study: Study, options: Options = Options(), coverage: CircuitCoverage.Result? = nil) throws {
        let grouping = try study.requireGrouping(for: "the evaluation of a grouping")
        let basis = try Basis(study, options: options)
        let members = try Self.members(of: grouping, in: study)
        let tripMinutes = try Self.meanTripMinutes(study.travel, members: members.map { $0.units }, centres: basis.centres,
                                                   populations: study.territories.populations, metric: study.territories.metric)
        let circuits = try members.enumerated().map { index, circuit in
            var metrics = try Self.circuit(circuit.id, units: circuit.units, in: study, basis: basis, tripMinutes: tripMinutes[index])
            metrics.selfSufficiency = Self.selfSufficiency(of: circuit.id, in: coverage)
            return metrics
        }
        self.init(circuits: circuits, basis: basis, hasSelfSufficiency: coverage != nil)
    }

    /// The evaluation made of circuits already measured (each as
    /// `circuit(_:units:in:basis:)` gives it), in the
    /// grouping's order: the figures across circuits come from theirs.
    public init(circuits: [CircuitMetrics], basis: Basis, hasSelfSufficiency: Bool) {
        self.circuits = circuits
        unitsTouchingNone = basis.contiguity.islands.count
        self.hasSelfSufficiency = hasSelfSufficiency
        let mean = circuits.reduce(0) { $0 + $1.population } / Double(max(circuits.count, 1))
        let variance = circuits.reduce(0) { $0 + ($1.population - mean) * ($1.population - mean) } / Double(max(circuits.count, 1))
        populationVariation = mean > 0 ? variance.squareRoot() / mean : 0
        contiguousShare = Double(circuits.filter(\.contiguous).count) / Double(max(circuits.count, 1))
        meanCompactness = circuits.reduce(0) { $0 + $1.compactness } / Double(max(circuits.count, 1))
    }

    /// Evaluates the study's grouping with self-sufficiency when the study
    /// has sites and chains (circuit coverage run on it first).
    public static func covering(_ study: Study, options: Options = Options()) throws -> GroupingEvaluation {
        let coverage = study.sites != nil && !study.chains.isEmpty ? try CircuitCoverage().run(study) : nil
        return try GroupingEvaluation(study, options: options, coverage: coverage)
    }

    /// The population-weighted centre of `members` (the origin when
    /// nobody lives there: no trip is measured from it then).
    static func centre(of members: [Int], centres: [Position], populations: [Double]) -> Position {
        let weight = max(members.reduce(0) { $0 + populations[$1] }, 1e-9)
        return Position(x: members.reduce(0) { $0 + centres[$1].x * populations[$1] } / weight,
                        y: members.reduce(0) { $0 + centres[$1].y * populations[$1] } / weight)
    }
    public var json: JSONValue {
        .object([
            "circuits": .array(circuits.map { circuit -> JSONValue in
                var entry: JSONObject = [
                    "circuit_id": .string(circuit.id), "units": .number(circuit.units),
                    "contiguous": .bool(circuit.contiguous),
                    "components": .array(circuit.components.map { .array($0.map(JSONValue.string)) }),
                    "compactness": .number((circuit.compactness * 1000).rounded() / 1000),
                    "population": .number(circuit.population.rounded()),
                    "area_m2": .number(circuit.area.rounded()),
                    "mean_trip_km": .number((circuit.meanTripKm * 100).rounded() / 100),
                    "mean_trip_minutes": circuit.meanTripMinutes.map { .number(($0 * 100).rounded() / 100) } ?? .null,
                ]
                if hasSelfSufficiency {
                    entry["self_sufficiency"] = .object(JSONObject(circuit.selfSufficiency.map {
                        .init(key: $0.product, value: $0.value.map { .number(($0 * 1000).rounded() / 1000) } ?? .null)
                    }))
                }
                return .object(entry)
            }),
            "population_variation": .number((populationVariation * 1000).rounded() / 1000),
            "contiguous_share": .number((contiguousShare * 1000).rounded() / 1000),
            "mean_compactness": .number((meanCompactness * 1000).rounded() / 1000),
        ])
    }

    /// `3 of 5 (0.42)`: circuits whose self-sufficiency in `product` is at
    /// least 1, and the lowest (`-` where no circuit has demand).
    public func selfSufficiencySummary(of product: String) -> String {
        let values = circuits.map { $0.selfSufficiency.first { $0.product == product }?.value }
        let known = values.compactMap { $0 }
        let lowest = known.min().map { String(format: "%.2f", $0) } ?? "-"
        return "\(known.filter { $0 >= 1 }.count) of \(circuits.count) (\(lowest))"
    }

    /// A plain-text table, a row per circuit, then the overall figures.
    public var table: String {
        let roads = circuits.contains { $0.meanTripMinutes != nil }
        var text = "circuit\tunits\tcontiguous\tparts\tcompactness\tpopulation\tarea_km2\tmean_trip_km" + (roads ? "\tmean_trip_min" : "")
        let products = circuits.first?.selfSufficiency.map(\.product) ?? []
        for product in products { text += "\t\(product)_self_sufficiency" }
        text += "\n"
        for circuit in circuits {
            text += "\(circuit.id)\t\(circuit.units)\t\(circuit.contiguous ? "yes" : "no")\t\(circuit.components.count)\t"
            text += String(format: "%.3f\t%.0f\t%.1f\t%.2f", circuit.compactness, circuit.population, circuit.area / 1e6, circuit.meanTripKm)
            if roads { text += circuit.meanTripMinutes.map { String(format: "\t%.1f", $0) } ?? "\t-" }
            for entry in circuit.selfSufficiency { text += entry.value.map { String(format: "\t%.3f", $0) } ?? "\t-" }
            text += "\n"
        }
        text += String(format: "\n%d circuits; %.0f %% contiguous; mean compactness %.3f; population variation (sd / mean) %.3f\n",
                       circuits.count, 100 * contiguousShare, meanCompactness, populationVariation)
        return text
    }
}
