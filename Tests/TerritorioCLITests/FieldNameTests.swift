import Foundation
import Testing
@testable import TerritorioCLI

/// Every flag that names a field, misspelt, on every command that takes
/// it: a usage error (exit 64) that names the flag and the file, lists the
/// fields there and suggests the nearest; never a plausible result.
@Suite struct FieldNameTests {

    static func out(_ name: String) -> String { CommandTests.temporary("field-names-" + name) }

    /// A valid command line, the flag misspelt in it, the misspelling and
    /// the field it should suggest.
    struct Case: CustomStringConvertible {
        var arguments: [String]
        var flag: String
        var wrong: String
        var suggestion: String
        var description: String { "\(arguments.prefix(2).joined(separator: " ")) \(flag) \(wrong)" }
    }

    static let cases: [Case] = {
        let territories = ["--territories", SampleFiles.parishes]
        let coverage = ["coverage"] + territories + ["--id-field", "code", "--grouping", SampleFiles.circuits, "--sites", SampleFiles.sites, "--chain", SampleFiles.cheese, "-o", out("c.geojson")]
        let distribute = ["distribute", "--sites", SampleFiles.sites] + territories + ["--chain", SampleFiles.cheese, "-o", out("d.geojson")]
        let join = ["join", "--sites", SampleFiles.sites, "--territories", SampleFiles.parishes, "--id-field", "code", "-o", out("j.geojson")]
        let catchment = ["catchment", "--sites", SampleFiles.sites, "--where", "stage == 'collection'", "--method", "voronoi"] + territories + ["-o", out("k.geojson")]
        let evaluate = ["group", "evaluate"] + territories + ["--id-field", "code", "--grouping", SampleFiles.circuits]
        let suggest = ["group", "suggest"] + territories + ["--id-field", "code", "--min-population", "100000", "-o", out("s.csv")]
        let rank = ["rank", "--indicators", SampleFiles.products, "--weights", SampleFiles.weights, "--by", "municipality_code"]
        let render = ["render", SampleFiles.parishes, SampleFiles.sites, "-o", out("m.svg")]
        func replacing(_ arguments: [String], _ flag: String, _ value: String) -> [String] {
            var result = arguments
            if let index = result.firstIndex(of: flag) { result[index + 1] = value } else { result += [flag, value] }
            return result
        }
        return [
            Case(arguments: ["convert", SampleFiles.sites, "--where", "stge == 'processing'", "-o", out("p.geojson")], flag: "--where", wrong: "stge", suggestion: "stage"),
            Case(arguments: ["isochrone", "--sites", SampleFiles.sites, "--where", "stage == 'processing' and prodct == 'cheese'", "--roads", SampleFiles.roads, "--minutes", "15", "-o", out("i.geojson")],
                 flag: "--where", wrong: "prodct", suggestion: "product"),
            Case(arguments: replacing(join, "--id-field", "cod"), flag: "--id-field", wrong: "cod", suggestion: "code"),
            Case(arguments: join + ["--label", "nme"], flag: "--label", wrong: "nme", suggestion: "name"),
            Case(arguments: join + ["--summary", out("sum.csv"), "--product-field", "prodct"], flag: "--product-field", wrong: "prodct", suggestion: "product"),
            Case(arguments: join + ["--summary", out("sum.csv"), "--stage-field", "stge"], flag: "--stage-field", wrong: "stge", suggestion: "stage"),
            Case(arguments: join + ["--summary", out("sum.csv"), "--capacity-field", "capacty"], flag: "--capacity-field", wrong: "capacty", suggestion: "capacity"),
            Case(arguments: join + ["--summary", out("sum.csv"), "--unit-field", "unt"], flag: "--unit-field", wrong: "unt", suggestion: "unit"),
            Case(arguments: join + ["--owner-field", "ownr"], flag: "--owner-field", wrong: "ownr", suggestion: "owner"),
            Case(arguments: ["dissolve", SampleFiles.parishes, "--by", "municipality_cod", "-o", out("x.geojson")], flag: "--by", wrong: "municipality_cod", suggestion: "municipality_code"),
            Case(arguments: ["dissolve", SampleFiles.parishes, "--by", "municipality_code", "--sum", "populaton", "-o", out("x.geojson")], flag: "--sum", wrong: "populaton", suggestion: "population"),
            Case(arguments: ["dissolve", SampleFiles.parishes, "--by", "municipality_code", "--first", "stat_code", "-o", out("x.geojson")], flag: "--first", wrong: "stat_code", suggestion: "state_code"),
            Case(arguments: ["interpolate", "--from", SampleFiles.parishes, "--field", "populaton", "--to", SampleFiles.municipalities, "-o", out("n.geojson")], flag: "--field", wrong: "populaton", suggestion: "population"),
            Case(arguments: ["interpolate", "--from", SampleFiles.parishes, "--intensive", "urbn", "--to", SampleFiles.municipalities, "-o", out("n.geojson")], flag: "--intensive", wrong: "urbn", suggestion: "urban"),
            Case(arguments: replacing(catchment, "--where", "stge == 'collection'"), flag: "--where", wrong: "stge", suggestion: "stage"),
            Case(arguments: catchment + ["--population-field", "poblacion"], flag: "--population-field", wrong: "poblacion", suggestion: "population"),
            Case(arguments: catchment + ["--chain", SampleFiles.cheese, "--capacity-field", "capacty"], flag: "--capacity-field", wrong: "capacty", suggestion: "capacity"),
            Case(arguments: replacing(coverage, "--id-field", "cod"), flag: "--id-field", wrong: "cod", suggestion: "code"),
            Case(arguments: coverage + ["--population-field", "poblacion"], flag: "--population-field", wrong: "poblacion", suggestion: "population"),
            Case(arguments: coverage + ["--product-field", "prodct"], flag: "--product-field", wrong: "prodct", suggestion: "product"),
            Case(arguments: coverage + ["--unit-field", "unt"], flag: "--unit-field", wrong: "unt", suggestion: "unit"),
            Case(arguments: distribute + ["--population-field", "poblacion"], flag: "--population-field", wrong: "poblacion", suggestion: "population"),
            Case(arguments: distribute + ["--stage-field", "stge"], flag: "--stage-field", wrong: "stge", suggestion: "stage"),
            Case(arguments: distribute + ["--capacity-field", "capacty"], flag: "--capacity-field", wrong: "capacty", suggestion: "capacity"),
            Case(arguments: replacing(evaluate, "--id-field", "cod"), flag: "--id-field", wrong: "cod", suggestion: "code"),
            Case(arguments: evaluate + ["--population-field", "poblacion"], flag: "--population-field", wrong: "poblacion", suggestion: "population"),
            Case(arguments: ["group", "compare", SampleFiles.circuits, SampleFiles.alternative] + territories + ["--id-field", "cod", "-o", out("g.geojson")], flag: "--id-field", wrong: "cod", suggestion: "code"),
            Case(arguments: suggest + ["--population-field", "poblacion"], flag: "--population-field", wrong: "poblacion", suggestion: "population"),
            Case(arguments: suggest + ["--within", "municipality_cod"], flag: "--within", wrong: "municipality_cod", suggestion: "municipality_code"),
            Case(arguments: ["group", "suggest"] + territories + ["--id-field", "code", "--regions", "5", "--objective", "heterogeneity:populaton", "-o", out("s.csv")],
                 flag: "--objective heterogeneity:FIELD", wrong: "populaton", suggestion: "population"),
            Case(arguments: replacing(rank, "--by", "municipality_cod"), flag: "--by", wrong: "municipality_cod", suggestion: "municipality_code"),
            Case(arguments: rank + ["--product-field", "prodct"], flag: "--product-field", wrong: "prodct", suggestion: "product"),
            Case(arguments: rank + ["--territories", SampleFiles.municipalities, "--id-field", "municipality_cod", "-o", out("r.geojson")], flag: "--id-field", wrong: "municipality_cod", suggestion: "municipality_code"),
            Case(arguments: render + ["--color-by", "stge"], flag: "--color-by", wrong: "stge", suggestion: "stage"),
            Case(arguments: render + ["--labels", "parishes:nme"], flag: "--labels", wrong: "nme", suggestion: "name"),
            Case(arguments: render + ["--line-width-by", "capacty"], flag: "--line-width-by", wrong: "capacty", suggestion: "capacity"),
        ]
    }()

