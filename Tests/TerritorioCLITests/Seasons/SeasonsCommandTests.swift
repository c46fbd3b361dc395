import Foundation
import Testing
@testable import Geo

/// `--month`, `--months all` and `monitor` on the seasonal sample
/// (geodata/territory/seasons): two cheese circuits, a rainy-season milk
/// profile, a cold store, three snapshots.
@Suite struct SeasonsCommandTests {
    static let folder = SampleFiles.data + "/seasons"
    static let study = folder + "/study.json"

    static func json(_ path: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    static func selfSupply(_ root: [String: Any], circuit: String) -> Double? {
        let circuits = root["circuits"] as? [[String: Any]] ?? []
        let entry = circuits.first { $0["circuit_id"] as? String == circuit }
        return ((entry?["products"] as? [[String: Any]])?.first)?["self_supply"] as? Double
    }

    /// The year's figures are the twelve months' runs, month by month;
    /// without a flag, the output is today's.
    @Test func theYearIsTwelveMonths() throws {
        let year = CommandTests.temporary("seasons-year.json")
        let outcome = try AdversarialInputTests.territorio(["coverage", "--study", Self.study, "--months", "all",
                                                            "-o", CommandTests.temporary("seasons-year.geojson"), "--json", year])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let root = try Self.json(year)
        let circuits = try #require(root["circuits"] as? [[String: Any]])
        #expect(circuits.count == 2)
        for month in 1...12 {
            let single = CommandTests.temporary("seasons-month-\(month).json")
            let run = try AdversarialInputTests.territorio(["coverage", "--study", Self.study, "--month", String(month), "--no-exchange",
                                                            "-o", CommandTests.temporary("seasons-month.geojson"), "--json", single])
            #expect(run.status == 0, "\(run.standardError)")
            let monthly = try Self.json(single)
            for circuit in circuits {
                let id = circuit["circuit"] as? String ?? ""
                let months = ((circuit["products"] as? [[String: Any]])?.first?["months"] as? [[String: Any]]) ?? []
                #expect(months[month - 1]["self_supply"] as? Double == Self.selfSupply(monthly, circuit: id), "\(id), month \(month)")
            }
        }
        // C-EM05's milk follows the rains: 6 % of the year in January, 5 % in February and March.
        let em05 = try #require(circuits.first { $0["circuit"] as? String == "C-EM05" })
        let product = try #require((em05["products"] as? [[String: Any]])?.first)
        #expect(product["worst_month"] as? Int == 2)
        #expect(product["worst_bottleneck"] as? String == "primary")
        // The cold store (46.4 t) carries November's surplus into December.
        let months = try #require(product["months"] as? [[String: Any]])
        #expect(abs((months[10]["carried_to_next_month"] as? Double ?? 0) - 46.4) < 1e-6)
        // A month by name is the month by number.
        let march = CommandTests.temporary("seasons-marzo.json")
        _ = try AdversarialInputTests.territorio(["coverage", "--study", Self.study, "--month", "marzo", "--no-exchange",
                                                  "-o", CommandTests.temporary("seasons-marzo.geojson"), "--json", march])
        #expect(Self.selfSupply(try Self.json(march), circuit: "C-EM05") == months[2]["self_supply"] as? Double)
    }

    @Test func aBadProfileIsAClearError() throws {
        var sites = try Layer.readGeoJSON(path: Self.folder + "/sites.geojson")
        sites.features[1].properties["season"] = "0.5,0.5,0.5"
        let path = CommandTests.temporary("seasons-bad-sites.geojson")
        try sites.writeGeoJSON(path: path)
        let outcome = try AdversarialInputTests.territorio(["coverage", "--study", Self.study, "--sites", path, "--month", "3",
                                                            "-o", CommandTests.temporary("seasons-bad.geojson")])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("feature 1 (id F02)") && outcome.standardError.contains("12 shares"), "\(outcome.standardError)")
        let month = try AdversarialInputTests.territorio(["coverage", "--study", Self.study, "--month", "brumaire",
                                                          "-o", CommandTests.temporary("seasons-bad.geojson")])
        #expect(month.status != 0 && month.standardError.contains("1-12 or a month's name"), "\(month.standardError)")
    }

    @Test func monitorThreeSnapshots() throws {
        let json = CommandTests.temporary("monitor.json"), csv = CommandTests.temporary("monitor.csv")
        let map = CommandTests.temporary("progress.geojson"), html = CommandTests.temporary("monitor.html")
        let outcome = try AdversarialInputTests.territorio([
            "monitor", "--study", Self.study, "--snapshots", Self.folder + "/snapshots", "--json", json, "--csv", csv,
            "--report", html, "--route", Self.folder + "/milestones.json", "--milestones", Self.folder + "/milestones.csv",
            "--progress-map", map,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let root = try Self.json(json)
        #expect(root["dates"] as? [String] == ["2025-01", "2025-04", "2025-07"])
        let changes = try #require(root["changes"] as? [[String: Any]])
        #expect(changes.map { $0["vanished"] as? [String] ?? [] } == [["F03"], []])
        #expect(changes.map { $0["new"] as? [String] ?? [] } == [[], ["F13"]])
        // EM0813 reached the market in July.
        let layer = try Layer.readGeoJSON(path: map)
        let em0813 = layer.features.first { $0.properties["territory"] == "EM0813" && $0.properties["date"] == "2025-07" }
        #expect(em0813?.properties["category"] == "market reached")
        #expect(try String(contentsOfFile: html, encoding: .utf8).contains("data:image/svg+xml"))
        #expect(try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").count == 1 + 3 * 2)
    }
}
