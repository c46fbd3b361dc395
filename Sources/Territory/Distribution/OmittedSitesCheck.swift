import Foundation
import Geo

/// Whether a flow solved on some of the sites (`SiteSelection`) is optimal
/// over every site and link, and if not, the omitted sites that would
/// improve it.
///
/// The flow's solve certified it over the complete network of its own
/// sites, with potentials (labels) feasible for every link among them.
/// An omitted site carries nothing, so its only residual arcs are its
/// capacity arc and the links in and out of it, all forward. Labels for
/// it, in chain order: the cheapest a unit reaches it, over every seller
/// (chosen or omitted, placed earlier in the chain): no link into it is
/// then priced below 0. Its links out are the only ones left to check:
/// none priced below 0 and the labels price every residual arc of the
/// complete network at 0 or more, the certificate. Otherwise the sellers
/// whose links would improve the flow, and the omitted sellers their
/// labels come through, are what the next solve adds.
///
/// Along straight lines only: a link's cost is known from its ends, so
/// each label is one nearest search in a pyramid of the sellers (lowest
/// label plus distance), each check one in a pyramid of the buyers.
struct OmittedSitesCheck {
    typealias Pair = DistributionNetwork.Pair
    let flow: DistributionFlow
    let costs: DistributionCosts
    let chosen: [Bool]
    let penalty: Int64
    /// Improving links kept per omitted seller, the most negative first.
    var perSeller = 4

    /// A label no unit reaches: far below overflow when costs are added.
    static let unreached = Int64.max / 4

    struct Finding {
        /// Omitted sites to add: the improving sellers and the omitted
        /// sellers their labels come through.
        var sites: [Int] = []
        /// The improving links and the links along those labels' paths.
        var links: [Pair] = []
        /// Omitted sellers with at least one improving link.
        var improvingSellers = 0
    }

    private var network: DistributionNetwork { flow.network }

    /// How far the pyramid's Double prices (exact integers below 2^53) may
    /// be off, and the 1 unit its distances may be: kept out of the bounds
    /// so they stay below the exact scores, as in `CompletePotentials`.
    private static func margin(_ pyramid: PricePyramid, sellersUpTo largest: Double = 0) -> Double {
        16 * max(pyramid.largestMagnitude, largest).ulp + 2
    }

    private func surcharge(_ site: Int) -> Int64 { flow.outside[site] ? penalty : 0 }

    /// Sites in Z order of their positions: searches one after another
    /// then visit the same cells of the pyramid, still in memory.
    private static func spatialOrder(_ sites: [Int], at positions: [Position]) -> [Int] {
        guard let first = sites.first else { return [] }
        var minX = positions[first].x, minY = positions[first].y, maxX = minX, maxY = minY
        for site in sites { let p = positions[site]; minX = min(minX, p.x); maxX = max(maxX, p.x); minY = min(minY, p.y); maxY = max(maxY, p.y) }
        let scaleX = 65535 / max(maxX - minX, 1), scaleY = 65535 / max(maxY - minY, 1)
        func spread(_ value: UInt64) -> UInt64 {
            var v = value & 0xFFFF
            v = (v | (v << 8)) & 0x00FF00FF; v = (v | (v << 4)) & 0x0F0F0F0F
            v = (v | (v << 2)) & 0x33333333; v = (v | (v << 1)) & 0x55555555
            return v
        }
        let keys = sites.map { site -> UInt64 in
            let p = positions[site]
            return spread(UInt64((p.x - minX) * scaleX)) | spread(UInt64((p.y - minY) * scaleY)) << 1
        }
        return sites.indices.sorted { (keys[$0], sites[$0]) < (keys[$1], sites[$1]) }.map { sites[$0] }
    }

    /// `body` over `0..<count` in chunks on every core, answers in order.
    private static func inParallel<T: Sendable>(_ count: Int, _ body: @Sendable (Range<Int>) -> [T]) -> [T] {
        (try? parallelChunks(count: count, minimumChunk: 4096) { body($0) })?.flatMap { $0 } ?? body(0..<count)
    }

    /// `labels`: the full network's nodes (then the super source and
    /// sink), set for the chosen sites, the territories and the source;
    /// the omitted sites' are filled in. Empty finding: certified.
    func run(labels: inout [Int64]) -> Finding {
        let parent = labelOmitted(&labels)
        return improving(labels: labels, parent: parent)
    }

