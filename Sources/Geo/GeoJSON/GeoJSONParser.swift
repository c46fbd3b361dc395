/// GeoJSON's structure on top of the JSON scanner: feature collections,
/// features, geometries and text sequences, pulled one feature at a time.
struct GeoJSONParser {
    var scanner: JSONScanner
    private(set) var crs: CRS?
    private var state = State.start
    private var emitted = 0
    /// Property names of the previous feature, reused so a million
    /// features share one string per name.
    private var previousKeys: [String] = []
    /// Their UTF-8 bytes, compared with the name just read in one memcmp.
    private var previousKeyBytes: [[UInt8]] = []
    /// How many of `previousKeys` are known to differ from each other: a
    /// feature with the same keys in the same places needs no check for
    /// a key given twice.
    private var distinctKeys = 0
    /// Keys the feature being read gave twice (or more), in order.
    private var repeatedKeys: [String] = []

    private enum State {
        case start
        /// Inside a top-level collection's "features" array.
        case inFeatures(first: Bool, collection: TopLevel)
        case betweenTexts
        case done
    }

    /// What a top-level object has shown of itself so far.
    private struct TopLevel {
        var type: GeoJSONType?
        var id: FeatureID?
        var geometry: Shape??
        var properties: JSONObject?
        var coordinates: CoordinateNesting?
        var geometries: [Shape]?
        var sawFeatures = false
    }

    init(input: ByteInput, chunkSize: Int = JSONScanner.chunkSize) {
        scanner = JSONScanner(input: input, chunkSize: chunkSize)
    }

    mutating func nextFeature() throws(ReadError) -> Feature? {
        while true {
            switch state {
            case .done:
                return nil
            case .start:
                try scanner.skipByteOrderMark()
                guard try scanner.skipToNextText() else {
                    throw ReadError(file: scanner.input.name, reason: .emptyGeoJSON)
                }
                if let feature = try beginTopLevel() { return feature }
            case .betweenTexts:
                guard try scanner.skipToNextText() else {
                    state = .done
                    return nil
                }
                if let feature = try beginTopLevel() { return feature }
            case .inFeatures(let first, var collection):
                try scanner.skipWhitespace()
                let more: Bool
                if first {
                    more = try scanner.peek() != UInt8(ascii: "]")
                    if !more { scanner.advance() }
                } else {
                    more = try scanner.separator(closing: UInt8(ascii: "]"), in: "the features array")
                }
                if more {
                    state = .inFeatures(first: false, collection: collection)
                    return try readFeature()
                }
                scanner.featureIndex = nil
                scanner.featureID = nil
                try readMembers(of: &collection, afterFirst: true)
                if let feature = try finishTopLevel(collection) { return feature }
            }
        }
    }

    // MARK: Top level

    private mutating func beginTopLevel() throws(ReadError) -> Feature? {
        try scanner.expect(UInt8(ascii: "{"), "a GeoJSON object")
        var topLevel = TopLevel()
        try scanner.skipWhitespace()
        if try scanner.peek() == UInt8(ascii: "}") {
            scanner.advance()
            throw scanner.error("empty object; expected a GeoJSON object with \"type\"")
        }
        if try readMembers(of: &topLevel, afterFirst: false) { return nil }
        return try finishTopLevel(topLevel)
    }

    /// Reads members of the top-level object. Returns true when it stopped
    /// at the start of a "features" array, whose elements come next.
    @discardableResult
    private mutating func readMembers(of topLevel: inout TopLevel, afterFirst: Bool) throws(ReadError) -> Bool {
        var needSeparator = afterFirst
        while true {
            if needSeparator, !(try scanner.separator(closing: UInt8(ascii: "}"), in: "the top-level object")) {
                return false
            }
            needSeparator = true
            let member = try readMemberName()
            switch member {
            case .type: topLevel.type = try readType()
            case .features:
                guard !topLevel.sawFeatures else { throw scanner.error("\"features\" appears twice") }
                topLevel.sawFeatures = true
                try scanner.expect(UInt8(ascii: "["), "the features array")
                state = .inFeatures(first: true, collection: topLevel)
                return true
            case .crs: crs = try readCRS()
            case .id: topLevel.id = try readID()
            case .geometry: topLevel.geometry = .some(try readGeometryOrNull(depth: 1))
            case .properties: topLevel.properties = try readProperties()
            case .coordinates: topLevel.coordinates = try scanner.readCoordinates()
            case .geometries: topLevel.geometries = try readGeometries(depth: 1)
            case .other: try scanner.skipValue(depth: 1)
            }
        }
    }

