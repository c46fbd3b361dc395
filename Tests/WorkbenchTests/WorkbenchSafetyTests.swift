import Foundation
import Geo
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Workbench

extension WorkbenchTests {
    /// Nothing is written outside the study's folder, nor over its inputs;
    /// nothing but the page and the API is served; beyond the loopback every
    /// request needs the token.
    @Suite struct WorkbenchSafetyTests {
        @Test func savesStayInsideTheStudyFolder() async throws {
            let (server, folder) = try await WorkbenchFixture.server()
            let outside = folder.deletingLastPathComponent().appendingPathComponent("escaped-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
            // A link inside the study's folder to a folder outside it.
            try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("link"), withDestinationURL: outside)
            try await Application(router: server.router()).test(.router) { client in
                for name in ["../escaped.csv", "/tmp/escaped.csv", "sub/../../escaped.csv", "link/escaped.csv", "~/escaped.csv"] {
                    let answer = try await client.call(.post, "/api/save", "{\"file\": \(JSONValue.string(name).jsonText)}")
                    #expect(answer.status == 403, "\(name): \(answer.text)")
                }
                #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
                #expect(!FileManager.default.fileExists(atPath: folder.deletingLastPathComponent().appendingPathComponent("escaped.csv").path))
                let wrongKind = try await client.call(.post, "/api/save", #"{"file": "grouping.sh"}"#)
                #expect(wrongKind.status == 400 && wrongKind.error.contains(".csv or .html"))
                // The study's own inputs are never overwritten (here, by absolute path: refused as absolute too).
                let study = try await client.call(.post, "/api/save", #"{"file": "study.json"}"#)
                #expect(study.status == 400)

                let saved = try await client.call(.post, "/api/save", #"{"file": "groupings/mine.csv"}"#)
                #expect(saved.status == 200, "\(saved.text)")
                let written = try String(contentsOf: folder.appendingPathComponent("groupings/mine.csv"), encoding: .utf8)
                #expect(written == (try await client.call(.get, "/api/grouping.csv")).text)
                let report = try await client.call(.post, "/api/save", #"{"file": "report.html"}"#)
                #expect(report.status == 200)
                #expect(try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8).hasPrefix("<!DOCTYPE html>"))

                for uri in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/api/../study.json", "/study.json", "/api/grouping.csv/../../study.json"] {
                    let answer = try await client.call(.get, uri)
                    #expect(answer.status == 404, "\(uri): \(answer.status)")
                    #expect(!answer.text.contains("territories"), "\(uri)")
                }
            }
        }

        @Test func theStudysInputsAreNotOverwritten() async throws {
            // A grouping the study reads, in its folder: protected as serve protects its inputs.
            let (session, folder) = try await WorkbenchFixture.session { folder in
                let inside = folder.appendingPathComponent("circuits.csv")
                try "territory_code,circuit_id\n".write(to: inside, atomically: true, encoding: .utf8)
                return [inside.path]
            }
            await #expect(throws: WorkbenchError.self) { try await session.save("circuits.csv") }
            #expect(try String(contentsOf: folder.appendingPathComponent("circuits.csv"), encoding: .utf8) == "territory_code,circuit_id\n")
            #expect(try await session.save("other.csv").contains("other.csv"))
        }

        @Test func beyondTheLoopbackTheTokenIsRequired() async throws {
            let (server, _) = try await WorkbenchFixture.server(host: "0.0.0.0")
            let token = try #require(server.token)
            #expect(token.count == 32)
            #expect(server.address(port: 8080) == "http://0.0.0.0:8080/?token=\(token)")
            try await Application(router: server.router()).test(.router) { client in
                let refused = try await client.call(.get, "/api/metrics")
                #expect(refused.status == 401)
                #expect(refused.error.contains("token"))
                #expect(try await client.call(.get, "/").status == 401)
                #expect(try await client.call(.get, "/api/metrics?token=wrong").status == 401)
                // One character changed (to one it is not: a token ending in "0" would otherwise pass).
                let nearly = String(token.dropLast()) + (token.hasSuffix("0") ? "1" : "0")
                #expect(try await client.call(.post, "/api/move?token=" + nearly, #"{"territories": ["EM0902"], "circuit": "C-EM06"}"#).status == 401)
                #expect(try await client.call(.get, "/api/metrics?token=\(token)").status == 200)
                #expect(try await client.call(.get, "/api/metrics", headers: [.init("X-Territorio-Token")!: token]).status == 200)
            }
            let (local, _) = try await WorkbenchFixture.server()
            #expect(local.token == nil)
            try await Application(router: local.router()).test(.router) { client in
                let answer = try await client.call(.get, "/api/metrics")
                #expect(answer.status == 200)
            }
        }
    }
}
