import Foundation
import Geo

/// The layered network of a chain, complete: every site of a chain link
/// may sell to every site of the next link (and of the links after it
/// while those may be skipped), and a site of a link followed only by
/// skippable links may sell to every territory. It is never built whole:
/// `Distribution` solves it on some of its links and prices the rest.
struct DistributionNetwork {
    /// A link of the complete network: site to site, or site to territory.
    struct Pair: Hashable {
        let from: Int
        let to: Int
        let toTerritory: Bool
    }

    /// A link taken into the flow, with what it costs: 100 m units along
    /// the straight line, or tenths of a minute along the roads.
    struct Link {
        let pair: Pair
        let metres: Double
        let cost: Int64
    }

    /// Sites of each chain link, in chain order.
    let layers: [[Int]]
    /// The layers each layer's sites may sell to.
    let targets: [[Int]]
    /// Whether each layer's sites may sell to the people.
    let sellsToPeople: [Bool]
    /// The layer of each site (feature index), nil for sites of no link.
    let layerOfSite: [Int?]

    init(chain: ChainSpec, layers: [[Int]], siteCount: Int) {
        self.layers = layers
        var targets: [[Int]] = [], sellsToPeople: [Bool] = []
        for k in layers.indices {
            var next = k + 1, reached: [Int] = []
            while next < layers.count {
                reached.append(next)
                if !chain.skippable.contains(chain.stages[next]) { break }
                next += 1
            }
            targets.append(reached)
            sellsToPeople.append(next >= layers.count)
        }
        self.targets = targets
        self.sellsToPeople = sellsToPeople
        var layerOfSite = [Int?](repeating: nil, count: siteCount)
        for (k, layer) in layers.enumerated() { for site in layer { layerOfSite[site] = k } }
        self.layerOfSite = layerOfSite
    }

    /// Whether `pair` is a link of the complete network.
    func contains(_ pair: Pair) -> Bool {
        guard let k = layerOfSite[pair.from] else { return false }
        if pair.toTerritory { return sellsToPeople[k] }
        guard let j = layerOfSite[pair.to] else { return false }
        return targets[k].contains(j)
    }
}

/// What links cost, straight or along the roads, computed once per link.
final class DistributionCosts {
    let sites: [Position]
    let territories: [Position]
    /// Sites are places 0..<sites.count, territories follow them.
    let travel: (times: TravelTimes, places: [TravelTimes.Place?])?
    private var minutesOf: [DistributionNetwork.Pair: Double?] = [:]

    init(sites: [Position], territories: [Position], travel: (times: TravelTimes, places: [TravelTimes.Place?])?) {
        self.sites = sites
        self.territories = territories
        self.travel = travel
    }

    func end(_ pair: DistributionNetwork.Pair) -> Position { pair.toTerritory ? territories[pair.to] : sites[pair.to] }
    func place(_ pair: DistributionNetwork.Pair) -> Int { pair.toTerritory ? sites.count + pair.to : pair.to }

    func metres(_ pair: DistributionNetwork.Pair) -> Double {
        let a = sites[pair.from], b = end(pair)
        return hypot(b.x - a.x, b.y - a.y)
    }

    /// Whether either end is off the roads (beyond --max-snap): such a
    /// site or territory takes part in no link.
    func isPlaced(site: Int) -> Bool { travel.map { $0.places[site] != nil } ?? true }
    func isPlaced(territory: Int) -> Bool { travel.map { $0.places[sites.count + territory] != nil } ?? true }

    /// The road component of a placed site or territory (0 without roads).
    func component(site: Int) -> Int { travel.flatMap { t in t.places[site].map { t.times.component(of: $0) } } ?? 0 }
    func component(territory: Int) -> Int { travel.flatMap { t in t.places[sites.count + territory].map { t.times.component(of: $0) } } ?? 0 }

    /// Cost units per metre at least: a trip of d metres costs at least
    /// d × this − 1 (the − 1 for the truncation to whole units).
    lazy var costPerMetreAtLeast: Double = travel.map { 0.6 / $0.times.fastestSpeed } ?? 0.01

    /// The cost of each link in whole units, nil where the roads do not
    /// join its ends. Trips along the roads are searched once each.
    func costs(_ pairs: [DistributionNetwork.Pair]) throws -> [Double?] {
        guard let travel else { return pairs.map { metres($0) / 100 } }
        let missing = Array(Set(pairs.filter { minutesOf[$0] == nil }))
        if !missing.isEmpty {
            let found = try travel.times.minutes(of: missing.map { TravelTimes.Trip($0.from, place($0)) },
                                                 from: travel.places, to: travel.places)
            for (pair, minutes) in zip(missing, found) { minutesOf[pair] = .some(minutes) }
        }
        return pairs.map { pair in minutesOf[pair]!.map { $0 * 10 } }
    }
}
