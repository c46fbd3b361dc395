import Foundation
import Testing
@testable import Geo
@testable import TerritorioCLI

/// The commands run in-process, on the sample data and temporary files.
@Suite(.serialized) struct CommandTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let parishes = repository.appendingPathComponent("geodata/sample_parishes.geojson").path
    static let sites = repository.appendingPathComponent("geodata/sample_sites.csv").path

    static func temporary(_ name: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("territorio-cli-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    @Test func infoSummarisesTheSample() throws {
        let contents = try LayerFile.read(Self.parishes)
        let summary = try LayerSummary(contents.layer)
        #expect(summary.json.jsonText == #"{"features":6,"geometryTypes":{"Polygon":6},"bbox":[-68.2,10.2,-67.9,10.4],"crs":"EPSG:4326","properties":{"code":"string","name":"string","municipality_code":"string","population":"number"},"invalid":1}"#)
        #expect(Territorio.run(arguments: ["info", Self.parishes]) == 0)
    }

    @Test func validateExitsOneOnProblemsAndRepairWritesEveryFeature() throws {
        #expect(Territorio.run(arguments: ["validate", Self.parishes]) == 1)
        let output = Self.temporary("repaired.geojson")
        #expect(Territorio.run(arguments: ["validate", Self.parishes, "--repair", "-o", output]) == 0)
        let repaired = try Layer.readGeoJSON(path: output)
        #expect(repaired.count == 6)
        #expect(try LayerValidator.problems(in: repaired).isEmpty)
        #expect(repaired.features[4].geometry?.type == .multiPolygon)
    }

    @Test func convertFiltersAndReprojects() throws {
        let output = Self.temporary("plants.geojson")
        #expect(Territorio.run(arguments: ["convert", Self.sites, "--id-column", "id", "--rejects", Self.temporary("rejects.csv"),
                                           "--where", "stage == 'processing' and capacity >= 14", "-o", output]) == 0)
        #expect(try Layer.readGeoJSON(path: output).features.map { $0.id?.description } == ["S002", "S005"])

        let utm = Self.temporary("parishes-utm.geojson")
        #expect(Territorio.run(arguments: ["convert", Self.parishes, "--to", "EPSG:32619", "--bbox=-68.2,10.2,-68.05,10.29", "-o", utm]) == 0)
        let projected = try Layer.readGeoJSON(path: utm)
        #expect(projected.crs.epsgCode == 32619)
        #expect(projected.features.map { $0.id?.description } == ["SM0101", "SM0102"])
        // Back to WGS 84 through PROJ: the corners come back to 1e-7 degrees.
        let back = Self.temporary("parishes-back.geojson")
        #expect(Territorio.run(arguments: ["convert", utm, "-o", back]) == 0)
        let corner = try Layer.readGeoJSON(path: back).features[0].geometry?.envelope
        #expect(abs(corner!.minX - -68.2) < 1e-7 && abs(corner!.maxY - 10.3) < 1e-7)
    }

    @Test func convertIsDeterministic() throws {
        let first = Self.temporary("first.geojson"), second = Self.temporary("second.geojson")
        #expect(Territorio.run(arguments: ["convert", Self.parishes, "-o", first]) == 0)
        #expect(Territorio.run(arguments: ["convert", first, "-o", second]) == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))
    }

    @Test func badInputAndBadUsageExitNonZeroAndLeaveNoFile() {
        let output = Self.temporary("never.geojson")
        #expect(Territorio.run(arguments: ["convert", Self.sites, "-o", output]) == 1)  // S006 has no coordinates
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(Territorio.run(arguments: ["convert", "/no/such/file.geojson"]) == 1)
        #expect(Territorio.run(arguments: ["convert", Self.parishes, "--where", "population >"]) != 0)
        #expect(Territorio.run(arguments: ["convert", Self.parishes, "--bbox", "1,2,3"]) != 0)
    }
}
