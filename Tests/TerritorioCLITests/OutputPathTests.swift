import Foundation
import Testing
@testable import Geo
@testable import GeoFormats

/// Where outputs go (issue 14, "Output paths"): devices, FIFOs and
/// descriptors are written through, links to their target; modes are kept
/// and the umask honoured; an output on an input or on another output is
/// refused before anything is read; a command writes all its outputs or
/// none; two runs writing one Shapefile never mix their files; an
/// extension Territorio cannot write is an error; Ctrl-C and SIGTERM leave
/// no temporaries. Each test runs the built `territorio` in a shell.
@Suite(.serialized) struct OutputPathTests {
    static let sample = CommandTests.repository.appendingPathComponent("geodata/territory").path
    static let parishes = CommandTests.parishes
    static let sites = CommandTests.sites

    /// A new empty folder for one test.
    static func folder(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("territorio-paths-\(getpid())/\(name)").path
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    struct Shell {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// Runs `script` with bash in `folder`, `$T` being territorio.
    @discardableResult
    static func shell(_ script: String, in folder: String) throws -> Shell {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["T"] = ChildProcess.territorio
        process.environment = environment
        // Files, not pipes: a pipe left unread while the other fills would stall both.
        let stem = folder + "/.shell-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: stem + ".out", contents: nil)
        FileManager.default.createFile(atPath: stem + ".err", contents: nil)
        defer { unlink(stem + ".out"); unlink(stem + ".err") }
        process.standardOutput = FileHandle(forWritingAtPath: stem + ".out")
        process.standardError = FileHandle(forWritingAtPath: stem + ".err")
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let out = FileManager.default.contents(atPath: stem + ".out") ?? Data()
        let err = FileManager.default.contents(atPath: stem + ".err") ?? Data()
        return Shell(status: process.terminationStatus, standardOutput: String(decoding: out, as: UTF8.self),
                     standardError: String(decoding: err, as: UTF8.self))
    }

    static func fileType(_ path: String) -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        return info.st_mode & S_IFMT
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        return info.st_mode & 0o7777
    }

    static func text(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<unreadable>"
    }

    /// Hidden temporaries `.NAME.PID.XXXXXX` left in `folder`.
    static func temporaries(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix(".") && !$0.hasPrefix(".shell-") }
    }

