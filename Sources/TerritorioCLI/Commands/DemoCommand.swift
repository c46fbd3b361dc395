import ArgumentParser
import Foundation
import Geo
import Territory

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole path on the sample territory and explain every figure in out/report.md and out/report.html.",
        discussion: """
            Validates the parishes and checks the hierarchy, locates every actor in its parish, \
            draws the milk collection catchments, measures how well each circuit covers its \
            people, routes cheese with the fewest tonnes through intermediaries, compares two \
            groupings and suggests a third. Each step is an ordinary territorio command; the \
            report lists them, so any figure can be reproduced by hand.

            Example:
              territorio demo -o out/
            """
    )

    @Option(help: ArgumentHelp("The sample territory: parishes.geojson, sites.geojson, hierarchy.json, chains/, groupings/.", valueName: "folder"))
    var data = "geodata/territory"

    @Option(name: .shortAndLong, help: ArgumentHelp("Folder for every output, report.md and report.html.", valueName: "folder"))
    var output = "out"

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: "\(data)/parishes.geojson", isDirectory: &isFolder) else {
            throw CommandFailure(message: Diagnostics.text(.demoNoData(folder: data)))
        }
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let steps = DemoSteps(data: data, output: output, language: languageOption.given)
        // The study the coverage and distribution steps read, in place
        // before they run (as each step's outputs are before the next).
        let study = DemoStudy(steps: steps)
        try OutputTransaction.run { try ReportOptions.writeText(study.text, to: study.path) }
        Diagnostics.write(Diagnostics.text(.wrote(file: study.path)) + "\n")
        for (number, step) in steps.all.enumerated() {
            let started = Date()
            Diagnostics.write("[\(number + 1)/\(steps.all.count)] \(step.title)\n")
            do {
                try step.run()
            } catch {
                throw CommandFailure(message: Diagnostics.text(.demoStepFailed(step: step.title, command: step.commandLine, error: Diagnostics.describe(error))))
            }
            Diagnostics.write(String(format: "      %.1f s\n", Date().timeIntervalSince(started)))
        }
        let report = try DemoReport(steps: steps, language: languageOption.language)
        let markdown = try report.markdown
        try ReportOptions.writeText(markdown, to: "\(output)/report.md")
        Diagnostics.write(Diagnostics.text(.wrote(file: "\(output)/report.md")) + "\n")
        let page = report.html(markdown: markdown)
        for file in page.missingImages { Diagnostics.warn(Diagnostics.text(.demoFigureNotThere(page: "\(output)/report.html", file: file, folder: output))) }
        try ReportOptions.writeText(page.html, to: "\(output)/report.html")
        Diagnostics.write(Diagnostics.text(.wrote(file: "\(output)/report.html")) + "\n")
    }
}
