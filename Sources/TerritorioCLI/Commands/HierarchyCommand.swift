import ArgumentParser
import Foundation
import Geo
import Territory

struct HierarchyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hierarchy",
        abstract: "Work with territorial hierarchies of any depth.",
        subcommands: [HierarchyCheckCommand.self]
    )
}

struct HierarchyCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check that every unit lies in its parent, codes are unique, parents exist, names agree, and no level has gaps or overlaps.",
        discussion: """
            SPEC is a JSON file naming the levels, top first (see the README). A unit must have \
            its representative point in its parent and at least 99% of its area there. Gaps \
            and overlaps within a level larger than --min-area come out as polygons with their \
            area; a gap covered by a unit of another parent names that unit. Units are named by \
            code and, with a nameField, name. A unit whose overlay GEOS refuses is checked again \
            on a repaired copy, else reported as check-failed, and the check goes on. Exit status \
            1 when there are problems; each names both units.

            Example:
              territorio hierarchy check bolivia.json -o problems.geojson
            """
    )

    @Argument(help: "The hierarchy spec (JSON).")
    var spec: String

    /// {"problems": [{kind, level, unit, other, message, area}]}.
    @OptionGroup var jsonOption: JSONOption

    @Option(name: .customLong("min-area"), help: ArgumentHelp("Ignore gaps, overlaps and parts outside a parent smaller than this, in m².", valueName: "m2"))
    var minimumArea: Double = 1

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the problems with a place (gaps, overlaps, misplaced units) as GeoJSON.", valueName: "file"))
    var output: String?

    @OptionGroup var geoJSON: GeoJSONOptions

    @OptionGroup var languageOption: LanguageOption

    func validate() throws {
        try geoJSON.check(outputs: [output])
    }

    func run() throws {
        var check = HierarchyCheck()
        check.minimumArea = minimumArea
        // Every unit of every level is checked: each file read is tallied.
        let tallies = FeatureCounts.Recorder()
        check.readLayer = { path in
            let layer = try Layers.read(path)
            tallies.record(FeatureCounts(path, unit: "units", input: layer.count, output: layer.count))
            return layer
        }
        defer { for tally in tallies.tallies { tally.report() } }
        let (problems, metric) = try check.check(try HierarchySpec.read(path: spec))
        try jsonOption.write(.object(["problems": .array(problems.map(Self.json))]))
        if !jsonOption.toStandardOutput {
            for problem in problems { Diagnostics.write("\(spec): \(problem.kind.rawValue): \(problem.message)\n") }
            Diagnostics.write(Diagnostics.text(.problemsFound(file: spec, count: problems.count)) + "\n")
        }
        if let output {
            let features = problems.compactMap { problem -> Feature? in
                guard let geometry = problem.geometry else { return nil }
                return Feature(geometry: geometry, properties: Self.json(problem).objectValue)
            }
            let layer = try Layer(features: features, crs: metric).projected(to: .wgs84)
            try Layers.write(layer, to: output, geoJSON: geoJSON.writerOptions)
        }
        if !problems.isEmpty { throw ProblemsFound() }
    }

    static func json(_ problem: HierarchyProblem) -> JSONValue {
        var object = JSONObject()
        object["kind"] = .string(problem.kind.rawValue)
        object["level"] = .string(problem.level)
        object["unit"] = .string(problem.unit)
        object["other"] = problem.other.map(JSONValue.string) ?? .null
        object["message"] = .string(problem.message)
        object["area_m2"] = problem.area.map { .number(($0 * 10).rounded() / 10) } ?? .null
        return .object(object)
    }
}

extension JSONValue {
    var objectValue: JSONObject {
        if case .object(let object) = self { return object }
        return JSONObject()
    }
}
