import Geo

extension GroupingEvaluation {
    /// Per circuit (`members`: its units), the population-weighted mean
    /// minutes along the roads from the circuit's population-weighted
    /// centre to each unit's centre (`centres`, in `metric`). Nil without
    /// travel times, for a circuit nobody lives in, or when no unit is
    /// reached. One search per circuit, through the study's travel model.
    static func meanTripMinutes(_ travel: TravelTimes?, members: [[Int]], centres: [Position], populations: [Double],
                                metric: CRS) throws -> [Double?] {
        guard let travel else { return members.map { _ in nil } }
        let origins = try travel.places(members.map { units -> Position? in
            units.reduce(0) { $0 + populations[$1] } > 0 ? centre(of: units, centres: centres, populations: populations) : nil
        }, from: metric)
        let destinations = try travel.places(centres, from: metric)
        let trips = members.indices.flatMap { circuit in members[circuit].map { TravelTimes.Trip(circuit, $0) } }
        let minutes = try travel.minutes(of: trips, from: origins, to: destinations)
        // Summed in the units' order, trip by trip, so the figures do not
        // depend on how the searches were spread over workers.
        var total = [Double](repeating: 0, count: members.count), reached = total
        for (trip, minutes) in zip(trips, minutes) {
            guard let minutes else { continue }
            total[trip.origin] += minutes * populations[trip.destination]
            reached[trip.origin] += populations[trip.destination]
        }
        return members.indices.map { reached[$0] > 0 ? total[$0] / reached[$0] : nil }
    }
}
