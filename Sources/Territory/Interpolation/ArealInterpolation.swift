import Geo

/// Moves values from source polygons (parishes with their population) to
/// target polygons (zones, catchments, circuits) by shared area, as
/// tobler's `area_interpolate`:
///
/// - an extensive variable (a count: population, families) splits by the
///   share of each source's area that lies in the target:
///   `target = Σ value_s · area(s ∩ t) / area(s)`, tobler's
///   `allocate_total=False` (a source partly outside every target keeps
///   that part of its value back). With `allocateTotal`, tobler's default,
///   the share is of the source's area inside any target,
///   `area(s ∩ t) / Σ_t' area(s ∩ t')`, so that each source's whole value
///   is handed out;
/// - an intensive variable (a rate: density, yield per hectare) becomes
///   the mean over the target's covered part, weighted by shared area:
///   `target = Σ value_s · area(s ∩ t) / Σ area(s ∩ t)`.
///
/// Areas are measured in metres in the sources' metric CRS.
public struct ArealInterpolation: Sendable {
    public var extensive: [String]
    public var intensive: [String]
    /// Split extensive values by the source's area covered by targets
    /// rather than by its whole area (tobler's `allocate_total=True`).
    public var allocateTotal = false

    public init(extensive: [String] = [], intensive: [String] = []) {
        self.extensive = extensive
        self.intensive = intensive
    }

    /// The targets with each field added, and the covered area in m² as
    /// `covered_area_m2` (where any source lies).
    public func interpolate(from sources: Layer, to targets: Layer, file: String = "<sources>") throws -> Layer {
        guard let metric = try sources.metricCRS() else { return targets }
        let sourceShapes = try sources.projected(to: metric, file: file).features.map(\.geometry)
        let targetShapes = try targets.projected(to: metric).features.map(\.geometry)
        let fields = extensive + intensive
        let values: [[Double?]] = sources.features.map { feature in fields.map { feature.properties[$0]?.doubleValue } }
        let extensiveCount = extensive.count

        // Targets are visited in Z-order of their centres, so neighbouring
        // targets meet the same prepared sources while they are in cache.
        var centres: [Double] = []
        for shape in targetShapes {
            let center = shape?.envelope?.center ?? Position(x: 0, y: 0)
            centres += [center.x, center.y]
        }
        let order = centres.withUnsafeBufferPointer { SpatialOrder.permutation($0) }.map { Int($0) }
        let inOrder = try parallelChunks(count: targetShapes.count, minimumChunk: 64) { range in
            let context = GEOSContext()
            let sourceGeometries = try sourceShapes.map { try Geometry($0 ?? .polygon([]), context: context) }
            let sourceAreas = try sourceGeometries.map { try $0.area() }
            // Sources are prepared once per worker; most small targets lie
            // wholly inside one source, which a prepared covers answers
            // without computing an intersection.
            let preparedSources = try sourceGeometries.map { try PreparedGeometry($0) }
            let index = try SpatialIndex(sourceGeometries, context: context)
            return try range.map { position -> (shares: [(source: Int, area: Double)], covered: Double) in
                let target = order[position]
                var shares: [(source: Int, area: Double)] = []
                guard let shape = targetShapes[target], !shape.isEmpty else { return (shares, 0) }
                let targetGeometry = try Geometry(shape, context: context)
                let candidates = index.query(targetGeometry)
                // A target over many sources (a union of catchments, a large
                // zone) is prepared too: whole sources inside it need no overlay.
                let preparedTarget = candidates.count > 16 ? try PreparedGeometry(targetGeometry) : nil
                var targetArea: Double?
                var covered = 0.0
                for source in candidates where sourceAreas[source] > 0 {
                    let shared: Double
                    if let preparedTarget, try preparedTarget.covers(sourceGeometries[source]) {
                        shared = sourceAreas[source]
                    } else if let preparedTarget, try !preparedTarget.intersects(sourceGeometries[source]) {
                        continue
                    } else if try preparedSources[source].covers(targetGeometry) {
                        if targetArea == nil { targetArea = try targetGeometry.area() }
                        shared = targetArea!
                    } else if try preparedSources[source].intersects(targetGeometry) {
                        // Never more than the whole source, whatever the overlay's rounding.
                        shared = min(try targetGeometry.intersection(sourceGeometries[source]).area(), sourceAreas[source])
                    } else {
                        continue
                    }
                    guard shared > 0 else { continue }
                    covered += shared
                    shares.append((source, shared))
                }
                return (shares, covered)
            }
        }.flatMap { $0 }
        var sharesOfTarget = inOrder
        for (position, target) in order.enumerated() { sharesOfTarget[target] = inOrder[position] }

        // What each source's extensive values are divided by: its whole
        // area, or (allocating the total) its area inside the targets.
        var denominators = [Double](repeating: 0, count: sources.count)
        if allocateTotal {
            for shares in sharesOfTarget { for share in shares.shares { denominators[share.source] += share.area } }
        } else {
            let context = GEOSContext()
            denominators = try sourceShapes.map { try Geometry($0 ?? .polygon([]), context: context).area() }
        }
        let perTarget = sharesOfTarget.map { target -> (sums: [Double], weights: [Double], covered: Double) in
            var sums = [Double](repeating: 0, count: fields.count)
            var weights = [Double](repeating: 0, count: fields.count)
            for (source, shared) in target.shares where denominators[source] > 0 {
                for (field, value) in values[source].enumerated() {
                    guard let value else { continue }
                    if field < extensiveCount {
                        sums[field] += value * shared / denominators[source]
                    } else {
                        sums[field] += value * shared
                    }
                    weights[field] += shared
                }
            }
            return (sums, weights, target.covered)
        }

        var output = targets
        for (target, result) in perTarget.enumerated() {
            for (field, name) in fields.enumerated() {
                let value: JSONValue
                if result.weights[field] == 0 {
                    value = field < extensiveCount ? .number(0) : .null
                } else if field < extensiveCount {
                    value = .number(result.sums[field])
                } else {
                    value = .number(result.sums[field] / result.weights[field])
                }
                output.features[target].properties[name] = value
            }
            output.features[target].properties["covered_area_m2"] = .number(result.covered)
        }
        return output
    }
}
