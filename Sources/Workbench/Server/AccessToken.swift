import Foundation
import Hummingbird

/// Served beyond the loopback (`--host`), every request carries the token
/// printed at start: the `X-Territorio-Token` header or `?token=`.
struct AccessToken<Context: RequestContext>: RouterMiddleware {
    static var header: String { "x-territorio-token" }

    let token: String

    /// 32 hexadecimal digits from the system's random source.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%08x", UInt32.random(in: .min ... .max, using: &generator)) }.joined()
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let given = request.headers.first { $0.name.canonicalName == Self.header }?.value
            ?? request.uri.queryParameters["token"].map(String.init)
        guard let given, Self.same(given, token) else {
            return WorkbenchRoutes.error(WorkbenchError(401, "this workbench is served beyond the loopback and needs its token: open the address printed at start (…?token=…) or send the X-Territorio-Token header"))
        }
        return try await next(request, context)
    }

    /// Compared in time that does not depend on where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
