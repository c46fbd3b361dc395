import ArgumentParser
import Geo
import Territory

/// `territorio`: territorial analysis of productive chains.
public struct Territorio: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "territorio",
        abstract: "Territorial analysis of productive chains: boundaries, sites, catchments, circuits.",
        discussion: """
            Reads GeoJSON (files, text sequences or standard input as -), CSV points and \
            every vector format GDAL reads (Shapefile, GeoPackage, FlatGeobuf, KML, \
            OpenStreetMap .osm.pbf; FILE:LAYER picks a layer); writes RFC 7946 GeoJSON, or \
            GeoPackage, FlatGeobuf, Shapefile or another GDAL format by the output's extension. Results go to \
            files or standard output, diagnostics to standard error.

            \(GlobalFlags.help)

            Example:
              territorio info geodata/territory/parishes.geojson
            """,
        version: Version.text,
        subcommands: [
            InfoCommand.self, ValidateCommand.self, ConvertCommand.self, JoinCommand.self, DissolveCommand.self,
            InterpolateCommand.self, HierarchyCommand.self, CatchmentCommand.self, CoverageCommand.self,
            NetworkCommand.self, RouteCommand.self, DistributeCommand.self, IsochroneCommand.self, GroupCommand.self,
            RankCommand.self, RenderCommand.self,
            ScenarioCommand.self, SiteCommand.self, ServeCommand.self,
            DemoCommand.self,
            MonitorCommand.self,
        ]
    )

    public init() {}

    /// Ctrl-C, SIGTERM and SIGHUP remove the outputs' temporary files
    /// before the process ends (`InterruptCleanup`). For the executable.
    public static func removeTemporariesOnInterrupt() {
        InterruptCleanup.install()
    }

    /// Runs the command line and returns the exit status: 0 success, 1 bad
    /// data or problems found, the argument parser's code for bad usage.
    /// Errors are printed as `territorio: error: FILE: feature N (id X): ...`.
    public static func run(arguments: [String]) -> Int32 {
        let (settings, arguments) = GlobalFlags.take(from: arguments)
        Diagnostics.configure(settings)
        RejectsFile.forget()
        defer { Diagnostics.finish() }
        do {
            var command = try parse(arguments)
            if let files = command as? CommandFiles {
                try OutputPaths.check(files)
                try files.checkReportFormat()
            }
            // Every output, or none (problems found are reported in them).
            try OutputTransaction.run(keepingOutputsOn: { $0 is ProblemsFound }) { try command.run() }
            return 0
        } catch let exit as ProblemsFound {
            return exit.status
        } catch let clash as OutputPaths.Clash {
            Diagnostics.writeAlways("territorio: \(Diagnostics.text(.errorLabel)): \(clash.message)\n")
            return ExitCode.validationFailure.rawValue
        } catch let error as ReadError {
            return Diagnostics.fail(Diagnostics.language.describe(error))
        } catch let error as WriteError {
            return Diagnostics.fail(error.description)
        } catch let error as CommandFailure {
            return Diagnostics.fail(error.message)
        } catch let error as CRSError {
            return Diagnostics.fail(Diagnostics.language.describe(error))
        } catch let error as GEOSError {
            return Diagnostics.fail("GEOS: \(error.description)")
        } catch {
            let message = fullMessage(for: error)
            let code = exitCode(for: error).rawValue
            // Help and version are answers, not diagnostics.
            if code == 0 {
                print(message)
            } else if !message.isEmpty {
                Diagnostics.writeAlways(message + "\n")
            }
            return code
        }
    }

    /// Parses the command line; when an option's value reads as a negative
    /// number (`--top -1`, which the parser takes for a flag), parses again
    /// with the value attached, so the command says what is wrong with it.
    static func parse(_ arguments: [String]) throws -> ParsableCommand {
        do {
            return try parseAsRoot(arguments)
        } catch {
            let attached = NegativeValues.attached(arguments)
            guard attached != arguments else { throw error }
            return try parseAsRoot(attached)
        }
    }
}
