import ArgumentParser
import Geo

/// `--json FILE`, or `--json -` for standard output: the same on every
/// command that writes JSON. Where it goes to standard output, the
/// command's table or text answer does not (one document on stdout).
/// A bare `--json`, as older versions took it, is read as `--json -`
/// (`BareJSONFlag`).
struct JSONOption: ParsableArguments {
    static let help = ArgumentHelp("Write the result as JSON here: a file, or - for standard output.", valueName: "file|-")

    @Option(name: .customLong("json"), help: JSONOption.help)
    var path: String?

    /// Whether the JSON takes standard output, so the text answer must not.
    var toStandardOutput: Bool { path == "-" }

    /// The JSON, when --json was given: on standard output, or to the file.
    func write(_ value: @autoclosure () -> JSONValue) throws {
        guard let path else { return }
        if path == "-" {
            try StandardOutput.print(value().jsonText)
        } else {
            // It names the inputs: a connection string's password is masked.
            try ReportOptions.writeText(ConnectionSecrets.masked(value().jsonText) + "\n", to: path)
        }
    }

    /// For `CommandFiles`: `-` too, which no other output may take.
    var files: [CommandOutput] { path.map { [CommandOutput(flag: "--json", path: $0, kind: .text)] } ?? [] }
}

/// Older versions took `--json` without a value on `info`, `validate`,
/// `rank`, `hierarchy check`, `network info` and `group evaluate`, and
/// printed JSON. It now takes a file or `-`; a `--json` with nothing after
/// it, or followed by another flag, is read as `--json -`, so scripts that
/// end with `--json` keep working. (`--json FILE.geojson` before the input
/// argument now names the JSON file: the missing input is a usage error.)
enum BareJSONFlag {
    static func expand(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var afterTerminator = false
        for (index, argument) in arguments.enumerated() {
            result.append(argument)
            if argument == "--" { afterTerminator = true }
            guard !afterTerminator, argument == "--json" else { continue }
            let next = index + 1 < arguments.count ? arguments[index + 1] : nil
            if next == nil || (next!.hasPrefix("-") && next! != "-") { result.append("-") }
        }
        return result
    }
}
