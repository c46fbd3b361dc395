import Foundation
import Geo

/// Who a set of facilities feeds: each facility's capacity (final product,
/// in solver units) goes to the territory units' demand with the least
/// travel (straight-line metres x amount, by the min-cost flow solver),
/// wherever the units are. The capacity left after the nearest units
/// feeds the next ones, farther away, until capacity or people run out.
///
/// Linking every unit to every facility is exact but grows as units x
/// facilities. So each unit is first linked to its 5 nearest facilities;
/// after each solve, a unit still hungry while some capacity is spare
/// doubles its links, and once every hungry unit is linked to every
/// facility within reach, an alternating search over all the links there
/// could be (a facility with spare capacity, a unit it could reach, a
/// facility already feeding that unit, ...) looks for a hungry unit the
/// solver could still feed by moving supplies around; the links on the
/// way are added and the flow solved again. It stops when no such unit is
/// left: as many people are fed as the whole bipartite network could feed
/// (a maximum flow), with the least travel among the links considered.
struct CapacityFeeding {
    /// Facilities, in metres.
    let facilities: [Position]
    /// Each facility's capacity in solver units.
    let supplies: [Int64]
    /// Each unit's representative point; nil for a unit without geometry,
    /// which no facility reaches.
    let units: [Position?]
    /// Each unit's demand in solver units.
    let demands: [Int64]
    /// A facility feeds no unit farther than this (metres); nil: any.
    let maxDistance: Double?

    /// How many nearest facilities a unit is first linked to.
    static let firstLinks = 5

    struct Outcome {
        /// The links that carry something: facility, unit, amount.
        var flows: [(facility: Int, unit: Int, amount: Int64)]
        /// Per unit: what it receives, and its nearest facility within
        /// reach (nil: none, the unit is outside every catchment).
        var received: [Int64]
        var nearest: [Int?]
        /// Per facility: what it delivers.
        var delivered: [Int64]
        /// Solves, and links in the last one.
        var rounds: Int
        var links: Int
    }

    func metres(_ facility: Int, _ point: Position) -> Double {
        hypot(facilities[facility].x - point.x, facilities[facility].y - point.y)
    }

    func reaches(_ facility: Int, _ point: Position) -> Bool {
        maxDistance.map { metres(facility, point) <= $0 } ?? true
    }