    @Test(arguments: cases) func aMisspeltFieldIsAUsageErrorListingTheFieldsAndTheNearest(_ item: Case) throws {
        let outcome = try ChildProcess.run(item.arguments)
        #expect(outcome.status == 64, "\(item): \(outcome.standardError)")
        #expect(outcome.standardError.contains("\(item.flag)"), "\(item): \(outcome.standardError)")
        #expect(outcome.standardError.contains("no field '\(item.wrong)' in "), "\(item): \(outcome.standardError)")
        #expect(outcome.standardError.contains("; fields: "), "\(item): \(outcome.standardError)")
        #expect(outcome.standardError.contains("did you mean '\(item.suggestion)'?"), "\(item): \(outcome.standardError)")
        #expect(!outcome.standardError.contains("Fatal error"))
    }

    @Test func theExampleOfTheIssueReadsWell() throws {
        let outcome = try ChildProcess.run(["coverage", "--territories", SampleFiles.parishes, "--id-field", "code", "--population-field", "poblacion",
                                            "--grouping", SampleFiles.circuits, "--sites", SampleFiles.sites, "--chain", SampleFiles.cheese, "-o", Self.out("c.geojson")])
        #expect(outcome.standardError.hasPrefix("Error: --population-field: no field 'poblacion' in \(SampleFiles.parishes); fields: code, name, municipality_code, state_code, population, urban; did you mean 'population'?\n"))
    }

    @Test func aDefaultSiteFieldTheSitesLackIsNamedWithItsFlag() throws {
        // Sites without a unit column, read by a command that needs it.
        var text = try String(contentsOfFile: SampleFiles.sites, encoding: .utf8)
        text = text.replacingOccurrences(of: #""unit""#, with: #""units""#)
        let path = Self.out("sites-without-unit.geojson")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try ChildProcess.run(["distribute", "--sites", path, "--territories", SampleFiles.parishes, "--chain", SampleFiles.cheese, "-o", Self.out("d.geojson")])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("--unit-field (default unit): no field 'unit' in \(path)"))
        #expect(outcome.standardError.contains("did you mean 'units'?"))
    }

    @Test func anIdInWhereThatIsTheFeatureIdPointsToDollarId() throws {
        let outcome = try ChildProcess.run(["convert", SampleFiles.parishes, "--where", "id == 'EM0505'", "-o", Self.out("id.geojson")])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("--where: no field 'id' in \(SampleFiles.parishes)"))
        #expect(outcome.standardError.contains("; the feature id is $id"))
        #expect(try ChildProcess.run(["convert", SampleFiles.parishes, "--where", "$id == 'EM0505'", "-o", Self.out("id.geojson")]).status == 0)
    }

    @Test func nearestNamesAreFoundByEditDistance() {
        #expect(FieldCheck.nearest(to: "poblacion", among: ["code", "name", "population"]) == "population")
        #expect(FieldCheck.nearest(to: "cod", among: ["code", "name"]) == "code")
        #expect(FieldCheck.nearest(to: "x", among: ["code", "population"]) == nil)
    }
}
