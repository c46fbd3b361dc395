import Foundation
import Geo

/// The methods that give each territory unit whole to one facility:
/// `nearest` (straight line) and `network` (along the roads).
extension CatchmentAnalysis {
    /// Each unit whole to the facility it reaches first along the roads
    /// (one search from every facility at once, see
    /// `TravelTimes.nearestOrigins`); facilities and units farther than
    /// `access.maxSnap` from the roads are unreachable (counted), and units
    /// no facility reaches stay uncovered.
    func nearestByRoad(_ points: [Position], travel: TravelTimes, territories: StudyTerritories,
                       context: GEOSContext) throws -> ([Shape], [Double], (facilities: Int, units: Int)) {
        let facilityPlaces = try travel.places(points, from: territories.metric)
        // A unit is placed at its representative point; one without geometry is no destination.
        let present = territories.geometries.indices.filter { !territories.geometries[$0].isEmpty }
        let unitPlaces = try travel.places(try present.map { try territories.geometries[$0].pointOnSurface().position },
                                           from: territories.metric)
        let nearest = travel.nearestOrigins(to: unitPlaces, from: facilityPlaces)
        var members = [[Geometry]](repeating: [], count: points.count)
        var populations = [Double](repeating: 0, count: points.count)
        for (offset, unit) in present.enumerated() {
            guard let facility = nearest[offset]?.origin else { continue }
            members[facility].append(territories.geometries[unit])
            populations[facility] += territories.populations[unit]
        }
        let shapes = try members.map { group in
            group.isEmpty ? Shape.polygon([]) : try Geometry.union(group, context: context).shape
        }
        let unreachable = (facilities: facilityPlaces.filter { $0 == nil }.count, units: unitPlaces.filter { $0 == nil }.count)
        return (shapes, populations, unreachable)
    }

    /// Each unit whole to the facility nearest its representative point.
    func nearestUnits(_ points: [Position], territories: StudyTerritories, context: GEOSContext) throws -> ([Shape], [Double]) {
        let unitGeometries = territories.geometries
        let facilities = try points.map { try Geometry(.point($0), context: context) }
        let index = try SpatialIndex(facilities, context: context)
        var members = [[Geometry]](repeating: [], count: points.count)
        var populations = [Double](repeating: 0, count: points.count)
        for (unit, geometry) in unitGeometries.enumerated() where !geometry.isEmpty {
            guard let nearest = try index.nearest(to: try geometry.pointOnSurface()) else { continue }
            members[nearest].append(geometry)
            populations[nearest] += territories.populations[unit]
        }
        let shapes = try members.map { group in
            group.isEmpty ? Shape.polygon([]) : try Geometry.union(group, context: context).shape
        }
        return (shapes, populations)
    }
}
