import Territory
import ArgumentParser
import Foundation
import Geo

extension Geometry.RepairMethod: ExpressibleByArgument {}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "List every problem in a layer; with --repair, write it with invalid geometries made valid.",
        discussion: """
            Problems: invalid-geometry (GEOS's reason and location), empty-geometry, duplicate-id, \
            unclosed-ring, out-of-range (coordinates outside longitude/latitude), mixed-dimensions, \
            duplicate-key (a GeoJSON property given twice in one feature; the last value is kept). \
            Exit status 1 when there are problems; with --repair, when problems remain that \
            repair cannot fix (duplicate ids, empty geometries, out-of-range coordinates). \
            Repair drops z where some positions have it and others not.

            Examples:
              territorio validate parishes.geojson
              territorio validate parishes.geojson --repair -o parishes-valid.geojson
            """
    )

    @Argument(help: "GeoJSON, CSV or any GDAL vector file (FILE:LAYER for one of several); - for standard input.")
    var file: String

    /// {"problems": [{index, id, kind, reason, location}], "repairs": [...], "counts": {...}}.
    @OptionGroup var jsonOption: JSONOption

    /// The problem lines on stderr, unless the JSON takes standard output.
    private var jsonOnStandardOutput: Bool { jsonOption.toStandardOutput }

    @Flag(help: "Write every feature, invalid geometries made valid (GEOS MakeValid), to -o.")
    var repair = false

    @Option(name: .customLong("repair-method"), help: ArgumentHelp(
        "How --repair rebuilds: structure (the default; rebuilds polygons from their rings, drops collapsed parts, in memory in proportion to the input) or linework (keeps every vertex; refused above \(RepairBound.lineworkVertexLimit) vertices a feature).",
        valueName: "method"))
    var repairMethod: Geometry.RepairMethod?

    @OptionGroup var input: InputOptions
    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var languageOption: LanguageOption

    func validate() throws {
        if !repair, outputOptions.output != "-" {
            throw ValidationError("-o goes with --repair")
        }
        if !repair, repairMethod != nil {
            throw ValidationError("--repair-method goes with --repair")
        }
    }

    func run() throws {
        let contents = try input.read(file)
        let layer = contents.layer
        let problems = try LayerValidator.problems(in: layer) + contents.repeatedKeys.map { repeated in
            Problem(index: repeated.index, id: repeated.id, kind: .duplicateKey,
                    reason: "property \(repeated.keys.map { "\"\($0)\"" }.joined(separator: ", ")) given twice; the last value is kept")
        }
        var report = JSONObject()
        report["problems"] = .array(problems.map(Self.json))
        if !jsonOnStandardOutput {
            for problem in problems { Diagnostics.write(Self.line(problem, file: file) + "\n") }
        }

        // Every feature is checked, and with --repair every one is written.
        var counts = contents.counts(of: file)
        counts.output = layer.count
        var remaining = problems
        if repair {
            let (repaired, changes) = try LayerRepair.repair(layer, problems: problems, method: repairMethod ?? .structure, file: file)
            let output = try outputOptions.writer(crs: .wgs84, fields: contents.fields)
            try output.write(contentsOf: try repaired.projected(to: .wgs84, file: file).features)
            try output.finish()
            let fixed = Set(changes.map(\.index))
            // A repeated key is written once, with the value every reader kept.
            remaining = problems.filter { !(fixed.contains($0.index) && LayerRepair.repairableKinds.contains($0.kind)) && $0.kind != .duplicateKey }
            report["repairs"] = .array(changes.map(Self.json))
            if !jsonOnStandardOutput {
                for change in changes { Diagnostics.write(Self.line(change, file: file) + "\n") }
                Diagnostics.write(Diagnostics.text(.repaired(file: file, count: changes.count)) + "\n")
            }
            counts.output = repaired.count
        }
        report["counts"] = counts.json
        try jsonOption.write(.object(report))
        if !jsonOnStandardOutput, problems.isEmpty { Diagnostics.write(Diagnostics.text(.noProblems(file: file)) + "\n") }
        counts.report()
        if !remaining.isEmpty { throw ProblemsFound() }
    }

    static func line(_ problem: Problem, file: String) -> String {
        let location = problem.location.map { " at (\($0.x), \($0.y))" } ?? ""
        return "\(FeatureLocation(file: file, index: problem.index, id: problem.id)): \(problem.kind.rawValue): \(problem.reason)\(location)"
    }

    static func line(_ change: LayerRepair.Change, file: String) -> String {
        let area = String(format: "area %.1f m² -> %.1f m²", change.areaBefore, change.areaAfter)
        return "\(FeatureLocation(file: file, index: change.index, id: change.id)): repaired: \(change.actions.joined(separator: "; ")); \(area)"
    }

    static func json(_ problem: Problem) -> JSONValue {
        var object = JSONObject()
        object["index"] = .number(problem.index)
        object["id"] = problem.id.map { JSONValue.string($0.description) } ?? .null
        object["kind"] = .string(problem.kind.rawValue)
        object["reason"] = .string(problem.reason)
        object["location"] = problem.location.map { .array([.number($0.x), .number($0.y)]) } ?? .null
        return .object(object)
    }

    static func json(_ change: LayerRepair.Change) -> JSONValue {
        var object = JSONObject()
        object["index"] = .number(change.index)
        object["id"] = change.id.map { JSONValue.string($0.description) } ?? .null
        object["actions"] = .array(change.actions.map(JSONValue.string))
        object["areaBefore"] = .number(change.areaBefore)
        object["areaAfter"] = .number(change.areaAfter)
        return .object(object)
    }
}
