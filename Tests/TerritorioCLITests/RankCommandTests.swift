import Foundation
import Testing
@testable import Geo
@testable import TerritorioCLI

/// `territorio rank` in-process: the layer of top products per territory.
@Suite(.serialized) struct RankCommandTests {
    static func write(_ name: String, _ text: String) throws -> String {
        let path = CommandTests.temporary(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Two unit squares with products, and a third without.
    static let squares = """
        {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": "a", "properties": {"code": "T1", "name": "Uno"}, "geometry": {"type": "Polygon", "coordinates": [[[-68, 10], [-67.9, 10], [-67.9, 10.1], [-68, 10.1], [-68, 10]]]}},
        {"type": "Feature", "id": "b", "properties": {"code": "T2", "name": "Dos"}, "geometry": {"type": "Polygon", "coordinates": [[[-67.9, 10], [-67.8, 10], [-67.8, 10.1], [-67.9, 10.1], [-67.9, 10]]]}},
        {"type": "Feature", "id": "c", "properties": {"code": "T3", "name": "Tres"}, "geometry": {"type": "Polygon", "coordinates": [[[-67.8, 10], [-67.7, 10], [-67.7, 10.1], [-67.8, 10.1], [-67.8, 10]]]}}
        ]}
        """

    @Test func writesTheTopProductsOfEveryTerritory() throws {
        let products = try Self.write("rank-products.csv", "territory,product,a,b\nT1,p1,10,1\nT1,p2,20,3\nT1,p3,30,2\nT2,p1,0,5\nT2,p2,40,1\nT2,p3,20,3\nT9,p1,1,1\n")
        let weights = try Self.write("rank-weights.json", #"{"a": 0.6, "b": 0.4}"#)
        let territories = try Self.write("rank-squares.geojson", Self.squares)
        let output = CommandTests.temporary("top.geojson")
        #expect(Territorio.run(arguments: ["rank", "--indicators", products, "--weights", weights, "--by", "territory", "--top", "2",
                                           "--territories", territories, "--id-field", "code", "-o", output]) == 0)
        let layer = try Layer.readGeoJSON(path: output)
        #expect(layer.features.map { $0.id?.description } == ["a", "b", "c"])
        let properties = layer.features.map(\.properties)
        // Min-max over the seven rows: a 0..40, b 1..5. T1: p3 .55, p2 .5; T2: p2 .6, p3 .5.
        #expect(properties.map { $0["top_1"] } == [.string("p3"), .string("p2"), .null])
        #expect(properties.map { $0["top_2"] } == [.string("p2"), .string("p3"), .null])
        #expect(properties.map { $0["top_1_score"]?.doubleValue } == [0.55, 0.6, nil])
        #expect(properties.map { $0["top_2_score"]?.doubleValue } == [0.5, 0.5, nil])
        #expect(properties.map { $0["products_ranked"]?.doubleValue } == [3, 3, 0])
        #expect(properties[0]["name"] == .string("Uno"))
        #expect(properties[0].keys == ["code", "name", "top_1", "top_1_score", "top_2", "top_2_score", "products_ranked"])
    }

