import CGEOS

extension Geometry {
    public convenience init(wkt: String, context: GEOSContext = .current) throws(GEOSError) {
        let c = context.handle
        guard let reader = GEOSWKTReader_create_r(c) else { throw context.takeError(operation: "WKT reader") }
        defer { GEOSWKTReader_destroy_r(c, reader) }
        self.init(owning: try context.check(GEOSWKTReader_read_r(c, reader, wkt), "read WKT"), context: context)
    }

    /// Well-known text with trailing zeros trimmed: `POINT (1 2)`.
    public func wkt(precision: Int? = nil) throws(GEOSError) -> String {
        let c = context.handle
        guard let writer = GEOSWKTWriter_create_r(c) else { throw context.takeError(operation: "WKT writer") }
        defer { GEOSWKTWriter_destroy_r(c, writer) }
        GEOSWKTWriter_setTrim_r(c, writer, 1)
        GEOSWKTWriter_setOutputDimension_r(c, writer, 3)
        if let precision { GEOSWKTWriter_setRoundingPrecision_r(c, writer, Int32(precision)) }
        guard let text = GEOSWKTWriter_write_r(c, writer, handle) else { throw context.takeError(operation: "write WKT") }
        defer { GEOSFree_r(c, text) }
        return String(cString: text)
    }
}

extension Geometry: CustomStringConvertible {
    public var description: String { (try? wkt()) ?? "<\(type.rawValue)>" }
}
