import Foundation
import Geo

/// Suggests a grouping of territories into circuits with `MaxPRegions`:
/// units from the territories (centres, areas, population in metres),
/// neighbours from their contiguity, cut where `within` differs, and locks
/// from an existing grouping.
public struct GroupingSuggestion {
    public var idField: String?
    public var populationField = "population"
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
    /// Each circuit's weakest stage of `chain` covers this share of its
    /// people's demand, from `sites`.
    public var minimumSelfSufficiency: Double?
    /// Every chain's weakest stage must meet the floor.
    public var chains: [ChainSpec] = []
    public var sites: Layer?
    public var siteFields = SiteFields()

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

    public func run(territories: Layer, progress: ((Int, Int) -> Void)? = nil) throws -> Result {
        guard let metric = try territories.metricCRS() else { throw ReadError(file: "<territories>", message: "no geometry") }
        let context = GEOSContext.current
        let projected = try territories.projected(to: metric)
        let geometries = try projected.features.map { try Geometry($0.geometry ?? .polygon([]), context: context) }
        let adjacency = try Contiguity(geometries, rule: contiguity, snap: snap, islands: islands, context: context)
        var neighbours = adjacency.neighbours
        let join = SpatialJoin(options: .init(idField: idField))
        let codes = territories.features.enumerated().map { join.code(of: $1, index: $0).text }
        if let within {
            let parent = territories.features.map { $0.properties[within]?.text ?? "" }
            neighbours = neighbours.enumerated().map { unit, list in list.filter { parent[$0] == parent[unit] } }
        }
        let supplies = try stageSupplies(territories: territories)
        let units = try geometries.enumerated().map { index, geometry -> MaxPRegions.Unit in
            let centre = try geometry.pointOnSurface().position ?? Position(x: 0, y: 0)
            let properties = territories.features[index].properties
            return MaxPRegions.Unit(x: centre.x, y: centre.y, area: try geometry.area(),
                                    population: properties[populationField]?.doubleValue ?? 0,
                                    value: valueField.flatMap { properties[$0]?.doubleValue } ?? 0,
                                    supply: supplies[index])
        }
        var solver = MaxPRegions(units: units, neighbours: neighbours)
        solver.minimumPopulation = minimumPopulation
        solver.minimumUnits = minimumUnits
        solver.objective = objective
        solver.seed = seed
        if let minimumSelfSufficiency, !chains.isEmpty {
            // Supplies are in people fed, so one floor holds for every chain.
            solver.minimumSelfSufficiency = minimumSelfSufficiency
            solver.demandPerPerson = 1
        }
        if let lock {
            var unitOfCode: [String: Int] = [:]
            for (index, code) in codes.enumerated() where unitOfCode[code] == nil { unitOfCode[code] = index }
            let circuits = lock.circuits
            for row in lock.rows {
                guard let unit = unitOfCode[row.territory] else {
                    throw ReadError(file: "--lock", line: row.line, message: "territory \(row.territory) is not in the territories")
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
    func stageSupplies(territories: Layer) throws -> [[Double]] {
        guard minimumSelfSufficiency != nil, !chains.isEmpty, let sites else { return territories.features.map { _ in [] } }
        let limiting = chains.filter { $0.demand(population: 1) > 0 }.flatMap { chain in
            chain.links.filter { !chain.skippable.contains($0.stage) }.map { (chain: chain, link: $0) }
        }
        var supplies = territories.features.map { _ in [Double](repeating: 0, count: limiting.count) }
        let located = try SpatialJoin(options: .init(idField: idField)).join(points: sites, polygons: territories).polygonOfPoint
        for (index, feature) in sites.features.enumerated() {
            guard let unit = located[index] else { continue }
            let site = try siteFields.site(of: feature, index: index, file: "<sites>")
            for (position, entry) in limiting.enumerated() where entry.link.stage == site.stage && entry.link.product == site.product {
                let final = site.capacity * (entry.chain.finalEquivalent(of: site.stage) ?? 0)
                supplies[unit][position] += final / entry.chain.demand(population: 1)
            }
        }
        return supplies
    }
}
