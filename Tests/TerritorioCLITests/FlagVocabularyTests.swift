import ArgumentParser
import Foundation
import Testing
@testable import TerritorioCLI

/// One vocabulary of flags (`FlagVocabulary`): every command's help, as
/// the built program dumps it (argument-parser's `--experimental-dump-help`,
/// every subcommand included), has one visible spelling per concept and no
/// flag the vocabulary does not list; the old names are hidden and still work.
@Suite struct FlagVocabularyTests {
    struct Flag {
        let command: String
        let name: String
        let visible: Bool
    }

    /// Every long flag of every command and subcommand.
    static func flags() throws -> [Flag] {
        let dump = try ChildProcess.run(["--experimental-dump-help"])
        #expect(dump.status == 0, "\(dump.standardError)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.standardOutput.utf8)) as? [String: Any])
        var flags: [Flag] = []
        func walk(_ command: [String: Any], path: [String]) {
            let name = path.isEmpty ? "territorio" : path.joined(separator: " ")
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                let visible = argument["shouldDisplay"] as? Bool ?? true
                for entry in argument["names"] as? [[String: Any]] ?? [] where entry["kind"] as? String == "long" {
                    flags.append(Flag(command: name, name: entry["name"] as? String ?? "", visible: visible))
                }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                walk(sub, path: path + [sub["commandName"] as? String ?? "?"])
            }
        }
        walk(try #require(root["command"] as? [String: Any]), path: [])
        return flags
    }

    @Test func everyVisibleFlagIsInTheVocabularyWithOneSpellingPerConcept() throws {
        let flags = try Self.flags()
        let commands = Set(flags.map(\.command))
        // Every command and nested subcommand was walked (group evaluate, network info, ...).
        #expect(commands.isSuperset(of: ["territorio", "join", "group evaluate", "group suggest", "hierarchy check", "network info"]), "\(commands.sorted())")
        let visible = flags.filter(\.visible)

        let unlisted = Set(visible.filter { FlagVocabulary.flags[$0.name] == nil }.map { "\($0.command) --\($0.name)" })
        #expect(unlisted.isEmpty, "visible flags not in FlagVocabulary.flags: \(unlisted.sorted())")

        let shown = Set(visible.map(\.name))
        let stale = Set(FlagVocabulary.flags.keys).subtracting(shown)
        #expect(stale.isEmpty, "FlagVocabulary.flags lists flags no command shows: \(stale.sorted())")

        for set in FlagVocabulary.synonyms {
            let spellings = set.filter(shown.contains)
            let places = spellings.map { name in "--\(name): " + visible.filter { $0.name == name }.map(\.command).joined(separator: ", ") }
            #expect(spellings.count <= 1, "one concept, several visible spellings: \(places)")
        }
    }

    @Test func oldNamesAreHiddenWhereTheyWereAndTheNewNameShows() throws {
        let flags = try Self.flags()
        for renamed in FlagVocabulary.renamed {
            for (old, commands) in renamed.old {
                for command in commands {
                    let here = flags.filter { $0.command == command }
                    #expect(here.contains { $0.name == old && !$0.visible }, "\(command): --\(old) should be a hidden alias of --\(renamed.name)")
                    #expect(!here.contains { $0.name == old && $0.visible }, "\(command): --\(old) is visible")
                    #expect(here.contains { $0.name == renamed.name && $0.visible }, "\(command): --\(renamed.name) is not shown")
                }
            }
        }
    }

