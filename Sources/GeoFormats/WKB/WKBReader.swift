import Geo

/// Reads ISO (and extended) well-known binary into a `Shape`: both byte
/// orders, Z kept, M dropped. A Triangle is read as a Polygon and a
/// PolyhedralSurface or TIN as a MultiPolygon, since their layout is the
/// same. Curved types are not read: GDAL linearises them first.
struct WKBReader {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let bytes: UnsafeRawBufferPointer
    private var offset = 0

    /// True once any geometry read had M values (dropped).
    private(set) var droppedM = false

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    static func shape(_ bytes: UnsafeRawBufferPointer) throws(Failure) -> (shape: Shape, droppedM: Bool) {
        var reader = WKBReader(bytes)
        let shape = try reader.read()
        return (shape, reader.droppedM)
    }

    static func shape(_ bytes: [UInt8]) throws(Failure) -> Shape {
        let result = bytes.withUnsafeBytes { buffer in Result { () throws(Failure) in try shape(buffer).shape } }
        return try result.get()
    }

    private struct Header {
        var type: UInt32
        var littleEndian: Bool
        var hasZ: Bool
        var hasM: Bool
        var dimension: Int { 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0) }
    }

    mutating func read(depth: Int = 0) throws(Failure) -> Shape {
        guard depth < 64 else { throw Failure(description: "WKB nests deeper than 64 levels") }
        let header = try readHeader()
        switch header.type {
        case 1:
            let sequence = try readPositions(1, header)
            let position = sequence[0]
            return .point(position.x.isNaN && position.y.isNaN ? nil : position)
        case 2:
            return .lineString(try readSequence(header))
        case 3, 17:
            return .polygon(try readRings(header))
        case 4:
            var values: [Double] = []
            for _ in 0..<(try readCount(header)) {
                guard case .point(let position) = try read(depth: depth + 1) else {
                    throw Failure(description: "a MultiPoint member is not a Point")
                }
                guard let position else { continue }
                values.append(position.x)
                values.append(position.y)
                if header.hasZ { values.append(position.z ?? .nan) }
            }
            return .multiPoint(CoordinateSequence(values: values, hasZ: header.hasZ))
        case 5:
            var lines: [CoordinateSequence] = []
            for _ in 0..<(try readCount(header)) {
                guard case .lineString(let line) = try read(depth: depth + 1) else {
                    throw Failure(description: "a MultiLineString member is not a LineString")
                }
                lines.append(line)
            }
            return .multiLineString(lines)
        case 6, 15, 16:
            var polygons: [[CoordinateSequence]] = []
            for _ in 0..<(try readCount(header)) {
                guard case .polygon(let rings) = try read(depth: depth + 1) else {
                    throw Failure(description: "a MultiPolygon member is not a Polygon")
                }
                polygons.append(rings)
            }
            return .multiPolygon(polygons)
        case 7:
            var members: [Shape] = []
            for _ in 0..<(try readCount(header)) { members.append(try read(depth: depth + 1)) }
            return .geometryCollection(members)
        default:
            throw Failure(description: "WKB geometry type \(header.type) is not supported")
        }
    }

    private mutating func readHeader() throws(Failure) -> Header {
        guard offset < bytes.count else { throw truncated() }
        let order = bytes[offset]
        guard order <= 1 else { throw Failure(description: "bad WKB byte order \(order)") }
        offset += 1
        let littleEndian = order == 1
        let raw = try readUInt32(littleEndian)
        // ISO: thousands give the dimensions; EWKB: high bits.
        var type = raw & 0x0FFF_FFFF
        var hasZ = raw & 0x8000_0000 != 0
        var hasM = raw & 0x4000_0000 != 0
        switch type / 1000 {
        case 1: hasZ = true
        case 2: hasM = true
        case 3: hasZ = true; hasM = true
        default: break
        }
        type %= 1000
        if hasM { droppedM = true }
        return Header(type: type, littleEndian: littleEndian, hasZ: hasZ, hasM: hasM)
    }

    private mutating func readUInt32(_ littleEndian: Bool) throws(Failure) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw truncated() }
        let value = bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
        offset += 4
        return littleEndian ? UInt32(littleEndian: value) : UInt32(bigEndian: value)
    }

    private mutating func readCount(_ header: Header) throws(Failure) -> Int {
        let count = Int(try readUInt32(header.littleEndian))
        // Every member takes at least 9 bytes: refuse counts the rest cannot hold.
        guard count <= (bytes.count - offset) else { throw truncated() }
        return count
    }

    private mutating func readRings(_ header: Header) throws(Failure) -> [CoordinateSequence] {
        let count = try readCount(header)
        var rings: [CoordinateSequence] = []
        rings.reserveCapacity(count)
        for _ in 0..<count { rings.append(try readSequence(header)) }
        return rings
    }

    private mutating func readSequence(_ header: Header) throws(Failure) -> CoordinateSequence {
        try readPositions(try readCount(header), header)
    }

    /// `count` positions, x y[ z] interleaved, M skipped.
    private mutating func readPositions(_ count: Int, _ header: Header) throws(Failure) -> CoordinateSequence {
        let stride = header.dimension * 8
        guard count <= (bytes.count - offset) / stride else { throw truncated() }
        let kept = header.hasZ ? 3 : 2
        let start = offset
        let source = bytes
        let values = [Double](unsafeUninitializedCapacity: count * kept) { buffer, initialized in
            var position = start
            var target = 0
            for _ in 0..<count {
                for axis in 0..<kept {
                    let bits = source.loadUnaligned(fromByteOffset: position + axis * 8, as: UInt64.self)
                    buffer[target] = Double(bitPattern: header.littleEndian ? UInt64(littleEndian: bits) : UInt64(bigEndian: bits))
                    target += 1
                }
                position += stride
            }
            initialized = count * kept
        }
        offset += count * stride
        return CoordinateSequence(values: values, hasZ: header.hasZ)
    }

    private func truncated() -> Failure {
        Failure(description: "WKB ends early at byte \(offset) of \(bytes.count)")
    }
}
