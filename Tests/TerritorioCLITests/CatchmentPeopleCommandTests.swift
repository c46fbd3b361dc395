import Foundation
import Testing
@testable import Geo
@testable import TerritorioCLI

/// `catchment --method capacity --json/--report`: every person counted
/// once, as the built program writes it and says it on stderr.
@Suite struct CatchmentPeopleCommandTests {
    static let circuits = CommandTests.repository.appendingPathComponent("geodata/circuits/food_circuits.geojson").path
    static let basket = CommandTests.repository.appendingPathComponent("geodata/circuits/food_basket.json").path

    /// A parish of 81,264 people (23 de Enero, Caracas): a square of 0.02
    /// degrees, some 150 km east of the sample's 37 food circuits.
    static func parish() throws -> String {
        let path = CommandTests.temporary("parish_23_de_enero.geojson")
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"P2301","geometry":{"type":"Polygon","coordinates":[[[-66.95,10.49],[-66.93,10.49],[-66.93,10.51],[-66.95,10.51],[-66.95,10.49]]]},"properties":{"name":"23 de Enero","population":81264}}]}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func json(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    }

    static func number(_ report: [String: Any], _ key: String) -> Double? { (report[key] as? NSNumber)?.doubleValue }

    /// population_total = people_fed + people_unfed + people_outside, exactly.
    static func expectIdentity(_ report: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) {
        let parts = ["people_fed", "people_unfed", "people_outside"].compactMap { number(report, $0) }
        #expect(parts.count == 3, sourceLocation: sourceLocation)
        #expect(number(report, "population_total") == parts.reduce(0, +), "\(report)", sourceLocation: sourceLocation)
    }

    @Test func theCircuitsFeedTheWholeParishAndTheProgrammesArithmeticComesOut() throws {
        let (json, report) = (CommandTests.temporary("parish_fed.json"), CommandTests.temporary("parish_fed.md"))
        let outcome = try ChildProcess.run(["catchment", "--sites", Self.circuits, "--method", "capacity", "--chain", Self.basket,
                                            "--territories", try Self.parish(), "-o", CommandTests.temporary("parish_fed.geojson"),
                                            "--json", json, "--report", report])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let written = try Self.json(json)
        // 2,510 t at 30 kg: 83,666.7 people, 83,667; / 4: 20,917 families.
        // The parish's 81,264 people want 2,437.92 t: all fed.
        let expected: [String: Double] = [
            "population_total": 81_264, "people_fed": 81_264, "families_fed": 20_316, "people_unfed": 0, "people_outside": 0,
            "capacity_t_month": 2_510, "capacity_people": 83_667, "capacity_families": 20_917, "capacity_used_t_month": 2_437.92,
            "family_size": 4, "facilities": 37,
        ]
        for (key, value) in expected { #expect(Self.number(written, key) == value, "\(key)") }
        Self.expectIdentity(written)
        #expect(outcome.standardError.contains("2,510 t/month of food at 30 kg a person feeds 83,667 people (20,917 families of 4); of 81,264 people in the territories: 81,264 fed (20,316 families), 0 unfed (in a catchment, beyond capacity), 0 outside every catchment"),
                "\(outcome.standardError)")
        let markdown = try String(contentsOfFile: report, encoding: .utf8)
        #expect(markdown.contains("feeds 83,667 people, 20,917 families of 4"))
        #expect(markdown.contains("| fed | 81,264 | 20,316 |"))
    }

    @Test func theWholeStateIsShortAndADistanceLimitLeavesPeopleOutside() throws {
        let parishes = SampleFiles.parishes
        let (json, limited) = (CommandTests.temporary("state_fed.json"), CommandTests.temporary("state_fed_10km.json"))
        let base = ["catchment", "--sites", Self.circuits, "--method", "capacity", "--chain", Self.basket, "--territories", parishes]
        #expect(try ChildProcess.run(base + ["-o", CommandTests.temporary("state_fed.geojson"), "--json", json]).status == 0)
        let state = try Self.json(json)
        // The state's 2,224,979 people want 66,749 t: the 2,510 t feed
        // 83,667 of them (less a kilogram the solver's whole kilograms
        // leave out), nobody is outside without a limit.
        #expect(Self.number(state, "population_total") == 2_224_979)
        #expect(Self.number(state, "people_fed") == 83_667)
        #expect(Self.number(state, "people_outside") == 0)
        Self.expectIdentity(state)
        let outcome = try ChildProcess.run(base + ["--max-distance", "10km", "-o", CommandTests.temporary("state_fed_10km.geojson"), "--json", limited])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let near = try Self.json(limited)
        #expect((Self.number(near, "people_outside") ?? 0) > 0)
        #expect(Self.number(near, "max_distance_m") == 10_000)
        Self.expectIdentity(near)
    }

    @Test func aDistanceLimitIsForTheCapacityMethodOnly() throws {
        let outcome = try ChildProcess.run(["catchment", "--sites", Self.circuits, "--method", "voronoi", "--max-distance", "10km",
                                            "--territories", SampleFiles.parishes, "-o", CommandTests.temporary("voronoi_10km.geojson")])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("--max-distance applies to --method capacity only"), "\(outcome.standardError)")
    }
}
