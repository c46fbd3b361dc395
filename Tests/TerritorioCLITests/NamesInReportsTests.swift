import Foundation
import Testing

/// Reports name circuits (the grouping's `circuit_name` column) and
/// territories (`--name-field`): "Tovar (C-EM09)"; a name not found falls
/// back to the code and is said on standard error, counted. The tallies
/// and warnings follow the language.
@Suite struct NamesInReportsTests {
    /// The sample's circuits by municipality, C-EM09 named Tovar and the
    /// others left without a name.
    static func grouping(_ name: String, rename: (String) -> String = { $0 }) throws -> String {
        let path = CommandTests.temporary(name)
        let rows = try String(contentsOfFile: SampleFiles.circuits, encoding: .utf8).split(separator: "\n").dropFirst()
        let text = "territory_code,circuit_id,circuit_name\n" + rows.map { row in
            rename(row.hasSuffix(",C-EM09") ? "\(row),Tovar" : "\(row),")
        }.joined(separator: "\n") + "\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func coverage(grouping: String, name: String, environment: [String: String] = [:], extra: [String] = []) throws -> ChildProcess.Outcome {
        try ChildProcess.run([
            "coverage", "--territories", SampleFiles.parishes, "--id-field", "code", "--grouping", grouping,
            "--sites", SampleFiles.sites, "--chain", SampleFiles.data + "/chains/vegetables.json", "-o", CommandTests.temporary(name + ".geojson"),
            "--report", CommandTests.temporary(name + ".md"), "--json", CommandTests.temporary(name + ".json"),
        ] + extra, environment: environment)
    }

    @Test func circuitsByNameAndCodeTheUnnamedSaid() throws {
        let outcome = try Self.coverage(grouping: try Self.grouping("named.csv"), name: "named", extra: ["--lang", "en"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let report = try String(contentsOfFile: CommandTests.temporary("named.md"), encoding: .utf8)
        #expect(report.contains("\n## Tovar (C-EM09)\n"))
        #expect(report.contains("| Tovar (C-EM09) | vegetables | 10,800.0 | 806.7 | 9,993.3 | t/month |"))
        #expect(report.contains("\n## C-EM05\n"))
        #expect(outcome.standardError.contains(
            "territorio: warning: \(CommandTests.temporary("named.csv")): 14 of 15 circuits have no circuit_name; the reports show them by code: C-EM05, C-EM08,"))
        // The JSON and the layer keep the codes.
        let json = try String(contentsOfFile: CommandTests.temporary("named.json"), encoding: .utf8)
        #expect(!json.contains("Tovar"))
    }

    @Test func twoNamesForOneCircuitAreAnError() throws {
        var second = false
        let grouping = try Self.grouping("twice.csv") { row in
            guard row.hasSuffix(",Tovar") else { return row }
            defer { second = true }
            return second ? row.replacingOccurrences(of: ",Tovar", with: ",Colonia Tovar") : row
        }
        let outcome = try Self.coverage(grouping: grouping, name: "twice")
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("circuit C-EM09 is named \"Colonia Tovar\" here and \"Tovar\" on line"))
        #expect(outcome.standardError.contains("give each circuit one name"))
    }

    /// `distribute --name-field name`: the unmet demand by territory name and code.
    @Test func territoriesByNameInTheDistributionReport() throws {
        let report = CommandTests.temporary("named_distribution.md")
        let outcome = try ChildProcess.run([
            "distribute", "--sites", SampleFiles.sites, "--territories", SampleFiles.parishes, "--id-field", "code", "--name-field", "name",
            "--chain", SampleFiles.cheese, "-o", CommandTests.temporary("named_routes.geojson"), "--report", report,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let text = try String(contentsOfFile: report, encoding: .utf8)
        let unmet = text.components(separatedBy: "| territory | unmet |\n|---|---:|\n").last ?? ""
        let first = unmet.split(separator: "\n").first.map(String.init) ?? ""
        // "| San Isidro de El Palmar (EM0505) | 12.34 |": a name, then the code.
        #expect(first.range(of: #"^\| [^|(]+ \(EM\d{4}\) \| [\d.]+ \|$"#, options: .regularExpression) != nil, "\(first)")
    }

    /// The tallies, the summary and the warnings in Spanish from LANG.
    @Test func diagnosticsInSpanish() throws {
        let outcome = try Self.coverage(grouping: try Self.grouping("named_es.csv"), name: "named_es",
                                        environment: ["LC_ALL": "", "LANG": "es_VE.UTF-8"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let errors = outcome.standardError
        #expect(errors.contains("\(SampleFiles.parishes): 150 territorios de entrada, 150 de salida, 0 rechazados\n"))
        #expect(errors.contains("\(SampleFiles.sites): 2449 actores productivos de entrada, "))
        #expect(errors.contains(" de ninguna de las cadenas dadas)"))
        #expect(errors.contains(": 15 circuitos; "))
        #expect(errors.contains("14 de 15 circuitos no tienen circuit_name; los informes los muestran por su código"))
        #expect(!errors.contains(" in, "))
    }

    @Test func groupCompareInSpanish() throws {
        let report = CommandTests.temporary("compare_es.md")
        let outcome = try ChildProcess.run([
            "group", "compare", SampleFiles.circuits, SampleFiles.alternative, "--territories", SampleFiles.parishes, "--id-field", "code",
            "-o", CommandTests.temporary("compare_es.geojson"), "--report", report, "--lang", "es",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let text = try String(contentsOfFile: report, encoding: .utf8)
        #expect(text.hasPrefix("# Agrupaciones comparadas\n\n| agrupación | circuitos | contiguos |"))
        #expect(text.range(of: #"\| circuits_by_municipality \| 15 \| \d+ % \| 0,\d{3} \| \d+,\d{3} \| \d+,\d{2} \|"#, options: .regularExpression) != nil, "\(text)")
        #expect(text.contains(" territorios cambian de compañeros de circuito entre las agrupaciones.\n"))
        #expect(outcome.standardError.contains("territorios de entrada"))
    }
}