    /// `cost(metres, facility)`: a link's cost in the solver's units
    /// (it may throw for a link too long to route).
    func solve(context: GEOSContext, cost: (Double, Int) throws -> Int64) throws -> Outcome {
        let facilityCount = facilities.count
        let index = try PointIndex(facilities, context: context)
        /// The `k` nearest facilities of a point within reach, nearest first
        /// (ties to the lower index), and whether they are all within reach.
        func nearest(_ k: Int, to point: Position) throws -> (facilities: [Int], all: Bool) {
            let candidates: [Int]
            if k >= facilityCount {
                candidates = (0..<facilityCount).sorted { a, b in
                    let (da, db) = (metres(a, point), metres(b, point))
                    return da != db ? da < db : a < b
                }
            } else {
                candidates = try index.nearest(k, to: point)
            }
            let within = candidates.filter { reaches($0, point) }
            return (within, k >= facilityCount || within.count < candidates.count)
        }

        var wanted = [Int](repeating: min(Self.firstLinks, facilityCount), count: units.count)
        var linked = [[Int]](repeating: [], count: units.count)
        var complete = [Bool](repeating: false, count: units.count)
        var nearestFacility = [Int?](repeating: nil, count: units.count)
        for (unit, point) in units.enumerated() {
            guard let point else { complete[unit] = true; continue }
            (linked[unit], complete[unit]) = try nearest(wanted[unit], to: point)
            nearestFacility[unit] = linked[unit].first
        }
        var extra = [Set<Int>](repeating: [], count: units.count)
        var rounds = 0
        while true {
            rounds += 1
            var flow = CostScaling(nodeCount: facilityCount + units.count)
            for (facility, supply) in supplies.enumerated() { flow.setSupply(facility, supply) }
            var arcs: [(facility: Int, unit: Int, arc: Int)] = []
            for (unit, point) in units.enumerated() {
                flow.setSupply(facilityCount + unit, -demands[unit])
                guard let point else { continue }
                let links = linked[unit] + extra[unit].subtracting(linked[unit]).sorted()
                for facility in links {
                    let arc = flow.addArc(from: facility, to: facilityCount + unit, capacity: Int64.max / 4,
                                          cost: try cost(metres(facility, point), facility))
                    arcs.append((facility, unit, arc))
                }
            }
            let solution = flow.solve()
            var received = [Int64](repeating: 0, count: units.count)
            var delivered = [Int64](repeating: 0, count: facilityCount)
            var flows: [(facility: Int, unit: Int, amount: Int64)] = []
            for link in arcs where solution.flow[link.arc] > 0 {
                let amount = solution.flow[link.arc]
                received[link.unit] += amount
                delivered[link.facility] += amount
                flows.append((link.facility, link.unit, amount))
            }
            let outcome = Outcome(flows: flows, received: received, nearest: nearestFacility,
                                  delivered: delivered, rounds: rounds, links: arcs.count)
            let spare = supplies.indices.filter { delivered[$0] < supplies[$0] }
            let hungry = units.indices.filter { received[$0] < demands[$0] && nearestFacility[$0] != nil }
            guard !spare.isEmpty, !hungry.isEmpty else { return outcome }

            // First the cheap way: hungry units reach for more facilities.
            var widened = false
            for unit in hungry where !complete[unit] {
                guard let point = units[unit] else { continue }
                wanted[unit] = min(2 * wanted[unit], facilityCount)
                (linked[unit], complete[unit]) = try nearest(wanted[unit], to: point)
                widened = true
            }
            if widened { continue }
            // Every hungry unit has all its links: only moving supplies
            // around through links not yet made can feed more.
            let added = augmentingLinks(from: spare, to: Set(hungry), flows: flows)
            var grew = false
            for (facility, unit) in added where !linked[unit].contains(facility) {
                grew = extra[unit].insert(facility).inserted || grew
            }
            guard grew else { return outcome }
        }
    }

    /// The links on alternating paths from the `spare` facilities to
    /// `hungry` units over every link within reach: from a facility to
    /// any unit it reaches, from a unit back to a facility feeding it.
    /// Empty when no such path exists (the flow is a maximum one).
    func augmentingLinks(from spare: [Int], to hungry: Set<Int>,
                         flows: [(facility: Int, unit: Int, amount: Int64)]) -> [(facility: Int, unit: Int)] {
        var feeders = [[Int]](repeating: [], count: units.count)
        for link in flows { feeders[link.unit].append(link.facility) }
        var facilityFrom = [Int?](repeating: nil, count: facilities.count)   // the unit a facility was reached from
        var unitFrom = [Int?](repeating: nil, count: units.count)            // the facility a unit was reached from
        var seen = [Bool](repeating: false, count: facilities.count)
        for facility in spare { seen[facility] = true }
        var queue = spare, head = 0
        var reached: [Int] = []
        while head < queue.count {
            let facility = queue[head]
            head += 1
            for (unit, point) in units.enumerated() where unitFrom[unit] == nil {
                guard let point, reaches(facility, point) else { continue }
                unitFrom[unit] = facility
                if hungry.contains(unit) { reached.append(unit); continue }
                for feeder in feeders[unit] where !seen[feeder] {
                    seen[feeder] = true
                    facilityFrom[feeder] = unit
                    queue.append(feeder)
                }
            }
        }
        var links: [(facility: Int, unit: Int)] = []
        for target in reached {
            var unit = target
            while let facility = unitFrom[unit] {
                links.append((facility, unit))
                guard let previous = facilityFrom[facility] else { break }
                unit = previous
            }
        }
        return links
    }
}
