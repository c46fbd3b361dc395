import CGDAL
import Foundation
import Geo

/// Reads one layer of any vector format GDAL opens (Shapefile,
/// GeoPackage, FlatGeobuf, KML, OpenStreetMap, ...) into a `Layer`.
///
/// - Geometry: points and lines are copied straight from GDAL's
///   coordinates, everything else through ISO WKB; curves are approximated
///   by line segments and M values dropped, both with a warning.
/// - Fields, in the layer's order: integers and reals become numbers (a
///   real keeps a fraction, `5.0`, so a writer can tell it from an
///   integer), booleans booleans, JSON fields JSON values, dates ISO 8601
///   text (`2018-04-17`, `2020-05-14T10:20:30Z`), binary base64 text,
///   lists arrays; a null or unset field is `null`.
/// - Id: the value of a field named exactly `id` (which then leaves the
///   properties, as GeoJSON keeps its id beside them), else GDAL's FID
///   where the format stores one (the FID column of a GeoPackage or
///   database, OpenStreetMap's element ids), else none: a Shapefile's or
///   FlatGeobuf's FID is only the record number.
/// - Text: GDAL recodes what the file declares (a Shapefile's `.cpg`, else
///   its DBF language id) to UTF-8; text that is still not valid UTF-8 is
///   read with replacement characters and a warning, never dropped.
public enum GDALReader {
    public struct Options {
        /// The layer to read; nil when the file holds only one.
        public var layer: String?
        /// A GDAL driver short name (`GPKG`, `ESRI Shapefile`, ...) instead
        /// of letting GDAL recognise the file.
        public var driver: String?
        /// An OGR SQL WHERE clause.
        public var attributeFilter: String?
        /// The text encoding of a format that has an `ENCODING` open
        /// option (Shapefile, DBF), overriding what it declares.
        public var encoding: String?
        /// OpenStreetMap files: read roads, the `lines` layer's features
        /// that have a `highway` tag, unless another layer is named.
        public var osmRoads = false
        /// The CRS the caller will impose; no warning for a layer that
        /// declares none.
        public var crs: CRS?
        /// Hears the count of features read every 10,000 features.
        public var progress: ((Int) -> Void)?

        public init(layer: String? = nil, driver: String? = nil, attributeFilter: String? = nil, encoding: String? = nil,
                    osmRoads: Bool = false, crs: CRS? = nil, progress: ((Int) -> Void)? = nil) {
            self.layer = layer
            self.driver = driver
            self.attributeFilter = attributeFilter
            self.encoding = encoding
            self.osmRoads = osmRoads
            self.crs = crs
            self.progress = progress
        }
    }

    public struct Contents: Sendable {
        public var layer: Layer
        public var fields: [FieldDefinition]
        /// For people: encoding trouble, curves approximated, GDAL's own warnings.
        public var warnings: [String]
        public var driver: String
        public var layerName: String
    }

    public static func read(path: String, options: Options = Options()) throws(ReadError) -> Contents {
        let messages = GDALMessages()
        return try messages.capture { () throws(ReadError) -> Contents in
            var warnings: [String] = []
            let dataset = try open(path, options, messages: messages, warnings: &warnings)
            var reader = try LayerReader(dataset: dataset, options: options, messages: messages)
            var contents = try reader.read()
            contents.warnings = warnings + contents.warnings + messages.warningLines.map { "\(path): \($0)" }
            return contents
        }
    }

    /// The GDAL release linked, e.g. `3.6.2`.
    public static var gdalVersion: String { GDAL.version }

    /// The names of the file's layers, in order.
    public static func layerNames(path: String, driver: String? = nil) throws(ReadError) -> [String] {
        let messages = GDALMessages()
        return try messages.capture { () throws(ReadError) -> [String] in
            try VectorDataset(path: path, driver: driver, messages: messages).layerNames
        }
    }

