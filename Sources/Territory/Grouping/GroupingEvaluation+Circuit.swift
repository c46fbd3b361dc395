import Foundation
import Geo

/// The evaluation in parts, for a process that evaluates one grouping
/// after another over the same territories (the workbench): what does not
/// depend on the grouping (`Basis`: neighbours and centres) made once, and
/// each circuit measured on its own, so that an edit measures again only
/// the circuits it touched. `init(_:options:coverage:)` is made of these
/// same parts, so the figures are the same either way.
extension GroupingEvaluation {
    /// Which units are neighbours (by the options' rule) and each unit's
    /// centre (a point on its surface): the same for every grouping.
    public struct Basis: Sendable {
        public let contiguity: Contiguity
        public let centres: [Position]

        public init(_ study: Study, options: Options = Options()) throws {
            let geometries = study.territories.geometries, context = GEOSContext.current
            contiguity = try Contiguity(geometries, rule: options.contiguity, snap: options.snap,
                                        islands: options.islands == .error ? .own : options.islands, context: context)
            centres = try geometries.map { try $0.pointOnSurface().position ?? Position(x: 0, y: 0) }
        }
    }

    /// Each circuit of `grouping`, in order of first appearance, with its
    /// units in the order of the grouping's rows, each once. An error
    /// names the grouping's line of a territory the study lacks.
    public static func members(of grouping: Grouping, in study: Study) throws -> [(id: String, units: [Int])] {
        var order: [String] = [], units: [String: [Int]] = [:]
        for row in grouping.rows {
            if units[row.circuit] == nil { order.append(row.circuit); units[row.circuit] = [] }
            guard let unit = study.territories.unit(ofCode: row.territory) else {
                throw ReadError(file: study.groupingFile, line: row.line, reason: .territoryNotInTerritories(row.territory))
            }
            if !units[row.circuit]!.contains(unit) { units[row.circuit]!.append(unit) }
        }
        return order.map { ($0, units[$0]!) }
    }

    /// One circuit's figures (`units`: its territories as `members(of:in:)`
    /// lists them); self-sufficiency is left empty for the caller to fill
    /// from coverage (`selfSufficiency(of:in:)`).
    public static func circuit(_ id: String, units members: [Int], in study: Study, basis: Basis) throws -> CircuitMetrics {
        let territories = study.territories
        let minutes = try Self.meanTripMinutes(study.travel, members: [members], centres: basis.centres,
                                          populations: territories.populations, metric: territories.metric)
        return try Self.circuit(id, units: members, in: study, basis: basis, tripMinutes: minutes[0])
    }

    static func circuit(_ id: String, units members: [Int], in study: Study, basis: Basis, tripMinutes: Double?) throws -> CircuitMetrics {
        let territories = study.territories, context = GEOSContext.current
        let geometries = territories.geometries, populations = territories.populations, centres = basis.centres
        let (union, _) = try Dissolve.union(members.map { geometries[$0] }.filter { !$0.isEmpty }, context: context)
        let area = try union.area(), perimeter = try union.length()
        let population = members.reduce(0) { $0 + populations[$1] }
        let centre = Self.centre(of: members, centres: centres, populations: populations)
        let trip = population > 0
            ? members.reduce(0) { $0 + populations[$1] * hypot(centres[$1].x - centre.x, centres[$1].y - centre.y) } / population / 1000 : 0
        return CircuitMetrics(
            id: id, units: members.count, components: basis.contiguity.components(of: members).map { $0.map { territories.codes[$0] } },
            compactness: perimeter > 0 ? 4 * Double.pi * area / (perimeter * perimeter) : 0,
            population: population, area: area, meanTripKm: trip, meanTripMinutes: tripMinutes, selfSufficiency: [])
    }

    /// The circuit's self-sufficiency per product from `coverage` (empty without it).
    public static func selfSufficiency(of id: String, in coverage: CircuitCoverage.Result?) -> [(product: String, value: Double?)] {
        selfSufficiency(of: coverage?.circuits.first { $0.id == id })
    }

    public static func selfSufficiency(of circuit: CircuitCoverage.Circuit?) -> [(product: String, value: Double?)] {
        circuit?.products.map { ($0.product, $0.selfSufficiency) } ?? []
    }
}
