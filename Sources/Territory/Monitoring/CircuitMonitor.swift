import Geo

/// Circuits over time: the study's coverage (`CircuitCoverage`, unchanged)
/// on each dated snapshot of the sites, per circuit (and zone) and
/// product: actors per stage, the chain's capacity, self-supply,
/// exportable surplus, people fed and, when asked (it runs each chain's
/// exact distribution on every snapshot), the tonnes through
/// intermediaries; and the actors new and vanished from one snapshot to
/// the next, by site id.
public struct CircuitMonitor: Sendable {
    public var coverage = CircuitCoverage()
    /// Runs each chain's `Distribution` per snapshot for the intermediated tonnes.
    public var intermediated = false

    public init() {}

    /// One circuit or zone, one product, one date.
    public struct Point: Sendable {
        public var date: String
        public var place: String
        /// "circuit" or "zone".
        public var kind: String
        public var product: String
        public var unit: CapacityUnit
        /// Actors per stage, in the chain's order.
        public var actors: [(stage: Stage, count: Int)]
        /// The weakest stage that cannot be skipped, in final product.
        public var capacity: Double
        public var selfSupply: Double
        public var exportableSurplus: Double
        public var peopleFed: Double
        /// Tonnes (final product) reaching the circuit through intermediaries; nil unless asked.
        public var intermediated: Double?

        public var actorCount: Int { actors.reduce(0) { $0 + $1.count } }
    }

    /// Actors new at a date (not in the snapshot before) and vanished (in it, no longer here).
    public struct Change: Sendable, Equatable {
        public var date: String
        public var new: [String]
        public var vanished: [String]
    }

    public struct Result: Sendable {
        public var dates: [String]
        public var points: [Point]
        public var changes: [Change]
        /// Per date, sites of no circuit (outside every territory or of none).
        public var sitesLeftOut: [String: Int]

        /// The series of one place and product, in date order.
        public func series(place: String, product: String) -> [Point] {
            points.filter { $0.place == place && $0.product == product }
        }
        public var places: [(place: String, kind: String)] {
            var seen: [(String, String)] = []
            for point in points where !seen.contains(where: { $0.0 == point.place && $0.1 == point.kind }) { seen.append((point.place, point.kind)) }
            return seen
        }
        public var products: [String] {
            var seen: [String] = []
            for point in points where !seen.contains(point.product) { seen.append(point.product) }
            return seen
        }
    }

    /// `study` gives the territories, grouping, zones, chains and the sites'
    /// fields and id field; each snapshot's sites replace its sites.
    public func run(_ study: Study, snapshots: [Snapshot]) throws -> Result {
        let base = try study.requireSites(for: "monitoring")
        let grouping = try study.requireGrouping(for: "monitoring")
        var coverage = self.coverage
        coverage.exchange = false
        var points: [Point] = [], changes: [Change] = [], leftOut: [String: Int] = [:]
        var previousIDs: [String]?
        for snapshot in try Snapshot.ordered(snapshots) {
            let sites = try StudySites(snapshot.layer, file: snapshot.file, fields: base.fields, idField: base.idField, in: study.territories)
            var dated = study
            dated.sites = sites
            try sites.checkUnits(against: study.chains)
            let result = try coverage.run(dated)
            var exchanges: [String: CircuitExchange] = [:]
            if intermediated {
                for chain in study.chains {
                    let run = try Distribution(chain: chain).run(dated)
                    exchanges[chain.product] = try run.exchange(grouping: grouping, study: dated)
                }
            }
            for circuit in result.circuits {
                for product in circuit.products {
                    let moved = exchanges[product.product].map { exchange in
                        exchange.circuits.first { $0.id == circuit.id }?.intermediated ?? 0
                    }
                    points.append(Self.point(product, date: snapshot.date, place: circuit.id, kind: "circuit", intermediated: moved))
                }
            }
            for zone in result.zones {
                for product in zone.products {
                    points.append(Self.point(product, date: snapshot.date, place: zone.id, kind: "zone", intermediated: nil))
                }
            }
            leftOut[snapshot.date] = result.sitesLeftOut.count
            let ids = sites.ids
            if let previous = previousIDs {
                let now = Set(ids), before = Set(previous)
                changes.append(Change(date: snapshot.date, new: ids.filter { !before.contains($0) },
                                      vanished: previous.filter { !now.contains($0) }))
            }
            previousIDs = ids
        }
        return Result(dates: try Snapshot.ordered(snapshots).map(\.date), points: points, changes: changes, sitesLeftOut: leftOut)
    }

    static func point(_ balance: ProductBalance, date: String, place: String, kind: String, intermediated: Double?) -> Point {
        Point(date: date, place: place, kind: kind, product: balance.product, unit: balance.unit,
              actors: balance.stages.map { ($0.stage, $0.sites) }, capacity: balance.chainCapacity,
              selfSupply: balance.selfSupply, exportableSurplus: balance.exportableSurplus, peopleFed: balance.peopleFed,
              intermediated: intermediated)
    }
}
