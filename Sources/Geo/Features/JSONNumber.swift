/// A JSON number that keeps the text it was read from, so `12687.0`
/// and `85680511` are written back exactly as they came.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    public let literal: String
    public let value: Double

    /// `literal` must already be a valid JSON number for `value`.
    init(literal: String, value: Double) {
        self.literal = literal
        self.value = value
    }

    public init(_ value: Double) {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            self.init(literal: String(Int64(value)), value: value)
        } else {
            self.init(literal: value.isFinite ? "\(value)" : "null", value: value)
        }
    }

    /// A number from a floating-point source (a Real field of another
    /// format): always written with a fraction or an exponent (`5.0`), so
    /// a writer can tell it from an integer.
    public init(real value: Double) {
        self.init(literal: value.isFinite ? "\(value)" : "null", value: value)
    }

    public init(_ value: Int) {
        self.init(literal: String(value), value: Double(value))
    }

    public var description: String { literal }

    /// True when the literal is an integer: digits, an optional minus, no
    /// fraction and no exponent (`12`, not `12.0` nor `1e3`).
    public var isIntegerLiteral: Bool {
        !literal.isEmpty && literal.utf8.allSatisfy { $0 == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// The value as an integer when it is one.
    public var intValue: Int? {
        value == value.rounded() && abs(value) < 9e15 ? Int(value) : nil
    }
}
