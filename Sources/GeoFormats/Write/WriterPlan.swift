import Geo

/// How a layer goes into a format: its geometry type, its fields with
/// their types, where the ids go, and what had to change on the way
/// (each change a warning).
struct WriterPlan {
    /// Geometry types, as OGR numbers them (0 any, 100 none).
    enum GeometryKind: Int {
        case unknown = 0, point, lineString, polygon, multiPoint, multiLineString, multiPolygon, collection
        case none = 100
    }

    struct Field {
        enum Source: Equatable {
            case property(String)
            case id
        }

        var source: Source
        /// The name written (a Shapefile's may be shortened).
        var name: String
        var kind: FieldDefinition.Kind
        var width = 0
        var precision = 0
    }

    enum IDStorage {
        case none
        /// As the GeoPackage FID (every id a non-negative integer, all different).
        case fid
        /// As the field `id`, read back as the id.
        case field
    }

    var geometry = GeometryKind.unknown
    var hasZ = false
    var fields: [Field] = []
    var ids = IDStorage.none
    /// A GeoPackage's FID column.
    var fidColumn = "fid"
    var warnings: [String] = []

    /// What the values of one property hold, over every feature.
    private struct Census {
        var nulls = 0
        var integers = 0
        var int32 = true
        var maximumDigits = 1
        var reals = 0
        var bools = 0
        var strings = 0
        var maximumBytes = 0
        var nested = 0
        var dateLike = true

        mutating func add(_ value: JSONValue) {
            switch value {
            case .null: nulls += 1
            case .bool: bools += 1
            case .number(let number):
                if number.isIntegerLiteral, let integer = Int64(number.literal) {
                    integers += 1
                    if Int32(exactly: integer) == nil { int32 = false }
                    maximumDigits = max(maximumDigits, number.literal.count)
                } else {
                    reals += 1
                }
            case .string(let string):
                strings += 1
                maximumBytes = max(maximumBytes, string.utf8.count)
                if string.utf8.first.map({ !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) ?? true { dateLike = false }
            case .array, .object: nested += 1
            }
        }

        var values: Int { integers + reals + bools + strings + nested }
        var onlyIntegers: Bool { integers == values }
        var onlyNumbers: Bool { integers + reals == values }
        var onlyStrings: Bool { strings == values }
        var onlyBools: Bool { bools == values }
    }

