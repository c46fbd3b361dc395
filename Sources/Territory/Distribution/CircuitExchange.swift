import Foundation
import Geo

/// How a distribution moves a chain's product between circuits: the
/// circuit-to-circuit matrix of tonnes (from where the product is
/// produced, its first-stage sites, to where it is eaten) and, per
/// circuit, its own supply used, what it exports and imports, and its
/// share of the figures. What passes a site is split among the circuits
/// it came from in proportion (the flow does not say which tonne is which).
///
/// Figures by circuit add up to the whole: tonnes delivered to the people
/// of the circuit, tonnes handled by intermediaries standing in it,
/// tonne-km (and tonne-minutes) of the links leaving from its sites.
/// Sites and territories in no circuit count under `CircuitExchange.none`;
/// a territory listed in two circuits counts in the first.
public struct CircuitExchange: Sendable {
    /// The label of what lies in no circuit.
    public static let none = "(no circuit)"

    public struct Entry: Sendable, Equatable {
        public var from: String
        public var to: String
        public var tonnes: Double
    }

    public struct Circuit: Sendable {
        public var id: String
        public var delivered = 0.0
        public var intermediated = 0.0
        public var tonneKilometres = 0.0
        public var tonneMinutes: Double?
        /// Its own production eaten by its own people.
        public var ownSupplyUsed = 0.0
        /// Its production eaten elsewhere, and others' eaten here.
        public var exported = 0.0
        public var imported = 0.0
    }

    /// Circuits in the grouping's order, then `none` when anything lies there.
    public var circuits: [Circuit]
    /// Non-zero cells of the matrix, from and to in circuit order.
    public var matrix: [Entry]
    /// A point inside each circuit's territories (metric CRS), for lines.
    public var anchors: [String: Position]
    /// Territories listed in more than one circuit (counted in the first).
    public var overlapping: Int

    /// Tonnes from one circuit to another (0 when none).
    public func tonnes(from: String, to: String) -> Double {
        matrix.first { $0.from == from && $0.to == to }?.tonnes ?? 0
    }

    public func circuit(_ id: String) -> Circuit? { circuits.first { $0.id == id } }
}

