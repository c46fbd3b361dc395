/// Why a request was refused: the HTTP status and a reason a person can
/// act on. Nothing is changed when one is thrown.
public struct WorkbenchError: Error, CustomStringConvertible, Sendable {
    public var status: Int
    public var message: String

    public init(_ status: Int, _ message: String) {
        self.status = status
        self.message = message
    }

    static func badRequest(_ message: String) -> WorkbenchError { WorkbenchError(400, message) }
    static func notFound(_ message: String) -> WorkbenchError { WorkbenchError(404, message) }
    static func conflict(_ message: String) -> WorkbenchError { WorkbenchError(409, message) }

    public var description: String { message }
}
