import CGDAL
import Foundation
import Geo

/// Writes a layer as GeoPackage, FlatGeobuf, Shapefile or another format
/// a GDAL driver creates (`WritableFormat`), or as a PostGIS table.
///
/// Features are kept until `finish()`, which plans the layer from all of
/// them (`WriterPlan`: one geometry type or a mixed one, field types from
/// the values and the reader's hints, ids as the GeoPackage FID or an `id`
/// field).
///
/// - A file is written into a temporary folder beside the destination and
///   renamed into place, every sidecar of a Shapefile included (`.shx`,
///   `.dbf`, `.prj`, and a `.cpg` saying UTF-8). A failed run leaves the
///   old files as they were. FlatGeobuf files get a spatial index, so
///   their features come in the index's order.
/// - A GeoPackage (an SQLite file) that exists keeps its other layers: it is copied into
///   the temporary folder, the layer is added there (or replaced, or with
///   `append` added to), and the copy renamed over the file.
/// - A PostGIS table is created or replaced (with `append`, added to) in
///   one database transaction, when the command's `OutputTransaction`
///   ends: a failed run leaves the table as it was.
public final class GDALWriter {
    public struct Options {
        /// The CRS of the features' coordinates, recorded in the file.
        public var crs: CRS
        /// Field types to keep where the values fit them (from `GDALReader`).
        public var fields: [FieldDefinition]
        /// The layer's (or table's) name; the file's name without extension
        /// by default. A database needs one.
        public var layerName: String?
        /// Add the features to the layer or table when it exists, instead
        /// of replacing it (GeoPackage and PostGIS).
        public var append: Bool
        /// Hears what had to change on the way (names shortened, types
        /// the format lacks) and GDAL's own warnings.
        public var onWarning: ((String) -> Void)?

        public init(crs: CRS = .wgs84, fields: [FieldDefinition] = [], layerName: String? = nil, append: Bool = false,
                    onWarning: ((String) -> Void)? = nil) {
            self.crs = crs
            self.fields = fields
            self.layerName = layerName
            self.append = append
            self.onWarning = onWarning
        }
    }

    public let path: String
    public let format: WritableFormat
    public let options: Options
    private var features: [Feature] = []
    /// Nil for a database.
    private let destination: OutputDestination?
    /// The folder of the file written: the target's, for a link.
    private let folder: String
    private let stem: String
    /// Nil for a database.
    private let temporaryFolder: String?
    private let layerName: String
    private var finished = false

    /// `format` nil: by the extension of `path` (`.gpkg`, `.fgb`, `.shp`,
    /// or another GDAL driver's), or `PG:` for PostGIS.
    public init(path: String, format: WritableFormat? = nil, options: Options = Options()) throws(WriteError) {
        guard let format = format ?? (GDALName.isPostgreSQL(path) ? .postgreSQL : WritableFormat(path: path)) else {
            throw WriteError(file: path, message: "not a format Territorio writes: use \(WritableFormat.writableExtensions)")
        }
        self.path = path
        self.format = format
        self.options = options
        if format == .postgreSQL {
            guard let name = options.layerName ?? GDALName.table(in: path), !name.isEmpty else {
                throw WriteError(file: path, message: "names no table: give one with --layer-name NAME (or tables=NAME in the connection string)")
            }
            destination = nil
            folder = ""
            stem = name
            temporaryFolder = nil
            layerName = name
            return
        }
        if options.append && format != .geoPackage {
            throw WriteError(file: path, message: "--append adds to a GeoPackage layer or a PostGIS table; a \(format.name) is written whole")
        }
        let destination = OutputDestination(path)
        self.destination = destination
        let target: String
        switch destination {
        case .file(let file):
            target = file
        case .folder:
            throw WriteError(file: path, message: "is a folder: name a file to write")
        case .standardOutput, .descriptor, .stream:
            guard !format.isSeveralFiles else {
                throw WriteError(file: path, message: "a \(format.name) is several files and cannot be written to a device or FIFO: name a file")
            }
            target = path
        }
        folder = TemporaryName.folder(of: target)
        let name = URL(fileURLWithPath: target).lastPathComponent
        stem = name.lowercased().hasSuffix("." + format.fileExtension) ? String(name.dropLast(format.fileExtension.count + 1)) : name
        layerName = options.layerName ?? stem
        if destination.isStream {
            // Made whole in the temporary folder, then copied through.
            temporaryFolder = try TemporaryFiles.makeFolder(beside: target, in: FileManager.default.temporaryDirectory.path, for: path)
        } else {
            TemporaryName.removeLeftovers(of: target)
            temporaryFolder = try TemporaryFiles.makeFolder(beside: target, for: path)
        }
    }

