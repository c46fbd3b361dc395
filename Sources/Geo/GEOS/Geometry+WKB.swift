import CGEOS

extension Geometry {
    public convenience init(wkb: [UInt8], context: GEOSContext = .current) throws(GEOSError) {
        let c = context.handle
        guard let reader = GEOSWKBReader_create_r(c) else { throw context.takeError(operation: "WKB reader") }
        defer { GEOSWKBReader_destroy_r(c, reader) }
        let result = wkb.withUnsafeBufferPointer { GEOSWKBReader_read_r(c, reader, $0.baseAddress, $0.count) }
        self.init(owning: try context.check(result, "read WKB"), context: context)
    }

    /// Little-endian ISO WKB, with z when the geometry has it.
    public func wkb() throws(GEOSError) -> [UInt8] {
        let c = context.handle
        guard let writer = GEOSWKBWriter_create_r(c) else { throw context.takeError(operation: "WKB writer") }
        defer { GEOSWKBWriter_destroy_r(c, writer) }
        GEOSWKBWriter_setOutputDimension_r(c, writer, hasZ ? 3 : 2)
        GEOSWKBWriter_setByteOrder_r(c, writer, Int32(GEOS_WKB_NDR.rawValue))
        var size = 0
        guard let bytes = GEOSWKBWriter_write_r(c, writer, handle, &size) else { throw context.takeError(operation: "write WKB") }
        defer { GEOSFree_r(c, bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: size))
    }
}
