import Geo

/// Builds an upper level from a lower one: one feature per value of a
/// field, its geometry the union of its members', numbers summed and
/// other fields taken from the first member.
///
/// Each group is checked first: when no two members overlap it is a clean
/// coverage and GEOS's coverage union, much faster, is right; otherwise
/// (GEOS 3.11's coverage union would return a wrong area without an error)
/// the ordinary unary union is used.
public struct Dissolve: Sendable {
    public struct Options: Sendable {
        public var by: String
        public var sum: [String] = []
        public var first: [String] = []

        public init(by: String, sum: [String] = [], first: [String] = []) {
            self.by = by
            self.sum = sum
            self.first = first
        }
    }

    /// What the union of one group took.
    public enum Method: String, Sendable {
        case coverageUnion = "coverage union"
        case unaryUnion = "unary union"
    }

    public struct Result: Sendable {
        public var layer: Layer
        /// The method used for each output feature, in output order.
        public var methods: [Method]
        /// Input features whose invalid geometry was made valid (GEOS
        /// MakeValid) before the union, since GEOS cannot union it as is.
        public var repaired: [Int]
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Groups in order of first appearance; the output id is the group's
    /// value. Features without the field form the group `null`.
    public func dissolve(_ layer: Layer, file: String = "<layer>") throws -> Result {
        var order: [JSONValue] = []
        var members: [JSONValue: [Int]] = [:]
        for (index, feature) in layer.features.enumerated() {
            let key = feature.properties[options.by] ?? .null
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(index)
        }
        let features = layer.features
        let groups = order.map { members[$0]! }
        let unions = try parallelChunks(count: groups.count) { range in
            let context = GEOSContext()
            return try range.map { group in try union(groups[group], of: features, context: context) }
        }.flatMap { $0 }

        var output: [Feature] = []
        for (group, key) in order.enumerated() {
            let memberFeatures = groups[group].map { features[$0] }
            output.append(Feature(id: Self.id(of: key), geometry: unions[group].shape,
                                  properties: properties(key: key, members: memberFeatures)))
        }
        return Result(layer: Layer(features: output, crs: layer.crs), methods: unions.map(\.method),
                      repaired: unions.flatMap(\.repaired).sorted())
    }

    private func union(_ members: [Int], of features: [Feature], context: GEOSContext) throws
        -> (shape: Shape, method: Method, repaired: [Int]) {
        var geometries: [Geometry] = []
        var repaired: [Int] = []
        for member in members {
            guard let shape = features[member].geometry else { continue }
            let geometry = try Geometry(shape, context: context)
            if try geometry.isValid() {
                geometries.append(geometry)
            } else {
                geometries.append(try geometry.makeValid())
                repaired.append(member)
            }
        }
        guard !geometries.isEmpty else { return (.multiPolygon([]), .unaryUnion, repaired) }
        let collection = try Geometry.collection(geometries, context: context)
        if try Self.isCleanCoverage(geometries, context: context) {
            return (try collection.coverageUnion().shape, .coverageUnion, repaired)
        }
        return (try collection.unaryUnion().shape, .unaryUnion, repaired)
    }

    /// No two polygons share interior area (their envelopes are checked
    /// first through an STRtree).
    static func isCleanCoverage(_ polygons: [Geometry], context: GEOSContext) throws -> Bool {
        guard polygons.allSatisfy({ $0.type == .polygon || $0.type == .multiPolygon }) else { return false }
        guard try polygons.allSatisfy({ try $0.isValid() }) else { return false }
        let index = try SpatialIndex(polygons, context: context)
        for (position, polygon) in polygons.enumerated() {
            for other in index.query(polygon) where other > position {
                if try polygon.relate(polygons[other], pattern: "2********") { return false }
            }
        }
        return true
    }

    private func properties(key: JSONValue, members: [Feature]) -> JSONObject {
        var properties = JSONObject()
        properties[options.by] = key
        for field in options.first {
            properties[field] = members.first?.properties[field] ?? .null
        }
        for field in options.sum {
            let values = members.compactMap { $0.properties[field]?.doubleValue }
            properties[field] = values.isEmpty ? .null : .number(values.reduce(0, +))
        }
        properties["units"] = .number(members.count)
        return properties
    }

    static func id(of key: JSONValue) -> FeatureID? {
        switch key {
        case .string(let string): .string(string)
        case .number(let number): .number(number)
        case .null: nil
        default: .string(key.text)
        }
    }
}
