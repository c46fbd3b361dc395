import Foundation
import Testing
@testable import TerritorioCLI

/// A population (or a summed value) that is null, missing or text is never
/// read as 0 unseen: an error naming the features, unless
/// `--missing-population`/`--missing-values` says zero or skip, and then
/// counted in the tallies and in --json.
@Suite(.serialized) struct MissingValueTests {
    static let data = SampleFiles.data
    static let out = FieldNameTests.out

    /// The sample parishes with feature 3's population null, feature 7's
    /// the text "43.667" and feature 9's gone.
    static let flawed: String = {
        let url = URL(fileURLWithPath: SampleFiles.parishes)
        var collection = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        var features = collection["features"] as! [[String: Any]]
        for (index, value) in [(3, NSNull() as Any), (7, "43.667" as Any), (9, nil)] {
            var properties = features[index]["properties"] as! [String: Any]
            properties["population"] = value
            features[index]["properties"] = properties
        }
        collection["features"] = features
        let path = out("parishes-flawed.geojson")
        try! JSONSerialization.data(withJSONObject: collection).write(to: URL(fileURLWithPath: path))
        return path
    }()

    static func commands(_ territories: String) -> [[String]] {
        let sites = SampleFiles.sites, cheese = SampleFiles.cheese
        return [
            ["coverage", "--territories", territories, "--id-field", "code", "--grouping", SampleFiles.circuits, "--sites", sites, "--chain", cheese, "-o", out("mc.geojson")],
            ["distribute", "--sites", sites, "--territories", territories, "--chain", cheese, "-o", out("md.geojson")],
            ["catchment", "--sites", sites, "--where", "stage == 'collection' and product == 'milk'", "--method", "voronoi", "--territories", territories, "-o", out("mk.geojson")],
            ["group", "evaluate", "--territories", territories, "--id-field", "code", "--grouping", SampleFiles.circuits],
        ]
    }

    @Test func eachCommandReadingPopulationStopsAndNamesTheFeatures() throws {
        for arguments in Self.commands(Self.flawed) {
            let outcome = try ChildProcess.run(arguments)
            #expect(outcome.status == 1, "\(arguments[0]): \(outcome.standardError)")
            #expect(outcome.standardError.contains("\(Self.flawed): 3 of 150 features have no usable population (feature 3 (id EM0515): null in 'population'; feature 7 (id EM0516): text \"43.667\" (not a number) in 'population'; feature 9 (id EM0509): missing in 'population'); fix the data, or pass --missing-population zero"),
                    "\(arguments[0]): \(outcome.standardError)")
        }
        for arguments in [["dissolve", Self.flawed, "--by", "municipality_code", "--sum", "population", "-o", Self.out("mx.geojson")],
                          ["interpolate", "--from", Self.flawed, "--field", "population", "--to", SampleFiles.municipalities, "-o", Self.out("mi.geojson")]] {
            let outcome = try ChildProcess.run(arguments)
            #expect(outcome.status == 1)
            #expect(outcome.standardError.contains("3 of 150 features have no usable values (feature 3 (id EM0515): null in 'population'"), "\(outcome.standardError)")
            #expect(outcome.standardError.contains("pass --missing-values zero to count them as 0, or --missing-values skip to leave them out"))
        }
    }

    @Test func zeroCountsThemAndSaysSoInTheTalliesAndTheJSON() throws {
        let json = Self.out("coverage-zero.json")
        let (status, tallies) = CountsTests.run(Self.commands(Self.flawed)[0] + ["--missing-population", "zero", "--json", json])
        #expect(status == 0)
        let territories = try #require(tallies.first { $0.subject == Self.flawed })
        #expect(territories.notes == [.init(reason: "population missing, taken as 0", count: 3)])
        #expect(territories.line.hasSuffix("; 3 population missing, taken as 0"))
        let report = try String(contentsOfFile: json, encoding: .utf8)
        #expect(report.contains(#""notes":{"population missing, taken as 0":3}"#))

        for arguments in Self.commands(Self.flawed).dropFirst() {
            let (status, tallies) = CountsTests.run(arguments + ["--missing-population", "zero"])
            #expect(status == 0, "\(arguments[0])")
            #expect(tallies.contains { $0.notes.contains(.init(reason: "population missing, taken as 0", count: 3)) }, "\(arguments[0])")
        }
    }

    @Test func skipLeavesThemOutAndCountsThemRejected() throws {
        for arguments in Self.commands(Self.flawed) {
            let (status, tallies) = CountsTests.run(arguments + ["--missing-population", "skip"])
            #expect(status == 0, "\(arguments[0])")
            let territories = try #require(tallies.first { $0.subject == Self.flawed || $0.unit == "territories" }, "\(arguments[0])")
            #expect(territories.input == 150, "\(arguments[0])")
            #expect(territories.rejections.contains(.init(reason: "population missing, left out", count: 3)), "\(arguments[0]): \(territories.line)")
        }
        let (status, tallies) = CountsTests.run(["dissolve", Self.flawed, "--by", "municipality_code", "--sum", "population",
                                                 "--missing-values", "skip", "-o", Self.out("mx.geojson")])
        #expect(status == 0)
        #expect(tallies.map(\.line) == ["\(Self.flawed): 150 features in, 147 out, 3 rejected (3 values missing, left out)"])
        let moved = CountsTests.run(["interpolate", "--from", Self.flawed, "--field", "population", "--to", SampleFiles.municipalities,
                                     "--missing-values", "zero", "-o", Self.out("mi.geojson")])
        #expect(moved.status == 0)
        #expect(moved.tallies.last?.line == "\(Self.flawed): 150 sources in, 150 out, 0 rejected; 3 values missing, taken as 0")
    }

    @Test func theSampleItselfHasEveryPopulation() throws {
        for arguments in Self.commands(SampleFiles.parishes) {
            #expect(CountsTests.run(arguments).status == 0, "\(arguments[0])")
        }
    }
}

extension MissingValueTests {
    @Test func theHeterogeneityFieldOfSuggestIsCheckedToo() throws {
        let arguments = ["group", "suggest", "--territories", Self.flawed, "--id-field", "code", "--regions", "5",
                         "--objective", "heterogeneity:population", "-o", Self.out("ms.csv")]
        let refused = try ChildProcess.run(arguments)
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("3 of 150 features have no usable values (feature 3 (id EM0515): null in 'population'"))
        let (status, tallies) = CountsTests.run(arguments + ["--missing-values", "zero"])
        #expect(status == 0)
        #expect(tallies.first?.notes == [.init(reason: "values missing, taken as 0", count: 3)])
    }
}
