import ArgumentParser
import Geo

/// `--report FILE` (Markdown) and `--json FILE`, written atomically.
struct ReportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Write the Markdown report here.", valueName: "file"))
    var report: String?

    @Option(name: .customLong("json"), help: ArgumentHelp("Write the report as JSON here.", valueName: "file"))
    var json: String?

    func write(markdown: @autoclosure () -> String, json value: @autoclosure () -> JSONValue) throws {
        if let report { try Self.writeText(markdown(), to: report) }
        if let json { try Self.writeText(value().jsonText + "\n", to: json) }
    }

    static func writeText(_ text: String, to path: String) throws {
        let output = try OutputFile(path: path)
        try output.write(text)
        try output.commit()
    }
}
