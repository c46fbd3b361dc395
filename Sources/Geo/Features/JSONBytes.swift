/// JSON text built as bytes: numbers at a fixed precision, strings
/// escaped, values in the order they are given. Same input, same bytes.
struct JSONBytes {
    var bytes: [UInt8] = []

    init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(__always)
    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// `value` rounded to `decimals` places, trailing zeros dropped:
    /// -66.1234567, 10.5, 3. Integers are formatted by hand, so the text
    /// never depends on the platform's float printing.
    mutating func append(_ value: Double, decimals: Int) {
        let scale = Self.powersOfTen[decimals]
        let scaled = (value * scale).rounded()
        guard Self.isWrittenFixed(value, scaled: scaled) else {
            appendGeneral(value)
            return
        }
        let units = Int64(scaled)
        if units == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        // Digits go right to left into a buffer on the stack (|units| <
        // 9e15: at most 16 digits, a point and a sign), then in one copy:
        // no allocation per coordinate, which a million points feel.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            var start = 24
            var magnitude = units.magnitude
            let divisor = UInt64(scale)
            var fraction = magnitude % divisor
            magnitude /= divisor
            if fraction != 0 {
                var digits = decimals
                while fraction % 10 == 0 {
                    fraction /= 10
                    digits -= 1
                }
                for _ in 0..<digits {
                    start -= 1
                    buffer[start] = UInt8(ascii: "0") + UInt8(fraction % 10)
                    fraction /= 10
                }
                start -= 1
                buffer[start] = UInt8(ascii: ".")
            }
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if units < 0 {
                start -= 1
                buffer[start] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<24]))
        }
    }

    /// `value` as a reader of `append(_:decimals:)`'s text gets it back:
    /// the decimal printed is k / 10^decimals exactly, and parsing it gives
    /// the double nearest that, which is what this division gives too.
    static func roundedAsWritten(_ value: Double, decimals: Int) -> Double {
        let scale = powersOfTen[decimals]
        let scaled = (value * scale).rounded()
        guard isWrittenFixed(value, scaled: scaled) else { return value }
        return scaled / scale
    }

    /// Values written with fixed decimals; others are written in full.
    private static func isWrittenFixed(_ value: Double, scaled: Double) -> Bool {
        value.isFinite && abs(scaled) < 9e15
    }

    mutating func append(integer value: UInt64) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var start = 20
            var value = value
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            } while value > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<20]))
        }
    }

    /// Numbers too large for fixed decimals, or not finite (written as
    /// null: JSON has no NaN).
    private mutating func appendGeneral(_ value: Double) {
        if value.isFinite {
            bytes.append(contentsOf: "\(value)".utf8)
        } else {
            raw("null")
        }
    }

    mutating func append(string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte == 0x22 || byte == 0x5C || byte < 0x20 {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscape(byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        switch byte {
        case 0x22: raw("\\\"")
        case 0x5C: raw("\\\\")
        case 0x0A: raw("\\n")
        case 0x0D: raw("\\r")
        case 0x09: raw("\\t")
        default:
            raw("\\u00")
            bytes.append(Self.hexDigit(byte >> 4))
            bytes.append(Self.hexDigit(byte & 0xF))
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    mutating func append(_ value: JSONValue) {
        switch value {
        case .null: raw("null")
        case .bool(let flag): flag ? raw("true") : raw("false")
        case .number(let number): bytes.append(contentsOf: number.literal.utf8)
        case .string(let string): append(string: string)
        case .array(let values):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in values.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                append(element)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            append(object)
        }
    }

    mutating func append(_ object: JSONObject) {
        bytes.append(UInt8(ascii: "{"))
        for (index, member) in object.members.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(string: member.key)
            bytes.append(UInt8(ascii: ":"))
            append(member.value)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    static let powersOfTen: [Double] = (0...15).map { (0..<$0).reduce(1.0) { value, _ in value * 10 } }
}
