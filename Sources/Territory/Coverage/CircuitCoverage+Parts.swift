import Foundation
import Geo

/// Circuit coverage in parts: each circuit measured on its own
/// (`circuits(_:in:context:)`), then the result of a whole grouping put
/// together from circuits already measured (`run(_:circuits:)`). `run(_:)`
/// is the two in a row, its circuits on every core; the workbench keeps
/// the circuits between edits, so an edit measures again only the
/// circuits it touched (WorkbenchTests checks it gives `run`'s JSON byte
/// for byte).
extension CircuitCoverage {
    /// The circuits named in `members` (an id and its territories, as
    /// indices in the study's territories), measured in `context` with
    /// geometries of their own made there from the projected shapes (as
    /// `StudyTerritories` makes them), so a worker thread can measure some.
    public func circuits(_ members: [(id: String, units: [Int])], in study: Study,
                         context: GEOSContext = GEOSContext.current) throws -> [Circuit] {
        let sites = try study.requireSites(for: "circuit coverage")
        let territories = study.territories, chains = study.chains
        let units = territories.projected, codes = territories.codes
        let populations = territories.populations
        func geometry(_ unit: Int) throws -> Geometry {
            try Geometry(units.features[unit].geometry ?? .polygon([]), context: context)
        }
        let parsed = sites.sites, sitePositions = sites.positions
        let sitesOfUnit = sites.byTerritory(count: units.count)
        var inChains: [Int: Bool] = [:]
        func inAChain(_ site: Int) -> Bool {
            if let known = inChains[site] { return known }
            let answer = chains.contains { $0.handles(parsed[site]) }
            inChains[site] = answer
            return answer
        }

        return try members.map { circuit -> Circuit in
            let id = circuit.id, members = Array(Set(circuit.units)).sorted()
            let (union, _) = try Dissolve.union(try members.map(geometry).filter { !$0.isEmpty }, context: context)
            let population = members.reduce(0) { $0 + populations[$1] }
            let siteIndices = members.flatMap { sitesOfUnit[$0] }.sorted()
            let products = chains.map { chain in
                ProductBalance(chain: chain, population: population, sites: siteIndices.map { parsed[$0] })
            }
            let near = try peopleNear(siteIndices.filter {
                inAChain($0) && parsed[$0].owner == .circuit && (parsed[$0].stage == .distribution || parsed[$0].stage == .retail)
            }.compactMap { sitePositions[$0] }, circuit: union, members: members, units: units,
                                      populationField: territories.populationField, context: context)
            return Circuit(id: id, territories: members.map { codes[$0] }, shape: union.shape, area: try union.area(),
                           population: population, families: population / householdSize,
                           populationNearDistribution: near, products: products)
        }
    }

    /// The coverage of the study's grouping made of `circuits`, one per
    /// circuit of the grouping in its order, each as `circuits(_:in:)`
    /// measured it: territories in two circuits or in none, the sites left
    /// out, zones, point tallies and the exchange as `run` makes them.
    public func run(_ study: Study, circuits: [Circuit]) throws -> Result {
        let grouping = try study.requireGrouping(for: "circuit coverage")
        let sites = try study.requireSites(for: "circuit coverage")
        guard circuits.map(\.id) == grouping.circuits else {
            throw ReadError(file: study.groupingFile, message: "the circuits measured (\(circuits.count)) are not the grouping's (\(grouping.circuits.count)), in its order")
        }
        let territories = study.territories, chains = study.chains
        let metric = territories.metric, units = territories.projected, codes = territories.codes
        let populations = territories.populations, geometries = territories.geometries
        let parsed = sites.sites, located = sites.territory
        let inChains = parsed.map { site in chains.contains { $0.handles(site) } }

        var circuitsOfUnit: [Int: [String]] = [:]
        for row in grouping.rows {
            guard let unit = territories.unit(ofCode: row.territory) else {
                throw ReadError(file: study.groupingFile, line: row.line, reason: .territoryNotInTerritories(row.territory))
            }
            if !(circuitsOfUnit[unit]?.contains(row.circuit) ?? false) { circuitsOfUnit[unit, default: []].append(row.circuit) }
        }
        let overlaps = try circuitsOfUnit.keys.sorted().filter { circuitsOfUnit[$0]!.count > 1 }.map { unit in
            Overlap(territory: codes[unit], circuits: circuitsOfUnit[unit]!, shape: geometries[unit].shape,
                    area: try geometries[unit].area(), population: populations[unit])
        }
        let unassigned = units.features.indices.filter { circuitsOfUnit[$0] == nil }.map { unit in
            (territory: codes[unit], shape: geometries[unit].shape, population: populations[unit])
        }
        let leftOut = SitesLeftOut(sites: parsed, inChains: inChains, unitOfSite: located) { circuitsOfUnit[$0] != nil }
        var result = Result(circuits: circuits, overlaps: overlaps, unassigned: unassigned,
                            totalPopulation: populations.reduce(0, +), metric: metric,
                            sites: parsed.count, sitesOutsideChains: inChains.filter { !$0 }.count, sitesLeftOut: leftOut)
        if let zoning = study.zoning {
            let sitesOfUnit = sites.byTerritory(count: units.count)
            result.zones = zoning.zones.map { zone in
                // A zone is its circuits' territories, each once.
                let members = Set(zoning.circuits(of: zone).flatMap { grouping.territories(of: $0) }.compactMap(territories.unit(ofCode:))).sorted()
                let population = members.reduce(0) { $0 + populations[$1] }
                let zoneSites = members.flatMap { sitesOfUnit[$0] }.sorted().map { parsed[$0] }
                return Zone(id: zone, circuits: zoning.circuits(of: zone), population: population, families: population / householdSize,
                            products: chains.map { ProductBalance(chain: $0, population: population, sites: zoneSites) })
            }
            result.circuitsInNoZone = grouping.circuits.filter { zoning.zone(of: $0) == nil }
        }
        if let points { result.points = try PointTallies(points, study: study, circuitsOfUnit: circuitsOfUnit) }
        // One chain at a time: each exact distribution holds gigabytes on a
        // national registry, so two at once would double the peak memory.
        if exchange { result.exchanges = try chains.map { try CoverageExchange(chain: $0, study: study, grouping: grouping) } }
        if let identityField { result.identity = IdentityProducts(field: identityField, study: study, sites: sites) }
        return result
    }

    /// People within `radius` of the circuit's own distribution and retail
    /// points, inside the circuit: areal interpolation onto the union of discs.
    private func peopleNear(_ points: [Position], circuit: Geometry, members: [Int], units: Layer,
                            populationField: String, context: GEOSContext) throws -> Double {
        guard !points.isEmpty else { return 0 }
        let discs = try points.map { try Geometry(.point($0), context: context).buffer(radius, style: BufferStyle(quadrantSegments: 16)) }
        let reach = try Geometry.union(discs, context: context).intersection(circuit)
        let sources = Layer(features: members.map { units.features[$0] }, crs: units.crs)
        let target = Layer(features: [Feature(geometry: reach.shape)], crs: units.crs)
        let result = try ArealInterpolation(extensive: [populationField]).interpolate(from: sources, to: target)
        return result.features[0].properties[populationField]?.doubleValue ?? 0
    }
}
