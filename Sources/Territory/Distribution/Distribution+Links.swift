import Foundation
import Geo

extension Distribution {
    /// The links the first solve starts from, in a fixed order: each site
    /// to its `neighbours` nearest sites of the layers it sells to, a
    /// seller to its nearest territories, and each territory from its
    /// nearest sellers. A speed hint only: pricing adds every link the
    /// optimum needs, so the result does not depend on it.
    func startingLinks(_ network: DistributionNetwork, costs: DistributionCosts, context: GEOSContext) throws -> [DistributionNetwork.Pair] {
        typealias Pair = DistributionNetwork.Pair
        var pairs: [Pair] = []
        var seen = Set<Pair>()
        func add(_ pair: Pair) { if seen.insert(pair).inserted { pairs.append(pair) } }
        // k-nearest searches through GEOS STRtrees, each set indexed once.
        struct Candidates {
            let members: [Int]
            let index: PointIndex?
        }
        func candidates(_ members: [Int], in places: [Position]) throws -> Candidates {
            Candidates(members: members, index: members.isEmpty ? nil : try PointIndex(members.map { places[$0] }, context: context))
        }
        func nearest(_ point: Position, among set: Candidates) throws -> [Int] {
            guard let index = set.index else { return [] }
            return try index.nearest(min(neighbours, set.members.count), to: point).map { set.members[$0] }
        }
        let placedTerritories = costs.territories.indices.filter { costs.isPlaced(territory: $0) }
        let allTerritories = try candidates(placedTerritories, in: costs.territories)
        for (k, layer) in network.layers.enumerated() {
            let nextSites = try candidates(network.targets[k].flatMap { network.layers[$0] }.filter { costs.isPlaced(site: $0) },
                                           in: costs.sites)
            for site in layer where costs.isPlaced(site: site) {
                for target in try nearest(costs.sites[site], among: nextSites) { add(Pair(from: site, to: target, toTerritory: false)) }
                if network.sellsToPeople[k] {
                    for territory in try nearest(costs.sites[site], among: allTerritories) {
                        add(Pair(from: site, to: territory, toTerritory: true))
                    }
                }
            }
        }
        // Every territory also reaches its nearest sellers.
        let sellers = network.layers.indices.filter { network.sellsToPeople[$0] }.flatMap { network.layers[$0] }.filter { costs.isPlaced(site: $0) }
        let sellerSites = try candidates(sellers, in: costs.sites)
        for territory in placedTerritories {
            for site in try nearest(costs.territories[territory], among: sellerSites) { add(Pair(from: site, to: territory, toTerritory: true)) }
        }
        return pairs
    }
}