    deinit {
        if !finished { abandon() }
    }

    public func write(_ feature: Feature) throws(WriteError) {
        features.append(feature)
    }

    public func write<S: Sequence>(contentsOf features: S) throws(WriteError) where S.Element == Feature {
        self.features.append(contentsOf: features)
    }

    /// Writes the file and moves it into place, or writes the table (when
    /// the open `OutputTransaction` ends, if any).
    public func finish() throws(WriteError) {
        guard !finished else { return }
        let plan: WriterPlan
        do { plan = try WriterPlan(features: features, format: format, hints: options.fields, file: path) } catch {
            abandon()
            throw error
        }
        for warning in plan.warnings { options.onWarning?(warning) }
        guard let temporaryFolder, let destination else {
            finished = true
            try OutputTransaction.stage(place: { () throws(WriteError) in
                defer { self.features = [] }
                try self.writeTable(plan)
            }, drop: { self.features = [] })
            return
        }
        var staged = false
        defer { if !staged { abandon() } }
        let messages = GDALMessages()
        let written = "\(temporaryFolder)/\(stem).\(format.fileExtension)"
        // A GeoPackage that exists keeps its other layers: the layer goes
        // into a copy of it.
        var update = false
        if format == .geoPackage, case .file(let target) = destination, Self.isSQLite(target) {
            do { try FileManager.default.copyItem(atPath: target, toPath: written) } catch {
                throw WriteError(file: path, message: "cannot copy the GeoPackage to add the layer to it: \(error.localizedDescription)")
            }
            update = true
        }
        try messages.capture { () throws(WriteError) in
            try write(plan, to: written, update: update, messages: messages)
        }
        for warning in messages.warningLines { options.onWarning?("\(path): \(warning)") }
        features = []
        finished = true
        staged = true
        try OutputTransaction.stage(place: { () throws(WriteError) in
            try TemporaryFiles.settle(temporaryFolder) { () throws(WriteError) in
                defer { try? FileManager.default.removeItem(atPath: temporaryFolder) }
                if destination.isStream { try self.copyThrough(written) } else { try self.moveIntoPlace(from: temporaryFolder) }
            }
        }, drop: { TemporaryFiles.remove(temporaryFolder) })
    }

    /// Drops the output: the destination keeps what it had.
    public func abandon() {
        guard !finished else { return }
        finished = true
        if let temporaryFolder { TemporaryFiles.remove(temporaryFolder) }
    }