    private static func open(_ path: String, _ options: Options, messages: GDALMessages,
                             warnings: inout [String]) throws(ReadError) -> VectorDataset {
        var openOptions: [String] = []
        if let encoding = options.encoding {
            let driver = withCStringList(options.driver.map { [$0] } ?? []) { drivers in
                GDALIdentifyDriverEx(path, UInt32(GDAL_OF_VECTOR), constList(drivers), nil)
            }
            let list = driver.flatMap { GDALGetMetadataItem($0, GDAL_DMD_OPENOPTIONLIST, nil) }.map { String(cString: $0) } ?? ""
            if list.contains("name='ENCODING'") {
                openOptions.append("ENCODING=\(encoding)")
            } else {
                warnings.append("--encoding is ignored: this format does not take an encoding (it applies to Shapefiles and DBF)")
            }
        }
        return try VectorDataset(path: path, driver: options.driver, openOptions: openOptions, messages: messages)
    }
}

/// The reading of one layer: the plan made once from the layer's
/// definition, then one pass over its features.
private struct LayerReader {
    enum IDSource {
        case field(Int32)
        case fid
        case none
    }

    struct Field {
        let index: Int32
        let key: String
        let kind: FieldDefinition.Kind
    }

    let dataset: VectorDataset
    let layer: OGRLayerH
    let name: String
    let options: GDALReader.Options
    let messages: GDALMessages
    /// What messages call the source: `file.gpkg:layer` when one was named.
    let file: String
    var fields: [Field] = []
    var definitions: [FieldDefinition] = []
    var idSource = IDSource.none
    let stringsAreUTF8: Bool

    var invalidText = 0
    var firstInvalidText: (feature: Int, field: String)?
    var curves = 0
    var measured = false
    var unreadableJSON = 0
    var wkb: [UInt8] = []

    init(dataset: VectorDataset, options: GDALReader.Options, messages: GDALMessages) throws(ReadError) {
        self.dataset = dataset
        self.options = options
        self.messages = messages
        let path = dataset.path
        let names = dataset.layerNames
        var layerName = options.layer
        var filter = options.attributeFilter
        if options.osmRoads && dataset.driverName == "OSM" {
            if layerName == nil { layerName = "lines" }
            if layerName == "lines" { filter = filter.map { "(\($0)) AND highway IS NOT NULL" } ?? "highway IS NOT NULL" }
        }
        file = options.layer.map { "\(path):\($0)" } ?? path
        if let layerName {
            guard let found = dataset.layer(named: layerName) else {
                throw ReadError(file: path, reason: .noLayerNamed(layerName, layers: names))
            }
            layer = found
        } else {
            guard !names.isEmpty, let first = dataset.layer(at: 0) else {
                throw ReadError(file: path, reason: .noVectorLayer)
            }
            guard names.count == 1 else {
                let shown = names.prefix(20).joined(separator: ", ") + (names.count > 20 ? ", ..." : "")
                throw ReadError(file: path, reason: .severalLayers(count: names.count, shown: shown, example: "\(path):\(names[0])"))
            }
            layer = first
        }
        name = String(cString: OGR_L_GetName(layer))
        if let filter {
            messages.clearFailures()
            guard OGR_L_SetAttributeFilter(layer, filter) == OGRERR_NONE else {
                throw ReadError(file: file, message: "bad filter '\(filter)': \(messages.failure(or: "GDAL refused it"))")
            }
        }
        stringsAreUTF8 = OGR_L_TestCapability(layer, OLCStringsAsUTF8) != 0
        planFields(hasFIDColumn: OGR_L_GetFIDColumn(layer).map { $0.pointee != 0 } ?? false, isOSM: dataset.driverName == "OSM")
    }

    private mutating func planFields(hasFIDColumn: Bool, isOSM: Bool) {
        let definition = OGR_L_GetLayerDefn(layer)
        for index in 0..<OGR_FD_GetFieldCount(definition) {
            guard let field = OGR_FD_GetFieldDefn(definition, index) else { continue }
            let key = String(cString: OGR_Fld_GetNameRef(field))
            let kind = FieldDefinition.Kind(OGR_Fld_GetType(field), OGR_Fld_GetSubType(field))
            if key == "id", case .none = idSource {
                idSource = .field(index)
                continue
            }
            fields.append(Field(index: index, key: key, kind: kind))
            definitions.append(FieldDefinition(name: key, kind: kind, width: Int(OGR_Fld_GetWidth(field)),
                                               precision: Int(OGR_Fld_GetPrecision(field))))
        }
        if case .none = idSource, hasFIDColumn || isOSM { idSource = .fid }
    }