    /// Fills the omitted sites' labels in chain order; returns the seller
    /// each label comes through (-1: the source, or none).
    private func labelOmitted(_ labels: inout [Int64]) -> [Int32] {
        var parent = [Int32](repeating: -1, count: flow.capacity.count)
        var sellersOf = [[Int]](repeating: [], count: network.layers.count)
        for (k, targets) in network.targets.enumerated() { for j in targets { sellersOf[j].append(k) } }
        let rate = costs.costPerMetreAtLeast
        for (k, layer) in network.layers.enumerated() {
            let omitted = layer.filter { !chosen[$0] }
            guard !omitted.isEmpty else { continue }
            guard !sellersOf[k].isEmpty else {
                // The first link's sites: the source feeds them at no cost.
                for site in omitted { labels[flow.inNode[site]] = labels[flow.source]; labels[flow.outNode[site]] = labels[flow.source] }
                continue
            }
            let sellers = sellersOf[k].flatMap { network.layers[$0] }.filter { costs.isPlaced(site: $0) }
            // Highest price = lowest label plus surcharge (unreached: none).
            let offered = sellers.map { seller -> Double in
                let label = labels[flow.outNode[seller]]
                return label >= Self.unreached ? -.infinity : -Double(label + surcharge(seller))
            }
            guard !sellers.isEmpty, offered.contains(where: { $0 > -.infinity }) else {
                for site in omitted { labels[flow.inNode[site]] = Self.unreached; labels[flow.outNode[site]] = Self.unreached }
                continue
            }
            let pyramid = PricePyramid(positions: sellers.map { costs.sites[$0] }, prices: offered)
            let margin = Self.margin(pyramid)
            let order = Self.spatialOrder(omitted.filter { costs.isPlaced(site: $0) }, at: costs.sites)
            let positions = costs.sites, outNode = flow.outNode, outside = flow.outside, penalty = penalty
            let sellerLabels = sellers.map { labels[outNode[$0]] }
            let found = Self.inParallel(order.count) { range in
                range.map { i -> (label: Int64, seller: Int32) in
                    let site = order[i], at = positions[site]
                    let best = pyramid.best(1, around: at, below: Self.unreached,
                                            bound: { distance, price in rate * distance - 1 - price - margin }) { index in
                        let own = sellerLabels[index]
                        let from = positions[sellers[index]]
                        guard own < Self.unreached, let units = FlowUnits.cost(hypot(at.x - from.x, at.y - from.y) / 100) else { return nil }
                        return own + (outside[sellers[index]] ? penalty : 0) + units
                    }
                    return best.first.map { ($0.score, Int32(sellers[$0.index])) } ?? (Self.unreached, -1)
                }
            }
            for site in omitted { labels[flow.inNode[site]] = Self.unreached; labels[flow.outNode[site]] = Self.unreached }
            for (i, answer) in found.enumerated() {
                let site = order[i]
                labels[flow.inNode[site]] = answer.label
                labels[outNode[site]] = answer.label
                parent[site] = answer.seller
            }
        }
        return parent
    }

    /// The omitted sellers' links priced below 0 (at most `perSeller` each).
    private func improving(labels: [Int64], parent: [Int32]) -> Finding {
        var finding = Finding()
        var added = [Bool](repeating: false, count: flow.capacity.count)
        func add(_ site: Int) -> Bool {
            guard !chosen[site], !added[site] else { return false }
            added[site] = true
            finding.sites.append(site)
            return true
        }
        let rate = costs.costPerMetreAtLeast
        for (k, layer) in network.layers.enumerated() {
            let omitted = layer.filter { !chosen[$0] && costs.isPlaced(site: $0) && labels[flow.outNode[$0]] < Self.unreached }
            guard !omitted.isEmpty else { continue }
            var buyers: [Pair] = []
            for j in network.targets[k] { for site in network.layers[j] where costs.isPlaced(site: site) { buyers.append(Pair(from: 0, to: site, toTerritory: false)) } }
            if network.sellsToPeople[k] {
                for territory in flow.demand.indices where costs.isPlaced(territory: territory) { buyers.append(Pair(from: 0, to: territory, toTerritory: true)) }
            }
            guard !buyers.isEmpty else { continue }
            let prices = buyers.map { buyer -> Double in
                let label = labels[flow.head(buyer)]
                return label >= Self.unreached ? -.infinity : Double(label)
            }
            let pyramid = PricePyramid(positions: buyers.map { costs.end($0) }, prices: prices)
            let margin = Self.margin(pyramid, sellersUpTo: omitted.reduce(0) { max($0, abs(Double(labels[flow.outNode[$1]] + surcharge($1)))) })
            let order = Self.spatialOrder(omitted, at: costs.sites)
            let positions = costs.sites, outNode = flow.outNode, outside = flow.outside, penalty = penalty
            let buyerPositions = buyers.map { costs.end($0) }, frozenLabels = labels
            let headNode = buyers.map { flow.head($0) }, perSeller = perSeller
            let found = Self.inParallel(order.count) { range in
                range.map { i -> [Int] in
                    let seller = order[i], at = positions[seller]
                    let own = frozenLabels[outNode[seller]] + (outside[seller] ? penalty : 0)
                    return pyramid.best(perSeller, around: at, below: 0,
                                        bound: { distance, price in rate * distance - 1 + Double(own) - price - margin }) { index in
                        let to = buyerPositions[index], head = frozenLabels[headNode[index]]
                        guard head < Self.unreached, let units = FlowUnits.cost(hypot(to.x - at.x, to.y - at.y) / 100) else { return nil }
                        return own + units - head
                    }.map(\.index)
                }
            }
            for (i, improving) in found.enumerated() where !improving.isEmpty {
                let seller = order[i]
                finding.improvingSellers += 1
                for index in improving { finding.links.append(Pair(from: seller, to: buyers[index].to, toTerritory: buyers[index].toTerritory)) }
                // The omitted sellers its label comes through, and their links.
                var site = seller
                while add(site), parent[site] >= 0 {
                    finding.links.append(Pair(from: Int(parent[site]), to: site, toTerritory: false))
                    site = Int(parent[site])
                }
            }
        }
        return finding
    }
}