    init(features: [Feature], format: WritableFormat, hints: [FieldDefinition], file: String) throws(WriteError) {
        try planGeometry(features, format: format, file: file)
        var keys: [String] = []
        var census: [String: Census] = [:]
        for feature in features {
            for member in feature.properties.members {
                if census[member.key] == nil {
                    keys.append(member.key)
                    census[member.key] = Census()
                }
                census[member.key]!.add(member.value)
            }
        }
        planIDs(features, format: format, propertyKeys: keys, file: file)
        if format == .geoPackage, keys.contains(where: { $0.lowercased() == "fid" }) {
            fidColumn = "gpkg_fid"
        }
        let hintsByName = Dictionary(hints.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var mixed: [String] = []
        for key in keys {
            let values = census[key]!
            var field = Field(source: .property(key), name: key, kind: Self.kind(values, hint: hintsByName[key]))
            if values.strings > 0 && values.values > values.strings && field.kind == .string { mixed.append(key) }
            if let hint = hintsByName[key], hint.kind == field.kind, format == .shapefile {
                field.width = hint.width
                field.precision = hint.precision
            }
            if format == .shapefile { adaptForShapefile(&field, values, file: file) }
            if format == .flatGeobuf { adaptForFlatGeobuf(&field, file: file) }
            fields.append(field)
        }
        if !mixed.isEmpty {
            warnings.append("\(file): field(s) holding both text and other values written as text: \(mixed.joined(separator: ", "))")
        }
        if case .field = ids {
            let numeric = features.allSatisfy { feature in
                if case .number(let number)? = feature.id { return number.isIntegerLiteral && Int64(number.literal) != nil }
                return feature.id == nil
            }
            var field = Field(source: .id, name: "id", kind: numeric ? .integer64 : .string)
            if format == .shapefile {
                if numeric {
                    field.width = features.compactMap { $0.id?.description.count }.max() ?? 1
                } else {
                    field.width = min(254, max(1, features.compactMap { $0.id?.description.utf8.count }.max() ?? 1))
                }
            }
            fields.insert(field, at: 0)
        }
        if format == .shapefile { shortenNames(file: file) }
    }

    // MARK: Geometry

    private mutating func planGeometry(_ features: [Feature], format: WritableFormat, file: String) throws(WriteError) {
        var counts: [GeometryType: Int] = [:]
        for feature in features {
            guard let shape = feature.geometry else { continue }
            counts[shape.type, default: 0] += 1
            if !hasZ && shape.hasZ { hasZ = true }
        }
        let types = Set(counts.keys)
        if types.isEmpty && format != .flatGeobuf {
            geometry = format == .shapefile ? .none : .unknown
            if format == .shapefile && !features.isEmpty {
                warnings.append("\(file): no feature has a geometry: only the attribute table (.dbf) is written")
            }
            return
        }
        func kind(_ type: GeometryType) -> GeometryKind {
            switch type {
            case .point: .point
            case .lineString, .linearRing: .lineString
            case .polygon: .polygon
            case .multiPoint: .multiPoint
            case .multiLineString: .multiLineString
            case .multiPolygon: .multiPolygon
            case .geometryCollection: .collection
            }
        }
        if format == .flatGeobuf {
            // GDAL 3.6 skips them without a word.
            let missing = features.count { $0.geometry == nil || $0.geometry!.isEmpty }
            if missing > 0 {
                throw WriteError(file: file, message: "\(missing) feature(s) have no geometry or an empty one, which GDAL's FlatGeobuf writer cannot hold. Write a GeoPackage (.gpkg) instead")
            }
        }
        guard format == .shapefile else {
            geometry = types.count == 1 ? kind(types.first!) : .unknown
            return
        }
        // A Shapefile has one shape type per file; its polygons and lines
        // may have several parts, so single and multi go together.
        let groups: [Set<GeometryType>: GeometryKind] = [
            [.point]: .point, [.multiPoint]: .multiPoint,
            [.lineString]: .lineString, [.linearRing]: .lineString, [.multiLineString]: .lineString, [.lineString, .multiLineString]: .lineString,
            [.polygon]: .polygon, [.multiPolygon]: .polygon, [.polygon, .multiPolygon]: .polygon,
        ]
        guard let group = groups[types] else {
            let listed = counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
            let reason = types == [.geometryCollection] ? "cannot hold a GeometryCollection" : "holds one geometry type per file"
            throw WriteError(file: file, message: "a Shapefile \(reason), and this layer has \(listed). Write a GeoPackage (.gpkg) or FlatGeobuf (.fgb) instead")
        }
        geometry = group
    }

    // MARK: Ids

    private mutating func planIDs(_ features: [Feature], format: WritableFormat, propertyKeys: [String], file: String) {
        let identified = features.filter { $0.id != nil }
        guard !identified.isEmpty else { return }
        if format == .geoPackage {
            // A GeoPackage gives its features in FID order: ids become FIDs
            // only when that is the input order.
            var last: Int64 = -1
            let fids = identified.allSatisfy { feature in
                guard case .number(let number)? = feature.id, number.isIntegerLiteral,
                      let value = Int64(number.literal), value > last else { return false }
                last = value
                return true
            }
            if fids {
                ids = .fid
                return
            }
        }
        guard propertyKeys.contains("id") else {
            ids = .field
            return
        }
        // The property `id` is written anyway; the ids are kept when it holds them.
        let kept = identified.allSatisfy { feature in
            switch (feature.id, feature.properties["id"]) {
            case (.string(let id)?, .string(let value)?): id == value
            case (.number(let id)?, .number(let value)?): id.value == value.value
            default: false
            }
        }
        if !kept {
            warnings.append("\(file): feature ids are not written: the layer also has a property named 'id' with other values, which is written instead")
        }
    }

    // MARK: Field types

    /// The hint's kind when the values fit it, else what the values are.
    private static func kind(_ values: Census, hint: FieldDefinition?) -> FieldDefinition.Kind {
        if let hint {
            let fits: Bool
            switch hint.kind {
            case .integer: fits = values.onlyIntegers && values.int32
            case .integer64: fits = values.onlyIntegers
            case .real: fits = values.onlyNumbers
            case .boolean: fits = values.onlyBools
            case .string, .binary: fits = values.onlyStrings
            case .date, .time, .dateTime: fits = values.onlyStrings && values.dateLike
            case .json: fits = true
            case .integerList, .integer64List, .realList, .stringList: fits = false
            }
            if fits { return hint.kind }
        }
        if values.values == 0 { return .string }
        if values.onlyIntegers { return values.int32 ? .integer : .integer64 }
        if values.onlyNumbers { return .real }
        if values.onlyBools { return .boolean }
        if values.onlyStrings { return .string }
        if values.nested > 0 || values.bools > 0 { return .json }
        return .string
    }

    // MARK: FlatGeobuf

    /// FlatGeobuf has date-times but no dates or times, and GDAL 3.6 writes
    /// no JSON type: those are written as their text.
    private mutating func adaptForFlatGeobuf(_ field: inout Field, file: String) {
        switch field.kind {
        case .date, .time:
            warnings.append("\(file): field \(field.name): FlatGeobuf has no \(field.kind == .date ? "date" : "time") type; written as ISO 8601 text")
            field.kind = .string
        case .json, .integerList, .integer64List, .realList, .stringList:
            warnings.append("\(file): field \(field.name): GDAL writes no JSON type to FlatGeobuf; written as JSON text")
            field.kind = .string
        default:
            break
        }
    }

    // MARK: Shapefile

    private mutating func adaptForShapefile(_ field: inout Field, _ values: Census, file: String) {
        switch field.kind {
        case .boolean:
            warnings.append("\(file): field \(field.name): a Shapefile has no boolean type; true and false written as 1 and 0")
            field.kind = .integer
            field.width = 1
        case .dateTime, .time:
            warnings.append("\(file): field \(field.name): a Shapefile has no \(field.kind == .time ? "time" : "date-time") type; written as ISO 8601 text")
            field.kind = .string
        case .json, .integerList, .integer64List, .realList, .stringList:
            warnings.append("\(file): field \(field.name): a Shapefile has no JSON type; written as JSON text")
            field.kind = .string
        case .binary:
            warnings.append("\(file): field \(field.name): a Shapefile has no binary type; written as base64 text")
            field.kind = .string
        default:
            break
        }
        switch field.kind {
        case .integer, .integer64:
            // DBF numbers of up to 9 digits read back as Integer, up to 18 as Integer64.
            if field.width == 0 || field.width < values.maximumDigits { field.width = values.maximumDigits }
            field.kind = field.width <= 9 ? .integer : .integer64
        case .real:
            if field.width == 0 { (field.width, field.precision) = (24, 15) }
        case .string:
            let longest = max(values.maximumBytes, field.kind == .string && values.strings < values.values ? 24 : 0)
            if longest > 254 {
                warnings.append("\(file): field \(field.name): text longer than 254 bytes, a Shapefile's limit, is cut to 254")
            }
            field.width = min(254, max(field.width, longest, 1))
        default:
            break
        }
    }

    /// DBF field names hold 10 bytes: longer ones are cut, and numbered
    /// where two would meet (ignoring case, as DBF readers do).
    private mutating func shortenNames(file: String) {
        var taken = Set<String>()
        var renamed: [String] = []
        for field in fields where field.name.utf8.count <= 10 { taken.insert(field.name.lowercased()) }
        for index in fields.indices where fields[index].name.utf8.count > 10 {
            let original = fields[index].name
            var candidate = Self.prefix(original, bytes: 10)
            var number = 1
            while taken.contains(candidate.lowercased()) {
                let suffix = "_\(number)"
                candidate = Self.prefix(original, bytes: 10 - suffix.utf8.count) + suffix
                number += 1
            }
            taken.insert(candidate.lowercased())
            fields[index].name = candidate
            renamed.append("\(original) -> \(candidate)")
        }
        if !renamed.isEmpty {
            warnings.append("\(file): field names longer than 10 characters shortened for the Shapefile: \(renamed.joined(separator: ", "))")
        }
    }

    /// The longest prefix of whole characters within `bytes` UTF-8 bytes.
    private static func prefix(_ text: String, bytes: Int) -> String {
        var result = ""
        var used = 0
        for character in text {
            let size = String(character).utf8.count
            guard used + size <= bytes else { break }
            result.append(character)
            used += size
        }
        return result
    }
}
