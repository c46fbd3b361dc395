import Foundation
import Geo

/// Capacities and demands from data turned into the flow solvers' units,
/// or an error naming the file, the feature and the field: what `distribute`
/// and `catchment --method capacity` route.
struct RoutedAmounts {
    let chain: ChainSpec
    /// Solver units per unit of the final product (1000: kilograms a tonne).
    let scale: Double

    /// A site's capacity, converted to the final product, in units.
    func capacity(of site: Site, feature: Feature, index: Int, file: String, field: String) throws -> Int64 {
        let final = site.capacity * (chain.finalEquivalent(of: site) ?? 0)
        if let units = FlowUnits.units(final, scale: scale, rounding: .down) { return units }
        let limit = FlowUnits.largest(scale: scale)
        let unit = chain.unit.rawValue
        let through = final == site.capacity ? "" : " (\(FlowUnits.describe(final)) \(unit) of \(chain.product) by the chain's yields)"
        throw ReadError(file: file, featureIndex: index, featureID: feature.id,
                        message: "capacity \(FlowUnits.describe(site.capacity)) \(site.unit.rawValue) in '\(field)'\(through) is too large to route (limit \(FlowUnits.describe(limit)) \(unit)); check the value and its unit")
    }

    /// A territory's monthly demand, in units.
    func demand(population: Double, feature: Feature, index: Int, file: String, field: String) throws -> Int64 {
        let demand = chain.demand(population: population)
        if let units = FlowUnits.units(demand, scale: scale) { return units }
        let limit = FlowUnits.largest(scale: scale)
        let problem = demand < 0 ? "a negative demand" : "a demand of \(FlowUnits.describe(demand)) \(chain.unit.rawValue), too large to route (limit \(FlowUnits.describe(limit)) \(chain.unit.rawValue))"
        throw ReadError(file: file, featureIndex: index, featureID: feature.id,
                        message: "population \(FlowUnits.describe(population)) in '\(field)' gives \(problem); check the value")
    }

    /// Checks that `units` (supplies or demands) add up to at most
    /// `FlowUnits.totalLimit`, so the solvers' sums cannot overflow.
    func checkTotal(_ units: [Int64], of what: String, file: String) throws {
        let total = units.reduce(0.0) { $0 + Double($1) }
        guard total > Double(FlowUnits.totalLimit) else { return }
        throw ReadError(file: file, message: "the total \(what), \(FlowUnits.describe(total / scale)) \(chain.unit.rawValue), is too large to route (limit \(FlowUnits.describe(Double(FlowUnits.totalLimit) / scale)) \(chain.unit.rawValue)); check the values and their units")
    }
}

/// Link costs (100 m, or tenths of a minute) checked against
/// `FlowUnits.costLimit`: sites a continent's width apart cost 50,000;
/// a coordinate of 1e20 costs more than Int64 holds.
enum RoutedCosts {
    /// The largest finite cost; infinite ones are links that carry nothing.
    /// `arcs[k]` is the site (feature index) cost `k` leaves from.
    static func largest(_ costs: [Double], arcs: [Int], sites: Layer, file: String) throws -> Int64 {
        var largest: Int64 = 0
        for (k, cost) in costs.enumerated() where cost.isFinite {
            guard let units = FlowUnits.cost(cost) else {
                let site = arcs[k]
                throw ReadError(file: file, featureIndex: site, featureID: sites.features[site].id,
                                message: "a link from this site costs \(FlowUnits.describe(cost)) (in 100 m or tenths of a minute), too far to route (limit \(FlowUnits.costLimit)); check its coordinates")
            }
            largest = max(largest, units)
        }
        return largest
    }
}
