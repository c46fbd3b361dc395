import Foundation
import Testing
@testable import Geo

/// The rest of `--months all` and `monitor` on the seasonal sample
/// (geodata/territory/seasons): catchment's year, the flags that work for
/// the year, distribute by circuit, milestones from a territories' field.
@Suite struct SeasonsYearCommandTests {
    static let folder = SeasonsCommandTests.folder
    static let study = SeasonsCommandTests.study

    static func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

    /// The milk farms' capacity feeds people month by month; each month is
    /// what `--month M` gives, and every person is counted once a month.
    @Test func catchmentThroughTheYear() throws {
        let json = CommandTests.temporary("catchment-year.json"), layer = CommandTests.temporary("catchment-year.geojson")
        let outcome = try AdversarialInputTests.territorio(["catchment", "--study", Self.study, "--where", "stage = 'primary'",
                                                            "--method", "capacity", "--months", "all", "-o", layer, "--json", json])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let root = try SeasonsCommandTests.json(json)
        let months = try #require(root["months"] as? [[String: Any]])
        #expect(months.count == 12)
        let total = try #require(Self.number(root["population_total"]))
        for month in months {
            let sum = (Self.number(month["people_fed"]) ?? 0) + (Self.number(month["people_unfed"]) ?? 0) + (Self.number(month["people_outside"]) ?? 0)
            #expect(sum == total, "\(month)")
        }
        let worst = try #require(root["worst_month"] as? Int)
        let fed = months.map { Self.number($0["people_fed"]) ?? -1 }
        #expect(fed[worst - 1] == fed.min())
        // The worst month is `--month` of that month.
        for month in [worst, 7] {
            let single = CommandTests.temporary("catchment-month-\(month).json")
            let run = try AdversarialInputTests.territorio(["catchment", "--study", Self.study, "--where", "stage = 'primary'", "--method", "capacity",
                                                            "--month", String(month), "-o", CommandTests.temporary("catchment-month.geojson"), "--json", single])
            #expect(run.status == 0, "\(run.standardError)")
            #expect(Self.number(try SeasonsCommandTests.json(single)["people_fed"]) == fed[month - 1], "month \(month)")
        }
        let features = try Layer.readGeoJSON(path: layer).features
        #expect(Set(features.compactMap { $0.properties["month"]?.doubleValue }) == Set((1...12).map(Double.init)))
        #expect(features.contains { $0.properties["people_fed_12"] != nil && $0.properties["worst_month"] != nil })
        let facilities = try #require(root["facilities"] as? [[String: Any]])
        #expect(facilities.count == 5)   // F01-F03, F11, F12
    }

    @Test func catchmentsYearIsTheCapacityMethods() throws {
        let outcome = try AdversarialInputTests.territorio(["catchment", "--study", Self.study, "--method", "voronoi", "--months", "all",
                                                            "-o", CommandTests.temporary("catchment-voronoi-year.geojson")])
        #expect(outcome.status == 64 && outcome.standardError.contains("--months all is for --method capacity"), "\(outcome.standardError)")
    }

    /// --overlaps and --no-circuit do not change by month: the year writes them as a single run does.
    @Test func coverageYearWritesOverlapsAndNoCircuit() throws {
        // A grouping with one territory twice and one in none.
        var lines = try String(contentsOfFile: Self.folder + "/circuits.csv", encoding: .utf8).split(separator: "\n").map(String.init)
        let moved = lines.removeLast()
        lines.append("EM0505,C-EM08")
        let grouping = CommandTests.temporary("seasons-grouping-overlap.csv")
        try (lines.joined(separator: "\n") + "\n").write(toFile: grouping, atomically: true, encoding: .utf8)
        let missing = String(moved.split(separator: ",")[0])
        let overlaps = CommandTests.temporary("seasons-overlaps.geojson"), none = CommandTests.temporary("seasons-none.geojson")
        let outcome = try AdversarialInputTests.territorio(["coverage", "--study", Self.study, "--grouping", grouping, "--months", "all",
                                                            "-o", CommandTests.temporary("seasons-overlap-year.geojson"),
                                                            "--overlaps", overlaps, "--no-circuit", none])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(try Layer.readGeoJSON(path: overlaps).features.map { $0.properties["territory_code"]?.text }.contains("EM0505"))
        let unassigned = try Layer.readGeoJSON(path: none)
        #expect(unassigned.count == 1, "\(missing)")
    }