    mutating func read() throws(ReadError) -> GDALReader.Contents {
        var features: [Feature] = []
        let counted = OGR_L_GetFeatureCount(layer, 0)
        if counted > 0 { features.reserveCapacity(Int(counted)) }
        var warnings: [String] = []
        let definition = OGR_L_GetLayerDefn(layer)
        if OGR_FD_GetGeomFieldCount(definition) > 1 {
            let others = (1..<OGR_FD_GetGeomFieldCount(definition)).map { String(cString: OGR_GFld_GetNameRef(OGR_FD_GetGeomFieldDefn(definition, $0))) }
            warnings.append("\(file): only the first geometry column is read; not read: \(others.joined(separator: ", "))")
        }
        var crs = SpatialReference.crs(of: OGR_L_GetSpatialRef(layer))
        if crs == nil {
            if options.crs == nil && OGR_FD_GetGeomFieldCount(definition) > 0 {
                warnings.append("\(file): declares no CRS (no .prj?); read as WGS 84 longitude/latitude. Give the right one with --s-crs")
            }
            crs = .wgs84
        }

        OGR_L_ResetReading(layer)
        messages.clearFailures()
        var index = 0
        while true {
            let next = OGR_L_GetNextFeature(layer)
            defer { if let next { OGR_F_Destroy(next) } }
            // A feature GDAL could not read whole is an error naming it, never skipped.
            if !messages.failures.isEmpty {
                throw ReadError(file: file, featureIndex: index, featureID: next.flatMap { try? feature($0, index: index).id },
                                message: "GDAL cannot read it: \(messages.failure(or: "unknown error"))")
            }
            guard let handle = next else { break }
            features.append(try feature(handle, index: index))
            index += 1
            if let progress = options.progress, index % 10_000 == 0 { progress(index) }
        }

        if invalidText > 0, let first = firstInvalidText {
            let declared = stringsAreUTF8 ? "after GDAL's recoding from what the file declares"
                : "and the file declares no encoding" + (dataset.driverName == "ESRI Shapefile" ? " (no .cpg)" : "")
            warnings.append("\(file): \(invalidText) text value(s) are not valid UTF-8 \(declared); read with replacement characters (first: feature \(first.feature), field \(first.field)). Name the encoding with --encoding (e.g. ISO-8859-1) or a .cpg file")
        }
        if curves > 0 {
            warnings.append("\(file): \(curves) curved geometr\(curves == 1 ? "y" : "ies") approximated by line segments")
        }
        if measured {
            warnings.append("\(file): M (measure) values dropped; x, y and z are kept")
        }
        if unreadableJSON > 0 {
            warnings.append("\(file): \(unreadableJSON) value(s) of JSON fields are not valid JSON; kept as text")
        }
        return GDALReader.Contents(layer: Layer(features: features, crs: crs ?? .wgs84), fields: definitions,
                                   warnings: warnings, driver: dataset.driverName, layerName: name)
    }

    private mutating func feature(_ handle: OGRFeatureH, index: Int) throws(ReadError) -> Feature {
        var id: FeatureID?
        switch idSource {
        case .field(let field):
            id = identifier(handle, field, featureIndex: index)
            if id == nil, OGR_L_GetFIDColumn(layer).map({ $0.pointee != 0 }) == true { id = fid(handle) }
        case .fid:
            id = fid(handle)
        case .none:
            break
        }
        var members: [JSONObject.Member] = []
        members.reserveCapacity(fields.count)
        for field in fields {
            members.append(JSONObject.Member(key: field.key, value: value(handle, field, featureIndex: index)))
        }
        var geometry: Shape?
        if let reference = OGR_F_GetGeometryRef(handle) {
            do {
                geometry = try shape(reference)
            } catch {
                throw ReadError(file: file, featureIndex: index, featureID: id, message: "its geometry cannot be read: \(error)")
            }
        }
        return Feature(id: id, geometry: geometry, properties: JSONObject(members))
    }