    /// The old names give the same values as the new ones; both at once,
    /// with different values, is a usage error naming both.
    @Test func oldNamesStillWorkForOneRelease() throws {
        let join = try JoinCommand.parse(["--points", "p.geojson", "--polygons", "t.geojson", "-o", "j.geojson"])
        #expect(join.points == "p.geojson")
        #expect(join.polygons == "t.geojson")

        let catchment = try CatchmentCommand.parse(["--facilities", "f.geojson", "--facility-id-field", "name", "--family-size", "5",
                                                    "--method", "voronoi", "--territories", "t.geojson"])
        #expect(catchment.facilities == "f.geojson")
        #expect(catchment.facilityIDField == "name")
        #expect(catchment.familySize == 5)
        let renamed = try CatchmentCommand.parse(["--sites", "f.geojson", "--site-id-field", "name", "--household-size", "5",
                                                  "--method", "voronoi", "--territories", "t.geojson"])
        #expect(renamed.facilities == "f.geojson" && renamed.facilityIDField == "name" && renamed.familySize == 5)

        let rank = try RankCommand.parse(["--indicators", "i.csv", "--equal-weights", "--by", "code", "--product-column", "crop", "--territory-id", "cod"])
        #expect(rank.productColumn == "crop")
        #expect(rank.territoryID == "cod")

        let site = try SiteCommand.parse(["--demand", "d.geojson", "--demand-id", "code", "--candidates", "c.geojson", "--candidate-id", "name"])
        #expect(site.demandID == "code")
        #expect(site.candidateID == "name")

        let isochrone = try IsochroneCommand.parse(["--facilities", "f.geojson", "--roads", "r.geojson", "--minutes", "15"])
        #expect(isochrone.facilities == "f.geojson")

        do {
            _ = try JoinCommand.parse(["--points", "p.geojson", "--sites", "q.geojson", "--territories", "t.geojson"])
            Issue.record("both names were accepted")
        } catch {
            #expect(JoinCommand.message(for: error) == "--points is the old name of --sites; give one of them, not both")
        }
    }

    /// Through the program: the old name works and says it is deprecated.
    @Test func anOldNameSaysWhatToWriteInstead() throws {
        let outcome = try ChildProcess.run(["join", "--points", SampleFiles.sites, "--polygons", SampleFiles.parishes, "--id-field", "code",
                                            "-o", CommandTests.temporary("vocabulary_joined.geojson")])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("territorio: warning: --points is deprecated and will be removed in the next release: write --sites"))
        #expect(outcome.standardError.contains("--polygons is deprecated and will be removed in the next release: write --territories"))
    }

    /// `--json FILE` writes the file and keeps the text answer on standard
    /// output; `--json -` and a bare `--json` at the end print only the JSON.
    @Test func jsonIsAFileOrStandardOutputOnEveryCommand() throws {
        let file = CommandTests.temporary("vocabulary_info.json")
        let toFile = try ChildProcess.run(["info", SampleFiles.parishes, "--json", file])
        #expect(toFile.status == 0, "\(toFile.standardError)")
        #expect(toFile.standardOutput.contains("features: "))
        let written = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any]
        let features = try #require(written?["features"] as? Int)
        #expect(toFile.standardOutput.contains("features: \(features)\n"))

        for arguments in [["info", SampleFiles.parishes, "--json", "-"], ["info", SampleFiles.parishes, "--json"], ["info", "--json", "--", SampleFiles.parishes]] {
            let printed = try ChildProcess.run(arguments)
            #expect(printed.status == 0, "\(arguments): \(printed.standardError)")
            let json = try JSONSerialization.jsonObject(with: Data(printed.standardOutput.utf8)) as? [String: Any]
            #expect(json?["features"] as? Int == features, "\(arguments): \(printed.standardOutput.prefix(200))")
        }

        // Standard output is one output: JSON and a layer cannot both take it.
        let clash = try ChildProcess.run(["validate", SampleFiles.parishes, "--repair", "--json", "-"])
        #expect(clash.status != 0)
        #expect(clash.standardError.contains("-o - and --json - are the same file"), "\(clash.standardError)")
    }

    @Test func aBareJSONBecomesStandardOutputOnlyWhenNoValueFollows() {
        #expect(BareJSONFlag.expand(["info", "a.geojson", "--json"]) == ["info", "a.geojson", "--json", "-"])
        #expect(BareJSONFlag.expand(["rank", "--json", "--top", "2"]) == ["rank", "--json", "-", "--top", "2"])
        #expect(BareJSONFlag.expand(["rank", "--json", "out.json"]) == ["rank", "--json", "out.json"])
        #expect(BareJSONFlag.expand(["rank", "--json", "-"]) == ["rank", "--json", "-"])
        #expect(BareJSONFlag.expand(["info", "--", "--json"]) == ["info", "--", "--json"])
    }

    /// README's "Flags" section gives every renamed concept with its old names.
    @Test func theReadmeListsEveryRenamedFlag() throws {
        let readme = try String(contentsOf: CommandTests.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Flags").map { String(readme[$0.lowerBound...].prefix(6000)) })
        for renamed in FlagVocabulary.renamed {
            #expect(section.contains("`--\(renamed.name)`"), "--\(renamed.name)")
            for (old, _) in renamed.old { #expect(section.contains("`--\(old)`"), "--\(old)") }
        }
    }
}
