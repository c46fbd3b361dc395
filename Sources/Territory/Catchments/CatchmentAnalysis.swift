import Foundation
import Geo

/// Which territory each facility serves:
///
/// - `buffer`: a disc of the radius around each facility, in metres;
/// - `voronoi`: the area nearer to it than to any other facility;
/// - `nearest`: the territory units whose representative point is nearest
///   to it (each unit whole);
/// - `network`: the same by travel time along the roads;
/// - `capacity`: the facilities' capacity feeds the units' demand with the
///   least travel (straight-line metres x demand, by the min-cost flow
///   solver), wherever the units are: capacity left after the nearest
///   units feeds the next ones until capacity or people run out
///   (`CapacityFeeding`), within `maxDistance` when given. Each unit goes
///   whole to the facility that feeds most of it; a unit fed by none, to
///   the nearest facility within reach (its people unfed); a unit no
///   facility reaches is outside every catchment.
///
/// The territories come prepared (`StudyTerritories`: projected, with
/// their populations); the roads as the study's `TravelTimes`.
/// Catchments are clipped to the union of the territories. Each carries
/// the population it serves (areal interpolation from the territories, or
/// their sum for `nearest`), the facility's capacity and, with a chain, the
/// demand of that population and the facility's utilisation. The area no
/// catchment covers comes out as `uncovered` pieces with their population.
/// `Result.people` counts every person once (`PeopleAccount`).
public struct CatchmentAnalysis: Sendable {
    public enum Method: String, Sendable, CaseIterable {
        case buffer, voronoi, nearest, network, capacity
    }

    public var method: Method
    /// Metres, for `buffer`.
    public var radius: Double
    public var chain: ChainSpec?
    public var siteFields: SiteFields
    /// Property holding each facility's id (its feature id when nil), and
    /// where each facility is in its file (after a --where): a facility with
    /// no id is named by that position, in `facility_id` and in messages.
    public var facilityIDField: String?
    public var facilityPositions: [Int]?
    /// For `capacity`: a facility feeds no unit whose representative
    /// point is farther than this many metres (straight line); nil: any.
    public var maxDistance: Double?
    /// People a family, for the families fed.
    public var familySize: Double = 4

    public init(method: Method, radius: Double = 5_000, chain: ChainSpec? = nil, siteFields: SiteFields = SiteFields()) {
        self.method = method
        self.radius = radius
        self.chain = chain
        self.siteFields = siteFields
    }

    public struct Result: Sendable {
        /// Catchments then uncovered pieces, in WGS 84.
        public var layer: Layer
        public var catchments: Int
        public var uncovered: Int
        /// Population of all the territories, and of the uncovered pieces.
        public var totalPopulation: Double
        public var uncoveredPopulation: Double
        /// For `network`: facilities and territory units farther than
        /// the travel times' `access.maxSnap` from the roads (no catchment;
        /// left uncovered).
        public var unreachableFacilities = 0
        public var unreachableUnits = 0
        /// Every person once: in a catchment or outside; for `capacity`,
        /// fed, unfed or outside, with the people the capacity could feed.
        public var people: PeopleAccount
    }

