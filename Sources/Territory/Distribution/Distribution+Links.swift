import Foundation
import Geo

extension Distribution {
    /// A link the flow may use: site to site, or site to territory, with
    /// its straight-line length.
    struct Link {
        let from: Int
        let to: Int
        let toTerritory: Bool
        let metres: Double
    }

    /// The candidate links of the layered network, in a fixed order (the
    /// flow's arcs follow it): each site to its `neighbours` nearest sites
    /// of the next stage (and past it while that stage may be skipped); a
    /// last-stage site to its nearest territories; and each territory from
    /// its nearest sellers. `layers`: sites of each chain link, in order.
    func candidateLinks(layers: [[Int]], sites positions: [Position], territories territoryPositions: [Position],
                        context: GEOSContext) throws -> [Link] {
        var candidateArcs: [Link] = []
        // k-nearest searches through GEOS STRtrees, each set indexed once.
        struct Candidates {
            let members: [Int]
            let index: PointIndex
        }
        func candidates(_ members: [Int], in places: [Position]) throws -> Candidates {
            Candidates(members: members, index: try PointIndex(members.map { places[$0] }, context: context))
        }
        func nearest(_ point: Position, among set: Candidates) throws -> [Int] {
            try set.index.nearest(neighbours, to: point).map { set.members[$0] }
        }
        let allTerritories = try candidates(Array(territoryPositions.indices), in: territoryPositions)
        for (k, layer) in layers.enumerated() {
            // The next layers a site may send to: the next one, and past it while skippable.
            var targets: [Int] = []
            var next = k + 1
            while next < layers.count {
                targets += layers[next]
                if !chain.skippable.contains(chain.stages[next]) { break }
                next += 1
            }
            let nextSites = try candidates(targets, in: positions)
            for site in layer {
                for target in try nearest(positions[site], among: nextSites) {
                    let metres = hypot(positions[target].x - positions[site].x, positions[target].y - positions[site].y)
                    candidateArcs.append(Link(from: site, to: target, toTerritory: false, metres: metres))
                }
                // The last stage, or one followed only by skippable stages, reaches the people.
                if next >= layers.count {
                    for territory in try nearest(positions[site], among: allTerritories) {
                        let metres = hypot(territoryPositions[territory].x - positions[site].x, territoryPositions[territory].y - positions[site].y)
                        candidateArcs.append(Link(from: site, to: territory, toTerritory: true, metres: metres))
                    }
                }
            }
        }
        // Every territory also reaches its nearest sellers.
        let toTerritory = Set(candidateArcs.filter(\.toTerritory).map { [$0.from, $0.to] })
        let sellers = layers.indices.filter { k in (k + 1..<layers.count).allSatisfy { chain.skippable.contains(chain.stages[$0]) } }.flatMap { layers[$0] }
        let sellerSites = try candidates(sellers, in: positions)
        for territory in territoryPositions.indices {
            for site in try nearest(territoryPositions[territory], among: sellerSites) {
                let metres = hypot(territoryPositions[territory].x - positions[site].x, territoryPositions[territory].y - positions[site].y)
                if !toTerritory.contains([site, territory]) {
                    candidateArcs.append(Link(from: site, to: territory, toTerritory: true, metres: metres))
                }
            }
        }
        return candidateArcs
    }
}