    /// A CSV with one row whose coordinates cannot be read.
    static func csvWithAReject(in folder: String) throws -> String {
        let path = folder + "/sites.csv"
        try "id,lon,lat\n1,-68.1,10.3\n2,nowhere,10.3\n".write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    static let distribute = "$T distribute --sites \(sample)/sites.geojson --territories \(sample)/parishes.geojson --chain \(sample)/chains/cheese.json"

    // MARK: Devices, FIFOs, descriptors

    @Test func aCharacterDeviceIsWrittenThroughByEveryOutputFlag() throws {
        let folder = try Self.folder("device")
        let csv = try Self.csvWithAReject(in: folder)
        try "id,lon,lat\n1,-67.56367,9.880665\n3,-67.562307,10.269354\n".write(toFile: folder + "/few.csv", atomically: false, encoding: .utf8)
        let commands = [
            "$T convert \(Self.parishes) -o null",
            "$T convert \(Self.parishes) -o null.gpkg",
            "$T convert \(csv) --rejects null -o out.geojson",
            "$T join --sites \(Self.sample)/sites.geojson --territories \(Self.parishes) --summary null -o out.geojson",
            "\(Self.distribute) -o null --report null --json null",
            "$T render \(Self.parishes) -o null.svg",
            "$T coverage --territories \(Self.sample)/parishes.geojson --grouping \(Self.sample)/groupings/circuits_by_municipality.csv --sites \(Self.sample)/sites.geojson --chain \(Self.sample)/chains/cheese.json -o null --overlaps null --no-circuit null.gpkg --report null",
            "$T route --from few.csv --to few.csv --roads \(Self.sample)/roads.geojson --matrix null -o null",
            "$T group suggest --territories \(Self.sample)/parishes.geojson --min-units 3 -o null --json null",
        ]
        for command in commands {
            try? FileManager.default.removeItem(atPath: folder + "/null")
            try? FileManager.default.removeItem(atPath: folder + "/null.gpkg")
            try? FileManager.default.removeItem(atPath: folder + "/null.svg")
            // A copy of /dev/null; the tests run as root.
            try Self.shell("mknod null c 1 3 && mknod null.gpkg c 1 3 && mknod null.svg c 1 3", in: folder)
            let result = try Self.shell(command, in: folder)
            #expect(result.status == 0, "\(command): \(result.standardError)")
            for node in ["null", "null.gpkg", "null.svg"] {
                #expect(Self.fileType(folder + "/" + node) == S_IFCHR, "\(command) replaced \(node)")
            }
            #expect(Self.temporaries(in: folder).isEmpty, "\(command)")
        }
    }

    @Test func aFIFOIsWrittenThroughToItsReader() throws {
        let folder = try Self.folder("fifo")
        try Self.shell("$T convert \(Self.parishes) -o expected.geojson && \(Self.distribute) -o /dev/null --report expected.md", in: folder)
        let script = """
            mkfifo layer.fifo report.fifo
            timeout -s KILL 60 cat layer.fifo > layer.got & timeout -s KILL 60 cat report.fifo > report.got &
            timeout -s KILL 60 $T convert \(Self.parishes) -o layer.fifo || exit 1
            timeout -s KILL 60 \(Self.distribute) -o /dev/null --report report.fifo || exit 1
            wait
            """
        let result = try Self.shell(script, in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(Self.text(folder + "/layer.got") == Self.text(folder + "/expected.geojson"))
        #expect(Self.text(folder + "/report.got") == Self.text(folder + "/expected.md"))
        #expect(Self.fileType(folder + "/layer.fifo") == S_IFIFO)
        #expect(Self.fileType(folder + "/report.fifo") == S_IFIFO)
    }

    @Test func standardOutputAndProcessSubstitutionAreWrittenThrough() throws {
        let folder = try Self.folder("descriptors")
        try Self.shell("$T convert \(Self.parishes) -o expected.geojson", in: folder)
        let script = """
            $T convert \(Self.parishes) -o /dev/stdout > stdout.geojson || exit 1
            $T convert \(Self.parishes) -o >(cat > substituted.geojson) || exit 1
            $T convert \(Self.parishes) -o /dev/fd/3 3> fd3.geojson || exit 1
            sleep 0.5
            """
        let result = try Self.shell(script, in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let expected = Self.text(folder + "/expected.geojson")
        for name in ["stdout.geojson", "substituted.geojson", "fd3.geojson"] {
            #expect(Self.text(folder + "/" + name) == expected, "\(name)")
        }
        #expect(Self.temporaries(in: folder).isEmpty)
    }

    // MARK: Links and modes

    @Test func aSymbolicLinkIsWrittenThroughToItsTarget() throws {
        let folder = try Self.folder("links")
        try FileManager.default.createDirectory(atPath: folder + "/data", withIntermediateDirectories: true)
        let script = """
            echo old > data/real.geojson
            ln -s data/real.geojson link.geojson
            ln -s data/new.gpkg dangling.gpkg
            ln -s data/real.shp link.shp
            $T convert \(Self.parishes) -o link.geojson && $T convert \(Self.parishes) -o dangling.gpkg && $T convert \(Self.parishes) -o link.shp
            """
        let result = try Self.shell(script, in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        for link in ["link.geojson", "dangling.gpkg", "link.shp"] {
            #expect(Self.fileType(folder + "/" + link) == S_IFLNK, "\(link) was replaced")
        }
        #expect(try Layer.readGeoJSON(path: folder + "/data/real.geojson").count == 6)
        #expect(try LayerSource.read(folder + "/data/new.gpkg").layer.count == 6)
        #expect(try LayerSource.read(folder + "/data/real.shp").layer.count == 6)
        #expect(Self.temporaries(in: folder).isEmpty && Self.temporaries(in: folder + "/data").isEmpty)
    }

    @Test func aFileKeepsItsModeAndANewFileHonoursTheUmask() throws {
        let folder = try Self.folder("modes")
        let script = """
            echo old > kept.geojson && chmod 640 kept.geojson
            $T convert \(Self.parishes) -o kept.geojson || exit 1
            umask 077
            $T convert \(Self.parishes) -o private.geojson || exit 1
            $T convert \(Self.parishes) -o private.gpkg || exit 1
            $T convert \(Self.parishes) -o private.shp || exit 1
            \(Self.distribute) -o /dev/null --report private.md || exit 1
            umask 002
            $T convert \(Self.parishes) -o shared.geojson || exit 1
            """
        let result = try Self.shell(script, in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(Self.mode(folder + "/kept.geojson") == 0o640)
        for name in ["private.geojson", "private.gpkg", "private.shp", "private.dbf", "private.md"] {
            #expect(Self.mode(folder + "/" + name) == 0o600, "\(name): \(String(Self.mode(folder + "/" + name), radix: 8))")
        }
        #expect(Self.mode(folder + "/shared.geojson") == 0o664)
    }

    // MARK: Clashes

    @Test func anOutputOnAnInputOrOnAnotherOutputIsRefusedBeforeReading() throws {
        let folder = try Self.folder("clashes")
        let csv = try Self.csvWithAReject(in: folder)
        try FileManager.default.copyItem(atPath: Self.parishes, toPath: folder + "/parishes.geojson")
        try FileManager.default.copyItem(atPath: Self.sites, toPath: folder + "/sites.csv.orig")
        let points = folder + "/points.csv"
        try FileManager.default.copyItem(atPath: Self.sites, toPath: points)
        try Self.shell("ln -s parishes.geojson alias.geojson && echo old > old.geojson", in: folder)
        let protected = [csv, points, folder + "/parishes.geojson", folder + "/old.geojson"]
        let before = protected.map(Self.text)
        let cases: [(String, String)] = [
            ("$T join --sites points.csv --territories parishes.geojson --summary points.csv -o out.geojson", "--summary points.csv is the input points.csv"),
            ("$T convert sites.csv --rejects sites.csv -o out.geojson", "--rejects sites.csv is the input sites.csv"),
            ("$T convert parishes.geojson -o alias.geojson", "-o alias.geojson is the input parishes.geojson"),
            ("$T convert ./parishes.geojson -o \(folder)/parishes.geojson", "is the input ./parishes.geojson"),
            ("\(Self.distribute) -o old.geojson --report old.geojson --json old.geojson", "-o old.geojson and --report old.geojson are the same file"),
            ("\(Self.distribute) -o - --report /dev/stdout", "-o - and --report /dev/stdout are the same file"),
        ]
        for (command, message) in cases {
            let result = try Self.shell(command, in: folder)
            #expect(result.status == 64, "\(command): \(result.standardError)")
            #expect(result.standardError.contains(message), "\(command): \(result.standardError)")
            // Refused before reading: no count of features read.
            #expect(!result.standardError.contains(" in, "), "\(command): \(result.standardError)")
        }
        #expect(protected.map(Self.text) == before)
        // Standard input and standard output are not one file.
        let piped = try Self.shell("$T convert - -o - < parishes.geojson", in: folder)
        #expect(piped.status == 0, "\(piped.standardError)")
    }

    // MARK: All or none

    @Test func aFailingOutputLeavesTheOthersUntouched() throws {
        let folder = try Self.folder("all-or-none")
        try Self.shell("echo old > routes.geojson && echo old > cheese.json", in: folder)
        let result = try Self.shell("\(Self.distribute) -o routes.geojson --json cheese.json --report missing/cheese.md", in: folder)
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardError.contains("missing"), "\(result.standardError)")
        #expect(Self.text(folder + "/routes.geojson") == "old\n")
        #expect(Self.text(folder + "/cheese.json") == "old\n")
        #expect(Self.temporaries(in: folder).isEmpty)
        // And all of them when nothing fails.
        let fine = try Self.shell("\(Self.distribute) -o routes.geojson --json cheese.json --report cheese.md", in: folder)
        #expect(fine.status == 0, "\(fine.standardError)")
        #expect(Self.text(folder + "/routes.geojson") != "old\n" && Self.text(folder + "/cheese.json") != "old\n")
    }

    // MARK: Shapefiles

    /// Points whose `writer` property and position say which run wrote them.
    static func points(_ writer: String, count: Int, x: Double, in folder: String) throws -> String {
        let features = (0..<count).map { index in
            "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(x),\(Double(index) / 100)]},\"properties\":{\"writer\":\"\(writer)\",\"n\":\(index)}}"
        }
        let path = folder + "/\(writer).geojson"
        try "{\"type\":\"FeatureCollection\",\"features\":[\(features.joined(separator: ",\n"))]}\n".write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    @Test func twoRunsWritingOneShapefileNeverMixTheirFiles() throws {
        let folder = try Self.folder("shapefile-race")
        let a = try Self.points("a", count: 40, x: 1, in: folder)
        let b = try Self.points("b", count: 70, x: 2, in: folder)
        let destination = folder + "/out.shp"
        var mixed: [String] = []
        for trial in 0..<100 {
            let first = try ChildProcess.start(["convert", a, "-o", destination])
            let second = try ChildProcess.start(["convert", b, "-o", destination])
            let outcomes = [first.wait(), second.wait()]
            #expect(outcomes.allSatisfy { $0.status == 0 }, "trial \(trial): \(outcomes.map(\.standardError))")
            // One run's set: its count, and each feature's attributes with its own geometry.
            guard let layer = try? LayerSource.read(destination).layer else {
                mixed.append("trial \(trial): unreadable")
                continue
            }
            let consistent = layer.features.allSatisfy { feature in
                guard case .string(let writer)? = feature.properties["writer"], case .point(let point?)? = feature.geometry else { return false }
                return (writer == "a" && point.x == 1 && layer.count == 40) || (writer == "b" && point.x == 2 && layer.count == 70)
            }
            if !consistent { mixed.append("trial \(trial): \(layer.count) features, mixed attributes") }
        }
        #expect(mixed.isEmpty, "\(mixed.count) mixed sets of 100: \(mixed.prefix(5))")
        #expect(Self.temporaries(in: folder).isEmpty)
    }

    // MARK: Formats

    @Test func anExtensionTerritorioCannotWriteIsAnError() throws {
        let folder = try Self.folder("formats")
        // PostGIS is written (PostGISCommandTests), but only to a named table.
        let unnamed = try Self.shell("$T convert \(Self.parishes) -o 'PG:dbname=gis'", in: folder)
        #expect(unnamed.status == 64 && unnamed.standardError.contains("names no table: give one with --layer-name"), "\(unnamed.standardError)")
        for (output, message) in [("out.xyz", "cannot write .xyz files: use .geojson")] {
            let result = try Self.shell("$T convert \(Self.parishes) -o '\(output)'", in: folder)
            #expect(result.status == 64, "\(output): \(result.standardError)")
            #expect(result.standardError.contains(message), "\(output): \(result.standardError)")
            #expect(result.standardError.contains(".gpkg"), "\(output): names what it can write")
            #expect(!FileManager.default.fileExists(atPath: folder + "/" + output))
        }
        #expect(try Self.shell("$T rank --indicators x.csv --weights w.json --by code --territories \(Self.parishes) -o ranked.xyz", in: folder).status == 64)
        // Other GDAL drivers by their extension: never GeoJSON under their name.
        let written = try Self.shell("$T convert \(Self.parishes) -o out.kml && $T convert \(Self.parishes) -o out.csv && $T convert \(Self.parishes) -o out.gml", in: folder)
        #expect(written.status == 0, "\(written.standardError)")
        #expect(Self.text(folder + "/out.kml").contains("<kml"))
        #expect(Self.text(folder + "/out.csv").hasPrefix("WKT,"))
        #expect(Self.text(folder + "/out.gml").contains("<gml:") || Self.text(folder + "/out.gml").contains("gml"))
        for name in ["out.kml", "out.gml"] {
            #expect(try LayerSource.read(folder + "/" + name).layer.count == 6, "\(name)")
        }
    }

    // MARK: Interrupted runs

    /// Starts `convert` of many points to `destination`, waits for its
    /// temporary to appear, sends `signal`: the temporaries go, the old
    /// destination stays, and the process ends by that signal.
    func interrupt(with signal: Int32, destination name: String) throws {
        let folder = try Self.folder("interrupt-\(signal)-\(name)")
        let source = try InterruptedWriteTests.points(100_000)
        let destination = folder + "/" + name
        try "old\n".write(toFile: destination, atomically: false, encoding: .utf8)
        let child = try ChildProcess.start(["convert", source, "-o", destination])
        var seen = false
        for _ in 0..<3000 where !seen {
            usleep(10_000)
            seen = !Self.temporaries(in: folder).isEmpty
        }
        #expect(seen, "no temporary appeared")
        usleep(50_000)
        child.kill(signal)
        let outcome = child.wait()
        #expect(outcome.killedBy == signal, "status \(outcome.status): \(outcome.standardError)")
        #expect(Self.temporaries(in: folder).isEmpty, "left: \(Self.temporaries(in: folder))")
        #expect(Self.text(destination) == "old\n")
    }

    @Test func ctrlCRemovesTheTemporaryFolderOfAGeoPackage() throws {
        try interrupt(with: SIGINT, destination: "big.gpkg")
    }

    @Test func sigtermRemovesTheTemporaryFileOfGeoJSON() throws {
        try interrupt(with: SIGTERM, destination: "big.geojson")
    }

    @Test func sigtermRemovesTheTemporaryFolderOfAShapefile() throws {
        try interrupt(with: SIGTERM, destination: "big.shp")
    }
}
