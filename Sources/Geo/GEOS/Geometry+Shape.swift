import CGEOS

extension Geometry {
    /// Builds the GEOS geometry of a shape, copying each coordinate
    /// sequence in one call.
    public convenience init(_ shape: Shape, context: GEOSContext = .current) throws(GEOSError) {
        let builder = ShapeToGEOS(context: context)
        self.init(owning: try builder.geometry(shape), context: context)
    }

    /// The geometry as plain coordinates.
    public var shape: Shape {
        GEOSToShape(context: context).shape(handle)
    }
}

/// Shape -> GEOS. Parts already built are freed when a later one fails.
private struct ShapeToGEOS {
    let context: GEOSContext
    var c: GEOSContextHandle_t { context.handle }

    func geometry(_ shape: Shape) throws(GEOSError) -> OpaquePointer {
        switch shape {
        case .point(nil):
            return try context.check(GEOSGeom_createEmptyPoint_r(c), "create empty point")
        case .point(let position?) where position.z == nil:
            return try context.check(GEOSGeom_createPointFromXY_r(c, position.x, position.y), "create point")
        case .point(let position?):
            let sequence = CoordinateSequence([position])
            return try context.check(GEOSGeom_createPoint_r(c, try coordinates(sequence)), "create point")
        case .lineString(let sequence):
            if sequence.isEmpty { return try context.check(GEOSGeom_createEmptyLineString_r(c), "create empty line") }
            return try context.check(GEOSGeom_createLineString_r(c, try coordinates(sequence)), "create line")
        case .polygon(let rings):
            return try polygon(rings)
        case .multiPoint(let sequence):
            let points = try (0..<sequence.count).map { index throws(GEOSError) in
                try geometry(.point(sequence[index]))
            }
            return try collection(GEOS_MULTIPOINT, points)
        case .multiLineString(let lines):
            return try collection(GEOS_MULTILINESTRING, try build(lines) { line throws(GEOSError) in try geometry(.lineString(line)) })
        case .multiPolygon(let polygons):
            return try collection(GEOS_MULTIPOLYGON, try build(polygons) { rings throws(GEOSError) in try polygon(rings) })
        case .geometryCollection(let members):
            return try collection(GEOS_GEOMETRYCOLLECTION, try build(members) { member throws(GEOSError) in try geometry(member) })
        }
    }

    private func coordinates(_ sequence: CoordinateSequence) throws(GEOSError) -> OpaquePointer {
        let result = sequence.values.withUnsafeBufferPointer { buffer in
            GEOSCoordSeq_copyFromBuffer_r(c, buffer.baseAddress, UInt32(sequence.count), sequence.hasZ ? 1 : 0, 0)
        }
        return try context.check(result, "copy coordinates")
    }

    private func ring(_ sequence: CoordinateSequence) throws(GEOSError) -> OpaquePointer {
        let coordinates = try coordinates(sequence)
        return try context.check(GEOSGeom_createLinearRing_r(c, coordinates), "create ring")
    }

    private func polygon(_ rings: [CoordinateSequence]) throws(GEOSError) -> OpaquePointer {
        guard let shellSequence = rings.first, !shellSequence.isEmpty else {
            return try context.check(GEOSGeom_createEmptyPolygon_r(c), "create empty polygon")
        }
        let shell = try ring(shellSequence)
        var holes: [OpaquePointer?] = []
        do {
            for hole in rings.dropFirst() { holes.append(try ring(hole)) }
        } catch {
            GEOSGeom_destroy_r(c, shell)
            holes.forEach { GEOSGeom_destroy_r(c, $0) }
            throw error
        }
        let result = holes.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createPolygon_r(c, shell, buffer.baseAddress, UInt32(buffer.count))
        }
        return try context.check(result, "create polygon")
    }

    private func build<T>(_ items: [T], _ body: (T) throws(GEOSError) -> OpaquePointer) throws(GEOSError) -> [OpaquePointer] {
        var built: [OpaquePointer] = []
        built.reserveCapacity(items.count)
        do {
            for item in items { built.append(try body(item)) }
        } catch {
            built.forEach { GEOSGeom_destroy_r(c, $0) }
            throw error
        }
        return built
    }

    private func collection(_ type: GEOSGeomTypes, _ parts: [OpaquePointer]) throws(GEOSError) -> OpaquePointer {
        if parts.isEmpty {
            return try context.check(GEOSGeom_createEmptyCollection_r(c, Int32(type.rawValue)), "create empty collection")
        }
        var members: [OpaquePointer?] = parts
        let result = members.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createCollection_r(c, Int32(type.rawValue), buffer.baseAddress, UInt32(buffer.count))
        }
        return try context.check(result, "create collection")
    }
}

/// GEOS -> Shape, reading each coordinate sequence in one call.
private struct GEOSToShape {
    let context: GEOSContext
    var c: GEOSContextHandle_t { context.handle }

    func shape(_ g: OpaquePointer) -> Shape {
        let hasZ = GEOSHasZ_r(c, g) == 1
        switch GeometryType(geosTypeID: GEOSGeomTypeId_r(c, g)) {
        case .point:
            let sequence = coordinates(g, hasZ: hasZ)
            return .point(sequence.isEmpty ? nil : sequence[0])
        case .lineString, .linearRing:
            return .lineString(coordinates(g, hasZ: hasZ))
        case .polygon:
            return .polygon(rings(g, hasZ: hasZ))
        case .multiPoint:
            var values: [Double] = []
            for part in parts(g) { values += coordinates(part, hasZ: hasZ).values }
            return .multiPoint(CoordinateSequence(values: values, hasZ: hasZ))
        case .multiLineString:
            return .multiLineString(parts(g).map { coordinates($0, hasZ: hasZ) })
        case .multiPolygon:
            return .multiPolygon(parts(g).map { rings($0, hasZ: hasZ) })
        case .geometryCollection:
            return .geometryCollection(parts(g).map(shape))
        }
    }

    private func parts(_ g: OpaquePointer) -> [OpaquePointer] {
        (0..<GEOSGetNumGeometries_r(c, g)).compactMap { GEOSGetGeometryN_r(c, g, $0) }
    }

    private func rings(_ polygon: OpaquePointer, hasZ: Bool) -> [CoordinateSequence] {
        guard GEOSisEmpty_r(c, polygon) == 0, let shell = GEOSGetExteriorRing_r(c, polygon) else { return [] }
        var rings = [coordinates(shell, hasZ: hasZ)]
        for index in 0..<GEOSGetNumInteriorRings_r(c, polygon) {
            if let hole = GEOSGetInteriorRingN_r(c, polygon, index) { rings.append(coordinates(hole, hasZ: hasZ)) }
        }
        return rings
    }

    /// The coordinates of a point, line or ring (borrowed sequence).
    private func coordinates(_ g: OpaquePointer, hasZ: Bool) -> CoordinateSequence {
        guard GEOSisEmpty_r(c, g) == 0, let sequence = GEOSGeom_getCoordSeq_r(c, g) else {
            return CoordinateSequence(hasZ: hasZ)
        }
        var size: UInt32 = 0
        GEOSCoordSeq_getSize_r(c, sequence, &size)
        let dimension = hasZ ? 3 : 2
        let values = [Double](unsafeUninitializedCapacity: Int(size) * dimension) { buffer, initialized in
            GEOSCoordSeq_copyToBuffer_r(c, sequence, buffer.baseAddress, hasZ ? 1 : 0, 0)
            initialized = Int(size) * dimension
        }
        return CoordinateSequence(values: values, hasZ: hasZ)
    }
}
