import Foundation
import Hummingbird

/// The workbench served over HTTP: the page and its API, bound to
/// 127.0.0.1 unless told otherwise; beyond the loopback every request
/// needs the token (`AccessToken`); bodies are bounded.
public struct WorkbenchServer: Sendable {
    public var session: WorkbenchSession
    public var host: String
    public var port: Int
    /// Set when `host` is not a loopback address.
    public var token: String?
    public var bodyLimit: Int
    public var page: String

    public static let defaultBodyLimit = 10 << 20

    public init(session: WorkbenchSession, host: String = "127.0.0.1", port: Int = 8080, page: String,
                bodyLimit: Int = defaultBodyLimit, token: String? = nil) {
        self.session = session
        self.host = host
        self.port = port
        self.page = page
        self.bodyLimit = bodyLimit
        self.token = token ?? (Self.isLoopback(host) ? nil : AccessToken<BasicRequestContext>.make())
    }

    public static func isLoopback(_ host: String) -> Bool {
        ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased()) || host.hasPrefix("127.")
    }

    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        if let token { router.add(middleware: AccessToken<BasicRequestContext>(token: token)) }
        WorkbenchRoutes.add(to: router, session: session, page: page, bodyLimit: bodyLimit)
        return router
    }

    /// The address to open, with the token when there is one.
    public func address(port: Int) -> String {
        let shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "http://\(shown):\(port)/" + (token.map { "?token=\($0)" } ?? "")
    }

    /// Serves until the process is interrupted; `running` gets the port
    /// bound (the one the system chose for port 0).
    public func run(running: @escaping @Sendable (Int) async -> Void) async throws {
        let app = Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "territorio"),
                              onServerRunning: { channel in await running(channel.localAddress?.port ?? port) })
        try await app.runService()
    }
}
