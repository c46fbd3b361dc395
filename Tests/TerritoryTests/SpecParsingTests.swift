import Foundation
import Testing
@testable import Geo
@testable import Territory

/// Chains, hierarchies and weights are parsed once, by the project's JSON
/// reader, from the bytes the CLI read: syntax errors give the file, line
/// and column; a missing or mistyped member names the file and its place.
@Suite struct SpecParsingTests {
    static func chainError(_ json: String) -> String? {
        do {
            _ = try ChainSpec.parse(Data(json.utf8), name: "c.json")
            return nil
        } catch {
            return error.description
        }
    }

    static func hierarchyError(_ json: String) -> String? {
        do {
            _ = try HierarchySpec.parse(Data(json.utf8), name: "h.json")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func chainsAreReadWithTheirDefaults() throws {
        let chain = try ChainSpec.parse(Data(#"""
            {"product": "cheese", "unit": "t/month", "demandKgPerPersonMonth": 0.6, "note": "members it does not know are left alone",
             "stages": [{"stage": "primary", "product": "milk", "unit": "l/month"},
                        {"stage": "processing", "product": "cheese", "unit": "t/month", "yield": 0.0001},
                        {"stage": "retail", "yield": null}],
             "skippable": ["retail"]}
            """#.utf8), name: "cheese.json")
        #expect(chain.links.map(\.stage) == [.primary, .processing, .retail])
        #expect(chain.links.map(\.yield) == [1, 0.0001, 1])
        #expect(chain.links[2].product == "cheese")
        #expect(chain.demandPerPersonMonth == 0.6)
        #expect(chain.skippable == [.retail])
    }

    @Test func chainErrorsNameTheFileAndThePlace() {
        #expect(Self.chainError(#"{"stages": []}"#) == "c.json: the chain has no \"product\"")
        #expect(Self.chainError(#"{"product": "x"}"#) == "c.json: the chain has no \"stages\"")
        #expect(Self.chainError(#"{"product": "x", "stages": [{"stage": "primary"}, {"product": "x"}]}"#)
                == "c.json: stages[1] has no \"stage\"")
        #expect(Self.chainError(#"{"product": 5, "stages": []}"#) == "c.json: product: expected a string, found number")
        #expect(Self.chainError(#"{"product": "x", "stages": [{"stage": "primary", "yield": "1"}]}"#)
                == "c.json: stages[0].yield: expected a number, found string")
        #expect(Self.chainError(#"{"product": "x", "stages": [3]}"#) == "c.json: stages[0]: expected a stage (a JSON object), found number")
        #expect(Self.chainError(#"["x"]"#) == "c.json: expected a chain spec (a JSON object), found array")
        #expect(Self.chainError(#"{"product": "x", "stages": [{"stage": "primary"}], "skippable": [1]}"#)
                == "c.json: skippable[0]: expected a string, found number")
        // Syntax: line and column, from the project's JSON reader.
        #expect(Self.chainError("{\"product\": \"x\",\n  \"stages\": [}")?.hasPrefix("c.json:2:14: ") == true)
    }

    @Test func hierarchiesAreReadAndChecked() throws {
        let spec = try HierarchySpec.parse(Data(#"""
            {"levels": [{"name": "province", "file": "p.geojson", "id": "code", "dissolve": true},
                        {"name": "parish", "file": "/data/q.geojson", "parent": "province_code", "population": null}]}
            """#.utf8), name: "h.json", folder: "/specs")
        #expect(spec.levels.map(\.name) == ["province", "parish"])
        #expect(spec.levels[0].dissolve == true)
        #expect(spec.levels[1].population == nil)
        #expect(spec.path(of: spec.levels[0]) == "/specs/p.geojson")
        #expect(spec.path(of: spec.levels[1]) == "/data/q.geojson")
        #expect(Self.hierarchyError(#"{}"#) == "h.json: the spec has no \"levels\"")
        #expect(Self.hierarchyError(#"{"levels": []}"#) == "h.json: \"levels\" is empty")
        #expect(Self.hierarchyError(#"{"levels": [{"file": "a"}]}"#) == "h.json: levels[0] has no \"name\"")
        #expect(Self.hierarchyError(#"{"levels": [{"name": "a", "file": "a", "dissolve": "yes"}]}"#)
                == "h.json: levels[0].dissolve: expected true or false, found string")
        #expect(Self.hierarchyError("") == "h.json: the file is empty; expected a hierarchy spec (JSON)")
        #expect(Self.hierarchyError("{\"levels\": [\n nan]}")?.hasPrefix("h.json:2:") == true)
    }

    @Test func weightsReadFromBytesOrText() throws {
        let text = #"{"demand": 0.5, "price": {"weight": 0.25, "better": "lower"}}"#
        let fromBytes = try IndicatorWeights.parse(Data(text.utf8), name: "w.json")
        let fromText = try IndicatorWeights.parse(text, name: "w.json")
        #expect(fromBytes == fromText)
        #expect(fromBytes.weights.map(\.lowerIsBetter) == [false, true])
        #expect(throws: ReadError.self) { try IndicatorWeights.parse(Data([0x7B, 0xFF, 0x7D]), name: "w.json") }
    }
}
