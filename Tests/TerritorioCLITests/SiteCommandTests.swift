import Foundation
import Testing
@testable import Geo

/// `territorio site` end to end: six points on a line in UTM 19N (metres,
/// so every distance is worked by hand), then the study tie-in on the
/// sample territory.
@Suite struct SiteCommandTests {
    static let crs = #""crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32619"}}"#

    /// Points at x = 500 km + offsets (metres), y = 1,100 km; ids and people.
    static func points(_ name: String, _ entries: [(id: String, dx: Double, people: Double)]) -> String {
        let features = entries.map { entry in
            #"{"type": "Feature", "id": "\#(entry.id)", "geometry": {"type": "Point", "coordinates": [\#(500_000 + entry.dx), 1100000]}, "properties": {"name": "\#(entry.id)", "people": \#(entry.people), "capacity": \#(entry.people)}}"#
        }
        return AdversarialInputTests.file(name, #"{"type": "FeatureCollection", \#(crs), "features": [\#(features.joined(separator: ",\n"))]}"#)
    }

    /// Two clusters of three: x = 0, 1, 2 km and 10, 11, 12 km.
    static let line = points("site_line.geojson", [("a", 0, 1), ("b", 1000, 1), ("c", 2000, 1), ("d", 10_000, 1), ("e", 11_000, 1), ("f", 12_000, 1)])

    static func json(_ path: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    @Test func pMedianOnALineChoosesEachClusterMiddle() throws {
        let output = CommandTests.temporary("site_pm.geojson"), json = CommandTests.temporary("site_pm.json")
        let outcome = try AdversarialInputTests.territorio([
            "site", "--demand", Self.line, "--weight-field", "people", "--candidates", "generate:points",
            "--method", "p-median", "--p", "2", "-o", output, "--json", json,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let root = try Self.json(json)
        // 1 km + 0 + 1 km on each side.
        #expect(abs((root["objective"] as? Double ?? 0) - 4000) < 1e-6)
        #expect(root["chosen"] as? [String] == ["b", "e"])
        #expect(root["optimal"] as? Bool == true)
        #expect(root["gap"] as? Double == 0)
        let a = (root["assignment"] as? [String: Any])?["a"] as? [String: Any]
        #expect(a?["candidate"] as? String == "b")
        #expect(abs((a?["distance"] as? Double ?? 0) - 1000) < 1e-6)
        let layer = try Layer.readGeoJSON(path: output)
        #expect(layer.features.map { $0.properties["id"]?.text } == ["b", "e"])
        #expect(layer.features.map { $0.properties["assigned"]?.doubleValue } == [3, 3])
    }

    @Test func setCoveringWithAnExistingFacility() throws {
        // The existing plant at 11 km covers d, e, f within 1 km; b covers a, b, c.
        let existing = Self.points("site_existing.geojson", [("plant", 11_000, 0)])
        let json = CommandTests.temporary("site_lscp.json")
        let outcome = try AdversarialInputTests.territorio([
            "site", "--demand", Self.line, "--candidates", Self.line, "--existing", existing,
            "--method", "lscp", "--radius", "1km", "-o", CommandTests.temporary("site_lscp.geojson"), "--json", json,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let root = try Self.json(json)
        #expect(root["objective"] as? Double == 1)
        #expect(root["chosen"] as? [String] == ["b"])
        #expect(root["existing"] as? [String] == ["plant"])
        #expect(root["optimal"] as? Bool == true)
    }

    @Test func aUnitBeyondEveryRadiusIsCountedNotDropped() throws {
        let far = Self.points("site_far.geojson", [("a", 0, 1), ("b", 1000, 1), ("z", 50_000, 1)])
        let json = CommandTests.temporary("site_far.json")
        let outcome = try AdversarialInputTests.territorio([
            "site", "--demand", far, "--candidates", Self.line, "--method", "lscp", "--radius", "1km",
            "-o", CommandTests.temporary("site_far.geojson"), "--json", json,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let root = try Self.json(json)
        let reason = (root["unreachable"] as? [String: Any])?["beyond the radius of every candidate"] as? [String: Any]
        #expect(reason?["demand"] as? [String] == ["z"])
        #expect(outcome.standardError.contains("3 demand units in, 2 out, 1 rejected"))
    }

    @Test func anUnknownWeightFieldListsTheFields() throws {
        let outcome = try AdversarialInputTests.territorio([
            "site", "--demand", Self.line, "--weight-field", "poeple", "--candidates", "generate:points",
            "-o", CommandTests.temporary("site_bad.geojson"),
        ])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("no field 'poeple'"))
        #expect(outcome.standardError.contains("fields: name, people, capacity; did you mean 'people'?"))
    }

    @Test func theSampleCircuitsMissingCheesePlant() throws {
        // C-EM01 has no cheese plant: the processing stage must add all the
        // circuit's demand, and the one plant serves its 7 parishes.
        let json = CommandTests.temporary("site_circuit.json")
        let outcome = try AdversarialInputTests.territorio([
            "site", "--territories", SampleFiles.parishes, "--id-field", "code", "--grouping", SampleFiles.circuits,
            "--sites", SampleFiles.sites, "--chain", SampleFiles.cheese, "--circuit", "C-EM01", "--stage", "processing",
            "-o", CommandTests.temporary("site_circuit.geojson"), "--json", json,
        ], memoryLimit: 1 << 30)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let root = try Self.json(json)
        #expect(root["product"] as? String == "cheese")
        let toAdd = root["capacity_to_add"] as? Double ?? 0
        #expect(toAdd > 0)
        #expect(toAdd == root["circuit_demand"] as? Double)
        #expect((root["assignment"] as? [String: Any])?.count == 7)
        #expect(root["optimal"] as? Bool == true)
        let chosen = try #require((root["chosen"] as? [String])?.first)
        #expect((root["capacities"] as? [String: Any])?[chosen] as? Double == toAdd)
        #expect(chosen.hasPrefix("EM01"))
    }

    @Test func capacitatedOpensTheOneLargePlant() throws {
        // Plants at 1 km and 11 km hold 3 people each, the one at 6 km all 6:
        // one plant suffices, and the flow sends everyone to 6 km:
        // 6 + 5 + 4 + 4 + 5 + 6 = 30 km of person-trips.
        let plants = Self.points("site_plants.geojson", [("west", 1000, 3), ("east", 11_000, 3), ("middle", 6000, 6)])
        let json = CommandTests.temporary("site_cap.json")
        let outcome = try AdversarialInputTests.territorio([
            "site", "--demand", Self.line, "--weight-field", "people", "--candidates", plants, "--method", "capacitated",
            "-o", CommandTests.temporary("site_cap.geojson"), "--json", json,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let root = try Self.json(json)
        #expect(root["objective"] as? Double == 1)
        #expect(root["chosen"] as? [String] == ["middle"])
        #expect(root["optimal"] as? Bool == true)
        #expect(abs((root["assignment_cost"] as? Double ?? 0) - 30_000) < 1e-3)
        #expect((root["capacities"] as? [String: Any])?["middle"] as? Double == 6)
    }

    @Test func byRoadTheReachIsInMinutes() throws {
        let json = CommandTests.temporary("site_roads.json")
        let outcome = try AdversarialInputTests.territorio([
            "site", "--demand", SampleFiles.parishes, "--demand-id-field", "code", "--weight-field", "population",
            "--candidates", "generate:points", "--roads", SampleFiles.roads, "--method", "mclp", "--p", "2", "--minutes", "20",
            "-o", CommandTests.temporary("site_roads.geojson"), "--json", json,
        ], memoryLimit: 1 << 30)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let root = try Self.json(json)
        #expect(root["cost_unit"] as? String == "min")
        #expect(root["optimal"] as? Bool == true)
        // Every unit covered is within 20 minutes of its facility, and the objective is their people.
        let assignment = try #require(root["assignment"] as? [String: [String: Any]])
        let covered = assignment.values.filter { $0["covered"] as? Bool == true }
        #expect(covered.allSatisfy { ($0["distance"] as? Double ?? .infinity) <= 20 })
        #expect(abs(covered.reduce(0) { $0 + ($1["weight"] as? Double ?? 0) } - (root["objective"] as? Double ?? 0)) < 1e-6)

        let refused = try AdversarialInputTests.territorio([
            "site", "--demand", SampleFiles.parishes, "--candidates", "generate:points", "--roads", SampleFiles.roads,
            "--method", "mclp", "--radius", "5km", "-o", CommandTests.temporary("site_refused.geojson"),
        ])
        #expect(refused.status == 64)
        #expect(refused.standardError.contains("give the reach as --minutes, not --radius"))
    }
}