    @Test func theSampleMunicipalitiesGetTwoProductsEach() throws {
        let root = CommandTests.repository.appendingPathComponent("geodata")
        let output = CommandTests.temporary("sample-top.geojson")
        #expect(Territorio.run(arguments: ["rank", "--indicators", root.appendingPathComponent("ranking/products.csv").path,
                                           "--weights", root.appendingPathComponent("ranking/weights.json").path,
                                           "--by", "municipality_code", "--normalise", "zscore",
                                           "--territories", root.appendingPathComponent("territory/municipalities.geojson").path,
                                           "-o", output]) == 0)
        let layer = try Layer.readGeoJSON(path: output)
        #expect(layer.count == 15)
        #expect(layer.features.allSatisfy { $0.properties["top_1"]?.stringValue != nil && $0.properties["top_2"]?.stringValue != nil })
    }

    @Test func badInputsFailWithoutALayer() throws {
        let products = try Self.write("rank-bad.csv", "territory,product,a,b\nT1,p1,10,\n")
        let weights = try Self.write("rank-bad-weights.json", #"{"a": 0.6, "b": 0.4}"#)
        let output = CommandTests.temporary("never-top.geojson")
        let territories = try Self.write("rank-squares-2.geojson", Self.squares)
        #expect(Territorio.run(arguments: ["rank", "--indicators", products, "--weights", weights, "--by", "territory",
                                           "--territories", territories, "-o", output]) == 1)
        #expect(!FileManager.default.fileExists(atPath: output))
        let good = try Self.write("rank-good.csv", "territory,product,a,b\nT1,p1,10,1\n")
        let unknown = try Self.write("rank-unknown-weights.json", #"{"a": 0.6, "b": 0.4, "c": 1}"#)
        #expect(Territorio.run(arguments: ["rank", "--indicators", good, "--weights", unknown, "--by", "territory"]) == 1)
        #expect(Territorio.run(arguments: ["rank", "--indicators", good, "--weights", weights, "--by", "territory", "-o", output]) != 0)
        #expect(Territorio.run(arguments: ["rank", "--indicators", good, "--weights", weights, "--by", "territory", "--top", "0"]) != 0)
        #expect(Territorio.run(arguments: ["rank", "--indicators", good, "--weights", weights, "--by", "territory", "--normalise", "rank"]) != 0)
    }
}

/// The round table's additions on the command line: scopes, eligibility,
/// AHP weights, groups and sensitivity.
@Suite(.serialized) struct RankRoundTableTests {
    static let products = """
        territory,product,price,volume,note
        T1,flowers,12,5,export
        T1,potatoes,0.3,90,local
        T1,maize,0.4,50,local
        T2,flowers,10,1,export
        T2,potatoes,0.5,100,local
        T2,maize,0.6,40,local

        """

