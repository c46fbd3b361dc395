import Foundation
import Testing
@testable import Geo
@testable import Territory

/// `monitor --intermediated` and milestones read from the territories,
/// on the nine parishes of `CircuitCoverageTests`, worked by hand.
@Suite struct MonitoringMoreTests {
    /// Cheese made and sold: a plant of the circuit, then shops.
    static let chain = try! ChainSpec.parse(Data("""
        {"product": "cheese", "demandKgPerPersonMonth": 0.6, "stages": [{"stage": "processing"}, {"stage": "retail"}]}
        """.utf8), name: "cheese.json")

    /// A's plant of 10 t (P0) and one shop, an outside intermediary in
    /// P1 (A), of `shop` t; nothing else sells: every tonne eaten passes it.
    static func sites(shop: Double?) -> Layer {
        var features = [CircuitCoverageTests.site(0, "cheese", .processing, 10)]
        if let shop { features.append(CircuitCoverageTests.site(1, "cheese", .retail, shop, owner: .outside)) }
        for index in features.indices { features[index].properties["id"] = .string("S\(index)") }
        return Layer(features: features, crs: CircuitCoverageTests.metric)
    }

    @Test func intermediatedTonnesThroughAnOutsideShop() throws {
        let territories = try StudyTerritories(CircuitCoverageTests.parishes, file: "<parishes>")
        let study = try Study(territories: territories, sites: try StudySites(Self.sites(shop: 5), file: "<sites>", idField: "id", in: territories),
                              chains: [Self.chain], grouping: CircuitCoverageTests.grouping)
        var monitor = CircuitMonitor()
        monitor.intermediated = true
        // Nine parishes want 9 × 1,000 × 0.6 kg = 5.4 t. January: the shop's 5 t
        // all pass through it; April: a shop of 1 t, 1 t; July: the shop has
        // gone, nothing reaches the people and nothing is intermediated.
        let result = try monitor.run(study, snapshots: [
            Snapshot(date: "2025-01", file: "<january>", layer: Self.sites(shop: 5)),
            Snapshot(date: "2025-04", file: "<april>", layer: Self.sites(shop: 1)),
            Snapshot(date: "2025-07", file: "<july>", layer: Self.sites(shop: nil)),
        ])
        let a = result.series(place: "A", product: "cheese").map { $0.intermediated ?? -1 }
        #expect(a.count == 3)
        #expect(abs(a[0] - 5) < 1e-6 && abs(a[1] - 1) < 1e-6 && a[2] == 0, "\(a)")
        // The shop stands in A: B and C handle nothing through intermediaries.
        for place in ["B", "C"] { #expect(result.series(place: place, product: "cheese").map(\.intermediated) == [0, 0, 0], "\(place)") }
        #expect(result.changes.last?.vanished == ["S1"])
    }

    static let route = try! ProgressRoute.parse(Data(#"{"name": "OVOP", "milestones": ["identified", "organised", "developed"]}"#.utf8), name: "route.json")

    @Test func milestonesFromTheTerritoriesFields() throws {
        var parishes = CircuitCoverageTests.parishes
        parishes.features[0].properties["stage_reached"] = "organised"
        parishes.features[0].properties["reached_on"] = "2025-02"
        parishes.features[1].properties["stage_reached"] = "identified"
        parishes.features[1].properties["reached_on"] = "2025-03-15"
        parishes.features[2].properties["stage_reached"] = ""             // none yet
        let territories = try StudyTerritories(parishes, file: "<parishes>")
        let dated = try MilestoneRecords(territories: territories, field: "stage_reached", date: .field("reached_on"), route: Self.route)
        // P0 is organised from February, P1 identified from mid-March; the rest none.
        #expect(dated.counts(on: ["2025-01", "2025-03", "2025-04"], territories: territories)
            == ["2025-01": [9, 0, 0, 0], "2025-03": [8, 0, 1, 0], "2025-04": [7, 1, 1, 0]])
        // One date for every territory: the survey of 2025-03.
        let surveyed = try MilestoneRecords(territories: territories, field: "stage_reached", date: .given("2025-03"), route: Self.route)
        #expect(surveyed.rank(of: "P0", on: "2025-03") == 2 && surveyed.rank(of: "P0", on: "2025-02") == 0)
        #expect(surveyed.rank(of: "P1", on: "2025-03") == 1)
    }

    @Test func badMilestoneFieldsNameTheFeature() throws {
        func message(_ value: JSONValue, date: JSONValue?) throws -> String {
            var parishes = CircuitCoverageTests.parishes
            parishes.features[4].properties["stage_reached"] = value
            if let date { parishes.features[4].properties["reached_on"] = date }
            let territories = try StudyTerritories(parishes, file: "parishes.geojson")
            do {
                _ = try MilestoneRecords(territories: territories, field: "stage_reached", date: .field("reached_on"), route: Self.route)
                return "accepted"
            } catch { return error.description }
        }
        let unknown = try message("certified", date: "2025-01")
        #expect(unknown.contains("parishes.geojson") && unknown.contains("feature 4 (id P4)") && unknown.contains("identified, organised, developed"), "\(unknown)")
        let undated = try message("organised", date: nil)
        #expect(undated.contains("feature 4 (id P4)") && undated.contains("no date in reached_on"), "\(undated)")
        let badDate = try message("organised", date: "March 2025")
        #expect(badDate.contains("not YYYY-MM"), "\(badDate)")
    }
}
