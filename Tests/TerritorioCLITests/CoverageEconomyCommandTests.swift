import Foundation
import Testing
@testable import Geo

/// `coverage` on the sample state as a planner runs it: the story
/// municipalities' stage balances (geodata/README.md, "The story"), zones,
/// a point layer tallied per zone, and a circuit in two zones refused.
@Suite struct CoverageEconomyCommandTests {
    static let vegetables = SampleFiles.data + "/chains/vegetables.json"

    static func zones(_ text: String, name: String) -> String {
        let path = CommandTests.temporary(name)
        try? Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func object(_ value: Any?) -> [String: Any] { value as? [String: Any] ?? [:] }

    @Test func theStoryMunicipalitiesZonesAndPoints() throws {
        let north = (1...7).map { String(format: "C-EM%02d,Norte", $0) }, south = (8...15).map { String(format: "C-EM%02d,Sur", $0) }
        let zones = Self.zones("circuit_id,zone_id\n" + (north + south).joined(separator: "\n") + "\n", name: "zones.csv")
        let json = CommandTests.temporary("economy.json"), report = CommandTests.temporary("economy.md")
        let outcome = try AdversarialInputTests.territorio([
            "coverage", "--territories", SampleFiles.parishes, "--id-field", "code", "--grouping", SampleFiles.circuits,
            "--sites", SampleFiles.sites, "--chain", SampleFiles.cheese, "--chain", Self.vegetables, "--zones", zones,
            "--points", SampleFiles.sites, "--points-by", "owner", "-o", CommandTests.temporary("economy.geojson"),
            "--json", json, "--report", report,
        ], memoryLimit: 1 << 30)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let root = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        let circuits = try #require(root["circuits"] as? [[String: Any]])
        func product(_ circuit: String, _ name: String) -> [String: Any] {
            let entry = circuits.first { $0["circuit_id"] as? String == circuit }
            return (entry?["products"] as? [[String: Any]])?.first { $0["product"] as? String == name } ?? [:]
        }
        func stage(_ product: [String: Any], _ name: String) -> [String: Any] {
            (product["stages"] as? [[String: Any]])?.first { $0["stage"] as? String == name } ?? [:]
        }
        // Tovar: 12,000 t grown for 100,840 people at 8 kg (806.72 t); a tenth lost at collection.
        let tovar = product("C-EM09", "vegetables")
        #expect(abs((tovar["exportable_surplus"] as? Double ?? 0) - (10_800 - 806.72)) < 0.01)
        #expect(abs((stage(tovar, "primary")["balance"] as? Double ?? 0) - (12_000 - 806.72 / 0.9)) < 0.01)
        #expect(tovar["product_shortage"] as? Double == 0)
        // Colina: 450 t of cheese for 155,210 people at 0.6 kg (93.126 t); shops for 66 t.
        let colina = product("C-EM04", "cheese")
        #expect(abs((stage(colina, "processing")["balance"] as? Double ?? 0) - (450 - 93.126)) < 0.01)
        #expect(abs((stage(colina, "retail")["to_add"] as? Double ?? 0) - (93.126 - 66)) < 0.01)
        #expect(colina["product_shortage"] as? Double == 0)
        let nodes = try #require(root["critical_nodes"] as? [[String: Any]])
        #expect(nodes.contains { $0["circuit_id"] as? String == "C-EM04" && $0["proposal"] as? String == "add 27.1 t/month of retail" })
        // Zones: each taken as one circuit of its circuits' people.
        let zoneEntries = try #require(root["zones"] as? [[String: Any]])
        #expect(zoneEntries.map { $0["zone_id"] as? String } == ["Norte", "Sur"])
        let people = circuits.reduce(0) { $0 + ($1["population"] as? Double ?? 0) }
        #expect(zoneEntries.reduce(0) { $0 + ($1["population"] as? Double ?? 0) } == people)
        // Every actor is a point in some zone, by owner: 128 outside intermediaries.
        let points = Self.object(root["points"])
        let byZone = try #require(points["by_zone"] as? [[String: Any]])
        #expect(byZone.reduce(0) { $0 + ($1["points"] as? Int ?? 0) } == points["points"] as? Int)
        #expect(byZone.filter { $0["category"] as? String == "outside" }.reduce(0) { $0 + ($1["points"] as? Int ?? 0) } == 128)
        let markdown = try String(contentsOfFile: report, encoding: .utf8)
        #expect(markdown.contains("## Surplus to place"))
        #expect(markdown.contains("## Economic zones"))
        #expect(markdown.contains("| C-EM04 | cheese | retail | 66.0 | 93.1 | 29 % | add 27.1 t/month of retail |"))
    }

    @Test func aCircuitInTwoZonesIsRefusedNamingBothLines() throws {
        let zones = Self.zones("circuit_id,zone_id\nC-EM01,Norte\nC-EM01,Sur\n", name: "two_zones.csv")
        let outcome = try AdversarialInputTests.territorio([
            "coverage", "--territories", SampleFiles.parishes, "--id-field", "code", "--grouping", SampleFiles.circuits,
            "--sites", SampleFiles.sites, "--chain", SampleFiles.cheese, "--zones", zones,
            "-o", CommandTests.temporary("two_zones.geojson"),
        ], memoryLimit: 1 << 30)
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("two_zones.csv:3: circuit C-EM01 is in zone Sur here and in zone Norte on line 2; a circuit lies in one zone"))
    }
}
