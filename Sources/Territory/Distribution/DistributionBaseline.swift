import Foundation
import Geo

extension Distribution {
    /// The situation the optimum is compared with: the current trade when
    /// the sites say whom they sell to (`sellsToField`: the id of a site
    /// of a stage it may sell to, or the code of a territory for a seller
    /// to the people), else each actor selling to its nearest actor of the
    /// next stage that has any (inside the circuit or not), and a seller to
    /// the people to those of its own territory (the nearest one when it
    /// stands in none). Every first-stage site offers its capacity; each
    /// buyer passes on what it received up to its capacity, and the people
    /// take up to their demand; the rest is `stuck`.
    func baseline(network: DistributionNetwork, study: Study, costs: DistributionCosts, demands: [Double],
                  capacity: [Double]) throws -> Baseline {
        let sites = try study.requireSites(for: "distribution")
        let parsed = sites.sites, context = GEOSContext.current
        enum Buyer { case site(Int), territory(Int) }
        var siteOfID: [String: Int] = [:]
        for layer in network.layers { for site in layer where siteOfID[sites.ids[site]] == nil { siteOfID[sites.ids[site]] = site } }
        // Nearest actors of the next stage, and the nearest territory for sellers standing in none.
        var nextIndex: [Int: (members: [Int], index: PointIndex)] = [:]
        for k in network.layers.indices {
            guard let next = network.targets[k].first(where: { !network.layers[$0].isEmpty }) else { continue }
            nextIndex[k] = (network.layers[next], try PointIndex(network.layers[next].map { costs.sites[$0] }, context: context))
        }
        let territoryIndex = costs.territories.isEmpty ? nil : try PointIndex(costs.territories, context: context)
        var assumed = 0
        func buyer(of site: Int, layer k: Int) throws -> Buyer? {
            if let field = sellsToField, let value = sites.layer.features[site].properties[field], value != .null, !value.text.isEmpty {
                let text = value.text
                if let other = siteOfID[text], let j = network.layerOfSite[other] {
                    guard network.targets[k].contains(j) else {
                        throw ReadError(file: sites.file, featureIndex: site, featureID: sites.layer.features[site].id,
                                        message: "'\(field)' says it sells to '\(text)', a site of a stage it cannot sell to in this chain; name a site of the next stage (or past skippable ones), or leave it empty")
                    }
                    return .site(other)
                }
                if let territory = study.territories.unit(ofCode: text) {
                    guard network.sellsToPeople[k] else {
                        throw ReadError(file: sites.file, featureIndex: site, featureID: sites.layer.features[site].id,
                                        message: "'\(field)' says it sells to the territory '\(text)', but its stage sells to another stage, not to the people; name a site, or leave it empty")
                    }
                    return .territory(territory)
                }
                throw ReadError(file: sites.file, featureIndex: site, featureID: sites.layer.features[site].id,
                                message: "'\(field)' says it sells to '\(text)', which is neither the id of a site of this chain nor the code of a territory; check the ids (--site-id-field, --id-field)")
            }
            if sellsToField != nil { assumed += 1 }
            if let next = nextIndex[k] {
                guard let nearest = try next.index.nearest(1, to: costs.sites[site]).first else { return nil }
                return .site(next.members[nearest])
            }
            guard network.sellsToPeople[k] else { return nil }
            if let own = sites.territory[site] { return .territory(own) }
            return try territoryIndex?.nearest(1, to: costs.sites[site]).first.map { .territory($0) }
        }
        var received = [Double](repeating: 0, count: parsed.count)
        var reaching = [Double](repeating: 0, count: demands.count)
        var pairs: [DistributionNetwork.Pair] = [], tonnes: [Double] = [], through: [Int: Double] = [:]
        var stuck = 0.0
        for (k, layer) in network.layers.enumerated() {
            for site in layer {
                let offered = k == 0 ? capacity[site] : received[site]
                let passed = min(offered, capacity[site])
                stuck += offered - passed
                guard passed > 0 else { continue }
                through[site] = passed
                switch try buyer(of: site, layer: k) {
                case .site(let other)?:
                    received[other] += passed
                    pairs.append(.init(from: site, to: other, toTerritory: false))
                case .territory(let territory)?:
                    reaching[territory] += passed
                    pairs.append(.init(from: site, to: territory, toTerritory: true))
                case nil:
                    stuck += passed
                    continue
                }
                tonnes.append(passed)
            }
        }
        let deliveredTo = zip(reaching, demands).map { min($0, $1) }
        stuck += zip(reaching, deliveredTo).reduce(0) { $0 + $1.0 - $1.1 }
        let figures = try figures(pairs: pairs, tonnes: tonnes, through: through, deliveredTo: deliveredTo, costs: costs,
                                  network: network, parsed: parsed)
        return Baseline(rule: sellsToField.map { .sellsTo(field: $0) } ?? .nearest, figures: figures, stuck: stuck, assumedNearest: assumed)
    }
}