extension Distribution.Result {
    /// The optimum's exchange between the circuits of `grouping` (the
    /// baseline's with `baseline: true`).
    public func exchange(grouping: Grouping, study: Study, baseline: Bool = false) throws -> CircuitExchange {
        let sites = try study.requireSites(for: "distribution")
        let territories = study.territories
        let figures = baseline ? self.baseline.figures : optimised
        var ids = grouping.circuits
        var circuitOfCode: [String: Int] = [:]
        var overlapping = Set<String>()
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        for row in grouping.rows {
            if circuitOfCode[row.territory] == nil { circuitOfCode[row.territory] = index[row.circuit]! } else { overlapping.insert(row.territory) }
        }
        let none = ids.count
        ids.append(CircuitExchange.none)
        let circuitOfTerritory = territories.codes.map { circuitOfCode[$0] ?? none }
        func circuitOfSite(_ site: Int) -> Int { sites.territory[site].map { circuitOfTerritory[$0] } ?? none }

        var circuits = ids.map { CircuitExchange.Circuit(id: $0, tonneMinutes: figures.tonneMinutes == nil ? nil : 0) }
        for (territory, amount) in figures.deliveredTo.enumerated() { circuits[circuitOfTerritory[territory]].delivered += amount }
        for (site, amount) in figures.through where sites.sites[site].owner == .outside { circuits[circuitOfSite(site)].intermediated += amount }
        for flow in figures.flows {
            let c = circuitOfSite(flow.from)
            circuits[c].tonneKilometres += flow.tonnes * flow.metres / 1000
            if let minutes = flow.minutes { circuits[c].tonneMinutes! += flow.tonnes * minutes }
        }

        // Where each site's product was produced, in proportion, link by link in chain order.
        var mix: [Int: [Int: Double]] = [:]
        var arriving: [Int: [Int: Double]] = [:]
        var reaching = [Int: [Int: Double]]()
        let byLink = Dictionary(grouping: figures.flows.indices) { linkOfSite[figures.flows[$0].from] ?? -1 }
        for k in byLink.keys.sorted() {
            for index in byLink[k]! {
                let flow = figures.flows[index]
                if mix[flow.from] == nil {
                    if k == 0 {
                        mix[flow.from] = [circuitOfSite(flow.from): 1]
                    } else {
                        let parts = arriving[flow.from] ?? [:]
                        let total = sumInKeyOrder(parts)
                        mix[flow.from] = total > 0 ? parts.mapValues { $0 / total } : [:]
                    }
                }
                for (origin, share) in mix[flow.from]!.sorted(by: { $0.key < $1.key }) {
                    if flow.toTerritory {
                        reaching[flow.to, default: [:]][origin, default: 0] += share * flow.tonnes
                    } else {
                        arriving[flow.to, default: [:]][origin, default: 0] += share * flow.tonnes
                    }
                }
            }
        }
        var cells: [Int: [Int: Double]] = [:]
        for (territory, parts) in reaching.sorted(by: { $0.key < $1.key }) {
            let total = sumInKeyOrder(parts)
            guard total > 0 else { continue }
            // Only what the people take: the baseline may bring more than they demand.
            let taken = figures.deliveredTo[territory] / total
            for (origin, amount) in parts.sorted(by: { $0.key < $1.key }) { cells[origin, default: [:]][circuitOfTerritory[territory], default: 0] += amount * taken }
        }
        var matrix: [CircuitExchange.Entry] = []
        for from in cells.keys.sorted() {
            for (to, amount) in cells[from]!.sorted(by: { $0.key < $1.key }) where amount > 0 {
                matrix.append(.init(from: ids[from], to: ids[to], tonnes: amount))
                if from == to { circuits[from].ownSupplyUsed += amount } else {
                    circuits[from].exported += amount
                    circuits[to].imported += amount
                }
            }
        }
        // A point inside each circuit's territories, for the lines between them.
        var anchors: [String: Position] = [:]
        for (c, id) in ids.enumerated() where c != none {
            let members = territories.geometries.indices.filter { circuitOfTerritory[$0] == c }.map { territories.geometries[$0] }
            guard !members.isEmpty, let point = try Geometry.union(members).pointOnSurface().position else { continue }
            anchors[id] = point
        }
        let used = circuits.indices.filter { $0 != none || circuits[$0].delivered > 0 || circuits[$0].intermediated > 0 || circuits[$0].tonneKilometres > 0 || cells[$0] != nil }
        return CircuitExchange(circuits: used.map { circuits[$0] }, matrix: matrix, anchors: anchors, overlapping: overlapping.count)
    }
}

extension CircuitExchange {
    /// The label of circuits in no zone.
    public static let noZone = "(no zone)"

    /// Tonnes one circuit sends to each other circuit, most first (ties by name).
    public func exports(of circuit: String) -> [Entry] {
        matrix.filter { $0.from == circuit && $0.to != circuit }.sorted { $0.tonnes != $1.tonnes ? $0.tonnes > $1.tonnes : $0.to < $1.to }
    }

    /// Tonnes one circuit receives from each other circuit, most first.
    public func imports(of circuit: String) -> [Entry] {
        matrix.filter { $0.to == circuit && $0.from != circuit }.sorted { $0.tonnes != $1.tonnes ? $0.tonnes > $1.tonnes : $0.from < $1.from }
    }
}

extension Grouping {
    /// The territories grouped by the zone of their circuit: a grouping
    /// whose "circuits" are `zoning`'s zones, for the exchange between
    /// zones. Territories of circuits in no zone go to `CircuitExchange.noZone`;
    /// a territory listed twice in one zone counts once.
    public func zoned(by zoning: Zoning) -> Grouping {
        var seen = Set<[String]>()
        let rows = rows.compactMap { row -> Row? in
            let zone = zoning.zone(of: row.circuit) ?? CircuitExchange.noZone
            guard seen.insert([row.territory, zone]).inserted else { return nil }
            return Row(line: row.line, territory: row.territory, circuit: zone)
        }
        return Grouping(rows: rows)
    }
}

extension Distribution.Result {
    /// The optimum's exchange between the zones of `zoning` (each zone its
    /// circuits' territories taken together), the baseline's with `baseline: true`.
    public func exchange(grouping: Grouping, zoning: Zoning, study: Study, baseline: Bool = false) throws -> CircuitExchange {
        try exchange(grouping: grouping.zoned(by: zoning), study: study, baseline: baseline)
    }
}

/// The sum of the values in key order: a dictionary's own order changes
/// from run to run, and floating-point sums with it, which would change the
/// last digits written (same input, same bytes).
private func sumInKeyOrder(_ parts: [Int: Double]) -> Double {
    parts.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }
}
