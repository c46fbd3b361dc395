extension JSONBytes {
    /// A geometry object, coordinates at `decimals` places. Ring
    /// orientation is the caller's: see `Shape.orientedForGeoJSON`.
    mutating func append(geometry shape: Shape, decimals: Int) {
        raw("{\"type\":\"")
        bytes.append(contentsOf: shape.type.rawValue.utf8)
        if case .geometryCollection(let members) = shape {
            raw("\",\"geometries\":[")
            for (index, member) in members.enumerated() {
                if index > 0 { append(byte: UInt8(ascii: ",")) }
                append(geometry: member, decimals: decimals)
            }
            raw("]}")
            return
        }
        raw("\",\"coordinates\":")
        switch shape {
        case .point(let position):
            if let position {
                append(position: position, decimals: decimals)
            } else {
                raw("[]")
            }
        case .lineString(let sequence), .multiPoint(let sequence):
            append(sequence: sequence, decimals: decimals)
        case .polygon(let rings), .multiLineString(let rings):
            append(sequences: rings, decimals: decimals)
        case .multiPolygon(let polygons):
            append(byte: UInt8(ascii: "["))
            for (index, rings) in polygons.enumerated() {
                if index > 0 { append(byte: UInt8(ascii: ",")) }
                append(sequences: rings, decimals: decimals)
            }
            append(byte: UInt8(ascii: "]"))
        case .geometryCollection:
            break
        }
        append(byte: UInt8(ascii: "}"))
    }

    private mutating func append(position: Position, decimals: Int) {
        append(byte: UInt8(ascii: "["))
        append(position.x, decimals: decimals)
        append(byte: UInt8(ascii: ","))
        append(position.y, decimals: decimals)
        if let z = position.z {
            append(byte: UInt8(ascii: ","))
            append(z, decimals: decimals)
        }
        append(byte: UInt8(ascii: "]"))
    }

    private mutating func append(sequence: CoordinateSequence, decimals: Int) {
        append(byte: UInt8(ascii: "["))
        let dimension = sequence.dimension
        sequence.values.withUnsafeBufferPointer { values in
            for base in stride(from: 0, to: values.count, by: dimension) {
                if base > 0 { append(byte: UInt8(ascii: ",")) }
                append(byte: UInt8(ascii: "["))
                append(values[base], decimals: decimals)
                append(byte: UInt8(ascii: ","))
                append(values[base + 1], decimals: decimals)
                if dimension == 3, !values[base + 2].isNaN {
                    append(byte: UInt8(ascii: ","))
                    append(values[base + 2], decimals: decimals)
                }
                append(byte: UInt8(ascii: "]"))
            }
        }
        append(byte: UInt8(ascii: "]"))
    }

    private mutating func append(sequences: [CoordinateSequence], decimals: Int) {
        append(byte: UInt8(ascii: "["))
        for (index, sequence) in sequences.enumerated() {
            if index > 0 { append(byte: UInt8(ascii: ",")) }
            append(sequence: sequence, decimals: decimals)
        }
        append(byte: UInt8(ascii: "]"))
    }
}
