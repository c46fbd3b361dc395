import Foundation
import Testing
@testable import TerritorioCLI

/// `territorio render` in-process on the sample territory.
@Suite struct RenderCommandTests {
    static let territory = CommandTests.repository.appendingPathComponent("geodata/territory")

    /// Width and height from a PNG's IHDR chunk.
    static func pngSize(_ path: String) throws -> (Int, Int) {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        func integer(_ offset: Int) -> Int { bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (integer(16), integer(20))
    }

    @Test func rendersAPNGOfTheAskedWidth() throws {
        let output = CommandTests.temporary("render.png")
        let status = Territorio.run(arguments: [
            "render", Self.territory.appendingPathComponent("parishes.geojson").path,
            Self.territory.appendingPathComponent("sites.geojson").path,
            "--color-by", "population", "--classes", "jenks:4", "--labels", "name", "-o", output, "--width", "800",
        ])
        #expect(status == 0)
        let (width, height) = try Self.pngSize(output)
        #expect(width == 800)
        #expect(height > 300)
    }

    @Test func badUsageAndMissingFieldsFailWithoutAFile() {
        let parishes = Self.territory.appendingPathComponent("parishes.geojson").path
        let output = CommandTests.temporary("never.png")
        #expect(Territorio.run(arguments: ["render", parishes, "-o", CommandTests.temporary("map.jpg")]) != 0)
        #expect(Territorio.run(arguments: ["render", parishes, "-o", output, "--classes", "median"]) != 0)
        #expect(Territorio.run(arguments: ["render", parishes, "-o", output, "--width", "50"]) != 0)
        #expect(Territorio.run(arguments: ["render", parishes, "-o", output, "--color-by", "no_such_field"]) == 64)  // a usage error, naming the fields
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func svgNoticesAndFinishingFlags() throws {
        let parishes = Self.territory.appendingPathComponent("parishes.geojson").path
        let sites = Self.territory.appendingPathComponent("sites.geojson").path
        let output = CommandTests.temporary("finished.svg")
        let status = Territorio.run(arguments: [
            "render", parishes, sites, "--color-by", "stage", "--max-classes", "3", "--legend-title", "Etapa de la cadena",
            "--value-label", "primary=Producción primaria", "--labels", "parishes:name", "--labels", "sites:id",
            "--point-size", "capacity", "--palette", "Set2", "--inset", Self.territory.appendingPathComponent("municipalities.geojson").path,
            "-o", output,
        ])
        #expect(status == 0)
        let svg = try String(contentsOfFile: output, encoding: .utf8)
        #expect(svg.contains("<g id=\"layer-parishes\"") && svg.contains("<g id=\"layer-sites\"") && svg.contains("<g id=\"inset\""))
        #expect(svg.contains(">Etapa de la cadena</text>"))
        // Five stages, three classes: primary and retail (the most frequent) keep colours; three are grouped.
        #expect(svg.contains(">Producción primaria (1,297)</text>"))
        // The "other" row wraps in the legend's column: its count goes to a second line.
        #expect(svg.contains(">other: 3 values (see the notes)</text>") && svg.contains(">(294)</text>"))
    }

    @Test func badFinishingFlagsAreUsageErrors() {
        let parishes = Self.territory.appendingPathComponent("parishes.geojson").path
        let output = CommandTests.temporary("never.svg")
        #expect(Territorio.run(arguments: ["render", parishes, "-o", output, "--breaks", "10,5"]) != 0)
        #expect(Territorio.run(arguments: ["render", parishes, "-o", output, "--breaks", "a,b"]) != 0)
        #expect(Territorio.run(arguments: ["render", parishes, "-o", output, "--palette", "Rainbow"]) != 0)
        #expect(Territorio.run(arguments: ["render", parishes, "-o", output, "--value-label", "novalue"]) != 0)
        #expect(Territorio.run(arguments: ["render", parishes, "-o", output, "--tiles", "https://example.org/tiles"]) != 0)
        #expect(Territorio.run(arguments: ["render", parishes, "-o", output, "--max-classes", "1"]) != 0)
        #expect(Territorio.run(arguments: ["render", parishes, "-o", output, "--point-size", "no_such_field"]) != 0)
        #expect(Territorio.run(arguments: ["render", parishes, "-o", output, "--labels", "name", "--labels", "code"]) != 0)
        #expect(Territorio.run(arguments: ["render", parishes, "-o", CommandTests.temporary("never.html"), "--leaflet", "/nonexistent"]) == 1)
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(!FileManager.default.fileExists(atPath: CommandTests.temporary("never.html")))
    }
}
