/// A failed GEOS operation, with the message GEOS gave for it.
public struct GEOSError: Error, CustomStringConvertible, Sendable {
    public let operation: String
    public let message: String

    public var description: String { "\(operation): \(message)" }
}
