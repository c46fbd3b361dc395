import Foundation
import TestSupport
import Testing
@testable import TerritorioCLI

extension WorkbenchTests {
    /// `territorio serve --port 0` on the sample study, driven in real
    /// headless Chromium (Selenium, Tests/Python/workbench_check.py): a real
    /// click moves Santa Clara de La Esperanza (EM0902) from Tovar (C-EM09)
    /// into the selected circuit, Arismendi (C-EM06), and the panel's
    /// population and self-supply become what `coverage --json` gives on a
    /// grouping CSV with that one row changed; the console stays clean.
    @Suite struct WorkbenchBrowserTests {
        static let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("territorio").path

        /// Why the test cannot run here, nil when it can.
        static var missing: String? {
            if let missing = TestBrowser.missing { return missing }
            if !FileManager.default.isExecutableFile(atPath: binary) { return "no built territorio beside the tests: swift build --build-tests" }
            return nil
        }

        /// Population and self-supply per product of each circuit, from `coverage --json`.
        static func coverage(study: String, grouping: String, folder: URL) throws -> [String: (population: Double, supply: [String: Double])] {
            let json = folder.appendingPathComponent("coverage-\(UUID().uuidString).json").path
            #expect(Territorio.run(arguments: ["coverage", "--study", study, "--grouping", grouping, "--no-exchange", "--quiet",
                                               "-o", folder.appendingPathComponent("c-\(UUID().uuidString).geojson").path, "--json", json]) == 0)
            let root = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
            var result: [String: (Double, [String: Double])] = [:]
            for circuit in root?["circuits"] as? [[String: Any]] ?? [] {
                let products = circuit["products"] as? [[String: Any]] ?? []
                result[circuit["circuit_id"] as? String ?? ""] = (circuit["population"] as? Double ?? -1,
                                                                  Dictionary(uniqueKeysWithValues: products.map { ($0["product"] as? String ?? "", $0["self_supply"] as? Double ?? -1) }))
            }
            return result
        }

        @Test(.enabled(if: WorkbenchBrowserTests.missing == nil, Comment(rawValue: WorkbenchBrowserTests.missing ?? "")))
        func aClickMovesATerritoryAndThePanelShowsTheCommandLinesFigures() throws {
            let folder = try WorkbenchFixture.studyFolder()
            let study = folder.appendingPathComponent("study.json").path
            let original = WorkbenchFixture.territory.appendingPathComponent("groupings/circuits_by_municipality.csv").path
            let moved = folder.appendingPathComponent("moved.csv")
            let lines = try String(contentsOfFile: original, encoding: .utf8).split(separator: "\n").map { $0.hasPrefix("EM0902,") ? "EM0902,C-EM06" : String($0) }
            try (lines.joined(separator: "\n") + "\n").write(to: moved, atomically: true, encoding: .utf8)
            let before = try Self.coverage(study: study, grouping: original, folder: folder)
            let after = try Self.coverage(study: study, grouping: moved.path, folder: folder)
            #expect(after["C-EM09"]?.population == 99_390 && after["C-EM06"]?.population == 21_362)

            var arguments = [Self.binary, study, "EM0902", "C-EM06", "C-EM09"]
            if let shot = ProcessInfo.processInfo.environment["WORKBENCH_SCREENSHOT"] { arguments.append(shot) }
            let outcome = try #require(try TestPython.run(script: TestPython.script("workbench_check.py"), arguments: arguments))
            #expect(outcome.status == 0, "\(outcome.standardError)")
            let result = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])

            #expect(result["version"] as? Int == 1)
            #expect(result["moved_to"] as? String == "C-EM06")
            for (moment, expected) in [("before", before), ("after", after)] {
                for (side, circuit) in [("from", "C-EM09"), ("to", "C-EM06")] {
                    let shown = value(result, moment, side) as? [String: Any]
                    #expect(shown?["population"] as? Double == expected[circuit]?.population, "\(moment) \(circuit) population")
                    let supply = shown?["self_supply"] as? [String: Double] ?? [:]
                    #expect(!supply.isEmpty && supply == expected[circuit]?.supply, "\(moment) \(circuit) self-supply: \(supply)")
                }
            }
            #expect(result["computing_seen"] as? Bool == true)
            #expect((result["intermediated"] as? [String])?.allSatisfy { !$0.isEmpty && $0 != "–" } == true)
            #expect((result["console"] as? [String]) == [])
        }
    }
}