    /// The file starts as an SQLite database does, as a GeoPackage must.
    /// Any other file at the destination is replaced whole, as every
    /// format's is; a GeoPackage GDAL cannot open is an error, not lost.
    private static func isSQLite(_ file: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: file) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 16)) == Data("SQLite format 3\u{0}".utf8)
    }

    // MARK: Writing

    private func failure(_ what: String, _ messages: GDALMessages) -> WriteError {
        WriteError(file: path, message: "\(what): \(messages.failure(or: "GDAL gave no reason"))")
    }

    /// A new file, or (`update`) the copy of an existing GeoPackage.
    private func write(_ plan: WriterPlan, to file: String, update: Bool, messages: GDALMessages) throws(WriteError) {
        guard let driver = GDALGetDriverByName(format.driver) else {
            throw WriteError(file: path, message: "this GDAL has no \(format.driver) driver")
        }
        // GDAL 3.6 fills a GeoPackage's spatial index when the file closes,
        // from SQLite's page cache: a larger one saves a quarter of that time
        // on big layers (it grows only as needed).
        if format == .geoPackage { CPLSetThreadLocalConfigOption("OGR_SQLITE_CACHE", "256") }
        defer { if format == .geoPackage { CPLSetThreadLocalConfigOption("OGR_SQLITE_CACHE", nil) } }
        messages.clearFailures()
        let opened: GDALDatasetH?
        if update {
            let flags = UInt32(GDAL_OF_VECTOR | GDAL_OF_UPDATE | GDAL_OF_VERBOSE_ERROR)
            opened = withCStringList([format.driver]) { GDALOpenEx(file, flags, constList($0), nil, nil) }
            guard opened != nil else {
                throw WriteError(file: path, message: "exists and is not a GeoPackage GDAL can add a layer to: remove it or name another file")
            }
        } else {
            opened = GDALCreate(driver, file, 0, 0, 0, GDT_Unknown, nil)
        }
        guard let dataset = opened else { throw failure("cannot create the file", messages) }
        var closed = false
        defer { if !closed { GDALClose(dataset) } }
        let before = try fill(dataset, plan, transactionFirst: false, messages: messages)
        messages.clearFailures()
        GDALClose(dataset)
        closed = true
        guard messages.failures.isEmpty else { throw failure("cannot finish the file", messages) }
        try verify(file, expected: before + features.count, messages: messages)
    }

    /// The PostGIS table, in one transaction: replaced (or added to) whole,
    /// or left as it was.
    private func writeTable(_ plan: WriterPlan) throws(WriteError) {
        let messages = GDALMessages()
        try messages.capture { () throws(WriteError) in
            messages.clearFailures()
            let flags = UInt32(GDAL_OF_VECTOR | GDAL_OF_UPDATE | GDAL_OF_VERBOSE_ERROR)
            // Without tables=: a table of another name can be made.
            let connection = GDALName.database(of: path)
            let opened = withCStringList([format.driver]) { GDALOpenEx(connection, flags, constList($0), nil, nil) }
            guard let dataset = opened else { throw failure("cannot open the database", messages) }
            var closed = false
            defer { if !closed { GDALClose(dataset) } }
            let before = try fill(dataset, plan, transactionFirst: true, messages: messages)
            messages.clearFailures()
            GDALClose(dataset)
            closed = true
            guard messages.failures.isEmpty else { throw failure("cannot finish the table", messages) }
            try verify(connection, expected: before + features.count, messages: messages)
        }
        for warning in messages.warningLines { options.onWarning?("\(path): \(warning)") }
    }

    /// The layer named `layerName` in `dataset`, by exact name.
    private func existingLayer(_ dataset: GDALDatasetH) -> (index: Int32, layer: OGRLayerH)? {
        for index in 0..<GDALDatasetGetLayerCount(dataset) {
            if let layer = GDALDatasetGetLayer(dataset, index), String(cString: OGR_L_GetName(layer)) == layerName {
                return (index, layer)
            }
        }
        return nil
    }

    /// Makes (or replaces, or with `append` finds) the layer and writes the
    /// features into it; the count of features it held before. A database
    /// starts its transaction first, so a replaced table comes back on failure.
    private func fill(_ dataset: GDALDatasetH, _ plan: WriterPlan, transactionFirst: Bool,
                      messages: GDALMessages) throws(WriteError) -> Int {
        var transaction = false
        if transactionFirst {
            guard GDALDatasetStartTransaction(dataset, 0) == OGRERR_NONE else { throw failure("cannot start a transaction", messages) }
            transaction = true
        }
        var committed = false
        defer { if transaction && !committed { GDALDatasetRollbackTransaction(dataset) } }

        let reference = SpatialReference.make(options.crs)
        defer { if let reference { OSRRelease(reference) } }
        if reference == nil {
            options.onWarning?("\(path): GDAL does not understand the CRS \(options.crs); the file is written without one")
        }
        var layer: OGRLayerH?
        var before = 0
        if let existing = existingLayer(dataset) {
            if options.append {
                layer = existing.layer
                before = Int(OGR_L_GetFeatureCount(existing.layer, 1))
                if let theirs = OGR_L_GetSpatialRef(existing.layer), let reference, OSRIsSame(theirs, reference) == 0 {
                    let crs = SpatialReference.crs(of: theirs).map { "\($0)" } ?? "another CRS"
                    throw WriteError(file: path, message: "--append: the layer \(layerName) is in \(crs), the features in \(options.crs): reproject them (--to) or write another layer")
                }
            } else {
                messages.clearFailures()
                guard GDALDatasetDeleteLayer(dataset, existing.index) == OGRERR_NONE else {
                    throw failure("cannot replace the layer \(layerName)", messages)
                }
            }
        }
        var fieldIndexes: [Int32] = []
        if let layer {
            let definition = OGR_L_GetLayerDefn(layer)
            for field in plan.fields {
                let index = OGR_FD_GetFieldIndex(definition, field.name)
                guard index >= 0 else {
                    let present = (0..<OGR_FD_GetFieldCount(definition)).map { String(cString: OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, $0))) }
                    throw WriteError(file: path, message: "--append: the layer \(layerName) has no field '\(field.name)'; its fields: \(present.joined(separator: ", "))")
                }
                fieldIndexes.append(index)
            }
        } else {
            layer = try createLayer(dataset, plan, reference: reference, messages: messages)
            fieldIndexes = plan.fields.indices.map { Int32($0) }
        }
        guard let layer else { throw failure("cannot create the layer", messages) }
        let definition = OGR_L_GetLayerDefn(layer)

        if !transaction { transaction = GDALDatasetStartTransaction(dataset, 0) == OGRERR_NONE }
        messages.clearFailures()
        var wkb = WKBWriter(capacity: 1 << 16)
        for (index, feature) in features.enumerated() {
            guard let handle = OGR_F_Create(definition) else { throw failure("cannot make feature \(index)", messages) }
            defer { OGR_F_Destroy(handle) }
            func located(_ what: String) -> WriteError {
                let location = FeatureLocation(file: path, index: index, id: feature.id)
                return WriteError(file: location.description, message: "\(what): \(messages.failure(or: "GDAL gave no reason"))")
            }
            if case .fid = plan.ids, case .number(let number)? = feature.id, let fid = Int64(number.literal) {
                OGR_F_SetFID(handle, fid)
            }
            for (field, planned) in plan.fields.enumerated() {
                let value: JSONValue?
                switch planned.source {
                case .id: value = feature.id.map { id in
                    switch id {
                    case .string(let string): .string(string)
                    case .number(let number): .number(number)
                    }
                }
                case .property(let key): value = feature.properties[key]
                }
                guard let value else { continue }
                try set(value, of: planned, at: fieldIndexes[field], in: handle, error: located)
            }
            if let shape = feature.geometry {
                wkb.reset()
                wkb.write(shape)
                var geometry: OGRGeometryH?
                let result = wkb.bytes.withUnsafeBytes { OGR_G_CreateFromWkbEx($0.baseAddress, nil, &geometry, $0.count) }
                guard result == OGRERR_NONE, let geometry else { throw located("GDAL cannot take its geometry") }
                OGR_F_SetGeometryDirectly(handle, geometry)
            }
            guard OGR_L_CreateFeature(layer, handle) == OGRERR_NONE else { throw located("GDAL cannot write it") }
        }
        if transaction {
            guard GDALDatasetCommitTransaction(dataset) == OGRERR_NONE else { throw failure("cannot commit the features", messages) }
            committed = true
        }
        return before
    }

    private func createLayer(_ dataset: GDALDatasetH, _ plan: WriterPlan, reference: OGRSpatialReferenceH?,
                             messages: GDALMessages) throws(WriteError) -> OGRLayerH {
        var creation = format.layerOptions
        if format == .geoPackage { creation = ["FID=\(plan.fidColumn)"] }
        var geometryType = OGRwkbGeometryType(UInt32(plan.geometry.rawValue))
        if plan.hasZ && plan.geometry != .none { geometryType = OGR_GT_SetZ(geometryType) }
        messages.clearFailures()
        let created = withCStringList(creation) { list in
            GDALDatasetCreateLayer(dataset, layerName, reference, geometryType, list)
        }
        guard let layer = created else { throw failure("cannot create the layer", messages) }
        for field in plan.fields {
            let (type, subtype) = field.kind.ogrType
            let definition = OGR_Fld_Create(field.name, type)
            OGR_Fld_SetSubType(definition, subtype)
            OGR_Fld_SetWidth(definition, Int32(field.width))
            OGR_Fld_SetPrecision(definition, Int32(field.precision))
            let result = OGR_L_CreateField(layer, definition, 0)
            OGR_Fld_Destroy(definition)
            guard result == OGRERR_NONE else { throw failure("cannot create the field \(field.name)", messages) }
        }
        let definition = OGR_L_GetLayerDefn(layer)
        guard OGR_FD_GetFieldCount(definition) == Int32(plan.fields.count) else {
            throw WriteError(file: path, message: "GDAL made \(OGR_FD_GetFieldCount(definition)) fields of the \(plan.fields.count) asked for")
        }
        return layer
    }

    /// Opens what was written and counts the layer's features: nothing may
    /// have been dropped on the way.
    private func verify(_ file: String, expected: Int, messages: GDALMessages) throws(WriteError) {
        let flags = UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR)
        messages.clearFailures()
        guard let dataset = GDALOpenEx(file, flags, nil, nil, nil) else {
            throw WriteError(file: path, message: "what was written cannot be opened again: \(messages.failure(or: "GDAL gave no reason"))")
        }
        defer { GDALClose(dataset) }
        let layer = existingLayer(dataset)?.layer ?? (GDALDatasetGetLayerCount(dataset) == 1 ? GDALDatasetGetLayer(dataset, 0) : nil)
        let count = layer.map { Int(OGR_L_GetFeatureCount($0, 1)) } ?? -1
        guard count == expected else {
            throw WriteError(file: path, message: "GDAL wrote \(count) features of \(expected)")
        }
    }

    private func set(_ value: JSONValue, of field: WriterPlan.Field, at index: Int32, in handle: OGRFeatureH,
                     error: (String) -> WriteError) throws(WriteError) {
        if case .null = value {
            OGR_F_SetFieldNull(handle, index)
            return
        }
        switch (field.kind, value) {
        case (.integer, .number(let number)), (.integer64, .number(let number)):
            guard let integer = Int64(number.literal) else { throw error("\(field.name): \(number) is not an integer") }
            OGR_F_SetFieldInteger64(handle, index, integer)
        case (.integer, .bool(let flag)), (.integer64, .bool(let flag)), (.boolean, .bool(let flag)):
            OGR_F_SetFieldInteger(handle, index, flag ? 1 : 0)
        case (.real, .number(let number)):
            OGR_F_SetFieldDouble(handle, index, number.value)
        case (.binary, .string(let text)):
            guard let data = Data(base64Encoded: text) else { throw error("\(field.name): not base64 text") }
            data.withUnsafeBytes { OGR_F_SetFieldBinary(handle, index, Int32($0.count), $0.baseAddress) }
        case (.json, _):
            OGR_F_SetFieldString(handle, index, value.jsonText)
        case (.date, .string(let text)), (.time, .string(let text)), (.dateTime, .string(let text)):
            OGR_F_SetFieldString(handle, index, text)
            guard OGR_F_IsFieldSetAndNotNull(handle, index) != 0 else {
                throw error("\(field.name): '\(text)' is not a date GDAL reads")
            }
            if format == .geoPackage, field.kind == .dateTime { Self.toUTC(handle, index) }
        case (_, .string(let text)):
            OGR_F_SetFieldString(handle, index, text)
        case (_, .array), (_, .object):
            OGR_F_SetFieldString(handle, index, value.jsonText)
        default:
            OGR_F_SetFieldString(handle, index, value.text)
        }
    }

    /// A GeoPackage holds date-times in UTC (GDAL 3.6 writes offsets as given).
    private static func toUTC(_ handle: OGRFeatureH, _ index: Int32) {
        var year: Int32 = 0, month: Int32 = 0, day: Int32 = 0, hour: Int32 = 0, minute: Int32 = 0, zone: Int32 = 0
        var second: Float = 0
        guard OGR_F_GetFieldAsDateTimeEx(handle, index, &year, &month, &day, &hour, &minute, &second, &zone) != 0,
              zone > 1, zone != 100 else { return }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: Int(zone - 100) * 15 * 60)!
        let whole = second.rounded(.down)
        guard let instant = calendar.date(from: DateComponents(year: Int(year), month: Int(month), day: Int(day), hour: Int(hour),
                                                               minute: Int(minute), second: Int(whole))) else { return }
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let utc = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        OGR_F_SetFieldDateTimeEx(handle, index, Int32(utc.year!), Int32(utc.month!), Int32(utc.day!), Int32(utc.hour!),
                                 Int32(utc.minute!), Float(utc.second!) + (second - whole), 100)
    }

    // MARK: Into place

    /// Renames every file GDAL made to the destination's name, the main
    /// file last; a Shapefile's stale sidecars (an old index, `.cpg`,
    /// `.prj`) that were not written again are removed first. Each file
    /// gets the old file's permissions, or 0666 less the umask.
    ///
    /// A format of several files is moved under an exclusive lock on the
    /// folder (flock, held until every file is in place): two runs writing
    /// the same Shapefile each move their whole set in turn, so the result
    /// is one run's `.shp`, `.shx` and `.dbf`, never a mix of both.
    private func moveIntoPlace(from temporaryFolder: String) throws(WriteError) {
        let manager = FileManager.default
        let made = ((try? manager.contentsOfDirectory(atPath: temporaryFolder)) ?? []).filter { $0.hasPrefix(stem + ".") }
        let main = "\(stem).\(format.fileExtension)"
        let finalTarget: String
        if case .file(let file)? = destination { finalTarget = file } else { finalTarget = "\(folder)/\(main)" }
        let mode = OutputDestination.mode(for: finalTarget)
        var lock: Int32 = -1
        if format.isSeveralFiles {
            lock = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if lock >= 0 { while flock(lock, LOCK_EX) != 0 && errno == EINTR {} }
        }
        defer { if lock >= 0 { close(lock) } }
        if format == .shapefile {
            let suffixes = Set(made.map { String($0.dropFirst(stem.count + 1)).lowercased() })
            for stale in ["cpg", "prj", "qix", "sbn", "sbx", "qpj", "shp.xml"] where !suffixes.contains(stale) {
                let old = "\(folder)/\(stem).\(stale)"
                if manager.fileExists(atPath: old) { try? manager.removeItem(atPath: old) }
            }
        }
        for name in made.filter({ $0 != main }) + made.filter({ $0 == main }) {
            let source = "\(temporaryFolder)/\(name)"
            let destination = name == main ? finalTarget : "\(folder)/\(stem).\(name.dropFirst(stem.count + 1))"
            chmod(source, mode)
            let descriptor = open(source, O_RDONLY)
            if descriptor >= 0 {
                _ = fsync(descriptor)
                close(descriptor)
            }
            guard rename(source, destination) == 0 else {
                throw WriteError(file: path, message: "cannot move \(name) into place: \(String(cString: strerror(errno)))")
            }
        }
        TemporaryName.syncFolder(of: finalTarget)
    }

    /// Sends the finished file through a stream destination (a FIFO, a
    /// device, standard output).
    private func copyThrough(_ written: String) throws(WriteError) {
        let output = try OutputFile(path: path)
        guard let input = FileHandle(forReadingAtPath: written) else {
            throw WriteError(file: path, message: "cannot read back the file GDAL wrote")
        }
        defer { try? input.close() }
        while true {
            let chunk: Data
            do { chunk = try input.read(upToCount: 1 << 20) ?? Data() } catch {
                throw WriteError(file: path, message: "cannot read back the file GDAL wrote: \(error.localizedDescription)")
            }
            if chunk.isEmpty { break }
            let result = chunk.withUnsafeBytes { buffer in Result { () throws(WriteError) in try output.write(buffer) } }
            try result.get()
        }
        try output.commit()
    }
}
