import Geo

/// Builds an upper level from a lower one: one feature per value of a
/// field, its geometry the union of its members', numbers summed and
/// other fields taken from the first member.
///
/// Each group goes through GEOS's coverage union first, which is several
/// times faster than unary union but right only for a clean coverage
/// (members that meet edge to edge and never overlap). GEOS 3.11 does not
/// check that: on overlapping or unmatched members it returns their
/// outlines as an invalid multipolygon, whose area is the sum of theirs
/// (the "wrong area without an error"). So the result is accepted only
/// when it is valid and its area is the members' sum, which together hold
/// exactly for a clean coverage; otherwise the group is merged again by
/// unary union. (GEOS 3.12's GEOSCoverageIsValid would check the input
/// directly.)
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
        let (merged, method) = try Self.union(geometries, context: context)
        return (merged.shape, method, repaired)
    }

    /// The union of valid polygons: coverage union when its result proves
    /// the members a clean coverage, unary union otherwise.
    public static func union(_ geometries: [Geometry], context: GEOSContext) throws -> (Geometry, Method) {
        let collection = try Geometry.collection(geometries, context: context)
        if let merged = try? collection.coverageUnion(), try isCoverageUnion(merged, of: geometries) {
            return (merged, .coverageUnion)
        }
        return (try collection.unaryUnion(), .unaryUnion)
    }

    /// Whether `merged` is the true union of a clean coverage: valid, and
    /// as large as its members together.
    static func isCoverageUnion(_ merged: Geometry, of members: [Geometry]) throws -> Bool {
        let total = try members.reduce(0) { try $0 + $1.area() }
        let area = try merged.area()
        return try merged.isValid() && abs(area - total) <= 1e-9 * max(total, 1e-300)
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
