import Foundation

/// A byte-level JSON tokenizer over a chunked input: whitespace, strings,
/// numbers, literals and whole values. It keeps the line and column of
/// where it is, for messages.
///
/// Numbers are parsed straight from the bytes into `Double`; strings are
/// checked for valid UTF-8. Nothing is built that the caller does not ask for.
struct JSONScanner {
    static let chunkSize = 1 << 20
    /// Deeper nesting is refused before it can exhaust the stack.
    static let maximumDepth = 256

    let input: ByteInput
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var position = 0
    private var limit = 0
    /// Bytes consumed by earlier chunks.
    private var chunkOffset = 0
    private(set) var line = 1
    private var lineStart = 0
    private var atEnd = false

    /// Bytes of the last string or number read.
    private(set) var scratch: [UInt8] = []
    private(set) var scratchIsASCII = true

    /// Where messages point: set by the GeoJSON layer as it goes.
    var featureIndex: Int?
    var featureID: FeatureID?

    /// `chunkSize` is how many bytes are read at a time; tests and the
    /// fuzzers make it tiny so that every token meets a chunk boundary.
    init(input: ByteInput, chunkSize: Int = Self.chunkSize) {
        self.input = input
        // A JSON field of a GDAL row or a spec file is a few bytes: no 1 MB buffer for it.
        buffer = .allocate(capacity: max(1, min(chunkSize, input.size ?? chunkSize)))
        scratch.reserveCapacity(256)
    }

    /// The scanner owns its chunk buffer; the reader that owns the
    /// scanner calls this once when it is done.
    func deallocate() {
        buffer.deallocate()
    }

    var column: Int { chunkOffset + position - lineStart + 1 }
    var byteOffset: Int { chunkOffset + position }

    func error(_ message: String) -> ReadError {
        ReadError(file: input.name, line: line, column: column, featureIndex: featureIndex,
                  featureID: featureID, message: message)
    }

    // MARK: Bytes

    @inline(__always)
    private mutating func refill() throws(ReadError) -> Bool {
        if atEnd { return false }
        chunkOffset += limit
        position = 0
        limit = try input.read(into: buffer)
        if limit == 0 { atEnd = true }
        return limit > 0
    }

    /// The next byte without consuming it; nil at the end of the input.
    @inline(__always)
    mutating func peek() throws(ReadError) -> UInt8? {
        if position == limit, !(try refill()) { return nil }
        return buffer[position]
    }

    @inline(__always)
    mutating func advance() {
        position += 1
    }

    /// The next byte, consumed; an error at the end of the input.
    @inline(__always)
    mutating func next(_ expecting: @autoclosure () -> String) throws(ReadError) -> UInt8 {
        guard let byte = try peek() else { throw error("unexpected end of file: expected \(expecting())") }
        position += 1
        return byte
    }

    /// Skips JSON whitespace, counting lines.
    @inline(__always)
    mutating func skipWhitespace() throws(ReadError) {
        while true {
            if position == limit, !(try refill()) { return }
            switch buffer[position] {
            case 0x20, 0x09, 0x0D:
                position += 1
            case 0x0A:
                position += 1
                line += 1
                lineStart = chunkOffset + position
            default:
                return
            }
        }
    }

    /// Skips whitespace, then consumes `byte` or fails naming `what`.
    @inline(__always)
    mutating func expect(_ byte: UInt8, _ what: @autoclosure () -> String) throws(ReadError) {
        try skipWhitespace()
        guard let found = try peek() else { throw error("unexpected end of file: expected \(what())") }
        guard found == byte else { throw error("expected \(what()), found \(Self.describe(found))") }
        position += 1
    }

    /// After a member or element: true for ',', false for `closing`.
    @inline(__always)
    mutating func separator(closing: UInt8, in what: String) throws(ReadError) -> Bool {
        try skipWhitespace()
        let byte = try next("',' or '\(Character(Unicode.Scalar(closing)))' in \(what)")
        if byte == UInt8(ascii: ",") { return true }
        if byte == closing { return false }
        position -= 1
        throw error("expected ',' or '\(Character(Unicode.Scalar(closing)))' in \(what), found \(Self.describe(byte))")
    }

    static func describe(_ byte: UInt8) -> String {
        switch byte {
        case 0x20...0x7E: "'\(Character(Unicode.Scalar(byte)))'"
        default: String(format: "byte 0x%02X", byte)
        }
    }

    // MARK: Strings

