import Foundation
import Testing
@testable import Geo
@testable import GeoFormats

/// Outputs are written under a temporary name and renamed when complete:
/// `territorio convert` killed with SIGKILL at random moments leaves the
/// destination holding the old file or the whole new one, never a part.
@Suite(.serialized) struct InterruptedWriteTests {
    /// A seeded generator, so every run kills at the same fractions of the run.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let folder: String = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("territorio-kill-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }()

    /// `count` points with an id and two properties, written once per run.
    static func points(_ count: Int) throws -> String {
        let path = folder + "/points-\(count).geojson"
        if FileManager.default.fileExists(atPath: path) { return path }
        var random = SplitMix64(state: 7)
        var text = "{\"type\":\"FeatureCollection\",\"features\":[\n"
        for index in 0..<count {
            let x = -68 + Double(random.next() % 1_000_000) / 1_000_000
            let y = 10 + Double(random.next() % 1_000_000) / 1_000_000
            if index > 0 { text += ",\n" }
            text += "{\"type\":\"Feature\",\"id\":\(index),\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(x),\(y)]},\"properties\":{\"name\":\"site \(index)\",\"value\":\(index * 7)}}"
        }
        text += "\n]}\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A folder of its own for each destination.
    static func destination(_ name: String) throws -> String {
        let subfolder = folder + "/" + name.replacingOccurrences(of: ".", with: "-")
        try FileManager.default.createDirectory(atPath: subfolder, withIntermediateDirectories: true)
        return subfolder + "/" + name
    }

    /// What is beside `destination` besides it and its temporary files
    /// (`.NAME.PID.XXXXXX`): nothing, or a killed run left a part.
    static func strays(beside destination: String) throws -> [String] {
        let name = URL(fileURLWithPath: destination).lastPathComponent
        return try FileManager.default.contentsOfDirectory(atPath: TemporaryName.folder(of: destination))
            .filter { $0 != name && !$0.hasPrefix("." + name + ".") }
    }

    static func temporaries(of destination: String) throws -> [String] {
        let name = URL(fileURLWithPath: destination).lastPathComponent
        return try FileManager.default.contentsOfDirectory(atPath: TemporaryName.folder(of: destination))
            .filter { $0.hasPrefix("." + name + ".") }
    }

    /// Runs `convert SOURCE -o DESTINATION` `trials` times over the old
    /// file, killing it after a random part of a whole run's time;
    /// `isComplete` tells the whole new output from anything else.
    static func killRepeatedly(source: String, destination: String, trials: Int, seed: UInt64,
                               isComplete: (Data) throws -> Bool) throws -> (old: Int, new: Int, midWrite: Int) {
        let old = Data("{\"type\":\"FeatureCollection\",\"features\":[]}\n".utf8)
        // One whole run, to know how long it takes.
        try? FileManager.default.removeItem(atPath: destination)
        let clock = ContinuousClock()
        let started = clock.now
        let whole = try ChildProcess.start(["convert", source, "-o", destination]).wait()
        let elapsed = (clock.now - started).components
        let duration = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        #expect(whole.status == 0, "\(whole.standardError)")
        #expect(try isComplete(Data(contentsOf: URL(fileURLWithPath: destination))))

        var random = SplitMix64(state: seed)
        var counts = (old: 0, new: 0, midWrite: 0)
        for trial in 0..<trials {
            try old.write(to: URL(fileURLWithPath: destination))
            // Spread over the run: reading, writing, the rename, and after.
            let fraction = 0.1 + 1.5 * Double(random.next() % 10_000) / 10_000
            let child = try ChildProcess.start(["convert", source, "-o", destination])
            usleep(UInt32(duration * fraction * 1e6))
            let writing = try !temporaries(of: destination).isEmpty
            child.kill(SIGKILL)
            let outcome = child.wait()
            let now = try Data(contentsOf: URL(fileURLWithPath: destination))
            if now == old {
                counts.old += 1
                if writing, outcome.killedBy == SIGKILL { counts.midWrite += 1 }
            } else {
                #expect(try isComplete(now), "trial \(trial): killed at \(fraction) of a run, the destination is neither the old file nor the new one (\(now.count) bytes)")
                counts.new += 1
            }
            #expect(try strays(beside: destination).isEmpty, "trial \(trial)")
        }
        // The next run clears what killed runs left.
        let last = try ChildProcess.start(["convert", source, "-o", destination]).wait()
        #expect(last.status == 0)
        #expect(try temporaries(of: destination).isEmpty)
        return counts
    }

    @Test func killedGeoJSONConvertLeavesTheOldFileOrTheWholeNewOne() throws {
        let source = try Self.points(100_000)
        let destination = try Self.destination("destination.geojson")
        var expected: Data?
        let counts = try Self.killRepeatedly(source: source, destination: destination, trials: 24, seed: 2024) { data in
            if expected == nil { expected = data }
            return data == expected && data.count > 5_000_000
        }
        // Some kills fell while the temporary file was being written, and some runs finished.
        #expect(counts.midWrite > 0, "\(counts)")
        #expect(counts.old + counts.new == 24)
        print("SIGKILL, GeoJSON: \(counts.old) old (\(counts.midWrite) of them killed mid-write), \(counts.new) complete")
    }

    @Test func killedGeoPackageConvertLeavesTheOldFileOrTheWholeNewOne() throws {
        let source = try Self.points(30_000)
        let destination = try Self.destination("destination.gpkg")
        // A GeoPackage records when it was written: complete means it opens
        // and holds every feature.
        let counts = try Self.killRepeatedly(source: source, destination: destination, trials: 10, seed: 7) { data in
            let copy = Self.folder + "/check.gpkg"
            try data.write(to: URL(fileURLWithPath: copy))
            defer { try? FileManager.default.removeItem(atPath: copy) }
            guard let layer = try? LayerSource.read(copy).layer else { return false }
            return layer.count == 30_000 && layer.features.last?.id == .number(JSONNumber(29_999))
        }
        #expect(counts.midWrite > 0, "\(counts)")
        print("SIGKILL, GeoPackage: \(counts.old) old (\(counts.midWrite) of them killed mid-write), \(counts.new) complete")
    }
}
