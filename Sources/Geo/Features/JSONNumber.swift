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

    public init(_ value: Int) {
        self.init(literal: String(value), value: Double(value))
    }

    public var description: String { literal }

    /// The value as an integer when it is one.
    public var intValue: Int? {
        value == value.rounded() && abs(value) < 9e15 ? Int(value) : nil
    }
}
