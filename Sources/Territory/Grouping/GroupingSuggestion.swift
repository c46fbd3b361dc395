import Foundation
import Geo

/// Suggests a grouping of a study's territories into circuits with
/// `MaxPRegions`: units from the territories (centres, areas, population in
/// metres), neighbours from their contiguity, cut where `within` differs,
/// and locks from an existing grouping.
public struct GroupingSuggestion {
    public var contiguity: Contiguity.Rule = .rook
    public var snap = 0.0
    public var islands: Contiguity.IslandPolicy = .joinNearest
    /// Keep circuits inside one value of this field (a parent's code).
    public var within: String?
    public var objective: MaxPRegions.Objective = .compactness
    /// The field `heterogeneity` works on.
    public var valueField: String?
    public var minimumPopulation = 0.0
    public var minimumUnits = 1
    /// A fixed number of circuits, as alike inside as possible in
    /// `valueField` (SKATER) instead of as many as the floor allows.
    public var regions: Int?
    public var seed: UInt64 = 1
    public var lock: Grouping?
    /// Each circuit's weakest stage of every chain of the study covers
    /// this share of its people's demand, from the study's sites.
    public var minimumSelfSufficiency: Double?

    public init() {}

    public struct Result: Sendable {
        public var grouping: Grouping
        public var regions: Int
        public var objective: Double
        /// Territory codes no circuit could take (their part of the map
        /// cannot reach the floor).
        public var unassigned: [String]
        /// Territories that touched no other, each with the code of the
        /// nearest territory it was joined to (`join-nearest` islands).
        public var joinedIslands: [(territory: String, joinedTo: String)] = []
    }

    /// Groups the study's territories (its own grouping, if any, plays
    /// no part: `lock` fixes assignments).
    public func run(_ study: Study, progress: ((Int, Int) -> Void)? = nil) throws -> Result {
        let territories = study.territories
        let context = GEOSContext.current
        let geometries = territories.geometries, codes = territories.codes
        let adjacency = try Contiguity(geometries, rule: contiguity, snap: snap, islands: islands, context: context)
        var neighbours = adjacency.neighbours
        if let within {
            let parent = territories.layer.features.map { $0.properties[within]?.text ?? "" }
            neighbours = neighbours.enumerated().map { unit, list in list.filter { parent[$0] == parent[unit] } }
        }
        let supplies = stageSupplies(study)
        let units = try geometries.enumerated().map { index, geometry -> MaxPRegions.Unit in
            let centre = try geometry.pointOnSurface().position ?? Position(x: 0, y: 0)
            let properties = territories.layer.features[index].properties
            return MaxPRegions.Unit(x: centre.x, y: centre.y, area: try geometry.area(), population: territories.populations[index],
                                    value: valueField.flatMap { properties[$0]?.doubleValue } ?? 0,
                                    supply: supplies[index])
        }
        var solver = MaxPRegions(units: units, neighbours: neighbours)
        solver.minimumPopulation = minimumPopulation
        solver.minimumUnits = minimumUnits
        solver.objective = objective
        solver.seed = seed
        if let minimumSelfSufficiency, !study.chains.isEmpty {
            // Supplies are in people fed, so one floor holds for every chain.
            solver.minimumSelfSufficiency = minimumSelfSufficiency
            solver.demandPerPerson = 1
        }
        if let lock {
            let circuits = lock.circuits
            for row in lock.rows {
                guard let unit = territories.unit(ofCode: row.territory) else {
                    throw ReadError(file: "--lock", line: row.line, reason: .territoryNotInTerritories(row.territory))
                }
                solver.locked[unit] = circuits.firstIndex(of: row.circuit)!
            }
        }
        let solution = regions.map { Skater(solver: solver, regions: $0).solve() } ?? solver.solve(progress: progress)
        let rows = solution.regionOfUnit.enumerated().compactMap { unit, region -> Grouping.Row? in
            region >= 0 ? Grouping.Row(line: unit + 2, territory: codes[unit], circuit: String(format: "C%03d", region + 1)) : nil
        }
        return Result(grouping: Grouping(rows: rows), regions: solution.regions, objective: solution.objective,
                      unassigned: solution.regionOfUnit.enumerated().filter { $0.element < 0 }.map { codes[$0.offset] },
                      joinedIslands: adjacency.joinedTo.sorted { $0.key < $1.key }.map { (codes[$0.key], codes[$0.value]) })
    }
}

extension GroupingSuggestion {
    /// Per territory, the capacity of each stage of every chain that cannot
    /// be skipped, in the people its final product feeds (so one floor
    /// holds for all chains; a chain with no demand is left out); empty
    /// without a self-sufficiency floor.
    func stageSupplies(_ study: Study) -> [[Double]] {
        let count = study.territories.count
        guard minimumSelfSufficiency != nil, !study.chains.isEmpty, let sites = study.sites else { return Array(repeating: [], count: count) }
        let limiting = study.chains.filter { $0.demand(population: 1) > 0 }.flatMap { chain in
            chain.stages.filter { !chain.skippable.contains($0) }.map { (chain: chain, stage: $0) }
        }
        var supplies = Array(repeating: [Double](repeating: 0, count: limiting.count), count: count)
        for (index, site) in sites.sites.enumerated() {
            guard let unit = sites.territory[index] else { continue }
            for (position, entry) in limiting.enumerated() where entry.stage == site.stage {
                guard let factor = entry.chain.finalEquivalent(of: site) else { continue }
                let final = site.capacity * factor
                supplies[unit][position] += final / entry.chain.demand(population: 1)
            }
        }
        return supplies
    }
}
