import Foundation
import Geo

extension Distribution {
    /// The optimum over every link: on every site at once, or for a large
    /// chain along straight lines, on chosen sites grown until no omitted
    /// site would improve the flow.
    func solve(_ flow: DistributionFlow, costs: DistributionCosts, sites: StudySites, context: GEOSContext) throws -> Solve {
        let chainSites = flow.network.layers.reduce(0) { $0 + $1.count }
        guard costs.travel == nil, chainSites > selectSitesAbove else {
            return try solveOptimally(flow, costs: costs, sites: sites, context: context)
        }
        return try solveBySites(flow, costs: costs, sites: sites, context: context)
    }

    /// Solves on the chosen sites (certified over their complete network),
    /// checks every omitted site against that flow, adds those that would
    /// improve it, and solves again: optimal over every site and link when
    /// the check finds none.
    private func solveBySites(_ flow: DistributionFlow, costs: DistributionCosts, sites: StudySites, context: GEOSContext) throws -> Solve {
        typealias Pair = DistributionNetwork.Pair
        let network = flow.network
        let (selection, selectSeconds) = try DistributionTrace.timed {
            try SiteSelection(flow: flow, costs: costs, cover: siteCover, fewest: siteFewest).run(context: context)
        }
        var chosen = selection.chosen
        // The most the complete network can deliver: the chosen sites must carry as much.
        let (most, mostSeconds) = DistributionTrace.timed { DistributionPricing(flow: flow, costs: costs).maximumFlowLinks() }
        let longest = try longestLink(costs, network: network, sites: sites)
        DistributionTrace.log("sites: \(chosen.filter { $0 }.count) chosen in \(String(format: "%.2f", selectSeconds)) s; most-flow \(most.units) units in \(String(format: "%.2f", mostSeconds)) s")
        var seed = selection.links
        func part() -> DistributionFlow {
            DistributionFlow(network: DistributionNetwork(chain: chain, layers: network.layers.map { $0.filter { chosen[$0] } },
                                                          siteCount: flow.capacity.count),
                             capacity: flow.capacity, demand: flow.demand, outside: flow.outside)
        }
        // Where supply is short, the nearest sites may carry less than every
        // site could: the maximum flow's sites join them before any solve.
        if DistributionPricing(flow: part(), costs: costs).maximumFlowLinks().units < most.units {
            for pair in most.links {
                chosen[pair.from] = true
                if !pair.toTerritory { chosen[pair.to] = true }
            }
            seed += most.links
            DistributionTrace.log("sites: the chosen carry less than every site could; \(chosen.filter { $0 }.count) with the most-flow sites")
        }
        var rounds = 0, checks = 0
        while true {
            let part = part()
            var outcome = try solveOptimally(part, costs: costs, sites: sites, context: context, seed: seed,
                                             penaltyNodes: flow.nodeCount, longest: longest, roundsBefore: rounds)
            rounds = outcome.rounds
            guard outcome.optimal else { return outcome }
            // Certified on the chosen sites, which can carry the most (above):
            // the check is all that is left.
            let solvedLinks = outcome.solved.links.map(\.pair)
            guard let potentials = outcome.potentials else {
                // No potentials to extend to the omitted sites: every site at once.
                DistributionTrace.log("sites: no certifying potentials; solving on every site")
                return try solveOptimally(flow, costs: costs, sites: sites, context: context, seed: solvedLinks, roundsBefore: rounds)
            }
            var labels = Self.labels(potentials, of: part, in: flow)
            let check = OmittedSitesCheck(flow: flow, costs: costs, chosen: chosen, penalty: outcome.penalty)
            let (finding, checkSeconds) = DistributionTrace.timed { check.run(labels: &labels) }
            checks += 1
            outcome.siteChecks = checks
            DistributionTrace.log("sites: checked \(network.layers.reduce(0) { $0 + $1.count { !chosen[$0] } }) omitted in \(String(format: "%.2f", checkSeconds)) s: \(finding.improvingSellers) improving, \(finding.sites.count) sites and \(finding.links.count) links to add")
            if finding.sites.isEmpty { return outcome }
            if rounds >= maxRounds {
                outcome.optimal = false
                outcome.reason = "omitted sites still improving after \(rounds) solves"
                return outcome
            }
            for site in finding.sites { chosen[site] = true }
            seed = solvedLinks + finding.links
        }
    }

    /// Potentials of a solve on some sites, on the whole network's nodes
    /// (the omitted sites' left unreached, for the check to fill in).
    private static func labels(_ potentials: [Int64], of part: DistributionFlow, in flow: DistributionFlow) -> [Int64] {
        var labels = [Int64](repeating: OmittedSitesCheck.unreached, count: flow.nodeCount + 2)
        for layer in part.network.layers { for site in layer {
            labels[flow.inNode[site]] = potentials[part.inNode[site]]
            labels[flow.outNode[site]] = potentials[part.outNode[site]]
        } }
        for territory in flow.demand.indices { labels[flow.territoryNode[territory]] = potentials[part.territoryNode[territory]] }
        labels[flow.source] = potentials[part.source]
        labels[flow.nodeCount] = potentials[part.nodeCount]
        labels[flow.nodeCount + 1] = potentials[part.nodeCount + 1]
        return labels
    }
}