    private func fid(_ handle: OGRFeatureH) -> FeatureID? {
        let fid = OGR_F_GetFID(handle)
        return fid == OGRNullFID ? nil : .number(JSONNumber(Int(fid)))
    }

    private mutating func identifier(_ handle: OGRFeatureH, _ field: Int32, featureIndex: Int) -> FeatureID? {
        guard OGR_F_IsFieldSetAndNotNull(handle, field) != 0 else { return nil }
        let definition = OGR_F_GetFieldDefnRef(handle, field)
        switch OGR_Fld_GetType(definition) {
        case OFTInteger, OFTInteger64: return .number(JSONNumber(Int(OGR_F_GetFieldAsInteger64(handle, field))))
        case OFTReal: return .number(JSONNumber(real: OGR_F_GetFieldAsDouble(handle, field)))
        default: return .string(text(OGR_F_GetFieldAsString(handle, field), field: "id", featureIndex: featureIndex))
        }
    }

    // MARK: Fields

    private mutating func value(_ handle: OGRFeatureH, _ field: Field, featureIndex: Int) -> JSONValue {
        let index = field.index
        guard OGR_F_IsFieldSetAndNotNull(handle, index) != 0 else { return .null }
        switch field.kind {
        case .integer, .integer64:
            return .number(JSONNumber(Int(OGR_F_GetFieldAsInteger64(handle, index))))
        case .real:
            return .number(JSONNumber(real: OGR_F_GetFieldAsDouble(handle, index)))
        case .boolean:
            return .bool(OGR_F_GetFieldAsInteger64(handle, index) != 0)
        case .string:
            return .string(text(OGR_F_GetFieldAsString(handle, index), field: field.key, featureIndex: featureIndex))
        case .json:
            let string = text(OGR_F_GetFieldAsString(handle, index), field: field.key, featureIndex: featureIndex)
            if let parsed = try? JSONValue(parsingJSON: string) { return parsed }
            unreadableJSON += 1
            return .string(string)
        case .date, .time, .dateTime:
            return .string(dateText(handle, index, field.kind))
        case .binary:
            var count: Int32 = 0
            guard let bytes = OGR_F_GetFieldAsBinary(handle, index, &count) else { return .null }
            return .string(Data(bytes: bytes, count: Int(count)).base64EncodedString())
        case .integerList:
            var count: Int32 = 0
            guard let values = OGR_F_GetFieldAsIntegerList(handle, index, &count) else { return .array([]) }
            return .array((0..<Int(count)).map { .number(Int(values[$0])) })
        case .integer64List:
            var count: Int32 = 0
            guard let values = OGR_F_GetFieldAsInteger64List(handle, index, &count) else { return .array([]) }
            return .array((0..<Int(count)).map { .number(Int(values[$0])) })
        case .realList:
            var count: Int32 = 0
            guard let values = OGR_F_GetFieldAsDoubleList(handle, index, &count) else { return .array([]) }
            return .array((0..<Int(count)).map { .number(JSONNumber(real: values[$0])) })
        case .stringList:
            guard let list = OGR_F_GetFieldAsStringList(handle, index) else { return .array([]) }
            var values: [JSONValue] = []
            var position = 0
            while let item = list[position] {
                values.append(.string(text(item, field: field.key, featureIndex: featureIndex)))
                position += 1
            }
            return .array(values)
        }
    }

