import Foundation
import Geo
import GeoFormats
import Testing
@testable import TerritorioCLI

/// Every polygon Territorio writes is valid as written: each representative
/// run of scripts/representative-commands.txt (as DeterminismTests runs
/// them), every polygon of every layer it writes read back and checked
/// with GEOS. `convert` alone copies invalid polygons, and counts them.
@Suite(.serialized) struct ValidOutputTests {
    /// Polygonal geometries of a layer file, each with where it is.
    static func polygons(in path: String) throws -> [(feature: Int, shape: Shape)] {
        let layer = try LayerSource.read(path).layer
        return layer.features.enumerated().flatMap { index, feature -> [(feature: Int, shape: Shape)] in
            guard let shape = feature.geometry else { return [] }
            return polygonal(shape).map { (index, $0) }
        }
    }

    static func polygonal(_ shape: Shape) -> [Shape] {
        switch shape {
        case .polygon, .multiPolygon: [shape]
        case .geometryCollection(let members): members.flatMap(polygonal)
        default: []
        }
    }

    @Test func everyPolygonEveryRepresentativeCommandWritesIsValid() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("territorio-valid-\(getpid())").path
        let output = base + "/out"
        try? FileManager.default.removeItem(atPath: base)
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: base) }
        let data = DeterminismTests.repository.appendingPathComponent("geodata/territory").path
        for arguments in try DeterminismTests.commands(data: data, output: output) {
            let outcome = try ChildProcess.start(arguments).wait()
            #expect(outcome.status == 0, "\(arguments.prefix(2).joined(separator: " ")): \(outcome.standardError.suffix(500))")
        }
        var checked = 0
        for (name, _) in try DeterminismTests.contents(of: output).sorted(by: { $0.key < $1.key }) {
            let lowered = name.lowercased()
            guard [".geojson", ".gpkg", ".fgb", ".shp"].contains(where: lowered.hasSuffix) else { continue }
            for (feature, shape) in try Self.polygons(in: output + "/" + name) {
                checked += 1
                let problem = try Geometry(shape).validityProblem()
                #expect(problem == nil, "\(name): feature \(feature): \(problem?.reason ?? "")")
            }
        }
        #expect(checked > 500)
    }

    /// A square and a bow-tie, the second invalid.
    static let withBowTie = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","id":"square","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]},"properties":{}},
        {"type":"Feature","id":"bow-tie","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]},"properties":{}}
        ]}
        """

    @Test(arguments: ["geojson", "gpkg"])
    func convertPassesAnInvalidPolygonThroughAndSaysSo(_ format: String) throws {
        let input = CommandTests.temporary("bowtie-in.geojson")
        try Self.withBowTie.write(toFile: input, atomically: true, encoding: .utf8)
        let output = CommandTests.temporary("bowtie-out.\(format)")
        let (status, tallies) = CountsTests.run(["convert", input, "-o", output])
        #expect(status == 0)
        let tally = try #require(tallies.first)
        #expect(tally.line.hasSuffix("2 features in, 2 out, 0 rejected; 1 invalid passed through"), "\(tally.line)")
        let written = try Self.polygons(in: output)
        #expect(written.count == 2)
        #expect(try !Geometry(written[1].shape).isValid(), "the bow-tie is copied as it came")
    }
}
