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

    @Test func theMatrixNeedsAGrouping() throws {
        #expect(Territorio.run(arguments: ["distribute", "--sites", SampleFiles.sites, "--territories", SampleFiles.parishes,
                                           "--chain", SampleFiles.cheese, "--od", CommandTests.temporary("od.csv"),
                                           "-o", CommandTests.temporary("routes.geojson")]) == 64)
    }
}
