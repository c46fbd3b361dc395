import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Workbench

extension WorkbenchTests {
    /// Every endpoint in process (HummingbirdTesting's router framework), on
    /// the sample study. The figures checked are those the README gives for
    /// the same edits through `scenario` (Santa Clara de La Esperanza, EM0902,
    /// 1,450 people, from Tovar C-EM09 to Arismendi C-EM06: 100,840 -> 99,390
    /// and 19,912 -> 21,362).
    @Suite struct WorkbenchAPITests {
        @Test func studyGivesTheTerritoriesCircuitsAndProducts() async throws {
            let (server, _) = try await WorkbenchFixture.server()
            try await Application(router: server.router()).test(.router) { client in
                let study = try await client.call(.get, "/api/study")
                #expect(study.status == 200)
                let features = try #require(value(study.json, "territories", "features") as? [[String: Any]])
                #expect(features.count == 150)
                let first = try #require(features.first { $0["id"] as? String == "EM0505" })
                #expect(value(first, "properties", "name") as? String == "San Isidro de El Palmar")
                #expect(value(first, "properties", "population") as? Double == 43667)
                // WGS 84: the sample lies around 68° W, 10° N.
                let ring = try #require(value(first, "geometry", "coordinates", 0, 0) as? [Any] ?? value(first, "geometry", "coordinates", 0) as? [Any])
                let lon = try #require((ring.first as? [Double])?[0] ?? ring.first as? Double)
                #expect(lon > -73 && lon < -59)
                let circuits = try #require(value(study.json, "circuits") as? [[String: Any]])
                let csv = try String(contentsOf: WorkbenchFixture.territory.appendingPathComponent("groupings/circuits_by_municipality.csv"), encoding: .utf8)
                #expect(circuits.count == Set(csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] }).count)
                let products = try #require(value(study.json, "products") as? [[String: Any]])
                #expect(products.map { $0["product"] as? String } == ["cheese", "maize flour", "vegetables", "coffee"])
            }
        }

