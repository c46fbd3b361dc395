import Foundation
import Geo

extension Distribution {
    /// The figures of a situation given as tonnes on links: lines (routes
    /// along the roads when given), delivered, intermediated (in all and
    /// per chain link), tonne-km and tonne-minutes.
    func figures(pairs: [DistributionNetwork.Pair], tonnes: [Double], through: [Int: Double], deliveredTo: [Double],
                 costs: DistributionCosts, network: DistributionNetwork, parsed: [Site]) throws -> Figures {
        var routes = [Route?](repeating: nil, count: pairs.count)
        if let travel = costs.travel {
            let trips = pairs.map { TravelTimes.Trip($0.from, costs.place($0)) }
            routes = try travel.times.routes(of: trips, from: travel.places, to: travel.places)
        }
        var flows: [Flow] = []
        for (index, pair) in pairs.enumerated() {
            let intermediary = parsed[pair.from].owner == .outside || (!pair.toTerritory && parsed[pair.to].owner == .outside)
            var flow = Flow(from: pair.from, to: pair.to, toTerritory: pair.toTerritory, tonnes: tonnes[index], metres: costs.metres(pair),
                            intermediary: intermediary, minutes: nil,
                            line: .lineString(CoordinateSequence([costs.sites[pair.from], costs.end(pair)])))
            if let route = routes[index] {
                flow.line = route.shape
                flow.metres = route.metres
                flow.minutes = route.minutes
            }
            flows.append(flow)
        }
        var byLink = [Double](repeating: 0, count: network.layers.count)
        for (site, amount) in through where parsed[site].owner == .outside {
            if let k = network.layerOfSite[site] { byLink[k] += amount }
        }
        return Figures(flows: flows, deliveredTo: deliveredTo, through: through, delivered: deliveredTo.reduce(0, +),
                       intermediated: byLink.reduce(0, +), intermediatedByLink: byLink,
                       tonneKilometres: flows.reduce(0) { $0 + $1.tonnes * $1.metres / 1000 },
                       tonneMinutes: costs.travel == nil ? nil : flows.reduce(0) { $0 + $1.tonnes * ($1.minutes ?? 0) },
                       unroutedLinks: costs.travel == nil ? 0 : flows.filter { $0.minutes == nil }.count)
    }
}
