/// Reads GeoJSON one feature at a time: a FeatureCollection, a single
/// Feature, a bare geometry, or a GeoJSON text sequence (RFC 8142, record
/// separators or one text per line), from a file or standard input.
///
///     let reader = try GeoJSONReader(path: "parishes.geojson")
///     while let feature = try reader.next() { ... }
public final class GeoJSONReader {
    private var parser: GeoJSONParser
    public private(set) var featuresRead = 0
    /// Features that gave a property key more than once (the last value
    /// is kept), in the order read.
    public private(set) var repeatedKeys: [RepeatedKeys] = []

    public struct RepeatedKeys: Sendable, Hashable {
        /// The feature's position in the file, from 0.
        public let index: Int
        public let id: FeatureID?
        public let keys: [String]
    }

    /// `path` "-" reads standard input.
    public init(path: String) throws(ReadError) {
        parser = GeoJSONParser(input: try ByteInput(path: path))
    }

    public init(bytes: [UInt8], name: String = "<memory>") {
        parser = GeoJSONParser(input: ByteInput(bytes: bytes, name: name))
    }

    /// Reads `bytes` `chunkSize` at a time (1 MB otherwise), so that tests
    /// and fuzzers put chunk boundaries inside every token.
    @_spi(Testing)
    public init(bytes: [UInt8], name: String = "<memory>", chunkSize: Int) {
        parser = GeoJSONParser(input: ByteInput(bytes: bytes, name: name), chunkSize: chunkSize)
    }

    deinit {
        parser.scanner.deallocate()
    }

    /// The CRS the file declares in a GeoJSON 2008 `crs` member, else WGS 84
    /// as RFC 7946 says. Known once the member has been read, which in
    /// files written by QGIS, ogr2ogr and Territorio is before any feature.
    public var crs: CRS { parser.crs ?? .wgs84 }

    public var name: String { parser.scanner.input.name }

    public func next() throws(ReadError) -> Feature? {
        let feature = try parser.nextFeature()
        let repeated = parser.takeRepeatedKeys()
        if let feature {
            if !repeated.isEmpty { repeatedKeys.append(RepeatedKeys(index: featuresRead, id: feature.id, keys: repeated)) }
            featuresRead += 1
        }
        return feature
    }
}

extension Layer {
    /// Reads a whole GeoJSON file ("-" for standard input). `progress`
    /// hears the count of features read every 10,000 features.
    /// A large collection written one feature a line is read on every
    /// core (`GeoJSONPieces`; the same layer, and `progress` hears the
    /// count once at the end); anything else, one feature at a time.
    public static func readGeoJSON(path: String, progress: ((Int) -> Void)? = nil) throws(ReadError) -> Layer {
        if let layer = GeoJSONPieces.read(path: path, workers: Parallelism.workers) {
            progress?(layer.count)
            return layer
        }
        return try readGeoJSON(GeoJSONReader(path: path), progress: progress)
    }

    public static func readGeoJSON(bytes: [UInt8], name: String = "<memory>") throws(ReadError) -> Layer {
        try readGeoJSON(GeoJSONReader(bytes: bytes, name: name))
    }

    @_spi(Testing)
    public static func readGeoJSON(bytes: [UInt8], name: String = "<memory>", chunkSize: Int) throws(ReadError) -> Layer {
        try readGeoJSON(GeoJSONReader(bytes: bytes, name: name, chunkSize: chunkSize))
    }

    /// Reads every feature `reader` has left.
    public static func readGeoJSON(_ reader: GeoJSONReader, progress: ((Int) -> Void)? = nil) throws(ReadError) -> Layer {
        var features: [Feature] = []
        while let feature = try reader.next() {
            features.append(feature)
            if let progress, features.count % 10_000 == 0 { progress(features.count) }
        }
        return Layer(features: features, crs: reader.crs)
    }
}

extension JSONValue {
    /// Parses one JSON text (a JSON field of another format), numbers
    /// keeping their literals. `name` says where it came from in errors.
    public init(parsingJSON text: String, name: String = "<json>") throws(ReadError) {
        try self.init(parsingJSON: Array(text.utf8), name: name)
    }

    /// Parses the bytes of one JSON text (a spec file: a byte order mark
    /// is skipped), refusing what the GeoJSON reader refuses: invalid
    /// UTF-8, NaN, numbers out of range, nesting deeper than 256 levels.
    /// Errors name `name`, the line and the column.
    public init(parsingJSON bytes: [UInt8], name: String) throws(ReadError) {
        var scanner = JSONScanner(input: ByteInput(bytes: bytes, name: name))
        defer { scanner.deallocate() }
        try scanner.skipByteOrderMark()
        let value = try scanner.readValue()
        guard try !scanner.skipToNextText() else { throw scanner.error("unexpected text after the JSON value") }
        self = value
    }
}
