import Foundation
import Testing
@testable import Geo
@testable import Territory
@testable import TerritorioCLI

/// Hostile and broken inputs, generated here, fed to the built `territorio`
/// as a child process: each gives its own clear error (or the documented
/// reading or repair), never a crash, and the process's peak memory stays
/// under a stated limit (docs/RELIABILITY.md).
@Suite(.serialized) struct AdversarialInputTests {
    /// Peak resident memory of one run on a small or refused input (the
    /// debug executable alone, with GDAL and PROJ loaded, takes about 60 MB).
    static let smallLimit = 100 * 1_048_576
    /// Peak resident memory of a run reading and writing a 100 MB string.
    static let bigStringLimit = 400 * 1_048_576

    static let folder: String = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("territorio-adversarial-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }()

    static func file(_ name: String, _ bytes: [UInt8]) -> String {
        let path = folder + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    static func file(_ name: String, _ text: String) -> String {
        file(name, Array(text.utf8))
    }

    /// Runs `territorio ARGUMENTS`, checks it ended by itself within the
    /// memory limit, and returns what it said.
    static func territorio(_ arguments: [String], memoryLimit: Int = smallLimit,
                           sourceLocation: SourceLocation = #_sourceLocation) throws -> ChildProcess.Outcome {
        let outcome = try ChildProcess.run(arguments)
        #expect(outcome.killedBy == nil, "killed by signal \(outcome.killedBy ?? 0): \(outcome.standardError.suffix(2000))",
                sourceLocation: sourceLocation)
        #expect(outcome.peakMemory < memoryLimit, "peak memory \(outcome.peakMegabytes) MB", sourceLocation: sourceLocation)
        return outcome
    }

    /// `convert FILE -o OUT` must fail with exactly `message` (after
    /// "territorio: error: FILE") and leave no output.
    static func expectRefused(_ path: String, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let output = path + ".out.geojson"
        let outcome = try territorio(["convert", path, "-o", output], sourceLocation: sourceLocation)
        #expect(outcome.status == 1, sourceLocation: sourceLocation)
        #expect(outcome.standardError == "territorio: error: \(path)\(message)\n", sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: output), sourceLocation: sourceLocation)
    }

    /// `convert FILE -o OUT` must succeed; returns the layer written.
    static func convert(_ path: String, _ extra: [String] = [], memoryLimit: Int = smallLimit,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> (layer: Layer, stderr: String) {
        let output = path + ".out.geojson"
        let outcome = try territorio(["convert", path, "-o", output] + extra, memoryLimit: memoryLimit, sourceLocation: sourceLocation)
        #expect(outcome.status == 0, "\(outcome.standardError)", sourceLocation: sourceLocation)
        return (try Layer.readGeoJSON(path: output), outcome.standardError)
    }

    static let featureHead = #"{"type":"Feature","geometry":null,"properties":{"a":"#

    // MARK: Nesting 1,000,000 deep

    @Test func nestingAMillionDeepIsRefusedNotAStackOverflow() throws {
        let million = 1_000_000
        let arrays = Self.file("deep-arrays.geojson", Self.featureHead + String(repeating: "[", count: million) + String(repeating: "]", count: million) + "}}")
        try Self.expectRefused(arrays, ":1:306: values nest deeper than 256 levels")
        print("peak memory, a million-deep array refused: \(Int(try Self.territorio(["convert", arrays, "-o", arrays + ".out.geojson"]).peakMegabytes)) MB")
        let objects = Self.file("deep-objects.geojson", Self.featureHead + String(repeating: #"{"a":"#, count: million) + "1" + String(repeating: "}", count: million) + "}}")
        try Self.expectRefused(objects, ":1:1318: values nest deeper than 256 levels")
        let coordinates = Self.file("deep-coordinates.geojson", #"{"type":"Point","coordinates":"# + String(repeating: "[", count: million))
        try Self.expectRefused(coordinates, ":1:35: coordinates nest deeper than a MultiPolygon's")
        let collections = Self.file("deep-collections.geojson", String(repeating: #"{"type":"GeometryCollection","geometries":["#, count: million))
        try Self.expectRefused(collections, ":1:5505: values nest deeper than 256 levels")
        // A million-deep unclosed array in a feature collection's member names the feature.
        let inFeature = Self.file("deep-in-feature.geojson", #"{"type":"FeatureCollection","features":[{"type":"Feature","id":"F1","bbox":"# + String(repeating: "[", count: million))
        try Self.expectRefused(inFeature, ":1:330: feature 0 (id F1): values nest deeper than 256 levels")
    }

    @Test func whereExpressionsAndSpecsAMillionDeepAreRefused() throws {
        // Too long for a command line (128 kB an argument): the filter itself.
        #expect {
            try FeatureFilter(String(repeating: "(", count: 1_000_000) + "a == 1" + String(repeating: ")", count: 1_000_000))
        } throws: { error in
            (error as? FilterError)?.description.hasPrefix("the expression nests deeper than 100 levels at column 101\n") == true
        }
        // Specs are read whole and in-process: a stack overflow here would end the test run.
        let chain = Self.file("deep-chain.json", #"{"product":"# + String(repeating: "[", count: 1_000_000) + String(repeating: "]", count: 1_000_000) + "}")
        #expect(Self.message { try ChainSpec.read(path: chain) } == "\(chain):1:267: values nest deeper than 256 levels")
        let hierarchy = Self.file("deep-hierarchy.json", #"{"levels":"# + String(repeating: #"{"a":"#, count: 1_000_000))
        #expect(Self.message { try HierarchySpec.read(path: hierarchy) } == "\(hierarchy):1:1286: values nest deeper than 256 levels")
    }

    /// The description of the error `body` throws.
    static func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    // MARK: A 100 MB string

    @Test func aHundredMegabyteStringIsReadAndWrittenInBoundedMemory() throws {
        let size = 100 * 1_048_576
        let string = Data(repeating: UInt8(ascii: "x"), count: size)
        let head = Data(#"{"type":"FeatureCollection","features":[{"type":"Feature","id":"big","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"s":""#.utf8)
        let path = Self.folder + "/big-string.geojson"
        try (head + string + Data(#""}}]}"#.utf8)).write(to: URL(fileURLWithPath: path))
        let output = path + ".out.geojson"
        let outcome = try Self.territorio(["convert", path, "-o", output], memoryLimit: Self.bigStringLimit)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let written = try Data(contentsOf: URL(fileURLWithPath: output))
        let expected = Data(#"{"type":"FeatureCollection","features":[\#n{"type":"Feature","id":"big","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"s":""#.utf8)
            + string + Data("\"}}\n]}\n".utf8)
        #expect(written == expected)
        print("peak memory, convert of a 100 MB string: \(Int(outcome.peakMegabytes)) MB")

        // Unclosed, it is an error at the end of the file, in the same memory.
        let unclosed = Self.folder + "/big-string-unclosed.geojson"
        try (head + string).write(to: URL(fileURLWithPath: unclosed))
        let refusedOutput = Self.folder + "/big-string-unclosed.out.geojson"
        let refused = try Self.territorio(["convert", unclosed, "-o", refusedOutput], memoryLimit: Self.bigStringLimit)
        #expect(refused.standardError == "territorio: error: \(unclosed):1:\(head.count + size + 1): feature 0 (id big): unexpected end of file inside a string\n")
        #expect(!FileManager.default.fileExists(atPath: refusedOutput))
        print("peak memory, an unclosed 100 MB string: \(Int(refused.peakMegabytes)) MB")
    }

    // MARK: Numbers

    @Test func numbersOutOfRangeAndNegativeZero() throws {
        try Self.expectRefused(Self.file("1e400.geojson", #"{"type":"Point","coordinates":[1e400,1]}"#),
                               ":1:37: the number 1e400 is out of range for a double")
        try Self.expectRefused(Self.file("minus-1e400.geojson", Self.featureHead + "-1e400}}"),
                               ":1:59: the number -1e400 is out of range for a double")
        // -0 and underflow read: a property keeps its text, a coordinate is written 0.
        let (layer, _) = try Self.convert(Self.file("minus-zero.geojson", #"{"type":"Feature","geometry":{"type":"Point","coordinates":[-0,1e-400]},"properties":{"a":-0,"b":-0.0,"c":1e-400}}"#))
        #expect(layer.features[0].properties["a"] == .number(JSONNumber(literal: "-0", value: -0.0)))
        #expect(layer.features[0].properties["b"]?.jsonText == "-0.0")
        #expect(layer.features[0].properties["c"]?.jsonText == "1e-400")
        #expect(layer.features[0].geometry == .point(Position(x: 0, y: 0)))
        // In CSV, such coordinates are a row's error, or set aside with --rejects.
        let csv = Self.file("numbers.csv", "id,lon,lat\nA,1e400,1\nB,NaN,2\nC,-0,3\nD,Infinity,4\n")
        try Self.expectRefused(csv, ":2: cannot read coordinates '1e400', '1' as numbers")
        let rejects = Self.folder + "/numbers-rejects.csv"
        let (kept, _) = try Self.convert(csv, ["--rejects", rejects, "--id-column", "id"])
        #expect(kept.features.map { $0.id?.description } == ["C"])
        let rejected = try String(contentsOfFile: rejects, encoding: .utf8)
        #expect(rejected.contains("cannot read coordinates 'NaN', '2' as numbers"))
        #expect(rejected.contains("cannot read coordinates 'Infinity', '4' as numbers"))
        // Through CSVWriter: a field is quoted only when it must be (the reasons hold commas).
        #expect(rejected == """
            line,reason,fields
            2,"cannot read coordinates '1e400', '1' as numbers",A|1e400|1
            3,"cannot read coordinates 'NaN', '2' as numbers",B|NaN|2
            5,"cannot read coordinates 'Infinity', '4' as numbers",D|Infinity|4

            """)
    }

    @Test(arguments: [
        (#"{"type":"Point","coordinates":[NaN,1]}"#, ":1:32"),
        (#"{"type":"Point","coordinates":[1,Infinity]}"#, ":1:34"),
        (#"{"type":"Point","coordinates":[-Infinity,1]}"#, ":1:33"),
        (#"{"type":"Feature","geometry":null,"properties":{"a":NaN}}"#, ":1:53"),
    ])
    func nanAndInfinityTokensAreRefused(text: String, place: String) throws {
        let path = Self.file("nan-\(place.dropFirst(3)).geojson", text)
        try Self.expectRefused(path, "\(place): NaN and Infinity are not JSON numbers; write null for a missing value")
    }

    // MARK: Geometry flaws

    static let flaws = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","id":"unclosed","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]},"properties":{}},
        {"type":"Feature","id":"two-points","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1]]]},"properties":{}},
        {"type":"Feature","id":"hole-outside","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]],[[5,5],[5,6],[6,6],[6,5],[5,5]]]},"properties":{}},
        {"type":"Feature","id":"mixed","geometry":{"type":"LineString","coordinates":[[0,0,1],[1,0],[1,1,2]]},"properties":{}},
        {"type":"Feature","id":"twice","geometry":{"type":"Point","coordinates":[0,0]},"properties":{}},
        {"type":"Feature","id":"twice","geometry":{"type":"Point","coordinates":[1,1]},"properties":{}}
        ]}
        """

    @Test func geometryFlawsAreListedByKindAndRepaired() throws {
        let path = Self.file("flaws.geojson", Self.flaws)
        let listed = try Self.territorio(["validate", path])
        #expect(listed.status == 1)
        #expect(listed.standardError == """
            \(path): feature 0 (id unclosed): unclosed-ring: 1 ring(s) do not end where they start at (0.0, 0.0)
            \(path): feature 1 (id two-points): unclosed-ring: 1 ring(s) do not end where they start at (0.0, 0.0)
            \(path): feature 2 (id hole-outside): invalid-geometry: Hole lies outside shell at (5.0, 5.0)
            \(path): feature 3 (id mixed): mixed-dimensions: some positions have z and others do not
            \(path): feature 5 (id twice): duplicate-id: id twice is also feature 4's
            \(path): 6 features in, 6 out, 0 rejected

            """)

        let output = Self.folder + "/flaws-repaired.geojson"
        let repaired = try Self.territorio(["validate", path, "--repair", "-o", output])
        // Duplicate ids remain (ids are kept): still exit 1.
        #expect(repaired.status == 1)
        #expect(repaired.standardError.hasSuffix("\(path): 4 repaired\n\(path): 6 features in, 6 out, 0 rejected\n"))
        for line in ["feature 0 (id unclosed): repaired: closed a ring;",
                     "feature 1 (id two-points): repaired: closed a ring; dropped a ring of 3 positions;",
                     "feature 2 (id hole-outside): repaired: made valid (Hole lies outside shell);",
                     "feature 3 (id mixed): repaired: dropped z (some positions had none);"] {
            #expect(repaired.standardError.contains("\(path): \(line)"), "\(line)")
        }
        let layer = try Layer.readGeoJSON(path: output)
        #expect(layer.features.map { $0.id?.description } == ["unclosed", "two-points", "hole-outside", "mixed", "twice", "twice"])
        #expect(layer.features[2].geometry?.type == .multiPolygon)
        #expect(layer.features[3].geometry == .lineString(CoordinateSequence(values: [0, 0, 1, 0, 1, 1])))
        // What is left: the collapsed ring as an empty polygon, and the duplicate id.
        let left = try LayerValidator.problems(in: layer).map { "\($0.index) \($0.kind.rawValue)" }
        #expect(left == ["1 empty-geometry", "5 duplicate-id"])
    }

    // MARK: Text: UTF-8, BOM, CRLF, empty files

    @Test func invalidUTF8NamesItsPlace() throws {
        try Self.expectRefused(Self.file("bad-value.geojson", Array((Self.featureHead + "\"Caf").utf8) + [0xE9] + Array("\"}}".utf8)),
                               ":1:59: invalid UTF-8 in a string; save the file as UTF-8")
        try Self.expectRefused(Self.file("bad-key.geojson", Array(#"{"type":"Feature","geometry":null,"properties":{"na"#.utf8) + [0xFF] + Array(#"me":1}}"#.utf8)),
                               ":1:56: invalid UTF-8 in a string; save the file as UTF-8")
        try Self.expectRefused(Self.file("bad-id.geojson", Array(#"{"type":"FeatureCollection","features":[{"type":"Feature","id":""#.utf8) + [0xC3] + Array(#"","geometry":null,"properties":{}}]}"#.utf8)),
                               ":1:67: feature 0: invalid UTF-8 in a string; save the file as UTF-8")
        try Self.expectRefused(Self.file("bad.csv", Array("id,lon,lat,name\nA,1,2,Caf".utf8) + [0xE9] + [0x0A]),
                               ":2: invalid UTF-8 in column 'name'; save the file as UTF-8 or give its encoding, e.g. --encoding latin1")
        try Self.expectRefused(Self.file("bad-header.csv", Array("id,lon,lat,n".utf8) + [0xE9] + Array("\nA,1,2,x\n".utf8)),
                               ":1: invalid UTF-8 in the header; save the file as UTF-8 or give its encoding, e.g. --encoding latin1")
    }

    @Test func byteOrderMarksAndCRLFAreRead() throws {
        let geojson = Self.file("bom-crlf.geojson", "\u{FEFF}{\"type\":\"FeatureCollection\",\r\n\"features\":[\r\n{\"type\":\"Feature\",\"id\":1,\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]},\"properties\":{\"a\":\"x\"}}\r\n]}\r\n")
        #expect(try Self.convert(geojson).layer.features.map { $0.properties["a"] } == ["x"])
        // Lines are counted across CRLF: the error is on line 3.
        try Self.expectRefused(Self.file("bom-crlf-bad.geojson", "\u{FEFF}{\"type\":\"FeatureCollection\",\r\n\"features\":[\r\n{\"type\":\"Feature\",\"id\":1,\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]},\"properties\":[]}\r\n]}\r\n"),
                               ":3:87: feature 0 (id 1): \"properties\" must be an object or null")
        let csv = Self.file("bom-crlf.csv", "\u{FEFF}id,lon,lat,name\r\nA,1,2,first\r\nB,3,4,\"two\r\nlines\"\r\n")
        let layer = try Self.convert(csv, ["--id-column", "id"]).layer
        #expect(layer.features.map { $0.id?.description } == ["A", "B"])
        #expect(layer.features.map { $0.properties["name"] } == ["first", "two\r\nlines"])
        let grouping = try Grouping.parse("\u{FEFF}territory_code,circuit_id\r\nP1,C1\r\nP2,C2\r\n", name: "g.csv")
        #expect(grouping.rows.map(\.circuit) == ["C1", "C2"])
        let bomChain = Self.file("bom-chain.json", "\u{FEFF}" + #"{"product":"x","unit":"l/month","demandPerPersonMonth":1,"stages":[{"stage":"primary"}]}"#)
        #expect(try ChainSpec.read(path: bomChain).product == "x")
    }

    @Test func emptyFilesAndAHeaderOnlyCSV() throws {
        try Self.expectRefused(Self.file("empty.geojson", ""), ": the file is empty; expected a GeoJSON object")
        try Self.expectRefused(Self.file("blank.geojson", "\u{FEFF} \r\n\t\n"), ": the file is empty; expected a GeoJSON object")
        try Self.expectRefused(Self.file("empty.csv", ""), ": the file is empty; expected a header line")
        try Self.expectRefused(Self.file("no-coordinates.csv", "id,name\n"),
                               ":1: no longitude column (looked for lon, lng, long, longitude, x); name it with --x")
        // A header alone is a layer of no features, and the counts say so.
        let header = Self.file("header-only.csv", "id,lon,lat\r\n")
        let (layer, said) = try Self.convert(header)
        #expect(layer.count == 0)
        #expect(said == "\(header): 0 features in, 0 out, 0 rejected\n")
        let emptyChain = Self.file("empty-chain.json", "")
        #expect(Self.message { try ChainSpec.read(path: emptyChain) } == "\(emptyChain): the file is empty; expected a chain spec (JSON)")
        let emptyHierarchy = Self.file("empty-hierarchy.json", "")
        #expect(Self.message { try HierarchySpec.read(path: emptyHierarchy) } == "\(emptyHierarchy): the file is empty; expected a hierarchy spec (JSON)")
        #expect(Self.message { try Grouping.parse("", name: "empty.csv") } == "empty.csv: the file is empty; expected a header territory_code,circuit_id")
        #expect(Self.message { try Grouping.parse("territory_code,circuit_id\r\n", name: "header.csv") } == nil)
    }
}
