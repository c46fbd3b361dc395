import Foundation
import Testing
@testable import TerritorioCLI
@testable import Geo

/// Points read as they are meant: tab-separated files by their tabs, CSV
/// in the encoding given, coordinates in metres refused until their CRS is
/// given, and points far from the other layers named.
@Suite struct CoordinateInputTests {
    static func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = CommandTests.temporary(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    @Test func aTSVIsReadByItsTabs() throws {
        let path = try Self.write("plants.tsv", "id\tname\tlon\tlat\nP1\tQuesera, Santa Rosa\t-68.15\t10.35\n")
        let output = CommandTests.temporary("plants-from-tsv.geojson")
        let outcome = try ChildProcess.run(["convert", path, "--id-column", "id", "-o", output])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.contains(#""name":"Quesera, Santa Rosa""#))
        #expect(text.contains("[-68.15,10.35]"))
    }

    @Test func encodingIsHonouredForCSV() throws {
        // "Lechería" in ISO-8859-1: í is the single byte 0xED.
        let latin1: [UInt8] = Array("name,lon,lat\nLecher".utf8) + [0xED] + Array("a,-67.95,10.25\n".utf8)
        let path = try Self.write("latin1.csv", latin1)
        let output = CommandTests.temporary("latin1.geojson")
        let refused = try ChildProcess.run(["convert", path, "-o", output])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("invalid UTF-8"))
        #expect(refused.standardError.contains("--encoding latin1"))
        for name in ["latin1", "ISO-8859-1", "windows-1252"] {
            let read = try ChildProcess.run(["convert", path, "--encoding", name, "-o", output])
            #expect(read.status == 0, "\(name): \(read.standardError)")
            #expect(!read.standardError.contains("ignored"))
            #expect(try String(contentsOfFile: output, encoding: .utf8).contains(#""name":"Lechería""#), "\(name)")
        }
        let unknown = try ChildProcess.run(["convert", path, "--encoding", "klingon", "-o", output])
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("--encoding klingon is not known"))
    }

    @Test func metresWithoutACRSAskForIt() throws {
        let path = try Self.write("utm.csv", "id,x,y\nA,612345.5,1134567.2\nB,613000,1135000\n")
        let output = CommandTests.temporary("utm.geojson")
        for arguments in [["convert", path, "-o", output], ["info", path]] {
            let outcome = try ChildProcess.run(arguments)
            #expect(outcome.status == 1, "\(arguments[0])")
            #expect(outcome.standardError.contains("\(path): 2 of 2 features have coordinates that cannot be longitude/latitude (feature 0 at x=612345.5, y=1134567.2)"), "\(outcome.standardError)")
            #expect(outcome.standardError.contains("--s-crs"))
        }
        #expect(!FileManager.default.fileExists(atPath: output))
        let declared = try ChildProcess.run(["convert", path, "--s-crs", "EPSG:32619", "-o", output])
        #expect(declared.status == 0, "\(declared.standardError)")
        let envelope = try #require(try Layer.readGeoJSON(path: output).envelope)
        #expect(envelope.minX > -68 && envelope.maxX < -66 && envelope.minY > 10 && envelope.maxY < 11)
    }

    @Test func pointsFarFromTheTerritoriesAreCountedAndNamed() throws {
        // One site with latitude and longitude swapped.
        let path = try Self.write("swapped.csv", "id,product,stage,capacity,unit,lon,lat\nS1,milk,primary,10,l/month,-68.0,10.2\nS2,milk,primary,10,l/month,10.2,-68.0\n")
        let outcome = try ChildProcess.run(["join", "--sites", path, "--id-column", "id", "--territories", SampleFiles.parishes, "--id-field", "code",
                                            "-o", CommandTests.temporary("swapped-joined.geojson")])
        #expect(outcome.status == 0)
        #expect(outcome.standardError.contains("territorio: warning: \(path): 1 of 2 features lie far outside \(SampleFiles.parishes) (feature 1 (id S2) at (10.2, -68.0))"),
                "\(outcome.standardError)")
    }
}