    private mutating func finishTopLevel(_ topLevel: TopLevel) throws(ReadError) -> Feature? {
        state = .betweenTexts
        guard let type = topLevel.type else {
            throw scanner.error("the object has no \"type\"; expected a FeatureCollection, Feature or geometry")
        }
        switch type {
        case .featureCollection:
            guard topLevel.sawFeatures else { throw scanner.error("the FeatureCollection has no \"features\" array") }
            return nil
        case .feature:
            let feature = Feature(id: topLevel.id, geometry: topLevel.geometry ?? nil,
                                  properties: topLevel.properties ?? JSONObject())
            emitted += 1
            return feature
        case .geometry(let geometryType):
            let shape = try makeShape(geometryType, coordinates: topLevel.coordinates, geometries: topLevel.geometries)
            emitted += 1
            return Feature(geometry: shape)
        }
    }

    // MARK: Features

    private mutating func readFeature() throws(ReadError) -> Feature {
        scanner.featureIndex = emitted
        scanner.featureID = nil
        try scanner.expect(UInt8(ascii: "{"), "a Feature object")
        var type: GeoJSONType?
        var geometry: Shape?
        var properties = JSONObject()
        try scanner.skipWhitespace()
        if try scanner.peek() == UInt8(ascii: "}") {
            throw scanner.error("empty object; expected a Feature")
        }
        repeat {
            let member = try readMemberName()
            switch member {
            case .type: type = try readType()
            case .id: scanner.featureID = try readID()
            case .geometry: geometry = try readGeometryOrNull(depth: 2)
            case .properties: properties = try readProperties()
            default: try scanner.skipValue(depth: 2)
            }
        } while try scanner.separator(closing: UInt8(ascii: "}"), in: "a Feature")
        guard let type else { throw scanner.error("the feature has no \"type\": \"Feature\"") }
        guard type == .feature else {
            throw scanner.error("a member of \"features\" has type \"\(type.name)\"; expected \"Feature\"")
        }
        emitted += 1
        return Feature(id: scanner.featureID, geometry: geometry, properties: properties)
    }

    /// A member's name and its ':'; the value comes next.
    private mutating func readMemberName() throws(ReadError) -> GeoJSONMember {
        try scanner.readStringBytes()
        let member = GeoJSONMember(scanner: scanner)
        try scanner.expect(UInt8(ascii: ":"), "':' after a member name")
        return member
    }

    private mutating func readType() throws(ReadError) -> GeoJSONType {
        try scanner.skipWhitespace()
        guard try scanner.peek() == UInt8(ascii: "\"") else {
            throw scanner.error("\"type\" must be a string")
        }
        let name = try scanner.readString()
        guard let type = GeoJSONType(name: name) else {
            throw scanner.error("unknown GeoJSON type \"\(name)\"")
        }
        return type
    }

    private mutating func readID() throws(ReadError) -> FeatureID {
        switch try scanner.readValue(depth: 2) {
        case .string(let string): return .string(string)
        case .number(let number): return .number(number)
        case let other: throw scanner.error("\"id\" must be a string or a number, not \(other.typeName)")
        }
    }

