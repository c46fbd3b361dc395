import Geo

/// Writes a `Shape` as little-endian ISO well-known binary: Z types when the
/// shape has z (2D positions of a mixed shape get NaN), the empty point
/// as NaN coordinates as GDAL and GEOS write it.
struct WKBWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    static func wkb(_ shape: Shape) -> [UInt8] {
        var writer = WKBWriter()
        writer.write(shape)
        return writer.bytes
    }

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func write(_ shape: Shape) {
        write(shape, hasZ: shape.hasZ)
    }

    private mutating func write(_ shape: Shape, hasZ: Bool) {
        switch shape {
        case .point(let position):
            header(1, hasZ)
            let sequence = position.map { CoordinateSequence([$0]) }
            if let sequence {
                positions(sequence, hasZ)
            } else {
                for _ in 0..<(hasZ ? 3 : 2) { double(.nan) }
            }
        case .lineString(let sequence):
            header(2, hasZ)
            count(sequence.count)
            positions(sequence, hasZ)
        case .polygon(let rings):
            header(3, hasZ)
            self.rings(rings, hasZ)
        case .multiPoint(let sequence):
            header(4, hasZ)
            count(sequence.count)
            for index in 0..<sequence.count { write(.point(sequence[index]), hasZ: hasZ) }
        case .multiLineString(let lines):
            header(5, hasZ)
            count(lines.count)
            for line in lines { write(.lineString(line), hasZ: hasZ) }
        case .multiPolygon(let polygons):
            header(6, hasZ)
            count(polygons.count)
            for polygon in polygons { write(.polygon(polygon), hasZ: hasZ) }
        case .geometryCollection(let members):
            header(7, hasZ)
            count(members.count)
            for member in members { write(member, hasZ: hasZ) }
        }
    }

    private mutating func header(_ type: UInt32, _ hasZ: Bool) {
        bytes.append(1)
        uint32(type + (hasZ ? 1000 : 0))
    }

    private mutating func count(_ value: Int) {
        uint32(UInt32(value))
    }

    private mutating func rings(_ rings: [CoordinateSequence], _ hasZ: Bool) {
        count(rings.count)
        for ring in rings {
            count(ring.count)
            positions(ring, hasZ)
        }
    }

    private mutating func positions(_ sequence: CoordinateSequence, _ hasZ: Bool) {
        if sequence.hasZ == hasZ {
            for value in sequence.values { double(value) }
            return
        }
        let dimension = sequence.dimension
        for index in 0..<sequence.count {
            double(sequence.values[index * dimension])
            double(sequence.values[index * dimension + 1])
            if hasZ { double(sequence.hasZ ? sequence.values[index * dimension + 2] : .nan) }
        }
    }

    private mutating func uint32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