    /// The catchments of `facilities` (read from `facilitiesFile`) over the
    /// territories; `travel`, for `network`, times the roads.
    public func run(facilities: Layer, file facilitiesFile: String = "<facilities>", in territories: StudyTerritories,
                    travel: TravelTimes? = nil) throws -> Result {
        let metric = territories.metric, populationField = territories.populationField
        let context = GEOSContext.current
        let units = territories.projected
        let sites = try facilities.projected(to: metric, file: facilitiesFile)
        let points = try sites.features.enumerated().map { index, feature -> Position in
            guard case .point(let position?)? = feature.geometry else {
                throw ReadError(file: facilitiesFile, featureIndex: index, featureID: feature.id, message: "a facility must be a point")
            }
            return position
        }
        let unitGeometries = territories.geometries
        let region = try Geometry.union(unitGeometries, context: context)

        var shapes: [Shape]
        var populations: [Double]?
        var fedByCapacity: CapacityCatchments?
        var unreachable = (facilities: 0, units: 0)
        switch method {
        case .buffer: shapes = try discs(around: points, clippedTo: region.shape)
        case .voronoi: shapes = try Self.voronoiCells(of: points, clippedTo: region, context: context)
        case .nearest: (shapes, populations) = try nearestUnits(points, territories: territories, context: context)
        case .capacity:
            guard let chain else { throw ReadError(file: facilitiesFile, message: "the capacity method needs a chain (demand per person and capacities in final product)") }
            let fed = try capacityCatchments(sites, points: points, chain: chain, territories: territories,
                                             file: facilitiesFile, context: context)
            (shapes, populations, fedByCapacity) = (fed.shapes, fed.fed, fed)
        case .network:
            guard let travel else { throw ReadError(file: facilitiesFile, message: "the network method needs roads") }
            (shapes, populations, unreachable) = try nearestByRoad(points, travel: travel, territories: territories, context: context)
        }

        let catchmentGeometries = try shapes.map { try Geometry($0, context: context) }
        let covered: Geometry
        if method == .buffer {
            // The union of the discs, clipped, is the union of the clipped discs.
            let reach = try DiscUnion.unionOfDiscs(around: points, radius: radius, quadrantSegments: 16)
            covered = try Geometry(reach, context: context).intersection(region)
        } else {
            covered = try Geometry.union(catchmentGeometries.filter { !$0.isEmpty }, context: context)
        }
        let uncoveredParts = try region.difference(covered).parts.filter { try $0.area() > 1 }
        let interpolation = ArealInterpolation(extensive: [populationField])
        let targets = Layer(features: (shapes + uncoveredParts.map(\.shape)).map { Feature(geometry: $0) }, crs: metric)
        let interpolated = try interpolation.interpolate(from: units, to: targets)
        func population(_ index: Int) -> Double {
            interpolated.features[index].properties[populationField]?.doubleValue ?? 0
        }

        var features: [Feature] = []
        for (index, facility) in sites.features.enumerated() {
            let served = populations?[index] ?? population(index)
            let position = facilityPositions?[index] ?? index
            let ownID = facilityIDField.flatMap { facility.properties[$0] }.flatMap { $0 == .null ? nil : JSONValue.string($0.text) }
            var properties: JSONObject = [
                "kind": "catchment",
                "facility_id": ownID ?? facility.id.map { .string($0.description) } ?? .number(position),
                "method": .string(method.rawValue),
                "population": .number(served.rounded()),
                "area_m2": .number(try catchmentGeometries[index].area().rounded()),
            ]
            if let name = facility.properties[siteFields.name], name != .null { properties["facility_name"] = name }
            if let fedByCapacity {
                properties["people_fed"] = .number(fedByCapacity.fed[index].rounded())
                properties["people_unfed"] = .number(fedByCapacity.unfed[index].rounded())
            }
            try addCapacity(of: facility, index: position, served: served, file: facilitiesFile, to: &properties)
            features.append(Feature(id: facility.id, geometry: shapes[index], properties: properties))
        }
        var uncoveredPopulation = 0.0
        for (offset, part) in uncoveredParts.enumerated() {
            let people = population(shapes.count + offset)
            uncoveredPopulation += people
            features.append(Feature(geometry: part.shape, properties: [
                "kind": "uncovered", "population": .number(people.rounded()), "area_m2": .number(try part.area().rounded()),
            ]))
        }
        let total = territories.totalPopulation
        // Whole units (nearest, network) are outside when in no catchment:
        // the total less the catchments' sum, exactly; other methods cut
        // units, and count the uncovered pieces' interpolated people.
        let outside = switch method {
        case .nearest, .network: max(0, total - (populations ?? []).reduce(0, +))
        case .buffer, .voronoi, .capacity: uncoveredPopulation
        }
        let people = fedByCapacity?.account ?? PeopleAccount(method: method, populationTotal: total, outside: outside)
        return Result(layer: try Layer(features: features, crs: metric).projected(to: .wgs84),
                      catchments: shapes.count, uncovered: uncoveredParts.count,
                      totalPopulation: total, uncoveredPopulation: uncoveredPopulation,
                      unreachableFacilities: unreachable.facilities, unreachableUnits: unreachable.units, people: people)
    }

    /// Capacity as given and, with a chain, in final product, the demand of
    /// the served population and the utilisation (demand / capacity).
    private func addCapacity(of facility: Feature, index: Int, served: Double, file: String, to properties: inout JSONObject) throws {
        guard let capacity = facility.properties[siteFields.capacity]?.doubleValue else { return }
        properties["capacity"] = .number(capacity)
        if let unit = facility.properties[siteFields.unit], unit != .null { properties["capacity_unit"] = unit }
        guard let chain else { return }
        let site = try siteFields.site(of: facility, index: index, file: file)
        guard let equivalent = chain.finalEquivalent(of: site) else {
            throw ReadError(file: file, featureIndex: index, featureID: facility.id,
                            message: "\(site.product) at stage \(site.stage.rawValue) is not a link of the \(chain.product) chain")
        }
        let finalCapacity = capacity * equivalent
        let demand = chain.demand(population: served)
        let unit = chain.unit.rawValue.replacingOccurrences(of: "/", with: "_")
        properties["capacity_\(unit)"] = .number(Self.round(finalCapacity))
        properties["demand_\(unit)"] = .number(Self.round(demand))
        properties["capacity_people"] = .number(chain.peopleSupplied(by: finalCapacity).rounded())
        properties["utilisation"] = finalCapacity > 0 ? .number(Self.round(demand / finalCapacity)) : .null
    }

    static func round(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    /// Discs in parallel; a disc the region covers needs no clipping.
    private func discs(around points: [Position], clippedTo region: Shape) throws -> [Shape] {
        let radius = self.radius
        return try parallelChunks(count: points.count, minimumChunk: 256) { range in
            let context = GEOSContext()
            let regionGeometry = try Geometry(region, context: context)
            let prepared = try PreparedGeometry(regionGeometry)
            return try range.map { index in
                let disc = try Geometry(.point(points[index]), context: context).buffer(radius, style: BufferStyle(quadrantSegments: 16))
                return try prepared.covers(disc) ? disc.shape : try disc.intersection(regionGeometry).shape
            }
        }.flatMap { $0 }
    }

    /// Voronoi cells matched back to their facilities, clipped to the
    /// region; facilities at the same spot share one cell, which goes to
    /// the first of them.
    public static func voronoiCells(of points: [Position], clippedTo region: Geometry, context: GEOSContext) throws -> [Shape] {
        guard points.count > 1 else { return points.map { _ in region.shape } }
        guard let envelope = try region.envelope() else { return points.map { _ in .polygon([]) } }
        let diagram = try Geometry(.multiPoint(CoordinateSequence(points)), context: context).voronoiDiagram(clip: envelope)
        let cells = diagram.parts
        let locator = try PolygonLocator(cells, context: context)
        var taken = Set<Int>()
        let prepared = try PreparedGeometry(region)
        return try points.map { point in
            guard let cell = try locator.locate(x: point.x, y: point.y), taken.insert(cell).inserted else { return .polygon([]) }
            return try prepared.covers(cells[cell]) ? cells[cell].shape : try cells[cell].intersection(region).shape
        }
    }
}