    private mutating func readProperties() throws(ReadError) -> JSONObject {
        try scanner.skipWhitespace()
        switch try scanner.peek() {
        case UInt8(ascii: "n"):
            try scanner.readLiteral("null")
            return JSONObject()
        case UInt8(ascii: "{"):
            break
        default:
            throw scanner.error("\"properties\" must be an object or null")
        }
        scanner.advance()
        var properties = JSONObject()
        try scanner.skipWhitespace()
        if try scanner.peek() == UInt8(ascii: "}") {
            scanner.advance()
            return properties
        }
        properties.members.reserveCapacity(previousKeys.count)
        var index = 0
        var sameKeys = true
        var repeated: [String] = []
        repeat {
            try scanner.readStringBytes()
            let key: String
            if index < previousKeys.count, scanner.scratch == previousKeyBytes[index] {
                key = previousKeys[index]
            } else {
                key = try scanner.scratchString()
                sameKeys = false
                if index < previousKeys.count {
                    previousKeys[index] = key
                    previousKeyBytes[index] = scanner.scratch
                } else {
                    previousKeys.append(key)
                    previousKeyBytes.append(scanner.scratch)
                }
            }
            index += 1
            try scanner.expect(UInt8(ascii: ":"), "':' after a property name")
            let value = try scanner.readValue(depth: 3)
            // A key given twice: the last value wins, in the first one's
            // place, as JavaScript's JSON.parse does, so that every output
            // format (and every command reading the property) agrees.
            if !(sameKeys && index <= distinctKeys), let earlier = properties.members.firstIndex(where: { $0.key == key }) {
                properties.members[earlier].value = value
                repeated.append(key)
            } else {
                properties.members.append(.init(key: key, value: value))
            }
        } while try scanner.separator(closing: UInt8(ascii: "}"), in: "properties")
        distinctKeys = repeated.isEmpty ? index : 0
        repeatedKeys += repeated
        return properties
    }

    /// The property keys the feature just read gave more than once.
    mutating func takeRepeatedKeys() -> [String] {
        defer { repeatedKeys = [] }
        return repeatedKeys
    }

    // MARK: Geometries

    private mutating func readGeometryOrNull(depth: Int) throws(ReadError) -> Shape? {
        try scanner.skipWhitespace()
        if try scanner.peek() == UInt8(ascii: "n") {
            try scanner.readLiteral("null")
            return nil
        }
        return try readGeometry(depth: depth)
    }

    private mutating func readGeometry(depth: Int) throws(ReadError) -> Shape {
        guard depth < JSONScanner.maximumDepth else { throw scanner.tooDeep() }
        try scanner.skipWhitespace()
        guard try scanner.peek() == UInt8(ascii: "{") else {
            throw scanner.error("a geometry must be an object or null")
        }
        scanner.advance()
        var type: GeoJSONType?
        var coordinates: CoordinateNesting?
        var geometries: [Shape]?
        repeat {
            let member = try readMemberName()
            switch member {
            case .type: type = try readType()
            case .coordinates: coordinates = try scanner.readCoordinates()
            case .geometries: geometries = try readGeometries(depth: depth + 1)
            default: try scanner.skipValue(depth: depth + 1)
            }
        } while try scanner.separator(closing: UInt8(ascii: "}"), in: "a geometry")
        guard let type else { throw scanner.error("the geometry has no \"type\"") }
        guard case .geometry(let geometryType) = type else {
            throw scanner.error("a \(type.name) cannot stand where a geometry is expected")
        }
        return try makeShape(geometryType, coordinates: coordinates, geometries: geometries)
    }

    private mutating func readGeometries(depth: Int) throws(ReadError) -> [Shape] {
        try scanner.expect(UInt8(ascii: "["), "the geometries array")
        var members: [Shape] = []
        try scanner.skipWhitespace()
        if try scanner.peek() == UInt8(ascii: "]") {
            scanner.advance()
            return members
        }
        repeat {
            members.append(try readGeometry(depth: depth + 1))
        } while try scanner.separator(closing: UInt8(ascii: "]"), in: "the geometries array")
        return members
    }

