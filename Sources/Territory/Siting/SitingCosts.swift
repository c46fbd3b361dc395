import Geo

/// The cost matrix of a siting problem: straight-line metres between
/// points in one metric CRS, or door-to-door minutes over the roads
/// through `TravelTimes` (one search per candidate over the reversed
/// graph, as `minutes(of:)` chooses).
public enum SitingCosts {
    /// Demand x candidate metres; a missing position is unreachable (`.infinity`).
    public static func metres(from demand: [Position?], to candidates: [Position?]) -> [[Double]] {
        demand.map { d in
            candidates.map { c in
                guard let d, let c else { return .infinity }
                return ((d.x - c.x) * (d.x - c.x) + (d.y - c.y) * (d.y - c.y)).squareRoot()
            }
        }
    }

    public struct Minutes: Sendable {
        /// Demand x candidate; `.infinity` where the roads do not join them.
        public var cost: [[Double]]
        /// Points farther from the roads than the snapping allows.
        public var demandOffRoad: [Int]
        public var candidatesOffRoad: [Int]
    }

    /// Demand x candidate minutes over the roads; positions in `crs`.
    public static func minutes(_ travel: TravelTimes, from demand: [Position?], to candidates: [Position?], crs: CRS) throws -> Minutes {
        let origins = try travel.places(demand, from: crs)
        let destinations = try travel.places(candidates, from: crs)
        var trips: [TravelTimes.Trip] = []
        trips.reserveCapacity(demand.count * candidates.count)
        for i in demand.indices { for j in candidates.indices { trips.append(TravelTimes.Trip(i, j)) } }
        let answers = try travel.minutes(of: trips, from: origins, to: destinations)
        var cost = [[Double]](repeating: [Double](repeating: .infinity, count: candidates.count), count: demand.count)
        for (trip, minutes) in zip(trips, answers) { if let minutes { cost[trip.origin][trip.destination] = minutes } }
        return Minutes(cost: cost,
                       demandOffRoad: origins.indices.filter { origins[$0] == nil && demand[$0] != nil },
                       candidatesOffRoad: destinations.indices.filter { destinations[$0] == nil && candidates[$0] != nil })
    }
}