    /// In a child process, to read its standard output.
    func run(_ arguments: [String]) throws -> (code: Int32, json: Any?) {
        let outcome = try ChildProcess.start(arguments).wait()
        return (outcome.status, outcome.status == 0 ? try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) : nil)
    }

    /// The member at `path` (keys and indices) of parsed JSON.
    func at(_ json: Any?, _ path: Any...) -> Any? {
        var value = json
        for step in path {
            if let key = step as? String { value = (value as? [String: Any])?[key] } else if let index = step as? Int {
                let array = value as? [Any]
                value = array.flatMap { index < $0.count ? $0[index] : nil }
            }
        }
        return value
    }

    @Test func withinProductMakesFlowersT1sFirst() throws {
        let products = try RankCommandTests.write("rt-products.csv", Self.products)
        let weights = try RankCommandTests.write("rt-weights.json", #"{"price": 0.3, "volume": 0.7}"#)
        let base = ["rank", "--indicators", products, "--weights", weights, "--by", "territory", "--ignore", "note", "--top", "1", "--json"]
        let all = try run(base)
        #expect(all.code == 0)
        #expect(at(all.json, "territories", 0, "products", 0, "product") as? String == "potatoes")
        let within = try run(base + ["--normalise-within", "product"])
        #expect(at(within.json, "within") as? String == "product")
        #expect(at(within.json, "territories", 0, "products", 0, "product") as? String == "flowers")
        #expect(at(within.json, "territories", 0, "products", 0, "score") as? Double == 1)
    }

    @Test func eligibilityIsCountedByReason() throws {
        let products = try RankCommandTests.write("rt-products-2.csv", Self.products)
        let weights = try RankCommandTests.write("rt-weights-2.json", #"{"price": 0.3, "volume": {"weight": 0.7, "minimum": 45}}"#)
        let result = try run(["rank", "--indicators", products, "--weights", weights, "--by", "territory", "--ignore", "note",
                              "--where", "note = 'local'", "--json"])
        #expect(result.code == 0)
        #expect(at(result.json, "counts", "out") as? Double == 3)
        #expect(at(result.json, "counts", "reasons", "volume below the minimum 45") as? Double == 1)
        #expect(at(result.json, "counts", "reasons", "not selected by --where note = 'local'") as? Double == 2)
        // T1 over the three rows left: potatoes 0.3 x 0 + 0.7 x 40/50.
        #expect(at(result.json, "territories", 0, "products", 0, "score") as? Double == 0.56)
    }

    @Test func pairwiseWeightsGroupsAndSensitivity() throws {
        let products = try RankCommandTests.write("rt-products-3.csv", Self.products)
        let pairwise = try RankCommandTests.write("rt-pairwise.json", #"[["volume", "price", 3]]"#)
        let groups = try RankCommandTests.write("rt-groups.csv", "territory_code,group\nT1,one\nT2,one\n")
        let arguments = ["rank", "--indicators", products, "--pairwise", pairwise, "--by", "territory", "--ignore", "note",
                         "--groups", groups, "--sensitivity", "100", "--seed", "4", "--json"]
        let first = try run(arguments)
        #expect(first.code == 0)
        // volume 3 times price: weights 0.75 and 0.25; two indicators are always consistent.
        #expect(abs((at(first.json, "indicators", 0, "weight") as? Double ?? 0) - 0.25) < 1e-12)
        #expect(at(first.json, "weights", "consistencyRatio") as? Double == 0)
        #expect(at(first.json, "groups", "groups", 0, "top", 0, "product") as? String == "potatoes")
        #expect(at(first.json, "sensitivity", "draws") as? Double == 100)
        // Deterministic for a seed: the same bytes again.
        let again = try run(arguments)
        #expect(try JSONSerialization.data(withJSONObject: first.json!, options: .sortedKeys) == JSONSerialization.data(withJSONObject: again.json!, options: .sortedKeys))
        // Weights in the file as well as from the comparisons: refused.
        let weights = try RankCommandTests.write("rt-weights-3.json", #"{"price": 0.3, "volume": 0.7}"#)
        #expect(try run(arguments + ["--weights", weights]).code != 0)
    }

    @Test func groupsAreDissolvedIntoALayer() throws {
        let products = try RankCommandTests.write("rt-products-4.csv", Self.products)
        let weights = try RankCommandTests.write("rt-weights-4.json", #"{"price": 0.3, "volume": 0.7}"#)
        let groups = try RankCommandTests.write("rt-groups-4.csv", "territory_code,group\nT1,one\nT2,one\nT3,two\n")
        let territories = try RankCommandTests.write("rt-squares.geojson", RankCommandTests.squares)
        let output = CommandTests.temporary("rt-groups.geojson")
        #expect(Territorio.run(arguments: ["rank", "--indicators", products, "--weights", weights, "--by", "territory", "--ignore", "note",
                                           "--groups", groups, "--territories", territories, "--id-field", "code",
                                           "--groups-output", output]) == 0)
        let layer = try Layer.readGeoJSON(path: output)
        #expect(layer.features.map { $0.id?.description } == ["one", "two"])
        // One: the two unit squares side by side, 0.2 x 0.1 degrees; potatoes
        // (means of 0.629293 and 0.705128) ahead of maize (0.349029, 0.283450).
        let one = layer.features[0].properties
        #expect(one["top_1"] == .string("potatoes") && one["top_2"] == .string("maize"))
        #expect(one["top_1_mean_score"]?.doubleValue == 0.667211)
        #expect(one["members"]?.doubleValue == 2 && one["agreeing"]?.doubleValue == 2)
        let area = try Geometry(layer.features[0].geometry!).area()
        #expect(abs(area - 0.02) < 1e-9)
        // Two: T3 has no products, so no top and no member ranked.
        #expect(layer.features[1].properties["top_1"] == .null)
        #expect(layer.features[1].properties["members"]?.doubleValue == 0)
    }
}
