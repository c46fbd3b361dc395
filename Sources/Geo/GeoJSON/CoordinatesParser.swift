/// The `coordinates` array of any geometry type, read before knowing the
/// type (members may come in any order): the nesting depth tells what it is.
enum CoordinateNesting {
    case empty
    case position(Position)
    case sequence(CoordinateSequence)
    case sequences([CoordinateSequence])
    case polygons([[CoordinateSequence]])
}

extension JSONScanner {
    mutating func readCoordinates() throws(ReadError) -> CoordinateNesting {
        try expect(UInt8(ascii: "["), "a coordinates array")
        switch try openedDepth(limit: 4) {
        case 0: return .empty
        case 1: return .position(try positionBody())
        case 2: return .sequence(try sequenceBody(insideFirst: true))
        case 3: return .sequences(try sequencesBody(openedOfFirst: 2))
        default: return .polygons(try polygonsBody(openedOfFirst: 3))
        }
    }

    /// Consumes the '[' that open the first element of each level and
    /// returns how deep the first number sits (1 for a position); 0 for `[]`.
    private mutating func openedDepth(limit: Int) throws(ReadError) -> Int {
        var depth = 1
        while true {
            try skipWhitespace()
            guard let byte = try peek() else { throw error("unexpected end of file inside coordinates") }
            switch byte {
            case UInt8(ascii: "["):
                guard depth < limit else { throw error("coordinates nest deeper than a MultiPolygon's") }
                advance()
                depth += 1
            case UInt8(ascii: "]"):
                guard depth == 1 else { throw error("empty array inside coordinates") }
                advance()
                return 0
            default:
                return depth
            }
        }
    }

    /// Inside a position's '[': its numbers up to the closing ']'.
    private mutating func positionBody() throws(ReadError) -> Position {
        let x = try readNumber()
        try expect(UInt8(ascii: ","), "',' between the numbers of a position")
        let y = try readNumber()
        var z: Double?
        if try separator(closing: UInt8(ascii: "]"), in: "a position") {
            z = try readNumber()
            // A fourth or later number (a measure) is read and dropped.
            while try separator(closing: UInt8(ascii: "]"), in: "a position") { _ = try readNumber() }
        }
        return Position(x: x, y: y, z: z)
    }

    /// Inside a list of positions; `insideFirst` when the first position's
    /// '[' was consumed too.
    private mutating func sequenceBody(insideFirst: Bool) throws(ReadError) -> CoordinateSequence {
        var values: [Double] = []
        var hasZ: Bool?
        var insidePosition = insideFirst
        if !insideFirst {
            try skipWhitespace()
            if try peek() == UInt8(ascii: "]") {
                advance()
                return CoordinateSequence()
            }
        }
        repeat {
            if !insidePosition { try expect(UInt8(ascii: "["), "'[' opening a position") }
            insidePosition = false
            let position = try positionBody()
            let positionHasZ = position.z != nil
            if hasZ == nil { hasZ = positionHasZ }
            if positionHasZ, hasZ == false {
                // Mixed 2D and 3D: keep z, with NaN where it is missing.
                values = stride(from: 0, to: values.count, by: 2).flatMap { [values[$0], values[$0 + 1], .nan] }
                hasZ = true
            }
            values.append(position.x)
            values.append(position.y)
            if hasZ == true { values.append(position.z ?? .nan) }
        } while try separator(closing: UInt8(ascii: "]"), in: "a list of positions")
        return CoordinateSequence(values: values, hasZ: hasZ ?? false)
    }

    /// Inside a list of position lists (rings or lines).
    private mutating func sequencesBody(openedOfFirst: Int) throws(ReadError) -> [CoordinateSequence] {
        var sequences: [CoordinateSequence] = []
        var opened = openedOfFirst
        if opened == 0 {
            try skipWhitespace()
            if try peek() == UInt8(ascii: "]") {
                advance()
                return sequences
            }
        }
        repeat {
            if opened == 0 {
                try expect(UInt8(ascii: "["), "'[' opening a list of positions")
                opened = 1
            }
            sequences.append(try sequenceBody(insideFirst: opened == 2))
            opened = 0
        } while try separator(closing: UInt8(ascii: "]"), in: "a list of rings or lines")
        return sequences
    }

    /// Inside a list of polygons.
    private mutating func polygonsBody(openedOfFirst: Int) throws(ReadError) -> [[CoordinateSequence]] {
        var polygons: [[CoordinateSequence]] = []
        var opened = openedOfFirst
        repeat {
            if opened == 0 {
                try expect(UInt8(ascii: "["), "'[' opening a polygon")
                opened = 1
            }
            polygons.append(try sequencesBody(openedOfFirst: opened - 1))
            opened = 0
        } while try separator(closing: UInt8(ascii: "]"), in: "a list of polygons")
        return polygons
    }
}
