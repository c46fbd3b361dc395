import Foundation
import Geo
import Hummingbird
import HummingbirdTesting
import Territory
import Testing
@testable import TerritorioCLI
@testable import Workbench

/// Every workbench test, one at a time: each session runs its analyses on
/// a thread of its own, and Foundation's number formatting on Linux is not
/// safe on two threads at once (the server has one session; the tests have many).
@Suite(.serialized) struct WorkbenchTests {}

/// The sample study (geodata/territory: 150 parishes, the sites, four
/// chains, the circuits by municipality) in a study file of its own
/// folder, read by `serve`'s own code into a session, and its server.
enum WorkbenchFixture {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let territory = repository.appendingPathComponent("geodata/territory")
    static let chains = ["cheese", "maize_flour", "vegetables", "coffee"]

    /// A new folder holding study.json, which names the sample's files by absolute path.
    static func studyFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("territorio-workbench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func path(_ name: String) -> String { JSONValue.string(territory.appendingPathComponent(name).path).jsonText }
        let text = """
            {"territories": {"file": \(path("parishes.geojson")), "id_field": "code", "name_field": "name", "population_field": "population"},
             "sites": {"file": \(path("sites.geojson"))},
             "chains": [\(chains.map { path("chains/\($0).json") }.joined(separator: ", "))],
             "grouping": \(path("groupings/circuits_by_municipality.csv"))}
            """
        try text.write(to: folder.appendingPathComponent("study.json"), atomically: true, encoding: .utf8)
        return folder
    }

    /// A session on a new study folder, loaded as `territorio serve` loads it.
    /// `protect` may add files to the folder and name them as inputs too.
    static func session(protect: (URL) throws -> [String] = { _ in [] }) async throws -> (session: WorkbenchSession, folder: URL) {
        let folder = try studyFolder()
        let extra = try protect(folder)
        let command = try #require(try Territorio.parseAsRoot(["serve", "--study", folder.appendingPathComponent("study.json").path]) as? ServeCommand)
        let session = WorkbenchSession(folder: folder.path, language: .en, protecting: command.inputFiles + extra)
        nonisolated(unsafe) let serve = command
        try await session.load { try serve.study() }
        return (session, folder)
    }

    static func server(host: String = "127.0.0.1", bodyLimit: Int = WorkbenchServer.defaultBodyLimit) async throws -> (server: WorkbenchServer, folder: URL) {
        let (session, folder) = try await session()
        return (WorkbenchServer(session: session, host: host, port: 0, page: "<!DOCTYPE html><title>workbench</title>", bodyLimit: bodyLimit), folder)
    }
}

/// A response: its status and its body as JSON (nil when it is not JSON).
struct Answer {
    var status: Int
    var text: String
    var json: [String: Any]? { try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] }
    var error: String { json?["error"] as? String ?? "" }
}

extension TestClientProtocol {
    func call(_ method: HTTPRequest.Method, _ uri: String, _ body: String? = nil, headers: HTTPFields = [:]) async throws -> Answer {
        try await execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { response in
            Answer(status: Int(response.status.code), text: String(buffer: response.body))
        }
    }
}

/// Reads nested JSON: `value(json, "coverage", "circuits")`.
func value(_ root: Any?, _ path: Any...) -> Any? {
    var current = root
    for step in path {
        if let key = step as? String { current = (current as? [String: Any])?[key] }
        else if let index = step as? Int { current = (current as? [Any]).flatMap { index < $0.count ? $0[index] : nil } }
    }
    return current
}

/// The circuit `id`'s object in a list of circuits.
func circuit(_ list: Any?, _ id: String) -> [String: Any]? {
    (list as? [[String: Any]])?.first { $0["circuit_id"] as? String == id }
}