    /// Reads a string (opening quote next) into `scratch`, unescaped.
    mutating func readStringBytes() throws(ReadError) {
        try expect(UInt8(ascii: "\""), "a string")
        scratch.removeAll(keepingCapacity: true)
        scratchIsASCII = true
        while true {
            if position == limit, !(try refill()) { throw error("unexpected end of file inside a string") }
            // Copy the run of plain bytes in one go.
            let runStart = position
            while position < limit {
                let byte = buffer[position]
                if byte == 0x22 || byte == 0x5C || byte < 0x20 { break }
                if byte >= 0x80 { scratchIsASCII = false }
                position += 1
            }
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<position]))
            guard position < limit else { continue }
            let byte = buffer[position]
            position += 1
            switch byte {
            case 0x22:
                return
            case 0x5C:
                try readEscape()
            default:
                position -= 1
                throw error("control character \(Self.describe(byte)) inside a string; escape it")
            }
        }
    }

    private mutating func readEscape() throws(ReadError) {
        let byte = try next("an escape after '\\'")
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(byte)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4()
            if (0xD800..<0xDC00).contains(scalar) {
                guard try next("a low surrogate") == UInt8(ascii: "\\"), try next("a low surrogate") == UInt8(ascii: "u") else {
                    throw error("unpaired surrogate \\u\(String(scalar, radix: 16)) in a string")
                }
                let low = try readHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate in a string") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw error("unpaired surrogate \\u\(String(scalar, radix: 16)) in a string")
            }
            if scalar >= 0x80 { scratchIsASCII = false }
            scratch.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
        default:
            position -= 1
            throw error("unknown escape '\\\(Character(Unicode.Scalar(byte)))' in a string")
        }
    }

    private mutating func readHex4() throws(ReadError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = try next("four hex digits after \\u")
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("expected four hex digits after \\u, found \(Self.describe(byte))")
            }
            value = value << 4 | digit
        }
        return value
    }

    /// The string in `scratch`, refused when it is not valid UTF-8.
    func scratchString() throws(ReadError) -> String {
        if scratchIsASCII { return String(decoding: scratch, as: UTF8.self) }
        guard let string = String(validating: scratch, as: UTF8.self) else {
            throw error("invalid UTF-8 in a string; save the file as UTF-8")
        }
        return string
    }

    mutating func readString() throws(ReadError) -> String {
        try readStringBytes()
        return try scratchString()
    }

    /// True when `scratch` holds exactly `text` (ASCII).
    func scratchEquals(_ text: StaticString) -> Bool {
        guard scratch.count == text.utf8CodeUnitCount else { return false }
        return scratch.elementsEqual(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    // MARK: Numbers

    /// Reads a JSON number straight into a Double. Its text stays in
    /// `scratch` for callers that keep the literal.
    mutating func readNumber() throws(ReadError) -> Double {
        try skipWhitespace()
        scratch.removeAll(keepingCapacity: true)
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var decimalExponent = 0
        var negative = false

        if try peek() == UInt8(ascii: "-") {
            negative = true
            scratch.append(UInt8(ascii: "-"))
            position += 1
        }
        guard let first = try peek() else { throw error("unexpected end of file inside a number") }
        switch first {
        case UInt8(ascii: "0"):
            scratch.append(first)
            position += 1
        case UInt8(ascii: "1")...UInt8(ascii: "9"):
            try readDigits(&mantissa, &significantDigits, &decimalExponent, fractional: false)
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            throw error("NaN and Infinity are not JSON numbers; write null for a missing value")
        default:
            throw error("expected a number, found \(Self.describe(first))")
        }
        if try peek() == UInt8(ascii: ".") {
            scratch.append(UInt8(ascii: "."))
            position += 1
            let before = scratch.count
            try readDigits(&mantissa, &significantDigits, &decimalExponent, fractional: true)
            if scratch.count == before { throw error("expected a digit after the decimal point") }
        }
        if let byte = try peek(), byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            scratch.append(byte)
            position += 1
            var exponentNegative = false
            if let sign = try peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                exponentNegative = sign == UInt8(ascii: "-")
                scratch.append(sign)
                position += 1
            }
            var exponent = 0
            var exponentDigits = 0
            while let digit = try peek(), digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") {
                exponent = min(exponent * 10 + Int(digit - UInt8(ascii: "0")), 100_000)
                exponentDigits += 1
                scratch.append(digit)
                position += 1
            }
            if exponentDigits == 0 { throw error("expected a digit in the exponent") }
            decimalExponent += exponentNegative ? -exponent : exponent
        }

        let value: Double
        if significantDigits <= 15, abs(decimalExponent) <= 22 {
            // Clinger's fast path: both the mantissa and the power of ten
            // are exact doubles, so one multiply or divide rounds correctly.
            let exact = Double(mantissa)
            value = decimalExponent < 0 ? exact / Self.powersOfTen[-decimalExponent]
                                        : exact * Self.powersOfTen[decimalExponent]
            return negative ? -value : value
        }
        scratch.append(0)
        value = scratch.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { strtod($0.baseAddress!, nil) }
        }
        scratch.removeLast()
        guard value.isFinite else {
            throw error("the number \(String(decoding: scratch, as: UTF8.self)) is out of range for a double")
        }
        return value
    }

    @inline(__always)
    private mutating func readDigits(_ mantissa: inout UInt64, _ significant: inout Int, _ exponent: inout Int,
                                     fractional: Bool) throws(ReadError) {
        while true {
            if position == limit, !(try refill()) { return }
            // The digits of this chunk go into `scratch` in one copy, not
            // one append each.
            let runStart = position
            while position < limit {
                let digit = buffer[position]
                guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { break }
                position += 1
                if significant == 0, digit == UInt8(ascii: "0") {
                    if fractional { exponent -= 1 }
                    continue
                }
                if significant < 19 {
                    mantissa = mantissa * 10 + UInt64(digit - UInt8(ascii: "0"))
                    significant += 1
                    if fractional { exponent -= 1 }
                } else {
                    // Digits past 19 only matter to strtod, which reads the text.
                    significant += 1
                    if !fractional { exponent += 1 }
                }
            }
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<position]))
            if position < limit { return }
        }
    }

    static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

    // MARK: Literals and values

    mutating func readLiteral(_ text: StaticString) throws(ReadError) {
        let bytes = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        for expected in bytes {
            let byte = try next("'\(text)'")
            guard byte == expected else {
                position -= 1
                throw error("expected '\(text)', found \(Self.describe(byte))")
            }
        }
    }

    /// Any JSON value, with its numbers' literals kept.
    mutating func readValue(depth: Int = 0) throws(ReadError) -> JSONValue {
        try skipWhitespace()
        guard let byte = try peek() else { throw error("unexpected end of file: expected a value") }
        switch byte {
        case UInt8(ascii: "\""):
            return .string(try readString())
        case UInt8(ascii: "{"):
            return .object(try readObject(depth: depth + 1))
        case UInt8(ascii: "["):
            guard depth < Self.maximumDepth else { throw tooDeep() }
            position += 1
            var values: [JSONValue] = []
            try skipWhitespace()
            if try peek() == UInt8(ascii: "]") {
                position += 1
                return .array(values)
            }
            repeat {
                values.append(try readValue(depth: depth + 1))
            } while try separator(closing: UInt8(ascii: "]"), in: "an array")
            return .array(values)
        case UInt8(ascii: "t"):
            try readLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try readLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try readLiteral("null")
            return .null
        default:
            let value = try readNumber()
            return .number(JSONNumber(literal: String(decoding: scratch, as: UTF8.self), value: value))
        }
    }

    mutating func readObject(depth: Int) throws(ReadError) -> JSONObject {
        guard depth <= Self.maximumDepth else { throw tooDeep() }
        try expect(UInt8(ascii: "{"), "an object")
        var object = JSONObject()
        try skipWhitespace()
        if try peek() == UInt8(ascii: "}") {
            position += 1
            return object
        }
        // A key given twice: the last value wins, in the first one's place
        // (as for properties). Large objects find keys through a table.
        var positions: [String: Int]?
        repeat {
            let key = try readString()
            try expect(UInt8(ascii: ":"), "':' after a member name")
            let value = try readValue(depth: depth)
            if positions == nil, object.members.count >= 16 {
                positions = Dictionary(object.members.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
            }
            let earlier = positions.map { $0[key] } ?? object.members.firstIndex { $0.key == key }
            if let earlier {
                object.members[earlier].value = value
            } else {
                positions?[key] = object.members.count
                object.members.append(.init(key: key, value: value))
            }
        } while try separator(closing: UInt8(ascii: "}"), in: "an object")
        return object
    }

    /// Skips a value of any kind, keeping nothing.
    mutating func skipValue(depth: Int = 0) throws(ReadError) {
        _ = try readValue(depth: depth)
    }

    func tooDeep() -> ReadError {
        error("values nest deeper than \(Self.maximumDepth) levels")
    }

    /// True once only whitespace (and record separators of a text
    /// sequence) remains.
    mutating func skipToNextText() throws(ReadError) -> Bool {
        while true {
            try skipWhitespace()
            guard let byte = try peek() else { return false }
            guard byte == 0x1E else { return true }
            position += 1
        }
    }

    /// Skips a UTF-8 byte order mark at the very start.
    mutating func skipByteOrderMark() throws(ReadError) {
        guard try peek() == 0xEF else { return }
        for expected: UInt8 in [0xEF, 0xBB, 0xBF] {
            guard try next("a byte order mark") == expected else { throw error("the file starts with a broken byte order mark") }
        }
        lineStart = chunkOffset + position
    }
}
