import Foundation
import Hummingbird

/// The HTTP API the page uses (README, "Workbench"): each route reads its
/// request, asks the session, and answers JSON (or the page, CSV, HTML).
/// A refusal is `{"error": reason}` with its status, and changes nothing.
enum WorkbenchRoutes {
    static func add(to router: Router<BasicRequestContext>, session: WorkbenchSession, page: String, bodyLimit: Int) {
        router.get("/") { _, _ in html(page) }
        router.get("/index.html") { _, _ in html(page) }

        router.get("/api/study") { _, _ in await json(session.studyJSON()) }
        router.get("/api/metrics") { _, _ in await json(session.metricsJSON()) }
        router.put("/api/grouping") { request, _ in
            try await answer {
                let body = try await text(request, limit: bodyLimit, route: "PUT /api/grouping")
                return try await session.replaceGrouping(csv: body)
            }
        }
        router.get("/api/grouping.csv") { _, _ -> Response in
            let csv = await session.groupingCSV()
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"grouping.csv\""],
                            body: .init(byteBuffer: ByteBuffer(string: csv)))
        }
        post(router, "/api/move", ["territories", "circuit"], bodyLimit) { body in
            try await session.move(try body.strings("territories"), to: try body.string("circuit"))
        }
        post(router, "/api/circuits", ["id", "name", "territories"], bodyLimit) { body in
            try await session.createCircuit(try body.string("id"), name: try body.optionalString("name"), territories: try body.strings("territories"))
        }
        post(router, "/api/circuits/rename", ["id", "name"], bodyLimit) { body in
            try await session.renameCircuit(try body.string("id"), name: try body.string("name"))
        }
        post(router, "/api/circuits/merge", ["circuits", "into", "name"], bodyLimit) { body in
            try await session.mergeCircuits(try body.strings("circuits"), into: try body.string("into"), name: try body.optionalString("name"))
        }
        post(router, "/api/circuits/delete", ["id"], bodyLimit) { body in
            try await session.deleteCircuit(try body.string("id"))
        }
        router.post("/api/undo") { _, _ in try await answer { try await session.undo() } }
        router.post("/api/redo") { _, _ in try await answer { try await session.redo() } }
        router.get("/api/distribution") { request, _ -> Response in
            try await answer {
                if request.uri.queryParameters["wait"] == "1" { return try await session.distributionNow() }
                session.startDistribution()
                switch session.distributionStatus.state {
                case .ready(let json): return json
                case .failed(let message): throw WorkbenchError(500, "the exact distribution failed: \(message)")
                case .computing, .idle: return "{\"status\":\"computing\",\"version\":\(session.distributionStatus.currentVersion)}"
                }
            }
        }
        post(router, "/api/suggest", ["min_population", "min_units", "seed"], bodyLimit, emptyAllowed: true) { body in
            let seed = try body.number("seed") ?? 1
            guard seed >= 0, seed == seed.rounded() else { throw WorkbenchError.badRequest("POST /api/suggest: \"seed\" is a whole number, 0 or more") }
            let units = try body.number("min_units")
            if let units, units < 1 || units != units.rounded() { throw WorkbenchError.badRequest("POST /api/suggest: \"min_units\" is a whole number, 1 or more") }
            let population = try body.number("min_population")
            if let population, population < 0 { throw WorkbenchError.badRequest("POST /api/suggest: \"min_population\" is 0 or more") }
            return try await session.suggest(minimumPopulation: population, minimumUnits: units.map { Int($0) }, seed: UInt64(seed))
        }
        router.post("/api/scenario") { request, _ in
            try await answer {
                let data = try await bytes(request, limit: bodyLimit)
                return try await session.applyScenario(data, preview: request.uri.queryParameters["preview"] == "1")
            }
        }
        router.get("/api/scenarios") { _, _ in await json(session.scenariosJSON()) }
        post(router, "/api/scenarios", ["name"], bodyLimit) { body in try await session.saveScenario(try body.string("name")) }
        post(router, "/api/scenarios/delete", ["name"], bodyLimit) { body in try await session.deleteScenario(try body.string("name")) }
        post(router, "/api/scenarios/open", ["name"], bodyLimit) { body in try await session.openScenario(try body.string("name")) }
        router.get("/api/report.html") { _, _ -> Response in
            do {
                return html(try await session.reportHTML())
            } catch {
                return Self.error(error)
            }
        }
        post(router, "/api/save", ["file"], bodyLimit) { body in try await session.save(try body.string("file")) }
    }

    /// A POST route whose body is a JSON object with `keys`.
    static func post(_ router: Router<BasicRequestContext>, _ path: String, _ keys: [String], _ limit: Int, emptyAllowed: Bool = false,
                     _ handler: @escaping @Sendable (RequestObject) async throws -> String) {
        router.post(RouterPath(stringLiteral: path)) { request, _ in
            try await answer {
                let data = try await bytes(request, limit: limit)
                let body = try RequestObject(emptyAllowed && data.isEmpty ? Data("{}".utf8) : data, route: "POST \(path)", keys: keys)
                return try await handler(body)
            }
        }
    }

    /// The body, refused with 413 beyond `limit` bytes.
    static func bytes(_ request: Request, limit: Int) async throws -> Data {
        var request = request
        do {
            let buffer = try await request.collectBody(upTo: limit)
            return Data(buffer.readableBytesView)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw WorkbenchError(413, "the request body is over \(limit / (1 << 20)) MB; the workbench takes groupings and edits up to that size")
        }
    }

    static func text(_ request: Request, limit: Int, route: String) async throws -> String {
        let data = try await bytes(request, limit: limit)
        guard let text = String(data: data, encoding: .utf8) else { throw WorkbenchError.badRequest("\(route): the body is not UTF-8 text") }
        return text
    }

    /// Runs `work`, answering its JSON, or the refusal.
    static func answer(_ work: () async throws -> String) async throws -> Response {
        do {
            return json(try await work())
        } catch {
            return Self.error(error)
        }
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func html(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func error(_ error: Error) -> Response {
        let refusal = error as? WorkbenchError ?? WorkbenchError(500, "\(error)")
        return json(#"{"error":"# + jsonString(refusal.message) + "}", status: HTTPResponse.Status(code: refusal.status))
    }

    static func jsonString(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed])) ?? Data("[\"\"]".utf8)
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }
}
