import ArgumentParser
import Foundation
import Testing
@testable import TerritorioCLI

/// Every example in every command's `--help` names files that exist in the
/// repository, so a user can paste it from a fresh clone.
@Suite struct HelpExamplesTests {
    /// Every command and subcommand, depth first.
    static func commands(_ command: ParsableCommand.Type = Territorio.self) -> [ParsableCommand.Type] {
        [command] + command.configuration.subcommands.flatMap { commands($0) }
    }

    @Test func everyFileAnExampleNamesExists() throws {
        let pattern = try NSRegularExpression(pattern: #"geodata/[A-Za-z0-9_./-]+\.(geojson|csv|json|gpkg|shp|fgb|pbf|osm)"#)
        var missing: [String] = []
        var named = 0
        for command in Self.commands() {
            let help = Territorio.helpMessage(for: command, columns: 400)
            for match in pattern.matches(in: help, range: NSRange(help.startIndex..., in: help)) {
                let path = String(help[Range(match.range, in: help)!])
                named += 1
                if !FileManager.default.fileExists(atPath: CommandTests.repository.appendingPathComponent(path).path) {
                    missing.append("\(command.configuration.commandName ?? "territorio"): \(path)")
                }
            }
        }
        #expect(named > 10, "the examples name \(named) files")
        #expect(missing.isEmpty, "\(missing)")
    }
}
