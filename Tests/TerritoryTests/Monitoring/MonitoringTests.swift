import Foundation
import Testing
@testable import Geo
@testable import Territory

/// Three snapshots of the sites of `CircuitCoverageTests` (circuit A:
/// 3,000 people, 1.8 t of cheese a month of demand; 30,000 l of milk make
/// 3 t; a plant of 2 t; shops of 5 t), worked by hand.
@Suite struct MonitoringTests {
    /// The sites with ids S0, S1, ...
    static func sites(_ layer: Layer = CircuitCoverageTests.sites) -> Layer {
        var layer = layer
        for index in layer.features.indices { layer.features[index].properties["id"] = .string("S\(index)") }
        return layer
    }

    static func snapshots() -> [Snapshot] {
        let january = sites()
        // April: A's plant (S1) has closed.
        var april = january
        april.features.remove(at: 1)
        // July: a new plant of 1 t in A (S9).
        var july = april
        var plant = CircuitCoverageTests.site(2, "cheese", .processing, 1)
        plant.properties["id"] = "S9"
        july.features.append(plant)
        // Given out of order: the monitor sorts them by date.
        return [Snapshot(date: "2025-07", file: "<july>", layer: july), Snapshot(date: "2025-01", file: "<january>", layer: january),
                Snapshot(date: "2025-04", file: "<april>", layer: april)]
    }

    static func run() throws -> CircuitMonitor.Result {
        let territories = try StudyTerritories(CircuitCoverageTests.parishes, file: "<parishes>")
        let study = try Study(territories: territories, sites: try StudySites(sites(), file: "<sites>", idField: "id", in: territories),
                              chains: [CircuitCoverageTests.chain], grouping: CircuitCoverageTests.grouping)
        var monitor = CircuitMonitor()
        monitor.coverage.radius = 500
        return try monitor.run(study, snapshots: snapshots())
    }

    @Test func threeSnapshotsWithAVanishedActor() throws {
        let result = try Self.run()
        #expect(result.dates == ["2025-01", "2025-04", "2025-07"])
        let a = result.series(place: "A", product: "cheese")
        #expect(a.map(\.date) == result.dates)
        // January: milk, plant, shops: 3 actors; the plant's 2 t limit the chain,
        // its people get their 1.8 t; 3 - 1.8 = 1.2 t can leave.
        #expect(a[0].actorCount == 3)
        #expect(abs(a[0].capacity - 2) < 1e-9)
        #expect(abs(a[0].selfSupply - 1.8) < 1e-9)
        #expect(abs(a[0].exportableSurplus - 1.2) < 1e-9)
        #expect(abs(a[0].peopleFed - 3000) < 1e-6)
        // April: no plant: nothing reaches its people, the milk can still leave.
        #expect(a[1].actorCount == 2)
        #expect(a[1].actors.first { $0.stage == .processing }?.count == 0)
        #expect(a[1].selfSupply == 0)
        #expect(abs(a[1].exportableSurplus - 1.2) < 1e-9)
        #expect(a[1].peopleFed == 0)
        // July: a plant of 1 t: 1 t of 1.8 feeds 3,000 × 1 / 1.8 = 1,666.7 people.
        #expect(abs(a[2].selfSupply - 1) < 1e-9)
        #expect(abs(a[2].peopleFed - 3000 / 1.8) < 1e-6)
        #expect(result.changes == [CircuitMonitor.Change(date: "2025-04", new: [], vanished: ["S1"]),
                                   CircuitMonitor.Change(date: "2025-07", new: ["S9"], vanished: [])])
        // B and C did not change.
        let b = result.series(place: "B", product: "cheese")
        #expect(Set(b.map(\.selfSupply)) == [1])
        let report = MonitorReport(result, language: .en)
        #expect(report.markdown.contains("- 2025-04: vanished actors: S1"))
        #expect(report.csv.split(separator: "\n").count == 1 + 3 * 3)
    }

    @Test func datesFromFileNames() throws {
        #expect(Snapshot.date(inFileName: "snapshots/sites_2025-01.geojson") == "2025-01")
        #expect(Snapshot.date(inFileName: "registro-2024-12-31.csv") == "2024-12-31")
        #expect(Snapshot.date(inFileName: "sites.geojson") == nil)
        #expect(Snapshot.date(inFileName: "sites_2025-13.geojson") == nil)
        #expect(Snapshot.date(inFileName: "2024-01_to_2025-01.geojson") == nil)   // two dates: which?
        var layer = Self.sites()
        for index in layer.features.indices { layer.features[index].properties["date"] = .string(index < 4 ? "2025-02" : "2025-01") }
        let split = try Snapshot.split(layer, field: "date", file: "<sites>")
        #expect(split.map(\.date) == ["2025-01", "2025-02"])
        #expect(split.map(\.layer.count) == [layer.count - 4, 4])
        layer.features[2].properties["date"] = .null
        #expect(throws: ReadError.self) { try Snapshot.split(layer, field: "date", file: "<sites>") }
        let same = [Snapshot(date: "2025-01", file: "a.geojson", layer: layer), Snapshot(date: "2025-01", file: "b.geojson", layer: layer)]
        #expect(throws: ReadError.self) { try Snapshot.ordered(same) }
    }

    @Test func progressCategoriesByDate() throws {
        let route = try ProgressRoute.parse(Data(#"{"name": "OVOP", "milestones": ["identified", "organised", "developed"]}"#.utf8), name: "route.json")
        let territories = try StudyTerritories(CircuitCoverageTests.parishes, file: "<parishes>")
        let csv = "territory,milestone,date\nP0,identified,2024-06\nP0,organised,2025-02\nP1,identified,2025-03\nP0,developed,2025-08\n"
        let records = try MilestoneRecords(try CSVTable.parse(bytes: Array(csv.utf8), name: "m.csv"), file: "m.csv", route: route, territories: territories)
        #expect(records.rank(of: "P0", on: "2025-01") == 1)
        #expect(records.rank(of: "P0", on: "2025-04") == 2)
        #expect(records.rank(of: "P1", on: "2025-01") == 0)
        let counts = records.counts(on: ["2025-01", "2025-04"], territories: territories)
        #expect(counts["2025-01"] == [8, 1, 0, 0])   // nine parishes: P0 identified, the rest none
        #expect(counts["2025-04"] == [7, 1, 1, 0])
        let layer = try records.layer(on: ["2025-04"], territories: territories)
        #expect(layer.count == 9)
        #expect(layer.features[0].properties["category"] == .string("organised"))
        let bad = "territory,milestone,date\nP0,certified,2025-01\n"
        do {
            _ = try MilestoneRecords(try CSVTable.parse(bytes: Array(bad.utf8), name: "m.csv"), file: "m.csv", route: route, territories: territories)
            Issue.record("accepted an unknown milestone")
        } catch {
            #expect(error.description.contains("m.csv:2") && error.description.contains("identified, organised, developed"), "\(error)")
        }
    }
}
