import Foundation
import Testing
@testable import Geo
@testable import TerritorioCLI

/// `distribute --grouping --od --od-lines` on the sample: the matrix, the
/// lines and the figures by circuit agree with each other.
@Suite(.serialized) struct DistributeCircuitsTests {
    @Test func theMatrixTheLinesAndTheCircuitsAgree() throws {
        let od = CommandTests.temporary("cheese_od.csv"), lines = CommandTests.temporary("cheese_od.geojson")
        let json = CommandTests.temporary("cheese_distribution.json")
        #expect(Territorio.run(arguments: ["distribute", "--sites", SampleFiles.sites, "--territories", SampleFiles.parishes, "--id-field", "code",
                                           "--chain", SampleFiles.cheese, "--grouping", SampleFiles.circuits, "--od", od, "--od-lines", lines,
                                           "-o", CommandTests.temporary("cheese_routes.geojson"), "--json", json]) == 0)
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as! [String: Any]
        #expect(report["optimal"] as? Bool == true)
        #expect((report["pricing_rounds"] as? Double ?? 0) >= 1)
        let rows = try String(contentsOfFile: od, encoding: .utf8).split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
        let total = rows.reduce(0.0) { $0 + Double($1[2])! }
        // Every tonne eaten comes from some circuit's producers.
        #expect(abs(total - (report["delivered"] as! Double)) < 0.01 * Double(rows.count))
        let byCircuit = report["by_circuit"] as! [[String: Any]]
        let delivered = byCircuit.reduce(0.0) { $0 + (($1["optimised"] as! [String: Any])["delivered"] as! Double) }
        #expect(abs(delivered - (report["delivered"] as! Double)) < 0.01)
        let exported = byCircuit.reduce(0.0) { $0 + ($1["exported"] as! Double) }
        let imported = byCircuit.reduce(0.0) { $0 + ($1["imported"] as! Double) }
        #expect(abs(exported - imported) < 0.01)
        // One line per pair of different circuits that trade, with its tonnes.
        let layer = try Layer.readGeoJSON(path: lines)
        #expect(layer.count == rows.filter { $0[0] != $0[1] }.count)
        #expect(layer.features.allSatisfy { ($0.properties["tonnes_month"]?.doubleValue ?? 0) > 0 })
    }

    /// `coverage`'s surplus between circuits is `distribute --od`'s matrix,
    /// cell for cell, and with --zones the same zone to zone.
    @Test func coverageMovesTheSameTonnesAsDistribute() throws {
        let north = (1...7).map { String(format: "C-EM%02d,Norte", $0) }, south = (8...15).map { String(format: "C-EM%02d,Sur", $0) }
        let zones = CommandTests.temporary("exchange_zones.csv")
        try Data(("circuit_id,zone_id\n" + (north + south).joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: zones))
        let od = CommandTests.temporary("exchange_od.csv"), json = CommandTests.temporary("exchange_distribution.json")
        #expect(Territorio.run(arguments: ["distribute", "--sites", SampleFiles.sites, "--territories", SampleFiles.parishes, "--id-field", "code",
                                           "--chain", SampleFiles.cheese, "--grouping", SampleFiles.circuits, "--zones", zones, "--od", od,
                                           "--od-lines", CommandTests.temporary("exchange_od.geojson"),
                                           "-o", CommandTests.temporary("exchange_routes.geojson"), "--json", json]) == 0)
        let coverage = CommandTests.temporary("exchange_coverage.json"), markdown = CommandTests.temporary("exchange_coverage.md")
        #expect(Territorio.run(arguments: ["coverage", "--sites", SampleFiles.sites, "--territories", SampleFiles.parishes, "--id-field", "code",
                                           "--chain", SampleFiles.cheese, "--grouping", SampleFiles.circuits, "--zones", zones,
                                           "-o", CommandTests.temporary("exchange_circuits.geojson"), "--json", coverage, "--report", markdown]) == 0)
        func csv(_ path: String) throws -> [String: Double] {
            let rows = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
            return Dictionary(uniqueKeysWithValues: rows.map { ("\($0[0])>\($0[1])", Double($0[2])!) })
        }
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: coverage))) as! [String: Any]
        let cheese = (root["exchange"] as! [[String: Any]])[0]
        func matrix(_ key: String, _ from: String, _ to: String) -> [String: Double] {
            Dictionary(uniqueKeysWithValues: (cheese[key] as! [[String: Any]]).map { ("\($0[from] as! String)>\($0[to] as! String)", $0["tonnes"] as! Double) })
        }
        let circuits = try csv(od), fromCoverage = matrix("matrix", "from_circuit", "to_circuit")
        #expect(circuits.count > 1 && Set(circuits.keys) == Set(fromCoverage.keys))
        for (cell, tonnes) in circuits { #expect(abs(tonnes - fromCoverage[cell]!) < 0.001, "\(cell)") }
        // Some cheese moves between different circuits.
        #expect(circuits.contains { $0.key.split(separator: ">").count == 2 && $0.key.split(separator: ">")[0] != $0.key.split(separator: ">")[1] && $0.value > 1 })
        let zoned = try csv(DistributeCommand.zonesPath(od)), zonesFromCoverage = matrix("zone_matrix", "from_zone", "to_zone")
        #expect(Set(zoned.keys) == Set(zonesFromCoverage.keys))
        for (cell, tonnes) in zoned { #expect(abs(tonnes - zonesFromCoverage[cell]!) < 0.001, "\(cell)") }
        // Zone cells add up to the circuits' cells.
        #expect(abs(zoned.values.reduce(0, +) - circuits.values.reduce(0, +)) < 0.01)
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as! [String: Any]
        let byZone = report["by_zone"] as! [[String: Any]]
        #expect(byZone.map { $0["zone"] as! String }.prefix(2) == ["Norte", "Sur"])
        #expect(abs(byZone.reduce(0.0) { $0 + ($1["exported"] as! Double) } - byZone.reduce(0.0) { $0 + ($1["imported"] as! Double) }) < 0.01)
        // The report names where each surplus goes, in tonnes.
        let text = try String(contentsOfFile: markdown, encoding: .utf8)
        #expect(text.contains("## Surplus moved between circuits"))
        #expect(!text.contains("neighbours short of it"))
    }

    @Test func theMatrixNeedsAGrouping() throws {
        #expect(Territorio.run(arguments: ["distribute", "--sites", SampleFiles.sites, "--territories", SampleFiles.parishes,
                                           "--chain", SampleFiles.cheese, "--od", CommandTests.temporary("od.csv"),
                                           "-o", CommandTests.temporary("routes.geojson")]) == 64)
    }
}
