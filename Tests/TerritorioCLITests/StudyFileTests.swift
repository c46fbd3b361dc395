import Foundation
import Testing
@testable import TerritorioCLI

/// `--study FILE`: the same outputs as the flags it stands for, from any
/// working folder; flags override it; a typo or a missing file is an error
/// naming the study file and the key. The executable runs in a child
/// process, so each run has its own working folder.
@Suite struct StudyFileTests {
    /// A folder holding data/ (copies of the sample territory's files) and
    /// study/ (study files naming them as ../data/...).
    struct Workspace {
        let root: URL

        init(_ name: String) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("territorio-study-\(name)-\(getpid())")
            try? FileManager.default.removeItem(at: root)
            for folder in ["data", "study", "flags", "viastudy"] {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            let files = [SampleFiles.parishes, SampleFiles.sites, SampleFiles.roads, SampleFiles.cheese, SampleFiles.maize,
                         SampleFiles.circuits, SampleFiles.alternative]
            for file in files {
                try FileManager.default.copyItem(atPath: file, toPath: root.appendingPathComponent("data/" + URL(fileURLWithPath: file).lastPathComponent).path)
            }
        }

        func write(_ text: String, to name: String) throws {
            try text.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }

        func contents(_ name: String) -> Data? { FileManager.default.contents(atPath: root.appendingPathComponent(name).path) }

