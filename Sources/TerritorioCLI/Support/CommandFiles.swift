import Territory
import ArgumentParser

/// The files each command reads and writes, as its arguments name them,
/// for `OutputPaths.check` (run by `Territorio.run` before the command).
/// A new command, or a new file flag, is added here. A --study file and
/// every file it names are inputs (`StudyOption.files`), used or not.

/// An output, by the flag that names it.
struct CommandOutput {
    enum Kind {
        /// Features: GeoJSON, or a format GDAL writes, by the extension.
        case layer
        /// Text or CSV, written as given.
        case text
        /// A map: .png, .svg, .pdf or .html.
        case map
    }

    var flag: String
    var path: String
    var kind: Kind
    /// A layer output's `--layer-name` and `--append`.
    var layerName: String? = nil
    var append = false
}

protocol CommandFiles {
    /// Files read (layers, specs, CSVs); `-` for standard input.
    var inputFiles: [String] { get }
    var outputFiles: [CommandOutput] { get }
    /// Whether `--report FILE.html` gives an HTML page (coverage,
    /// distribute); elsewhere an HTML name is refused before anything runs.
    var writesHTMLReport: Bool { get }
}

extension CommandFiles {
    var writesHTMLReport: Bool { false }

    /// A `--report` named `.html` for a command whose report is Markdown only.
    func checkReportFormat() throws {
        guard !writesHTMLReport, let report = outputFiles.first(where: { $0.flag == "--report" && ReportOptions.isHTML($0.path) }) else { return }
        throw ValidationError(Diagnostics.text(.usage(.reportIsMarkdown(report: report.path))))
    }
}

extension OutputOptions {
    var files: [CommandOutput] { [CommandOutput(flag: "-o", path: output, kind: .layer, layerName: layerName, append: append)] }
}

extension ReportOptions {
    var files: [CommandOutput] {
        [report.map { CommandOutput(flag: "--report", path: $0, kind: .text) },
         json.map { CommandOutput(flag: "--json", path: $0, kind: .text) }].compactMap { $0 }
    }
}

extension InputOptions {
    var files: [CommandOutput] { rejectsFile.map { [CommandOutput(flag: "--rejects", path: $0, kind: .text)] } ?? [] }
}

extension GroupingInputs {
    var files: [String] { territoryOptions.studyOption.files + [territoryOptions.territories] + chain + [sites, roads].compactMap { $0 } }
}

extension CatchmentCommand: CommandFiles {
    var inputFiles: [String] { territoryOptions.studyOption.files + [facilities, territoryOptions.territories] + [chain, roads].compactMap { $0 } }
    var outputFiles: [CommandOutput] { outputOptions.files + reportOptions.files + input.files }
}

extension ConvertCommand: CommandFiles {
    var inputFiles: [String] { [file] + [intersects].compactMap { $0 } }
    var outputFiles: [CommandOutput] { outputOptions.files + input.files }
}

extension CoverageCommand: CommandFiles {
    var writesHTMLReport: Bool { true }
    var inputFiles: [String] { territoryOptions.studyOption.files + [territoryOptions.territories, grouping, sites] + chain + [zones, points].compactMap { $0 } }
    var outputFiles: [CommandOutput] {
        outputOptions.files + reportOptions.files + input.files
            + [overlaps.map { CommandOutput(flag: "--overlaps", path: $0, kind: .layer) },
               noCircuit.map { CommandOutput(flag: "--no-circuit", path: $0, kind: .layer) }].compactMap { $0 }
    }
}

extension DissolveCommand: CommandFiles {
    var inputFiles: [String] { [file] }
    var outputFiles: [CommandOutput] { outputOptions.files }
}

extension DistributeCommand: CommandFiles {
    var writesHTMLReport: Bool { true }
    var inputFiles: [String] { territoryOptions.studyOption.files + [sites, territoryOptions.territories, chain] + [roads, grouping, zones].compactMap { $0 } }
    var outputFiles: [CommandOutput] {
        // With --zones, --od and --od-lines also write FILE_zones next to theirs.
        let zoned = zones == nil ? [] : [od.map { CommandOutput(flag: "--od", path: Self.zonesPath($0), kind: .text) },
                                         odLines.map { CommandOutput(flag: "--od-lines", path: Self.zonesPath($0), kind: .layer) }]
        return outputOptions.files + reportOptions.files + input.files
            + ([od.map { CommandOutput(flag: "--od", path: $0, kind: .text) },
                odLines.map { CommandOutput(flag: "--od-lines", path: $0, kind: .layer) }] + zoned).compactMap { $0 }
    }
}

extension GroupEvaluateCommand: CommandFiles {
    var inputFiles: [String] { inputs.files + [grouping] }
    var outputFiles: [CommandOutput] { jsonOption.files + inputs.input.files }
}