    /// --od and --od-lines write the worst month's tonnes between circuits,
    /// as `--month` of that month writes them; the JSON has each circuit's year.
    @Test func distributeYearByCircuitAndTheWorstMonthsOD() throws {
        let json = CommandTests.temporary("distribute-year.json"), od = CommandTests.temporary("distribute-year-od.csv")
        let outcome = try AdversarialInputTests.territorio(["distribute", "--study", Self.study, "--grouping", Self.folder + "/circuits.csv",
                                                            "--months", "all", "-o", CommandTests.temporary("distribute-year.geojson"),
                                                            "--json", json, "--od", od, "--od-lines", CommandTests.temporary("distribute-year-od.geojson")])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let root = try SeasonsCommandTests.json(json)
        let worst = try #require(root["worst_month"] as? Int)
        let circuits = try #require(root["circuits"] as? [[String: Any]])
        #expect(circuits.map { $0["circuit"] as? String } == ["C-EM05", "C-EM08"])
        // The circuits' demand and delivered add up to the month's.
        let months = try #require(root["months"] as? [[String: Any]])
        for index in 0..<12 {
            let parts = circuits.map { (($0["months"] as? [[String: Any]]) ?? [])[index] }
            let demand = parts.reduce(0) { $0 + (Self.number($1["demand"]) ?? 0) }
            let delivered = parts.reduce(0) { $0 + (Self.number($1["delivered"]) ?? 0) }
            #expect(abs(demand - (Self.number(months[index]["demand"]) ?? 0)) < 0.01, "month \(index + 1)")
            #expect(abs(delivered - (Self.number(months[index]["delivered"]) ?? 0)) < 0.01, "month \(index + 1)")
        }
        // December: the chain's demandByMonth of 1.3 makes it the worst month, in --month 12 too.
        #expect(worst == 12)
        let single = CommandTests.temporary("distribute-worst-od.csv"), singleJSON = CommandTests.temporary("distribute-worst.json")
        let run = try AdversarialInputTests.territorio(["distribute", "--study", Self.study, "--grouping", Self.folder + "/circuits.csv",
                                                        "--month", String(worst), "-o", CommandTests.temporary("distribute-worst.geojson"),
                                                        "--od", single, "--json", singleJSON])
        #expect(run.status == 0, "\(run.standardError)")
        let demand = Self.number(try SeasonsCommandTests.json(singleJSON)["demand"])
        #expect(demand == Self.number(months[worst - 1]["demand"]), "\(demand ?? -1)")
        #expect(try String(contentsOfFile: od, encoding: .utf8) == String(contentsOfFile: single, encoding: .utf8))
    }

    /// The territories' own field (the furthest milestone and its date)
    /// gives, on the last date, the categories the CSV gives.
    @Test func monitorMilestonesFromAField() throws {
        var parishes = try Layer.readGeoJSON(path: Self.folder + "/parishes.geojson")
        let furthest = ["EM0505": ("product developed", "2025-06"), "EM0513": ("producers organised", "2025-05"),
                        "EM0808": ("product identified", "2025-03"), "EM0813": ("market reached", "2025-07")]
        for index in parishes.features.indices {
            guard let (milestone, date) = furthest[parishes.features[index].properties["code"]?.text ?? ""] else { continue }
            parishes.features[index].properties["ovop"] = .string(milestone)
            parishes.features[index].properties["ovop_date"] = .string(date)
        }
        let territories = CommandTests.temporary("seasons-parishes-ovop.geojson")
        try parishes.writeGeoJSON(path: territories)
        func progress(_ flags: [String], name: String) throws -> [String: Any] {
            let json = CommandTests.temporary("monitor-\(name).json")
            let outcome = try AdversarialInputTests.territorio(["monitor", "--study", Self.study, "--territories", territories,
                                                                "--snapshots", Self.folder + "/snapshots", "--json", json,
                                                                "--route", Self.folder + "/milestones.json"] + flags)
            #expect(outcome.status == 0, "\(outcome.standardError)")
            return try SeasonsCommandTests.json(json)
        }
        let fromField = try progress(["--milestone-field", "ovop", "--milestone-date-field", "ovop_date"], name: "field")
        let fromCSV = try progress(["--milestones", Self.folder + "/milestones.csv"], name: "csv")
        func last(_ root: [String: Any]) -> String { "\(((root["progress"] as? [String: Any])?["territories"] as? [String: Any])?["2025-07"] ?? "none")" }
        #expect(last(fromField) == last(fromCSV) && last(fromField) != "none", "\(fromField["progress"] ?? "none")")

        let both = try AdversarialInputTests.territorio(["monitor", "--study", Self.study, "--snapshots", Self.folder + "/snapshots",
                                                         "--route", Self.folder + "/milestones.json", "--milestone-field", "ovop",
                                                         "--milestones", Self.folder + "/milestones.csv", "--milestone-date", "2025-07"])
        #expect(both.status == 64 && both.standardError.contains("not both"), "\(both.standardError)")
        let undated = try AdversarialInputTests.territorio(["monitor", "--study", Self.study, "--snapshots", Self.folder + "/snapshots",
                                                            "--route", Self.folder + "/milestones.json", "--milestone-field", "ovop"])
        #expect(undated.status == 64 && undated.standardError.contains("--milestone-date-field NAME"), "\(undated.standardError)")
        let unknown = try AdversarialInputTests.territorio(["monitor", "--study", Self.study, "--territories", territories,
                                                            "--snapshots", Self.folder + "/snapshots", "--route", Self.folder + "/milestones.json",
                                                            "--milestone-field", "ovp", "--milestone-date", "2025-07"])
        #expect(unknown.status != 0 && unknown.standardError.contains("ovop"), "\(unknown.standardError)")
    }
}
