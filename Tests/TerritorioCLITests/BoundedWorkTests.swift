import Foundation
import Testing
@testable import Geo

/// Inputs an office produces by accident that once asked for tens of
/// gigabytes or never finished: each run now ends by itself, in memory in
/// proportion to its input (docs/RELIABILITY.md).
@Suite(.serialized) struct BoundedWorkTests {
    static let data = DeterminismTests.repository.appendingPathComponent("geodata/territory").path
    static let parishes = data + "/parishes.geojson"
    static let plants = ["--sites", data + "/sites.geojson", "--where", "stage == 'processing' and product == 'cheese'"]
    /// Peak memory of a run on the sample territory (the debug executable
    /// with GDAL and PROJ loaded takes about 60 MB).
    static let limit = 400 * 1_048_576

    static let folder: String = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("territorio-bounded-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }()

    static func run(_ arguments: [String], memoryLimit: Int = limit,
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> ChildProcess.Outcome {
        try AdversarialInputTests.territorio(arguments, memoryLimit: memoryLimit, sourceLocation: sourceLocation)
    }

    // MARK: Buffer catchments

    @Test func aOneMetreRadiusBuffersInBoundedMemory() throws {
        // Squares half a metre wide over the sample's extent were 38 GB.
        let outcome = try Self.run(["catchment"] + Self.plants + ["--method", "buffer", "--radius", "1m",
                                    "--territories", Self.parishes, "-o", Self.folder + "/one-metre.geojson"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        print("peak memory, catchment --radius 1m: \(Int(outcome.peakMegabytes)) MB")
    }

    @Test func aSiteWithLatitudeAndLongitudeSwappedBuffersInBoundedMemory() throws {
        // One plant at (10, -67) instead of (-67, 10): the extent spans the
        // globe, and squares of 50 m over it were 10 GB.
        let text = try String(contentsOfFile: Self.data + "/sites.geojson", encoding: .utf8)
        let swap = try NSRegularExpression(pattern: #"("id":"S0455","geometry":\{"type":"Point","coordinates":\[)([-0-9.]+),([-0-9.]+)\]"#)
        let range = NSRange(text.startIndex..., in: text)
        #expect(swap.numberOfMatches(in: text, range: range) == 1)
        let path = Self.folder + "/swapped.geojson"
        try swap.stringByReplacingMatches(in: text, range: range, withTemplate: "$1$3,$2]").write(toFile: path, atomically: true, encoding: .utf8)
        let outcome = try Self.run(["catchment", "--sites", path, "--where", "stage == 'processing' and product == 'cheese'", "--method", "buffer", "--radius", "100m",
                                    "--territories", Self.parishes, "-o", Self.folder + "/swapped-out.geojson"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        print("peak memory, catchment --radius 100m with one swapped site: \(Int(outcome.peakMegabytes)) MB")
    }

    @Test(arguments: ["--radius", "--snap", "--max-snap", "--width"])
    func aDistanceWithoutAUnitIsAUsageError(_ flag: String) throws {
        let arguments: [String] = switch flag {
        case "--radius": ["catchment"] + Self.plants + ["--method", "buffer", "--radius", "5", "--territories", Self.parishes]
        case "--snap": ["join", "--sites", Self.data + "/sites.geojson", "--territories", Self.parishes, "--snap", "5"]
        case "--max-snap": ["isochrone"] + Self.plants + ["--roads", Self.data + "/roads.geojson", "--minutes", "15", "--max-snap", "5"]
        default: ["isochrone"] + Self.plants + ["--roads", Self.data + "/roads.geojson", "--minutes", "15", "--width", "5"]
        }
        let outcome = try Self.run(arguments + ["-o", Self.folder + "/unitless.geojson"])
        #expect(outcome.status == 64, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("\(flag) needs a unit: write 5m or 5km, not '5'"), "\(outcome.standardError)")
        #expect(!FileManager.default.fileExists(atPath: Self.folder + "/unitless.geojson"))
        // Nothing needs no unit.
        #expect(Distance.metres("0") == 0)
        #expect(Distance.metres("5") == nil)
        #expect(Distance.metres("5m") == 5)
        #expect(Distance.metres("2.5 km") == 2500)
    }

    // MARK: Nested geometry collections

    /// A GeometryCollection holding a point and the next level, `depth` deep.
    static func nestedCollections(depth: Int) -> String {
        var geometry = #"{"type":"Point","coordinates":[-67.5,10.1]}"#
        for level in 0..<depth {
            geometry = #"{"type":"GeometryCollection","geometries":[\#(geometry),{"type":"Point","coordinates":[-67.\#(level % 10),10.2]}]}"#
        }
        return #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"deep","geometry":\#(geometry),"properties":{}}]}"#
    }

    /// Depth 30 took 24 s and depth 120 (a 6 KB file) never finished: the
    /// time doubled at every level. Each format must finish well inside 30 s.
    @Test(arguments: ["png", "svg", "pdf", "html"])
    func collectionsNested120DeepRenderInLinearTime(_ format: String) throws {
        let path = Self.folder + "/deep.geojson"
        try Self.nestedCollections(depth: 120).write(toFile: path, atomically: true, encoding: .utf8)
        let output = Self.folder + "/deep.\(format)"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ChildProcess.territorio)
        process.arguments = ["render", path, "-o", output]
        process.standardError = FileHandle.nullDevice
        let started = Date()
        try process.run()
        while process.isRunning, Date().timeIntervalSince(started) < 30 { usleep(20_000) }
        let finished = !process.isRunning
        // SIGKILL: a run stuck in work may not get to SIGTERM's handler.
        if !finished { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(finished, "render of collections nested 120 deep did not finish in 30 s")
        #expect(process.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: output))
    }

    // MARK: validate --repair on a noisy ring

    /// A ring of `vertices` positions around a circle, each a little ahead
    /// of or behind its turn: it crosses itself thousands of times.
    static func noisyRing(vertices: Int) -> String {
        var generator = InterruptedWriteTests.SplitMix64(state: 1)  // the noisy ring is the same every run
        var text = #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"noisy","geometry":{"type":"Polygon","coordinates":[["#
        var first = ""
        for index in 0..<vertices {
            let angle = 2 * Double.pi * (Double(index) + 4 * generator.unit()) / Double(vertices)
            let radius = 0.1 * (1 + 0.01 * generator.unit())
            let position = String(format: "[%.7f,%.7f]", -67 + radius * cos(angle), 10 + radius * sin(angle))
            if index == 0 { first = position }
            text += position + ","
        }
        return text + first + #"]]},"properties":{}}]}"#
    }

    static func small() throws -> String {
        let path = folder + "/noisy-small.geojson"
        try noisyRing(vertices: 5_000).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The representative `validate --repair` run writes the same bytes with either method.
    @Test func bothMethodsRepairTheSampleAlike() throws {
        var written: [Data] = []
        for method in ["structure", "linework"] {
            let output = Self.folder + "/parishes-\(method).geojson"
            let outcome = try Self.run(["validate", Self.parishes, "--repair", "--repair-method", method, "-o", output])
            #expect(outcome.status == 0, "\(outcome.standardError)")
            written.append(try Data(contentsOf: URL(fileURLWithPath: output)))
        }
        #expect(written[0] == written[1])
    }

    @Test func aNoisyRingOf200000VerticesIsRepairedInBoundedMemory() throws {
        let path = Self.folder + "/noisy.geojson"
        try Self.noisyRing(vertices: 200_000).write(toFile: path, atomically: true, encoding: .utf8)
        // The linework method passed 16 GB within two minutes: structure is the default.
        // FlatGeobuf keeps every double: the check below is of the repair, not of
        // GeoJSON's rounding to 7 decimals.
        let output = Self.folder + "/noisy-repaired.fgb"
        let repaired = try Self.run(["validate", path, "--repair", "-o", output], memoryLimit: 600 * 1_048_576)
        #expect(repaired.status == 0, "\(repaired.standardError.suffix(1000))")
        #expect(repaired.standardError.contains("\(path): feature 0 (id noisy): repaired: made valid (Self-intersection)"))
        print("peak memory, validate --repair of a noisy 200,000-vertex ring: \(Int(repaired.peakMegabytes)) MB")
        let revalidated = try Self.run(["validate", output])
        #expect(revalidated.status == 0, "\(revalidated.standardError.suffix(1000))")
        // Linework is refused before any work, naming the feature and the way out.
        let refused = try Self.run(["validate", path, "--repair", "--repair-method", "linework", "-o", Self.folder + "/noisy-linework.geojson"])
        #expect(refused.status == 1)
        #expect(refused.standardError.hasSuffix("territorio: error: \(path): feature 0 (id noisy): 200001 vertices are more than --repair-method linework repairs in bounded memory (limit 20000); use --repair-method structure (the default)\n"),
                "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: Self.folder + "/noisy-linework.geojson"))
        // The method goes with --repair only.
        let alone = try Self.run(["validate", Self.small(), "--repair-method", "structure"])
        #expect(alone.status == 64)
        #expect(alone.standardError.contains("--repair-method goes with --repair"))
        // Under the bound, linework still repairs.
        let linework = try Self.run(["validate", Self.small(), "--repair", "--repair-method", "linework", "-o", Self.folder + "/noisy-small-out.geojson"])
        #expect(linework.status == 0, "\(linework.standardError.suffix(1000))")
    }
}

extension InterruptedWriteTests.SplitMix64 {
    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