extension GroupCompareCommand: CommandFiles {
    var inputFiles: [String] { inputs.files + groupings }
    var outputFiles: [CommandOutput] { outputOptions.files + reportOptions.files + inputs.input.files }
}

extension GroupSuggestCommand: CommandFiles {
    var inputFiles: [String] { inputs.files + [lock].compactMap { $0 } }
    var outputFiles: [CommandOutput] { [CommandOutput(flag: "-o", path: output, kind: .text)] + reportOptions.files + inputs.input.files }
}

extension HierarchyCheckCommand: CommandFiles {
    var inputFiles: [String] { [spec] }
    var outputFiles: [CommandOutput] { (output.map { [CommandOutput(flag: "-o", path: $0, kind: .layer)] } ?? []) + jsonOption.files }
}

extension InfoCommand: CommandFiles {
    var inputFiles: [String] { [file] }
    var outputFiles: [CommandOutput] { input.files + jsonOption.files }
}

extension InterpolateCommand: CommandFiles {
    var inputFiles: [String] { [from, to] }
    var outputFiles: [CommandOutput] { outputOptions.files }
}

extension IsochroneCommand: CommandFiles {
    var inputFiles: [String] { studyOption.files + [facilities, roadOptions.roads] + [territories].compactMap { $0 } }
    var outputFiles: [CommandOutput] { outputOptions.files + input.files }
}

extension JoinCommand: CommandFiles {
    var inputFiles: [String] { [points, polygons] }
    var outputFiles: [CommandOutput] {
        outputOptions.files + input.files + (summary.map { [CommandOutput(flag: "--summary", path: $0, kind: .text)] } ?? [])
    }
}

extension NetworkInfoCommand: CommandFiles {
    var inputFiles: [String] { studyOption.files + [file, roads].compactMap { $0 } }
    var outputFiles: [CommandOutput] { jsonOption.files }
}

extension RankCommand: CommandFiles {
    var inputFiles: [String] { [indicators] + [weights, pairwise, groups, territories].compactMap { $0 } }
    var outputFiles: [CommandOutput] {
        (output.map { [CommandOutput(flag: "-o", path: $0, kind: .layer)] } ?? [])
            + (groupsOutput.map { [CommandOutput(flag: "--groups-output", path: $0, kind: .layer)] } ?? [])
            + jsonOption.files
    }
}

extension RenderCommand: CommandFiles {
    var inputFiles: [String] { layers + [inset, tiles.flatMap { $0.lowercased().hasSuffix(".mbtiles") ? $0 : nil }].compactMap { $0 } }
    var outputFiles: [CommandOutput] { [CommandOutput(flag: "-o", path: output, kind: .map)] }
}

extension RouteCommand: CommandFiles {
    var inputFiles: [String] { studyOption.files + [from, to, roadOptions.roads] }
    var outputFiles: [CommandOutput] {
        [matrix.map { CommandOutput(flag: "--matrix", path: $0, kind: .text) },
         output.map { CommandOutput(flag: "-o", path: $0, kind: .layer) }].compactMap { $0 }
    }
}

extension ScenarioCommand: CommandFiles {
    var inputFiles: [String] { territoryOptions.studyOption.files + [territoryOptions.territories, grouping, sites] + chain + edits }
    var outputFiles: [CommandOutput] { outputOptions.files + reportOptions.files + input.files }
}

/// `serve` writes only what the page asks, inside the study's folder and
/// never over these inputs (`WorkbenchSession.save`).
extension ServeCommand: CommandFiles {
    var inputFiles: [String] { territoryOptions.studyOption.files + [territoryOptions.territories, grouping, sites] + chain }
    var outputFiles: [CommandOutput] { input.files }
}

extension ValidateCommand: CommandFiles {
    var inputFiles: [String] { [file] }
    var outputFiles: [CommandOutput] { (repair ? outputOptions.files : []) + input.files + jsonOption.files }
}

extension SiteCommand: CommandFiles {
    var inputFiles: [String] {
        let candidateFile = candidates.flatMap { $0.hasPrefix("generate:") ? nil : $0 }
        return territoryOptions.studyOption.files + [demand, candidateFile, existing, roads, territoryOptions.givenTerritories, grouping, sites].compactMap { $0 } + chain
    }
    var outputFiles: [CommandOutput] { outputOptions.files + reportOptions.files }
}

extension MonitorCommand: CommandFiles {
    var writesHTMLReport: Bool { true }
    var inputFiles: [String] {
        territoryOptions.studyOption.files + [territoryOptions.territories, grouping, snapshots] + chain + [zones, milestones, route].compactMap { $0 }
    }
    var outputFiles: [CommandOutput] {
        reportOptions.files + [csv.map { CommandOutput(flag: "--csv", path: $0, kind: .text) },
                               progressMap.map { CommandOutput(flag: "--progress-map", path: $0, kind: .layer) }].compactMap { $0 }
    }
}
