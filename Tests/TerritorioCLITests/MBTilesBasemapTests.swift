import Foundation
import Geo
import TestSupport
import Testing
@testable import Maps
@testable import TerritorioCLI

/// `render --tiles FILE.mbtiles`: the basemap's tiles around the layers
/// go into the page as data URLs, so it still works offline. The MBTiles
/// is made here by GDAL from a 64 x 64 raster over the sample territory
/// (-69..-67, 9..11): `gdal_translate -of MBTILES` writes zoom 5, and
/// `gdaladdo 2 4` zoom 4; two tiles at each, 4 in all.
@Suite struct MBTilesBasemapTests {
    static let parishes = CommandTests.repository.appendingPathComponent("geodata/territory/parishes.geojson").path

    /// Runs a GDAL tool; false when it is not installed.
    static func gdal(_ tool: String, _ arguments: [String]) throws -> Bool {
        guard let path = ["/usr/bin", "/usr/local/bin"].map({ "\($0)/\(tool)" }).first(where: FileManager.default.isExecutableFile) else {
            return false
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    static func tinyMBTiles(_ name: String) throws -> String? {
        let raster = CommandTests.temporary(name + ".tif"), tiles = CommandTests.temporary(name + ".mbtiles")
        try? FileManager.default.removeItem(atPath: tiles)
        guard try gdal("gdal_create", ["-q", "-of", "GTiff", "-outsize", "64", "64", "-bands", "3", "-ot", "Byte",
                                       "-burn", "200", "-burn", "230", "-burn", "180",
                                       "-a_srs", "EPSG:4326", "-a_ullr", "-69", "11", "-67", "9", raster]),
              try gdal("gdal_translate", ["-q", "-of", "MBTILES", raster, tiles]),
              try gdal("gdaladdo", ["-q", tiles, "2", "4"]) else { return nil }
        return tiles
    }

    /// Worked by hand for the parishes' extent (-68.53..-67.47, 9.56..10.38)
    /// at zoom 5: columns floor((lon + 180) / 360 * 32) = 9 and 10; rows
    /// from the north 15 and 15; one tile of margin, and rows turned to
    /// TMS (31 - row): columns 8...11, rows 15...17.
    @Test func theTilesAroundTheLayers() {
        let extent = Envelope(minX: -68.526624, minY: 9.555671, maxX: -67.470411, maxY: 10.375539)
        let range = MBTilesBasemap.tileRange(of: extent, zoom: 5)
        #expect(range?.columns == 8...11)
        #expect(range?.rows == 15...17)
        #expect(MBTilesBasemap.tileRange(of: extent, zoom: 0)?.columns == 0...0)
    }

    @Test func theTilesAreInlinedWithinALimit() throws {
        guard let file = try Self.tinyMBTiles("tiny_basemap") else { return }
        let extent = Envelope(minX: -68.526624, minY: 9.555671, maxX: -67.470411, maxY: 10.375539)
        let basemap = try MBTilesBasemap(file: file, covering: extent)
        #expect(basemap.minZoom == 4 && basemap.maxZoom == 5)
        #expect(basemap.tiles.count == 4)
        #expect(basemap.tiles.values.allSatisfy { $0.hasPrefix("data:image/png;base64,iVBORw0KGgo") })
        // Rows from the north, as Leaflet asks: zoom 5's row 15 (TMS 16).
        #expect(Set(basemap.tiles.keys) == ["4/4/7", "4/5/7", "5/9/15", "5/10/15"])
        // Far from the tiles: nothing covers the layers, an error says so.
        #expect(throws: MapError.self) { try MBTilesBasemap(file: file, covering: Envelope(minX: 10, minY: 40, maxX: 11, maxY: 41)) }
        // Over the limit: refused, saying how to cut the file.
        do {
            _ = try MBTilesBasemap(file: file, covering: extent, byteLimit: 1000)
            Issue.record("1,711 bytes of tiles passed a limit of 1,000")
        } catch {
            let message = String(describing: error)
            #expect(message.contains("take more than 0.0 MB") && message.contains("gdal_translate -of MBTILES -projwin"), "\(message)")
        }
        #expect(throws: MapError.self) { try MBTilesBasemap(file: CommandTests.temporary("none.mbtiles"), covering: extent) }
    }

    /// The page with an MBTiles basemap in real headless Chromium: the
    /// tile layer draws its inlined PNG tiles, the layers are all there,
    /// and the console has no errors (no fetch of a missing tile).
    @Test(.enabled(if: WebMapBrowserTests.missing == nil, Comment(rawValue: WebMapBrowserTests.missing ?? "")))
    func theBasemapDrawsInARealBrowser() throws {
        guard let file = try Self.tinyMBTiles("browser_basemap") else { return }
        let output = CommandTests.temporary("basemap.html")
        let status = Territorio.run(arguments: ["render", Self.parishes, "--color-by", "population", "--tiles", file, "-o", output])
        #expect(status == 0)
        let page = try String(contentsOfFile: output, encoding: .utf8)
        #expect(page.components(separatedBy: "data:image/png;base64,").count - 1 == 4)
        // No URL template: the tile layer reads the page's own tiles.
        #expect(page.contains("\"tiles\":null,\"mbtiles\":{\"minZoom\":4,\"maxZoom\":5,"))

        let outcome = try #require(try TestPython.run(script: TestPython.script("web_map_check.py"), arguments: [output, "san juan de"]))
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let tiles = try #require(result["tiles"] as? [String: Int])
        #expect((tiles["loaded"] ?? 0) >= 1, "\(tiles)")
        print("MBTiles basemap in Chromium: \(tiles)")
        #expect((tiles["count"] ?? 0) == (tiles["loaded"] ?? 0) + (tiles["blank"] ?? 0))
        let drawn = try #require(result["layers"] as? [[String: Any]])
        #expect(drawn.map { $0["drawn"] as? Int } == [150])
        #expect((result["console"] as? [String]) == [])
    }

    @Test func aMissingMBTilesIsAClearError() throws {
        let outcome = try ChildProcess.run(["render", Self.parishes, "--tiles", "/nonexistent/base.mbtiles", "-o", CommandTests.temporary("nobase.html")])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("--tiles /nonexistent/base.mbtiles: no such file"))
    }
}
