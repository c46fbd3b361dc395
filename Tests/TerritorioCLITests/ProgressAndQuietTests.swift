import Foundation
import Geo
import Testing
@testable import TerritorioCLI

/// Progress on a terminal, nothing on a pipe, `--quiet` and the summary of
/// lines about single features, as the built program writes them.
@Suite struct ProgressAndQuietTests {
    /// `count` points on a grid, as CSV.
    static func points(_ count: Int, name: String) throws -> String {
        let path = CommandTests.temporary(name)
        var text = "id,lon,lat\n"
        text.reserveCapacity(count * 24)
        for index in 0..<count {
            text += "\(index),\(-70 + Double(index % 1000) * 0.001),\(8 + Double(index / 1000) * 0.001)\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs territorio with standard error on a pseudo-terminal, as a user's
    /// terminal would be, through util-linux's `script` (Debian's essential
    /// bsdutils), and returns everything written to that terminal.
    static func runOnTerminal(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, terminal: String) {
        let command = ([ChildProcess.territorio] + arguments).map { "'\($0)'" }.joined(separator: " ") + " >/dev/null"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["--quiet", "--return", "--command", command, "/dev/null"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: bytes, as: UTF8.self))
    }

    @Test func aLongRunShowsOneUpdatingLineWithCountAndRateOnATerminal() throws {
        let input = try Self.points(150_000, name: "progress_points.csv")
        let (status, terminal) = try Self.runOnTerminal(["convert", input, "-o", CommandTests.temporary("progress_points.geojson")])
        #expect(status == 0, "\(terminal)")
        // Each update returns to the start of the line and clears what is left of it.
        let updates = terminal.components(separatedBy: "\r").filter { $0.contains(" features,") }
        #expect(!updates.isEmpty, "no progress line in: \(terminal.prefix(400))")
        let pattern = #"^(reading|writing) .*: \d+ features, \d+/s\x{1B}\[K$"#
        let odd = updates.filter { $0.range(of: pattern, options: .regularExpression) == nil }
        #expect(odd.isEmpty, "\(odd.prefix(3))")
        #expect(terminal.contains("150000 features in, 150000 out, 0 rejected"))
    }

    /// The join and the routing draw done/total, as reading does. The
    /// sample takes well under a second, so `TERRITORIO_PROGRESS_AFTER=0`
    /// lets the line show from the start.
    @Test func joinAndRoutingShowDoneOfTotalOnATerminal() throws {
        let now = ["TERRITORIO_PROGRESS_AFTER": "0"]
        let joined = try Self.runOnTerminal(["join", "--sites", SampleFiles.sites, "--territories", SampleFiles.parishes, "--id-field", "code",
                                             "-o", CommandTests.temporary("progress_joined.geojson")], environment: now)
        #expect(joined.status == 0, "\(joined.terminal)")
        let sites = try #require(joined.terminal.range(of: #"\d+ points in"#, options: .regularExpression).map { Int(joined.terminal[$0].split(separator: " ")[0])! })
        // The last update has every point located.
        let joinLines = joined.terminal.components(separatedBy: "\r").filter { $0.hasPrefix("joining ") }
        #expect(joinLines.last?.hasPrefix("joining \(SampleFiles.sites): \(sites)/\(sites) points (100 %)") == true, "\(joinLines)")

        // 30 sites to 30 sites: one search from each origin.
        let sample = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: SampleFiles.sites))) as? [String: Any])
        let thirty = try JSONSerialization.data(withJSONObject: ["type": "FeatureCollection",
                                                                 "features": Array((sample["features"] as? [Any] ?? []).prefix(30))])
        let origins = CommandTests.temporary("progress_origins.geojson")
        try thirty.write(to: URL(fileURLWithPath: origins))
        let routed = try Self.runOnTerminal(["route", "--from", origins, "--to", origins, "--roads", SampleFiles.roads,
                                             "--matrix", CommandTests.temporary("progress_matrix.csv")], environment: now)
        #expect(routed.status == 0, "\(routed.terminal)")
        let routeLines = routed.terminal.components(separatedBy: "\r").filter { $0.hasPrefix("routing: ") }
        // Updates come at most every 0.1 s, so the last one drawn may be short of 30.
        #expect(!routeLines.isEmpty, "\(routed.terminal.prefix(400))")
        let odd = routeLines.filter { $0.range(of: #"^routing: \d+/30 searches \(\d+ %\), \d+/s(, about .* left)?\x{1B}\[K$"#, options: .regularExpression) == nil }
        #expect(odd.isEmpty, "\(odd)")
        // Piped, nothing of it.
        let piped = try ChildProcess.run(["join", "--sites", SampleFiles.sites, "--territories", SampleFiles.parishes, "-o", CommandTests.temporary("progress_joined2.geojson")],
                                         environment: now)
        #expect(!piped.standardError.contains("joining"))
    }

    /// The exact distribution counts its solves (the certificate decides
    /// how many: no total); a layer written whole (here the lines between
    /// circuits) counts features of the total.
    @Test func distributionSolvesAndWritingShowOnATerminal() throws {
        let lines = CommandTests.temporary("progress_od_lines.geojson")
        let run = try Self.runOnTerminal(["distribute", "--sites", SampleFiles.sites, "--territories", SampleFiles.parishes,
                                          "--chain", SampleFiles.cheese, "--grouping", SampleFiles.circuits,
                                          "--od-lines", lines, "-o", CommandTests.temporary("progress_routes.geojson")],
                                         environment: ["TERRITORIO_PROGRESS_AFTER": "0"])
        #expect(run.status == 0, "\(run.terminal)")
        let updates = run.terminal.components(separatedBy: "\r")
        let solves = updates.filter { $0.hasPrefix("distributing cheese: ") }
        #expect(!solves.isEmpty, "\(run.terminal.prefix(400))")
        #expect(solves.allSatisfy { $0.range(of: #"^distributing cheese: \d+ solves so far, \d+/s\x{1B}\[K"#, options: .regularExpression) != nil }, "\(solves)")
        let written = try Layer.readGeoJSON(path: lines).count
        let writing = updates.filter { $0.hasPrefix("writing \(lines): ") }
        // Fewer lines than a block: the one update is the whole layer.
        #expect(writing.last?.hasPrefix("writing \(lines): \(written)/\(written) features (100 %)") == true, "\(writing)")
    }

    /// 250 of 1,000 in 5 s: 50 a second, 750 left take 15 s.
    @Test func theLineGivesDoneOfTotalTheRateAndTheTimeLeft() {
        #expect(Progress.line(label: "joining", unit: "points", count: 250, total: 1000, seconds: 5)
                == "joining: 250/1000 points (25 %), 50/s, about 15 s left")
        #expect(Progress.line(label: "reading a.csv", unit: "features", count: 30000, total: nil, seconds: 2)
                == "reading a.csv: 30000 features, 15000/s")
        #expect(Progress.line(label: "routing", unit: "origins", count: 10, total: 7210, seconds: 1)
                == "routing: 10/7210 origins (0 %), 10/s, about 12 min 0 s left")
    }

    @Test func aPipeGetsNoProgressAndQuietKeepsOnlyErrors() throws {
        let input = try Self.points(2_000, name: "quiet_points.csv")
        let piped = try ChildProcess.run(["convert", input, "-o", CommandTests.temporary("quiet_points.geojson")])
        #expect(piped.status == 0)
        #expect(!piped.standardError.contains("\r"))
        #expect(piped.standardError == "\(input): 2000 features in, 2000 out, 0 rejected\n")

        let quiet = try ChildProcess.run(["convert", input, "--quiet", "-o", CommandTests.temporary("quiet_points2.geojson")])
        #expect(quiet.status == 0)
        #expect(quiet.standardError == "")

        let failing = try ChildProcess.run(["--quiet", "info", CommandTests.temporary("no_such_file.geojson")])
        #expect(failing.status != 0)
        #expect(failing.standardError.hasPrefix("territorio: error: "), "\(failing.standardError)")
    }

    /// 30 points outside the only territory: 20 lines, then one line that
    /// says 10 more were not shown; --verbose shows all 30.
    @Test func linesAboutSingleFeaturesStopAfterTwentyWithACount() throws {
        let input = try Self.points(30, name: "outside_points.csv")
        let square = CommandTests.temporary("far_square.geojson")
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"T1","geometry":{"type":"Polygon","coordinates":[[[10,10],[11,10],[11,11],[10,11],[10,10]]]},"properties":{"code":"T1"}}]}"#
            .write(toFile: square, atomically: true, encoding: .utf8)
        let arguments = ["join", "--sites", input, "--territories", square, "--id-field", "code", "-o", CommandTests.temporary("outside_joined.geojson")]
        let summarised = try ChildProcess.run(arguments)
        #expect(summarised.status == 0, "\(summarised.standardError)")
        let lines = summarised.standardError.split(separator: "\n")
        #expect(lines.filter { $0.contains("outside every territory") }.count == 20)
        #expect(lines.contains { $0.contains("10 more lines about single features not shown") })

        let verbose = try ChildProcess.run(arguments + ["--verbose"])
        #expect(verbose.standardError.split(separator: "\n").filter { $0.contains("outside every territory") }.count == 30)
        #expect(!verbose.standardError.contains("not shown"))
    }
}
