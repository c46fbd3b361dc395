/// Writes features as RFC 7946 GeoJSON: one feature per line inside a
/// FeatureCollection (or one text per feature with `textSequence`),
/// coordinates at a fixed precision, exterior rings counter-clockwise,
/// members in a fixed order. The file appears only on `finish()`.
public final class GeoJSONWriter {
    public struct Options: Sendable {
        /// Decimal places of coordinates: 7 is about 1 cm in degrees.
        public var precision: Int = 7
        /// RFC 8142 text sequence: each feature behind a record separator.
        public var textSequence = false
        /// Written as a GeoJSON 2008 `crs` member when it is not WGS 84;
        /// such a file is no longer RFC 7946.
        public var crs: CRS = .wgs84
        /// Polygons invalid as given are written as they came (and
        /// counted) instead of made valid: for `convert`, which copies.
        public var keepInvalidPolygons = false

        public init(precision: Int = 7, textSequence: Bool = false, crs: CRS = .wgs84, keepInvalidPolygons: Bool = false) {
            self.precision = precision
            self.textSequence = textSequence
            self.crs = crs
            self.keepInvalidPolygons = keepInvalidPolygons
        }
    }

    public let options: Options
    private let output: OutputFile
    private var text = JSONBytes(capacity: 1 << 20)
    private let context = GEOSContext()
    private var roundingState: ValidRounding
    private let path: String
    private let onWarning: ((String) -> Void)?
    public private(set) var featuresWritten = 0

    /// What was done to keep polygons valid at the written precision.
    public var rounding: ValidRounding { roundingState }

    /// `path` "-" writes standard output. `onWarning` hears, on `finish()`,
    /// how many polygons had to be snap-rounded or collapsed to nothing.
    public init(path: String, options: Options = Options(), onWarning: ((String) -> Void)? = nil) throws(WriteError) {
        guard (0...15).contains(options.precision) else {
            throw WriteError(file: path, message: "precision must be between 0 and 15 decimals")
        }
        self.options = options
        self.path = path
        self.onWarning = onWarning
        roundingState = ValidRounding(decimals: options.precision, keepInvalid: options.keepInvalidPolygons, context: context)
        output = try OutputFile(path: path)
        if !options.textSequence {
            text.raw("{\"type\":\"FeatureCollection\",")
            if !options.crs.isWGS84 {
                text.raw("\"crs\":{\"type\":\"name\",\"properties\":{\"name\":")
                text.append(string: options.crs.urn)
                text.raw("}},")
            }
            text.raw("\"features\":[\n")
        }
    }

    public func write(_ feature: Feature) throws(WriteError) {
        text.append(feature: feature, first: featuresWritten == 0, options: options, rounding: &roundingState)
        featuresWritten += 1
        if text.bytes.count >= 1 << 20 { try flush() }
    }

    public func write<S: Sequence>(contentsOf features: S) throws(WriteError) where S.Element == Feature {
        for feature in features { try write(feature) }
    }

    /// Features formatted per block by one worker: enough to outweigh
    /// starting the workers, few enough to keep the text of a round small
    /// (about 3 MB a block for points).
    static let parallelBlock = 16_384

    /// Writes `features` in order, formatting blocks of them on every
    /// core (`Parallelism.workers`) and writing the blocks in order: the
    /// bytes are those of writing the features one by one, whatever the
    /// number of cores. Each block rounds polygons with its own GEOS
    /// context; their counts are added to `rounding`.
    public func write(contentsOf features: [Feature], workers: Int = Parallelism.workers) throws(WriteError) {
        guard workers > 1, features.count >= 2 * Self.parallelBlock else {
            for feature in features { try write(feature) }
            return
        }
        let options = options
        var roundStart = 0
        while roundStart < features.count {
            let roundEnd = min(features.count, roundStart + workers * Self.parallelBlock)
            let written = featuresWritten + roundStart
            let base = roundStart
            // The body cannot throw: formatting fails on nothing.
            let blocks = (try? parallelChunks(count: roundEnd - roundStart, workers: workers) { range -> FormattedBlock in
                var block = JSONBytes(capacity: range.count * 200)
                var rounding = ValidRounding(decimals: options.precision, keepInvalid: options.keepInvalidPolygons, context: GEOSContext())
                for index in range {
                    block.append(feature: features[base + index], first: written + index == 0, options: options, rounding: &rounding)
                }
                return FormattedBlock(bytes: block.bytes, counts: rounding.counts)
            }) ?? []
            try flush()
            for block in blocks {
                roundingState.add(block.counts)
                let result = block.bytes.withUnsafeBytes { bytes in Result { () throws(WriteError) in try output.write(bytes) } }
                try result.get()
            }
            roundStart = roundEnd
        }
        featuresWritten += features.count
    }

    /// Closes the collection and moves the file into place.
    public func finish() throws(WriteError) {
        if !options.textSequence { text.raw("\n]}\n") }
        try flush()
        try output.commit()
        if let summary = roundingState.summary(file: path == "-" ? "standard output" : path) { onWarning?(summary) }
    }

    /// Drops the output: the destination keeps what it had.
    public func abandon() {
        output.abandon()
    }

    private func flush() throws(WriteError) {
        let result = text.bytes.withUnsafeBytes { bytes in Result { () throws(WriteError) in try output.write(bytes) } }
        try result.get()
        text.bytes.removeAll(keepingCapacity: true)
    }
}

/// One worker's text of a block of features, and what rounding did there.
private struct FormattedBlock: Sendable {
    let bytes: [UInt8]
    let counts: ValidRounding.Counts
}

extension JSONBytes {
    /// One feature as `GeoJSONWriter` writes it, after the separator that
    /// puts it on its own line (none before the first of a collection).
    mutating func append(feature: Feature, first: Bool, options: GeoJSONWriter.Options, rounding: inout ValidRounding) {
        if options.textSequence {
            append(byte: 0x1E)
        } else if !first {
            raw(",\n")
        }
        raw("{\"type\":\"Feature\",")
        switch feature.id {
        case .string(let string)?:
            raw("\"id\":")
            append(string: string)
            append(byte: UInt8(ascii: ","))
        case .number(let number)?:
            raw("\"id\":")
            bytes.append(contentsOf: number.literal.utf8)
            append(byte: UInt8(ascii: ","))
        case nil:
            break
        }
        raw("\"geometry\":")
        if let shape = feature.geometry.flatMap({ rounding.prepare($0) }) {
            append(geometry: shape.orientedForGeoJSON(), decimals: options.precision)
        } else {
            raw("null")
        }
        raw(",\"properties\":")
        append(feature.properties)
        append(byte: UInt8(ascii: "}"))
        if options.textSequence { append(byte: 0x0A) }
    }
}

extension Layer {
    public func writeGeoJSON(path: String, options: GeoJSONWriter.Options = .init()) throws(WriteError) {
        var options = options
        options.crs = crs
        let writer = try GeoJSONWriter(path: path, options: options)
        try writer.write(contentsOf: features, workers: Parallelism.workers)
        try writer.finish()
    }
}

extension Shape {
    /// The GeoJSON geometry object, as the writer writes it.
    public func geoJSON(precision: Int = 7) -> String {
        var text = JSONBytes(capacity: 256)
        text.append(geometry: orientedForGeoJSON(), decimals: precision)
        return String(decoding: text.bytes, as: UTF8.self)
    }
}