        @Test func aMoveChangesTheFiguresAndUndoRedoWalkBack() async throws {
            let (server, _) = try await WorkbenchFixture.server()
            try await Application(router: server.router()).test(.router) { client in
                let before = try await client.call(.get, "/api/metrics")
                #expect(circuit(value(before.json, "coverage", "circuits"), "C-EM09")?["population"] as? Double == 100_840)
                #expect(value(before.json, "can_undo") as? Bool == false)

                let moved = try await client.call(.post, "/api/move", #"{"territories": ["EM0902"], "circuit": "C-EM06"}"#)
                #expect(moved.status == 200, "\(moved.text)")
                #expect(circuit(value(moved.json, "coverage", "circuits"), "C-EM09")?["population"] as? Double == 99_390)
                #expect(circuit(value(moved.json, "coverage", "circuits"), "C-EM06")?["population"] as? Double == 21_362)
                #expect(value(circuit(value(moved.json, "change", "circuits"), "C-EM09"), "population", "delta") as? Double == -1450)
                #expect(value(moved.json, "change", "territories_moved") as? Double == 1)
                let row = (value(moved.json, "grouping") as? [[String: String]])?.first { $0["territory_code"] == "EM0902" }
                #expect(row?["circuit_id"] == "C-EM06")

                let undone = try await client.call(.post, "/api/undo")
                #expect(circuit(value(undone.json, "coverage", "circuits"), "C-EM09")?["population"] as? Double == 100_840)
                #expect(value(undone.json, "can_redo") as? Bool == true)
                let redone = try await client.call(.post, "/api/redo")
                #expect(circuit(value(redone.json, "coverage", "circuits"), "C-EM09")?["population"] as? Double == 99_390)
                #expect(try await client.call(.post, "/api/redo").status == 409)
            }
        }

        @Test func circuitsAreCreatedRenamedMergedAndDeleted() async throws {
            let (server, _) = try await WorkbenchFixture.server()
            try await Application(router: server.router()).test(.router) { client in
                let created = try await client.call(.post, "/api/circuits", #"{"id": "C-NEW", "name": "Nuevo", "territories": ["EM0902"]}"#)
                #expect(created.status == 200, "\(created.text)")
                #expect(circuit(value(created.json, "coverage", "circuits"), "C-NEW")?["population"] as? Double == 1450)
                #expect(value(created.json, "circuit_names", "C-NEW") as? String == "Nuevo")
                #expect(value(circuit(value(created.json, "change", "circuits"), "C-NEW"), "population", "start") is NSNull)

                let renamed = try await client.call(.post, "/api/circuits/rename", #"{"id": "C-NEW", "name": "Santa Clara"}"#)
                #expect(value(renamed.json, "circuit_names", "C-NEW") as? String == "Santa Clara")

                let merged = try await client.call(.post, "/api/circuits/merge", #"{"circuits": ["C-NEW", "C-EM09"], "into": "C-EM09"}"#)
                #expect(merged.status == 200, "\(merged.text)")
                #expect(circuit(value(merged.json, "coverage", "circuits"), "C-EM09")?["population"] as? Double == 100_840)
                #expect(circuit(value(merged.json, "coverage", "circuits"), "C-NEW") == nil)

                let deleted = try await client.call(.post, "/api/circuits/delete", #"{"id": "C-EM09"}"#)
                #expect(deleted.status == 200, "\(deleted.text)")
                #expect(circuit(value(deleted.json, "coverage", "circuits"), "C-EM09") == nil)
                let unassigned = try #require(value(deleted.json, "coverage", "no_circuit") as? [[String: Any]])
                #expect(unassigned.reduce(0) { $0 + ($1["population"] as? Double ?? 0) } == 100_840)

                let unknown = try await client.call(.post, "/api/circuits/delete", #"{"id": "C-NONE"}"#)
                #expect(unknown.status == 404)
                #expect(unknown.error.contains("no circuit C-NONE") && unknown.error.contains("C-EM05"))
            }
        }

        @Test func badBodiesAre400WithTheReasonAndChangeNothing() async throws {
            let (server, _) = try await WorkbenchFixture.server()
            try await Application(router: server.router()).test(.router) { client in
                let version = value(try await client.call(.get, "/api/metrics").json, "version") as? Double
                let cases: [(String, String, String)] = [
                    ("/api/move", "not json", "not JSON"),
                    ("/api/move", "[1, 2]", "send a JSON object"),
                    ("/api/move", #"{"territories": ["EM0902"], "circuit": "C-EM06", "colour": "red"}"#, "unknown key \"colour\"; the keys are territories, circuit"),
                    ("/api/move", #"{"territories": "EM0902", "circuit": "C-EM06"}"#, "\"territories\" is"),
                    ("/api/move", #"{"territories": ["EM0902"]}"#, "give \"circuit\""),
                    ("/api/move", #"{"territories": ["XX99"], "circuit": "C-EM06"}"#, "XX99"),
                    ("/api/move", #"{"territories": ["EM0902"], "circuit": "C-NOPE"}"#, "C-NOPE"),
                    ("/api/move", "", "the body is empty"),
                    ("/api/circuits", #"{"id": "C-EM05", "territories": ["EM0902"]}"#, "C-EM05"),
                ]
                for (uri, body, reason) in cases {
                    let answer = try await client.call(.post, uri, body)
                    #expect(answer.status == 400, "\(uri) \(body): \(answer.text)")
                    #expect(answer.error.contains(reason), "\(body): \(answer.error)")
                }
                let csv = try await client.call(.put, "/api/grouping", "territory_code,circuit_id\nEM0505,C-A\nNOWHERE,C-B\n")
                #expect(csv.status == 400)
                #expect(csv.error.contains("NOWHERE"))
                let header = try await client.call(.put, "/api/grouping", "code_of_nothing\nEM0505\n")
                #expect(header.status == 400, "\(header.text)")
                let edits = try await client.call(.post, "/api/scenario", #"{"version": 1, "name": "x", "edits": [{"edit": "remove_site", "id": "S-NONE"}]}"#)
                #expect(edits.status == 400)
                #expect(edits.error.contains("edits[0] (remove_site): no site S-NONE"), "\(edits.error)")
                #expect(value(try await client.call(.get, "/api/metrics").json, "version") as? Double == version)
                #expect(value(try await client.call(.get, "/api/metrics").json, "can_undo") as? Bool == false)
            }
        }

        @Test func oversizedBodiesAre413() async throws {
            let (server, _) = try await WorkbenchFixture.server(bodyLimit: 1 << 20)
            try await Application(router: server.router()).test(.router) { client in
                let big = "territory_code,circuit_id\n" + String(repeating: "EM0505,C-EM05\n", count: 80_000)
                let answer = try await client.call(.put, "/api/grouping", big)
                #expect(answer.status == 413, "\(answer.text.prefix(200))")
                #expect(answer.error.contains("over 1 MB"))
                #expect(value(try await client.call(.get, "/api/metrics").json, "version") as? Double == 0)
            }
        }

        @Test func aGroupingCSVReplacesTheGroupingAndComesBack() async throws {
            let (server, _) = try await WorkbenchFixture.server()
            try await Application(router: server.router()).test(.router) { client in
                let alternative = try String(contentsOf: WorkbenchFixture.territory.appendingPathComponent("groupings/circuits_alternative.csv"), encoding: .utf8)
                let answer = try await client.call(.put, "/api/grouping", alternative)
                #expect(answer.status == 200, "\(answer.text.prefix(300))")
                let csv = try await client.call(.get, "/api/grouping.csv")
                let rows = csv.text.split(separator: "\n")
                #expect(rows.first == "territory_code,circuit_id,circuit_name")
                let given = Set(alternative.split(separator: "\n").dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") })
                #expect(Set(rows.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(2).joined(separator: ",") }) == given)
            }
        }

        @Test func aScenarioAnswersDeltasAndIsApplied() async throws {
            let (server, _) = try await WorkbenchFixture.server()
            try await Application(router: server.router()).test(.router) { client in
                let edits = try String(contentsOf: WorkbenchFixture.territory.appendingPathComponent("scenarios/cheese_plant_tovar.json"), encoding: .utf8)
                let preview = try await client.call(.post, "/api/scenario?preview=1", edits)
                #expect(preview.status == 200, "\(preview.text.prefix(300))")
                #expect(value(preview.json, "applied") as? Bool == false)
                // README: the 70 t plant in Tovar takes its cheese self-supply from 0 to 41.6 t.
                let tovar = circuit(value(preview.json, "scenarios", 0, "deltas", "circuits"), "C-EM09")
                let cheese = (tovar?["products"] as? [[String: Any]])?.first { $0["product"] as? String == "cheese" }
                #expect(value(cheese, "self_supply", "base") as? Double == 0)
                #expect(abs((value(cheese, "self_supply", "scenario") as? Double ?? 0) - 41.6) < 0.05)
                #expect(value(try await client.call(.get, "/api/metrics").json, "version") as? Double == 0)

                let applied = try await client.call(.post, "/api/scenario", edits)
                #expect(value(applied.json, "applied") as? Bool == true)
                let now = circuit(value(applied.json, "metrics", "coverage", "circuits"), "C-EM09")
                let balance = (now?["products"] as? [[String: Any]])?.first { $0["product"] as? String == "cheese" }
                #expect(abs((balance?["self_supply"] as? Double ?? 0) - 41.6) < 0.05)
                // The chain's whole-study delivered: 998.3 -> 1,068.3 t.
                let chain = (value(applied.json, "scenarios", 0, "deltas", "chains") as? [[String: Any]])?.first { $0["product"] as? String == "cheese" }
                #expect(abs((value(chain, "delivered", "base") as? Double ?? 0) - 998.3) < 0.05)
                #expect(abs((value(chain, "delivered", "scenario") as? Double ?? 0) - 1068.3) < 0.05)
            }
        }

        @Test func theDistributionGivesIntermediatedTonnes() async throws {
            let (server, _) = try await WorkbenchFixture.server()
            try await Application(router: server.router()).test(.router) { client in
                let first = try await client.call(.get, "/api/distribution")
                #expect(first.status == 200)
                #expect(["computing", "ready"].contains(value(first.json, "status") as? String))
                let ready = try await client.call(.get, "/api/distribution?wait=1")
                #expect(value(ready.json, "status") as? String == "ready", "\(ready.text.prefix(300))")
                let chains = try #require(value(ready.json, "distribution", "chains") as? [[String: Any]])
                let cheese = try #require(chains.first { $0["product"] as? String == "cheese" })
                #expect(abs((cheese["delivered"] as? Double ?? 0) - 998.3) < 0.05)
                #expect(cheese["intermediated"] is Double)
                let circuits = try #require(value(ready.json, "distribution", "circuits") as? [[String: Any]])
                #expect(circuits.allSatisfy { (($0["products"] as? [[String: Any]]) ?? []).allSatisfy { $0["intermediated"] is Double } })
                // Unchanged grouping: the start's figures are the same.
                #expect(value(ready.json, "start", "chains", 0, "intermediated") as? Double == chains[0]["intermediated"] as? Double)
            }
        }

        @Test func scenariosAreSavedUpToThreeAndCompared() async throws {
            let (server, _) = try await WorkbenchFixture.server()
            try await Application(router: server.router()).test(.router) { client in
                #expect(try await client.call(.post, "/api/scenarios", #"{"name": "a"}"#).status == 200)
                _ = try await client.call(.post, "/api/move", #"{"territories": ["EM0902"], "circuit": "C-EM06"}"#)
                #expect(try await client.call(.post, "/api/scenarios", #"{"name": "b"}"#).status == 200)
                #expect(try await client.call(.post, "/api/scenarios", #"{"name": "c"}"#).status == 200)
                let fourth = try await client.call(.post, "/api/scenarios", #"{"name": "d"}"#)
                #expect(fourth.status == 409)
                #expect(fourth.error.contains("up to 3"))
                let compared = try await client.call(.get, "/api/scenarios")
                let saved = try #require(value(compared.json, "scenarios") as? [[String: Any]])
                #expect(saved.map { $0["name"] as? String } == ["a", "b", "c"])
                #expect(saved.map { $0["territories_moved"] as? Double } == [0, 1, 1])
                let opened = try await client.call(.post, "/api/scenarios/open", #"{"name": "a"}"#)
                #expect(circuit(value(opened.json, "coverage", "circuits"), "C-EM09")?["population"] as? Double == 100_840)
                #expect(try await client.call(.post, "/api/scenarios/delete", #"{"name": "a"}"#).status == 200)
                #expect(try await client.call(.post, "/api/scenarios/delete", #"{"name": "a"}"#).status == 404)
            }
        }

        @Test func suggestReportAndPage() async throws {
            let (server, _) = try await WorkbenchFixture.server()
            try await Application(router: server.router()).test(.router) { client in
                let suggested = try await client.call(.post, "/api/suggest", #"{"min_population": 100000, "seed": 1}"#)
                #expect(suggested.status == 200, "\(suggested.text.prefix(300))")
                let circuits = try #require(value(suggested.json, "coverage", "circuits") as? [[String: Any]])
                #expect(circuits.allSatisfy { ($0["population"] as? Double ?? 0) >= 100_000 })
                #expect(value(suggested.json, "can_undo") as? Bool == true)
                #expect(try await client.call(.post, "/api/suggest", #"{"min_population": -1}"#).status == 400)

                let report = try await client.call(.get, "/api/report.html")
                #expect(report.status == 200)
                #expect(report.text.hasPrefix("<!DOCTYPE html>"))
                let page = try await client.call(.get, "/")
                #expect(page.status == 200 && page.text.contains("workbench"))
                #expect(try await client.call(.get, "/nothing-here").status == 404)
            }
        }
    }
}