    private func makeShape(_ type: GeometryType, coordinates: CoordinateNesting?, geometries: [Shape]?) throws(ReadError) -> Shape {
        if type == .geometryCollection {
            guard let geometries else { throw scanner.error("the GeometryCollection has no \"geometries\" array") }
            return .geometryCollection(geometries)
        }
        guard let coordinates else { throw scanner.error("the \(type.rawValue) has no \"coordinates\"") }
        switch (type, coordinates) {
        case (.point, .position(let position)): return .point(position)
        case (.point, .empty): return .point(nil)
        case (.lineString, .sequence(let sequence)): return .lineString(sequence)
        case (.lineString, .empty): return .lineString(CoordinateSequence())
        case (.multiPoint, .sequence(let sequence)): return .multiPoint(sequence)
        case (.multiPoint, .empty): return .multiPoint(CoordinateSequence())
        case (.polygon, .sequences(let rings)): return .polygon(rings)
        case (.polygon, .empty): return .polygon([])
        case (.multiLineString, .sequences(let lines)): return .multiLineString(lines)
        case (.multiLineString, .empty): return .multiLineString([])
        case (.multiPolygon, .polygons(let polygons)): return .multiPolygon(polygons)
        case (.multiPolygon, .empty): return .multiPolygon([])
        default:
            throw scanner.error("\(type.rawValue) coordinates must be \(Self.expectedNesting(type))")
        }
    }

    private static func expectedNesting(_ type: GeometryType) -> String {
        switch type {
        case .point: "one position [x, y]"
        case .lineString, .multiPoint: "an array of positions"
        case .polygon: "an array of linear rings (arrays of positions)"
        case .multiLineString: "an array of lines (arrays of positions)"
        default: "an array of polygons"
        }
    }

    // MARK: CRS

    /// GeoJSON 2008's `crs`, as QGIS and ogr2ogr still write it:
    /// `{"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32619"}}`.
    private mutating func readCRS() throws(ReadError) -> CRS? {
        let value = try scanner.readValue(depth: 1)
        if value == .null { return nil }
        guard case .object(let object) = value, case .object(let properties)? = object["properties"] else {
            throw scanner.error("\"crs\" must be {\"type\": \"name\", \"properties\": {\"name\": ...}}")
        }
        if case .string(let name)? = properties["name"] { return CRS(name) }
        if case .number(let code)? = properties["code"] { return CRS("EPSG:\(code.literal)") }
        throw scanner.error("\"crs\" names no CRS; expected properties.name such as \"urn:ogc:def:crs:EPSG::4326\"")
    }
}

// MARK: Pieces of a collection read in parallel (GeoJSONPieces.swift)

extension GeoJSONParser {
    /// Right after the first feature of a collection: true with the scanner
    /// at the '{' of the second; false when the file is not a collection
    /// of two features or more.
    mutating func moveToSecondFeature() throws(ReadError) -> Bool {
        guard case .inFeatures = state else { return false }
        guard try scanner.separator(closing: UInt8(ascii: "]"), in: "the features array") else { return false }
        try scanner.skipWhitespace()
        return try scanner.peek() == UInt8(ascii: "{")
    }

    /// A worker's piece of the features array, from the scanner's position
    /// (a feature's '{') to byte `end` of its input, where the next feature
    /// must start after a ','. Nil when the piece does not end exactly
    /// there: the split fell inside a feature, and the caller reads the
    /// file in one go instead.
    mutating func features(upTo end: Int) throws(ReadError) -> [Feature]? {
        var features: [Feature] = []
        while true {
            features.append(try readFeature())
            try scanner.skipWhitespace()
            guard try scanner.peek() == UInt8(ascii: ",") else { return nil }
            scanner.advance()
            try scanner.skipWhitespace()
            if scanner.byteOffset == end { return features }
            if scanner.byteOffset > end { return nil }
        }
    }

    /// The last piece: the features from the scanner's position (a
    /// feature's '{') to the end of the array, then the rest of the file as
    /// the reader goes on with it (members after "features", more texts).
    mutating func remainingFeatures() throws(ReadError) -> [Feature] {
        state = .inFeatures(first: true, collection: TopLevel(type: .featureCollection, sawFeatures: true))
        var features: [Feature] = []
        while let feature = try nextFeature() { features.append(feature) }
        return features
    }
}
