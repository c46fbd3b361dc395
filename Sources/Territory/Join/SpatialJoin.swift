import Geo

/// Gives every point the code of the polygon that covers it.
///
/// Rule for shared boundaries: a point on an edge or corner shared by
/// several polygons goes to the one that comes first in the polygon layer,
/// every run. Points covered by no polygon are listed; with a snap
/// distance, each is given the nearest polygon within it (measured in
/// metres in the layers' metric CRS) and the distance is recorded.
public struct SpatialJoin: Sendable {
    public struct Options: Sendable {
        /// Property of the polygons holding their code; nil uses the
        /// feature id, then the feature's index.
        public var idField: String?
        /// Property the code is written to on each point.
        public var property = "territory_code"
        /// Metres within which a point outside every polygon is snapped.
        public var snapDistance: Double?

        public init(idField: String? = nil, property: String = "territory_code", snapDistance: Double? = nil) {
            self.idField = idField
            self.property = property
            self.snapDistance = snapDistance
        }
    }

    public struct Result: Sendable {
        /// Polygon index of each point, nil when none.
        public var polygonOfPoint: [Int?]
        /// Code of each polygon.
        public var codes: [JSONValue]
        /// Points covered by no polygon and not snapped.
        public var outside: [Int]
        /// Points snapped to a polygon, with the distance in metres.
        public var snapped: [(point: Int, polygon: Int, metres: Double)]

        public func code(ofPoint index: Int) -> JSONValue {
            polygonOfPoint[index].map { codes[$0] } ?? .null
        }
    }

    public let options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// `progress` is told (points located, points) as the work goes on.
    public func join(points: Layer, polygons: Layer, pointsFile: String = "<points>",
                     progress: ProgressCounter.Callback? = nil) throws -> Result {
        let points = try points.projected(to: polygons.crs, file: pointsFile)
        let xy = try pointCoordinates(points, file: pointsFile)
        let shapes = polygons.features.map(\.geometry)
        // Points are looked up in Z-order, so consecutive lookups hit the
        // same polygons; each worker builds its own GEOS polygons and
        // locator in its own context and takes a contiguous run.
        let order = xy.withUnsafeBufferPointer { SpatialOrder.permutation($0) }
        var ordered = [Double](repeating: 0, count: xy.count)
        for (position, index) in order.enumerated() {
            ordered[2 * position] = xy[2 * Int(index)]
            ordered[2 * position + 1] = xy[2 * Int(index) + 1]
        }
        let counter = ProgressCounter(total: xy.count / 2, progress)
        let locatedInOrder = try ordered.withUnsafeBufferPointer { buffer in
            let shared = SendableBuffer(buffer)
            return try parallelChunks(count: buffer.count / 2, minimumChunk: 20_000) { range in
                let context = GEOSContext()
                let geometries = try shapes.map { shape in
                    try Geometry(shape ?? .polygon([]), context: context)
                }
                let locator = try PolygonLocator(geometries, context: context)
                // In batches, so progress moves while a worker runs its chunk.
                var located: [Int32] = []
                located.reserveCapacity(range.count)
                for start in stride(from: range.lowerBound, to: range.upperBound, by: 20_000) {
                    let end = min(start + 20_000, range.upperBound)
                    let slice = UnsafeBufferPointer(rebasing: shared.buffer[(2 * start)..<(2 * end)])
                    located += try locator.locate(slice)
                    counter.add(end - start)
                }
                return located
            }.flatMap { $0 }
        }
        var located = [Int32](repeating: -1, count: order.count)
        for (position, index) in order.enumerated() { located[Int(index)] = locatedInOrder[position] }
        var polygonOfPoint: [Int?] = located.map { $0 < 0 ? nil : Int($0) }
        var snapped: [(point: Int, polygon: Int, metres: Double)] = []
        let unmatched = polygonOfPoint.indices.filter { polygonOfPoint[$0] == nil }
        if let snapDistance = options.snapDistance, !unmatched.isEmpty {
            snapped = try snap(unmatched, xy: xy, within: snapDistance, polygons: polygons)
            for snap in snapped { polygonOfPoint[snap.point] = snap.polygon }
        }
        let codes = polygons.features.enumerated().map { index, feature in code(of: feature, index: index) }
        let outside = polygonOfPoint.indices.filter { polygonOfPoint[$0] == nil }
        return Result(polygonOfPoint: polygonOfPoint, codes: codes, outside: outside, snapped: snapped)
    }

    /// The points, in input order, each with its polygon's code in the
    /// join's property (null when outside every polygon).
    public func joined(_ points: Layer, _ result: Result) -> Layer {
        var output = points
        for index in output.features.indices {
            output.features[index].properties[options.property] = result.code(ofPoint: index)
        }
        return output
    }

    /// The code a polygon gives its points.
    public func code(of feature: Feature, index: Int) -> JSONValue {
        if let idField = options.idField { return feature.properties[idField] ?? .null }
        switch feature.id {
        case .string(let string)?: return .string(string)
        case .number(let number)?: return .number(number)
        case nil: return .number(index)
        }
    }

    private func pointCoordinates(_ points: Layer, file: String) throws(ReadError) -> [Double] {
        var xy: [Double] = []
        xy.reserveCapacity(points.count * 2)
        for (index, feature) in points.features.enumerated() {
            guard case .point(let position?)? = feature.geometry else {
                throw ReadError(file: file, featureIndex: index, featureID: feature.id,
                                message: "expected a point, found \(feature.geometry?.type.rawValue ?? "no geometry")")
            }
            xy.append(position.x)
            xy.append(position.y)
        }
        return xy
    }

    /// Nearest polygon within `metres` of each unmatched point, measured
    /// in the metric CRS; ties go to the first polygon.
    private func snap(_ unmatched: [Int], xy: [Double], within metres: Double,
                      polygons: Layer) throws -> [(point: Int, polygon: Int, metres: Double)] {
        guard let metric = try polygons.metricCRS() else { return [] }
        let context = GEOSContext()
        let projected = try polygons.projected(to: metric)
        let geometries = try projected.features.map { try Geometry($0.geometry ?? .polygon([]), context: context) }
        let index = try SpatialIndex(geometries, context: context)
        let toMetric = try Transformer(from: polygons.crs, to: metric)
        var snapped: [(point: Int, polygon: Int, metres: Double)] = []
        for point in unmatched {
            let position = Shape.point(Position(x: xy[2 * point], y: xy[2 * point + 1]))
            let geometry = try Geometry(try toMetric.transform(position), context: context)
            guard let nearest = try index.nearest(to: geometry) else { continue }
            let distance = try geometries[nearest].distance(to: geometry)
            if distance <= metres { snapped.append((point, nearest, distance)) }
        }
        return snapped
    }
}

/// A read-only buffer whose slices are read by different workers.
private struct SendableBuffer: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Double>
    init(_ buffer: UnsafeBufferPointer<Double>) { self.buffer = buffer }
}
