import Foundation
import Geo

/// The sites a large distribution is first solved on: from the people
/// back up the chain, each buyer's nearest sellers until they could pass
/// `cover` times what it needs.
///
/// Why: demand is fixed by the people, supply grows with the registry, so
/// at scale few sites carry flow (100,000 sites: 12,700; 1,000,000: about
/// as many), and solving and pricing every site's links each round cost
/// more than the flow needs. Solved on these sites first, the flow is
/// then checked against every omitted site (`OmittedSitesCheck`), and the
/// sites that would improve it are added: the choice here is a speed hint
/// only, which never changes the result.
struct SiteSelection {
    let flow: DistributionFlow
    let costs: DistributionCosts
    /// Sellers kept per buyer: until their capacity covers this many times
    /// the buyer's need, and at least `fewest`.
    var cover: Int64 = 2
    var fewest = 3
    /// Never more than this many nearest sellers per buyer (a buyer whose
    /// need no seller nearby can cover).
    var most = 256

    private var network: DistributionNetwork { flow.network }

    /// Whether each site (feature index) is chosen, and the links from each
    /// buyer's chosen sellers: the first solve starts from them (links
    /// from each seller to its nearest buyers miss a buyer's nearest
    /// sellers, which are what it buys from while supply abounds).
    func run(context: GEOSContext) throws -> (chosen: [Bool], links: [DistributionNetwork.Pair]) {
        var chosen = [Bool](repeating: false, count: flow.capacity.count)
        var links: [DistributionNetwork.Pair] = []
        // What each chosen site must pass on: its buyers' needs, at most its capacity.
        var need = [Int64](repeating: 0, count: flow.capacity.count)
        let layerCount = network.layers.count
        // The layers selling to each layer, and to the people.
        var sellersOf = [[Int]](repeating: [], count: layerCount)
        for (k, targets) in network.targets.enumerated() { for j in targets { sellersOf[j].append(k) } }
        let sellersOfPeople = network.layers.indices.filter { network.sellsToPeople[$0] }
        // Each set of selling layers in one GEOS STRtree (`PointIndex`: the
        // k nearest, ties to the lower index, so a longer answer starts with
        // a shorter one).
        var pools: [[Int]: (sites: [Int], index: PointIndex)?] = [:]
        func pool(_ layers: [Int]) throws -> (sites: [Int], index: PointIndex)? {
            if let known = pools[layers] { return known }
            let sites = layers.flatMap { network.layers[$0] }.filter { costs.isPlaced(site: $0) }
            let made = sites.isEmpty ? nil : (sites, try PointIndex(sites.map { costs.sites[$0] }, context: context))
            pools[layers] = made
            return made
        }
        func choose(for position: Position, needing units: Int64, among layers: [Int], buyer: (index: Int, toTerritory: Bool)) throws {
            guard units > 0, let (sites, index) = try pool(layers) else { return }
            var wanted = fewest * 4, seen = 0
            var covered: Int64 = 0
            while true {
                let nearest = try index.nearest(wanted, to: position)
                // Go on past those seen.
                for member in nearest.dropFirst(seen) {
                    let site = sites[member]
                    chosen[site] = true
                    links.append(DistributionNetwork.Pair(from: site, to: buyer.index, toTerritory: buyer.toTerritory))
                    need[site] = min(flow.capacity[site], need[site] + units)
                    seen += 1
                    if !flow.outside[site] { covered += flow.capacity[site] }
                    if seen >= fewest, covered >= cover * units { return }
                }
                guard nearest.count == wanted, wanted < most else { return }
                wanted = min(wanted * 4, most)
            }
        }
        for territory in flow.demand.indices where costs.isPlaced(territory: territory) {
            try choose(for: costs.territories[territory], needing: flow.demand[territory], among: sellersOfPeople, buyer: (territory, true))
        }
        for k in stride(from: layerCount - 1, through: 0, by: -1) where !sellersOf[k].isEmpty {
            for site in network.layers[k] where chosen[site] {
                try choose(for: costs.sites[site], needing: need[site], among: sellersOf[k], buyer: (site, false))
            }
        }
        return (chosen, links)
    }
}