        /// `territorio ARGUMENTS` run from `folder` (relative to the root).
        func run(_ arguments: [String], from folder: String = "") throws -> (status: Int32, standardError: String) {
            let process = Process()
            process.executableURL = DemoTests.executable
            process.arguments = arguments
            process.currentDirectoryURL = folder.isEmpty ? root : root.appendingPathComponent(folder)
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let data = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    /// One chain, roads with their options: everything coverage and distribute read.
    static let study = """
        {
          "territories": {"file": "../data/parishes.geojson", "id_field": "code", "population_field": "population", "missing_population": "error"},
          "sites": {"file": "../data/sites.geojson", "product_field": "product", "stage_field": "stage"},
          "chains": ["../data/cheese.json"],
          "grouping": "../data/circuits_by_municipality.csv",
          "roads": {"file": "../data/roads.geojson", "max_snap": "1km", "off_road_speed": 4, "speeds": "residential=25"}
        }
        """

    static let coverageFlags = ["coverage", "--territories", "data/parishes.geojson", "--id-field", "code",
                                "--sites", "data/sites.geojson", "--chain", "data/cheese.json",
                                "--grouping", "data/circuits_by_municipality.csv"]
    static let distributeFlags = ["distribute", "--territories", "data/parishes.geojson", "--id-field", "code",
                                  "--sites", "data/sites.geojson", "--chain", "data/cheese.json",
                                  "--grouping", "data/circuits_by_municipality.csv",
                                  "--roads", "data/roads.geojson", "--max-snap", "1km", "--off-road-speed", "4", "--speeds", "residential=25"]

    static func outputs(_ stem: String, into folder: String) -> [String] {
        ["-o", "\(folder)/\(stem).geojson", "--report", "\(folder)/\(stem).md", "--json", "\(folder)/\(stem).json"]
    }

    func expectSameOutputs(_ stem: String, in workspace: Workspace) {
        for suffix in [".geojson", ".md", ".json"] {
            let flags = workspace.contents("flags/\(stem)\(suffix)"), study = workspace.contents("viastudy/\(stem)\(suffix)")
            #expect(flags != nil && (flags?.count ?? 0) > 100, "\(stem)\(suffix) written")
            #expect(flags == study, "\(stem)\(suffix): the study gives the flags' bytes")
        }
    }

    @Test func studyFromAnotherFolderGivesTheFlagsBytes() throws {
        try #require(FileManager.default.isExecutableFile(atPath: DemoTests.executable.path), "build the territorio executable first (swift build)")
        let workspace = try Workspace("same")
        defer { workspace.remove() }
        try workspace.write(Self.study, to: "study/study.json")
        // Flags from the root; the study, whose paths start from study/, also from the root.
        #expect(try workspace.run(Self.coverageFlags + Self.outputs("coverage", into: "flags")).status == 0)
        #expect(try workspace.run(["coverage", "--study", "study/study.json"] + Self.outputs("coverage", into: "viastudy")).status == 0)
        expectSameOutputs("coverage", in: workspace)
        #expect(try workspace.run(Self.distributeFlags + Self.outputs("distribute", into: "flags")).status == 0)
        #expect(try workspace.run(["distribute", "--study", "study/study.json"] + Self.outputs("distribute", into: "viastudy")).status == 0)
        expectSameOutputs("distribute", in: workspace)
        // The reports name the files as the flags did: data/parishes.geojson, not study/../data/parishes.geojson.
        let json = String(decoding: workspace.contents("viastudy/coverage.json") ?? Data(), as: UTF8.self)
        #expect(json.contains("\"data/parishes.geojson\""))
        #expect(!json.contains("study/.."))
    }

    @Test func aFlagOverridesTheStudy() throws {
        try #require(FileManager.default.isExecutableFile(atPath: DemoTests.executable.path), "build the territorio executable first (swift build)")
        let workspace = try Workspace("override")
        defer { workspace.remove() }
        try workspace.write(Self.study, to: "study/study.json")
        // Run from inside study/: its own folder, so the paths are ../data/...
        let alternative = ["--grouping", "../data/circuits_alternative.csv"]
        let flags = Self.coverageFlags.map { $0.hasPrefix("data/") ? "../" + $0 : $0 }.filter { $0 != "../data/circuits_by_municipality.csv" && $0 != "--grouping" }
        #expect(try workspace.run(flags + alternative + Self.outputs("coverage", into: "../flags"), from: "study").status == 0)
        #expect(try workspace.run(["coverage", "--study", "study.json"] + alternative + Self.outputs("coverage", into: "../viastudy"), from: "study").status == 0)
        expectSameOutputs("coverage", in: workspace)
        let json = String(decoding: workspace.contents("viastudy/coverage.json") ?? Data(), as: UTF8.self)
        // The alternative grouping's 18 circuits C01..C18, not the study's 15 C-EM01..C-EM15.
        #expect(json.contains("\"circuit_id\":\"C18\""))
        #expect(!json.contains("C-EM"))
    }

    @Test func typosAndMissingFilesAreErrorsNamingTheStudyAndTheKey() throws {
        try #require(FileManager.default.isExecutableFile(atPath: DemoTests.executable.path), "build the territorio executable first (swift build)")
        let workspace = try Workspace("errors")
        defer { workspace.remove() }
        try workspace.write(#"{"territory": "../data/parishes.geojson"}"#, to: "study/top.json")
        let top = try workspace.run(["coverage", "--study", "study/top.json"])
        #expect(top.status != 0)
        #expect(top.standardError.contains("study/top.json: territory is not a known key; the known keys are version, description, territories, sites, chains, grouping, zones, roads"))

        try workspace.write(#"{"territories": {"file": "../data/parishes.geojson", "id_feild": "code"}}"#, to: "study/nested.json")
        let nested = try workspace.run(["coverage", "--study", "study/nested.json"])
        #expect(nested.status != 0)
        #expect(nested.standardError.contains("territories.id_feild is not a known key; the known keys of territories are file, id_field, name_field, population_field, missing_population"))

        try workspace.write(#"{"territories": "../data/parishes.geojson", "grouping": "../data/nowhere.csv"}"#, to: "study/missing.json")
        let missing = try workspace.run(["coverage", "--study", "study/missing.json"])
        #expect(missing.status != 0)
        #expect(missing.standardError.contains("study/missing.json: grouping: no file ../data/nowhere.csv (data/nowhere.csv, relative to the study file)"))

        // An input neither the flags nor the study give.
        try workspace.write(#"{"territories": "../data/parishes.geojson", "chains": ["../data/cheese.json", "../data/maize_flour.json"]}"#, to: "study/partial.json")
        let partial = try workspace.run(["coverage", "--study", "study/partial.json"])
        #expect(partial.status != 0)
        #expect(partial.standardError.contains("give --sites FILE, or \"sites\" in study/partial.json"))
        let none = try workspace.run(["coverage", "--sites", "data/sites.geojson"])
        #expect(none.standardError.contains("give --territories FILE, or --study FILE naming \"territories\""))
        // Two chains for a command that takes one: which is not guessed.
        let two = try workspace.run(["distribute", "--study", "study/partial.json", "--sites", "data/sites.geojson"])
        #expect(two.status != 0)
        #expect(two.standardError.contains("study/partial.json names 2 chains (data/cheese.json, data/maize_flour.json); distribute takes one: give --chain FILE"))
    }

    @Test func pathsAreRelativeToTheStudyAndNamedFromTheWorkingFolder() {
        #expect(StudyPaths.folder(of: "out/study.json") == "out")
        #expect(StudyPaths.folder(of: "study.json") == "")
        #expect(StudyPaths.folder(of: "/study.json") == "/")
        #expect(StudyPaths.resolve("../geodata/x.geojson", in: "out") == "geodata/x.geojson")
        #expect(StudyPaths.resolve("x.geojson", in: "") == "x.geojson")
        #expect(StudyPaths.resolve("/abs/x.geojson", in: "out") == "/abs/x.geojson")
        #expect(StudyPaths.resolve("../../x.geojson", in: "a") == "../x.geojson")
        #expect(StudyPaths.resolve("./d/../x.gpkg:layer", in: "/s/t") == "/s/t/x.gpkg:layer")
        #expect(StudyPaths.relative("geodata/territory/parishes.geojson", from: "out") == "../geodata/territory/parishes.geojson")
        #expect(StudyPaths.relative("/a/b/c.json", from: "/a/d/e") == "../../b/c.json")
    }
}
