import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import TerritorioCLI
@testable import Workbench

extension WorkbenchTests {
    /// `/api/metrics` after `PUT /api/grouping` holds what the command line
    /// gives on the same grouping: `coverage --no-exchange --json` and
    /// `group evaluate --json`, field for field.
    @Suite struct WorkbenchAgreementTests {
        @Test func metricsEqualCoverageAndGroupEvaluateOnTheSameGrouping() async throws {
            let (server, folder) = try await WorkbenchFixture.server()
            let study = folder.appendingPathComponent("study.json").path
            let grouping = WorkbenchFixture.territory.appendingPathComponent("groupings/circuits_alternative.csv").path

            let coverageJSON = folder.appendingPathComponent("coverage.json").path
            #expect(Territorio.run(arguments: ["coverage", "--study", study, "--grouping", grouping, "--no-exchange", "--quiet",
                                               "-o", folder.appendingPathComponent("circuits.geojson").path, "--json", coverageJSON]) == 0)
            let evaluationText = folder.appendingPathComponent("evaluate.json").path
            let status = try StandardOutput.capture(into: evaluationText) {
                Territorio.run(arguments: ["group", "evaluate", "--study", study, "--grouping", grouping, "--json", "--quiet"])
            }
            #expect(status == 0)
            let coverageData = try Data(contentsOf: URL(fileURLWithPath: coverageJSON))
            let evaluationData = try Data(contentsOf: URL(fileURLWithPath: evaluationText))

            try await Application(router: server.router()).test(.router) { client in
                let coverage = try #require(try JSONSerialization.jsonObject(with: coverageData) as? [String: Any])
                let evaluation = try #require(try JSONSerialization.jsonObject(with: evaluationData) as? [String: Any])
                let put = try await client.call(.put, "/api/grouping", try String(contentsOfFile: grouping, encoding: .utf8))
                #expect(put.status == 200)
                let metrics = try await client.call(.get, "/api/metrics")
                let served = try #require(metrics.json)
                let servedCoverage = try #require(served["coverage"] as? [String: Any])
                let servedEvaluation = try #require(served["evaluation"] as? [String: Any])
                // Every figure the commands write, less their tallies of features read (`counts`).
                for key in coverage.keys where key != "counts" {
                    #expect(NSDictionary(dictionary: [key: servedCoverage[key] ?? NSNull()]) == NSDictionary(dictionary: [key: coverage[key]!]), "coverage \(key)")
                }
                for key in evaluation.keys where key != "counts" {
                    #expect(NSDictionary(dictionary: [key: servedEvaluation[key] ?? NSNull()]) == NSDictionary(dictionary: [key: evaluation[key]!]), "evaluation \(key)")
                }
                #expect(Set(servedCoverage.keys) == Set(coverage.keys).subtracting(["counts"]))
                #expect((servedCoverage["circuits"] as? [Any])?.count == (coverage["circuits"] as? [Any])?.count)
                #expect(((coverage["circuits"] as? [Any])?.count ?? 0) > 1)
            }
        }
    }
}
