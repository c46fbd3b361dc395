import ArgumentParser
import Foundation
import Geo
import Maps
import Territory
import Workbench

/// `territorio serve`: the circuit workbench. A thin edge: it reads the
/// study as `scenario` does, hands it to the Workbench target's session
/// and server, prints the address and serves until Ctrl-C.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "The circuit workbench: regroup territories in the browser and see coverage, contiguity and intermediated tonnes at once.",
        discussion: """
            Loads the study once and serves a page (Leaflet, inlined from the system's libjs-leaflet) \
            where territories are clicked or lassoed into circuits, circuits created, renamed, merged \
            and deleted, with undo and redo; a panel shows each circuit's and the grouping's figures \
            (population, families, contiguity, compactness, self-supply, exportable surplus, bottleneck, \
            capacity to add; tonnes through intermediaries from the exact distribution) and the change \
            from the starting grouping. The same figures are an HTTP API (README, "Workbench"). \
            Binds 127.0.0.1; with another --host every request needs the token printed at start. \
            Files are written only inside the study's folder. --port 0 takes a free port.

            Example:
              territorio demo --data geodata/territory -o out/demo
              territorio serve --study out/demo/study.json --lang es
            """
    )

    @OptionGroup var territoryOptions: TerritoryOptions

    @Option(name: .customLong("sites"), help: ArgumentHelp("Sites (points) with product, stage, capacity, unit, owner.", valueName: "file"))
    var givenSites: String?

    @Option(name: .customLong("grouping"), help: ArgumentHelp("CSV of territory_code,circuit_id: the grouping the session starts from.", valueName: "file"))
    var givenGrouping: String?

    @Option(parsing: .singleValue, help: ArgumentHelp("Chain spec (JSON); repeat for each product.", valueName: "file"))
    var chain: [String] = []

    @Option(name: .customLong("site-id-field"), help: ArgumentHelp("Property of the sites holding their id (default: the feature id).", valueName: "name"))
    var siteIDField: String?

    @Option(help: "Port to listen on; 0 takes a free one (printed).")
    var port = 8080

    @Option(help: "Address to bind. Anything but the loopback (127.0.0.1) requires the token printed at start.")
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("Folder with Leaflet 1.x's leaflet.js and leaflet.css.", valueName: "dir"))
    var leaflet: String?

    var sites: String { StudyOption.resolved(givenSites, flag: "--sites") }
    var grouping: String { StudyOption.resolved(givenGrouping, flag: "--grouping") }

    @OptionGroup var languageOption: LanguageOption
    @OptionGroup var input: InputOptions
    @OptionGroup var siteFields: SiteFieldOptions

    mutating func validate() throws {
        let study = try territoryOptions.studyOption.load()
        guard study != nil else { throw ValidationError("give --study FILE: the workbench serves one study, and writes only inside its folder") }
        try applySitesChainsAndGrouping(study)
        guard !chain.isEmpty else { throw ValidationError("name at least one --chain (or \"chains\" in the --study file)") }
        guard (0...65535).contains(port) else { throw ValidationError("--port is 0 to 65535, not \(port)") }
    }

    /// The study as `scenario` reads it (run on the workbench's thread).
    func study() throws -> Study {
        let chains = try chain.map { try ChainSpec.read(path: $0) }
        let prepared = try territoryOptions.prepare()
        let siteContents = try input.read(sites)
        try FieldCheck.require(siteIDField.map { [$0] } ?? [], in: siteContents.layer, file: sites, flag: "--site-id-field")
        return try Study(territories: prepared,
                         sites: try siteFields.prepare(siteContents, file: sites, idField: siteIDField, chains: chains, in: prepared),
                         chains: chains,
                         grouping: prepared.populationCheck.filter(try Grouping.read(path: grouping), idField: territoryOptions.idField),
                         groupingFile: grouping)
    }

    func run() throws {
        let language = languageOption.language
        let page = try WorkbenchPage.make(language: language, leafletDirectory: leaflet ?? MapOptions.systemLeaflet)
        let studyPath = territoryOptions.studyOption.study ?? "."
        let session = WorkbenchSession(folder: StudyPaths.folder(of: studyPath).isEmpty ? "." : StudyPaths.folder(of: studyPath),
                                       language: language, protecting: territoryOptions.studyOption.files + inputFiles)
        let server = WorkbenchServer(session: session, host: host, port: port, page: page)
        nonisolated(unsafe) let command = self
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await session.load { try command.study() }
                try await server.run { port in
                    try? StandardOutput.print("Workbench: \(server.address(port: port))")
                    if let token = server.token { try? StandardOutput.print("Token (X-Territorio-Token header or ?token=): \(token)") }
                    // Standard output is fully buffered on a pipe: without this,
                    // a program that starts the server (a test, a script) never sees the address.
                    fflush(nil)
                }
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }

    /// What the serving task ended with.
    final class Outcome: @unchecked Sendable { var error: Error? }
}

extension ServeCommand: SitesChainsAndGroupingCommand {}
