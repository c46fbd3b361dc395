import Foundation
import Geo
import GeoFormats
import Testing
@testable import TerritorioCLI

/// A property key given twice in a GeoJSON feature: the last value wins in
/// every output format, and `validate` reports it.
@Suite struct DuplicateKeyTests {
    static let input = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","id":"p1","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"a":1,"b":"x","a":2}},
        {"type":"Feature","id":"p2","geometry":{"type":"Point","coordinates":[3,4]},"properties":{"a":3,"b":"y"}}
        ]}
        """

    static func inputFile() throws -> String {
        let path = CommandTests.temporary("duplicate-keys-\(UUID().uuidString).geojson")
        try input.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: ["geojson", "gpkg", "fgb", "shp"])
    func theLastValueWinsInEveryFormat(_ format: String) throws {
        let output = CommandTests.temporary("duplicate-keys-\(UUID().uuidString).\(format)")
        let (status, _) = CountsTests.run(["convert", try Self.inputFile(), "-o", output])
        #expect(status == 0)
        let features = try LayerSource.read(output).layer.features.sorted { "\($0.properties["b"]!)" < "\($1.properties["b"]!)" }
        #expect(features.count == 2)
        #expect(features[0].properties.keys.filter { $0 == "a" }.count == 1)
        #expect(features[0].properties["a"]?.text == "2", "\(format): \(features[0].properties)")
        #expect(features[1].properties["a"]?.text == "3")
        if format == "geojson" {
            #expect(try String(contentsOfFile: output, encoding: .utf8).contains(#""properties":{"a":2,"b":"x"}"#))
        }
    }

    @Test func validateReportsTheDuplicate() throws {
        let outcome = try ChildProcess.start(["validate", try Self.inputFile(), "--json"]).wait()
        #expect(outcome.status == 1)
        let report = try JSONValue(parsingJSON: outcome.standardOutput)
        guard case .object(let object) = report, case .array(let problems)? = object["problems"] else {
            Issue.record("no problems array: \(outcome.standardOutput)")
            return
        }
        #expect(problems.count == 1)
        guard case .object(let problem) = problems[0] else { return }
        #expect(problem["kind"] == .string("duplicate-key"))
        #expect(problem["index"]?.text == "0")
        #expect(problem["id"] == .string("p1"))
        #expect(problem["reason"] == .string(#"property "a" given twice; the last value is kept"#))
        #expect(outcome.standardError.contains("1 feature(s) give a property twice; the last value is kept (first: feature 0 (id p1), \"a\")"))
    }

    @Test func aNestedObjectKeepsItsLastValueToo() throws {
        let layer = try Layer.readGeoJSON(bytes: Array(#"{"type":"Feature","geometry":null,"properties":{"o":{"k":1,"k":2}}}"#.utf8))
        #expect(layer.features[0].properties["o"] == .object(["k": 2]))
    }
}
