import Foundation
import Geo

/// The `capacity` method: who the facilities' capacity feeds, wherever
/// the people are (`CapacityFeeding`), and every person counted once.
extension CatchmentAnalysis {
    struct CapacityCatchments {
        /// Per facility: its catchment (the units it feeds most, and the
        /// hungry units it is the nearest facility within reach of), the
        /// people its capacity feeds (in any unit), and the people of its
        /// catchment left unfed.
        var shapes: [Shape]
        var fed: [Double]
        var unfed: [Double]
        var account: PeopleAccount
    }

    func capacityCatchments(_ sites: Layer, points: [Position], chain: ChainSpec, territories: StudyTerritories,
                            file: String, context: GEOSContext) throws -> CapacityCatchments {
        let unitGeometries = territories.geometries, populations = territories.populations
        let amounts = RoutedAmounts(chain: chain, scale: 1000)
        let siteList = try sites.features.enumerated().map { index, facility in
            try siteFields.site(of: facility, index: index, file: file)
        }
        let supplies = try siteList.enumerated().map { index, site in
            try amounts.capacity(of: site, feature: sites.features[index], index: index, file: file, field: siteFields.capacity)
        }
        try amounts.checkTotal(supplies, of: "capacity", file: file)
        let demands = try populations.enumerated().map { unit, population in
            try amounts.demand(population: population, feature: territories.layer.features[unit],
                               index: unit, file: territories.file, field: territories.populationField)
        }
        try amounts.checkTotal(demands, of: "demand", file: territories.file)
        // A unit without geometry has no place: no facility reaches it.
        let centres = try unitGeometries.map { $0.isEmpty ? nil : try $0.pointOnSurface().position }
        let feeding = CapacityFeeding(facilities: points, supplies: supplies, units: centres, demands: demands, maxDistance: maxDistance)
        let outcome = try feeding.solve(context: context) { metres, facility in
            try RoutedCosts.largest([metres / 10], arcs: [facility], sites: sites, file: file)
        }

        // People fed in each unit: those what it receives feeds, at most
        // its people. (Not "all of them when its demand is met": the demand
        // was rounded to the solver's unit, and summed over many units the
        // people fed would pass what the capacity can feed.)
        var fedInUnit = [Double](repeating: 0, count: populations.count)
        for (unit, received) in outcome.received.enumerated() where received > 0 {
            fedInUnit[unit] = min(populations[unit], chain.peopleSupplied(by: Double(received) / amounts.scale))
        }
        // Each facility feeds its share of every unit it sends to; each
        // unit goes whole to the facility that feeds most of it.
        var fed = [Double](repeating: 0, count: points.count)
        var most = [(facility: Int, amount: Int64)](repeating: (-1, 0), count: populations.count)
        for link in outcome.flows {
            fed[link.facility] += fedInUnit[link.unit] * Double(link.amount) / Double(outcome.received[link.unit])
            if link.amount > most[link.unit].amount { most[link.unit] = (link.facility, link.amount) }
        }
        // A unit no facility feeds belongs to the catchment of the nearest
        // facility within reach, its people unfed; with none, it is outside.
        var members = [[Geometry]](repeating: [], count: points.count)
        var unfed = [Double](repeating: 0, count: points.count)
        var outside = 0.0
        for unit in populations.indices {
            guard let owner = most[unit].facility >= 0 ? most[unit].facility : outcome.nearest[unit] else {
                outside += populations[unit]
                continue
            }
            members[owner].append(unitGeometries[unit])
            unfed[owner] += populations[unit] - fedInUnit[unit]
        }
        let shapes = try members.map { group in
            group.isEmpty ? Shape.polygon([]) : try Geometry.union(group, context: context).shape
        }
        let capacity = siteList.reduce(0.0) { $0 + $1.capacity * (chain.finalEquivalent(of: $1.stage) ?? 0) }
        let account = PeopleAccount(
            method: .capacity, populationTotal: territories.totalPopulation, outside: outside,
            feeding: PeopleAccount.Feeding(
                fed: fedInUnit.reduce(0, +), unfed: unfed.reduce(0, +), familySize: familySize,
                product: chain.product, unit: chain.unit.rawValue, demandKgPerPersonMonth: chain.demandPerPersonMonth,
                capacity: capacity, capacityUsed: Double(outcome.delivered.reduce(0, +)) / amounts.scale,
                capacityPeople: chain.peopleSupplied(by: capacity), maxDistance: maxDistance))
        return CapacityCatchments(shapes: shapes, fed: fed, unfed: unfed, account: account)
    }
}