    /// GDAL's bytes as a String; invalid UTF-8 is repaired and counted.
    private mutating func text(_ pointer: UnsafePointer<CChar>?, field: String, featureIndex: Int) -> String {
        guard let pointer else { return "" }
        if let valid = String(validatingCString: pointer) { return valid }
        invalidText += 1
        if firstInvalidText == nil { firstInvalidText = (featureIndex, field) }
        let bytes = UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self)
        return String(decoding: UnsafeBufferPointer(start: bytes, count: strlen(pointer)), as: UTF8.self)
    }

    /// ISO 8601: `2018-04-17`, `10:20:30`, `2018-04-17T10:20:30.5+02:00`.
    private func dateText(_ handle: OGRFeatureH, _ index: Int32, _ kind: FieldDefinition.Kind) -> String {
        var year: Int32 = 0, month: Int32 = 0, day: Int32 = 0, hour: Int32 = 0, minute: Int32 = 0, zone: Int32 = 0
        var second: Float = 0
        guard OGR_F_GetFieldAsDateTimeEx(handle, index, &year, &month, &day, &hour, &minute, &second, &zone) != 0 else {
            return String(cString: OGR_F_GetFieldAsString(handle, index))
        }
        func padded(_ value: Int32, _ width: Int) -> String {
            let digits = String(abs(value))
            return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let date = padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
        if kind == .date { return date }
        var time = padded(hour, 2) + ":" + padded(minute, 2) + ":" + padded(Int32(second), 2)
        let milliseconds = Int32(((Double(second) - Double(Int32(second))) * 1000).rounded())
        if milliseconds > 0 { time += "." + padded(milliseconds, 3) }
        if kind == .time { return time }
        // GDAL's zone flag: 0 unknown, 1 local time, 100 UTC, 100 +/- n quarter hours.
        var suffix = ""
        if zone == 100 {
            suffix = "Z"
        } else if zone > 1 {
            let minutes = (zone - 100) * 15
            suffix = (minutes < 0 ? "-" : "+") + padded(abs(minutes) / 60, 2) + ":" + padded(abs(minutes) % 60, 2)
        }
        return date + "T" + time + suffix
    }

    // MARK: Geometry

    private mutating func shape(_ geometry: OGRGeometryH) throws -> Shape {
        let type = OGR_G_GetGeometryType(geometry)
        let flat = OGR_GT_Flatten(type)
        let hasZ = OGR_GT_HasZ(type) != 0
        if OGR_GT_HasM(type) != 0 { measured = true }
        if flat == wkbPoint {
            guard OGR_G_IsEmpty(geometry) == 0 else { return .point(nil) }
            return .point(Position(x: OGR_G_GetX(geometry, 0), y: OGR_G_GetY(geometry, 0), z: hasZ ? OGR_G_GetZ(geometry, 0) : nil))
        }
        if flat == wkbLineString {
            let count = Int(OGR_G_GetPointCount(geometry))
            let dimension = hasZ ? 3 : 2
            let values = [Double](unsafeUninitializedCapacity: count * dimension) { buffer, initialized in
                if count > 0, let base = buffer.baseAddress {
                    let stride = Int32(dimension * MemoryLayout<Double>.stride)
                    _ = OGR_G_GetPoints(geometry, base, stride, base + 1, stride, hasZ ? base + 2 : nil, stride)
                }
                initialized = count * dimension
            }
            return .lineString(CoordinateSequence(values: values, hasZ: hasZ))
        }
        if OGR_GT_IsNonLinear(type) != 0 {
            guard let linear = OGR_G_GetLinearGeometry(geometry, 0, nil) else {
                throw WKBReader.Failure(description: "GDAL cannot approximate the curve: \(messages.failure(or: "unknown error"))")
            }
            defer { OGR_G_DestroyGeometry(linear) }
            curves += 1
            return try shape(linear)
        }
        let size = OGR_G_WkbSizeEx(geometry)
        if wkb.count < size { wkb = [UInt8](repeating: 0, count: size) }
        let exported = wkb.withUnsafeMutableBufferPointer { OGR_G_ExportToIsoWkb(geometry, wkbNDR, $0.baseAddress) }
        guard exported == OGRERR_NONE else {
            throw WKBReader.Failure(description: "GDAL cannot export it as WKB: \(messages.failure(or: "unknown error"))")
        }
        return try wkb.withUnsafeBytes { buffer throws(WKBReader.Failure) in
            try WKBReader.shape(UnsafeRawBufferPointer(rebasing: buffer[0..<size])).shape
        }
    }
}
