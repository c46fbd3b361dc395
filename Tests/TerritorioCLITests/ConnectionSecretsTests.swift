import ArgumentParser
import Foundation
import Testing
@testable import TerritorioCLI

/// A PostgreSQL password in a `PG:` connection string is never printed:
/// not in errors, warnings, progress, standard output or JSON files.
@Suite struct ConnectionSecretsTests {
    @Test func passwordsAreMaskedInEveryFormLibpqTakes() {
        #expect(ConnectionSecrets.masked("PG:host=db dbname=registry user=ana password=s3cret port=5432")
                == "PG:host=db dbname=registry user=ana password=*** port=5432")
        #expect(ConnectionSecrets.masked("PG:dbname=x PASSWORD = 's3 cr\\'et' user=ana")
                == "PG:dbname=x PASSWORD = *** user=ana")
        #expect(ConnectionSecrets.masked("PG:\"dbname=x password=s3cret\" table") == "PG:\"dbname=x password=***\" table")
        #expect(ConnectionSecrets.masked("postgresql://ana:s3cret@db:5432/registry") == "postgresql://ana:***@db:5432/registry")
        #expect(ConnectionSecrets.masked("sites.geojson: 12 features in") == "sites.geojson: 12 features in")
    }

    /// GDAL's error repeats the connection string; what reaches stderr has
    /// no password. Port 1 on localhost: nothing listens, the connection fails.
    @Test func aFailedConnectionDoesNotPrintThePassword() throws {
        let connection = "PG:host=127.0.0.1 port=1 dbname=registry user=ana password=s3cret"
        let outcome = try ChildProcess.run(["info", connection, "--layer", "sites", "--json", "-"])
        #expect(outcome.status != 0)
        #expect(!outcome.standardError.contains("s3cret"), "\(outcome.standardError)")
        #expect(!outcome.standardOutput.contains("s3cret"))
        #expect(outcome.standardError.contains("password=***"), "\(outcome.standardError)")
    }

    /// The JSON a command writes names its inputs: masked there too.
    @Test func jsonFilesDoNotCarryThePassword() throws {
        let file = CommandTests.temporary("secrets.json")
        let option = try JSONOption.parse(["--json", file])
        try option.write(.object(["counts": .array([.object(["file": .string("PG:dbname=registry password=s3cret")])])]))
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!text.contains("s3cret"))
        #expect(text.contains("password=***"))
    }
}
