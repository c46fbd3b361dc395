import Foundation
import Testing
@testable import Geo
@testable import GeoFormats
@testable import TerritorioCLI

/// Names only GDAL opens, taken as they are (`/vsizip/`, `/vsigzip/`,
/// `/vsistdin/`, `GPKG:file:layer`), and GeoPackage layers written into a
/// file that keeps its others.
@Suite(.serialized) struct GDALPathTests {
    static let sample = CommandTests.repository.appendingPathComponent("geodata/territory").path
    static let parishes = sample + "/parishes.geojson"
    static let sites = sample + "/sites.geojson"

    /// A fresh folder of its own for each test.
    static func folder(_ name: String) throws -> String {
        let folder = CommandTests.temporary("gdal-paths-\(name)")
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    static func layers(_ path: String) throws -> [String] {
        try GDALReader.layerNames(path: path)
    }

    @Test func zipAndGzipAreReadInPlace() throws {
        let folder = try Self.folder("vsi")
        let shp = folder + "/parishes.shp"
        #expect(Territorio.run(arguments: ["convert", Self.parishes, "-o", shp]) == 0)
        let zipped = try OutputPathTests.shell("zip -q parishes.shp.zip parishes.shp parishes.shx parishes.dbf parishes.prj parishes.cpg && cp \(Self.sites) sites.geojson && gzip -k sites.geojson", in: folder)
        #expect(zipped.status == 0, "\(zipped.standardError)")

        let fromZip = try LayerSource.read("/vsizip/\(folder)/parishes.shp.zip/parishes.shp")
        #expect(fromZip.layer.count == 150)
        #expect(fromZip.layer.features.reduce(0) { $0 + ($1.properties["population"]?.doubleValue ?? 0) } == 2_224_979)
        let fromGzip = try LayerSource.read("/vsigzip/\(folder)/sites.geojson.gz")
        #expect(fromGzip.layer.count == 2449)
        // A command reads them too, and a name not in the archive says so.
        #expect(Territorio.run(arguments: ["info", "/vsizip/\(folder)/parishes.shp.zip/parishes.shp"]) == 0)
        let missing = try ChildProcess.start(["info", "/vsizip/\(folder)/parishes.shp.zip/roads.shp"]).wait()
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("roads.shp: no such file"), "\(missing.standardError)")
        // The file behind a virtual path is what the rule "no output over an
        // input" protects (a .zip is not written, so no command can clash on it).
        #expect(GDALName.localFile(of: "/vsizip/\(folder)/parishes.shp.zip/parishes.shp") == folder + "/parishes.shp.zip")
        #expect(GDALName.localFile(of: "/vsigzip/\(folder)/sites.geojson.gz") == folder + "/sites.geojson.gz")
        #expect(GDALName.localFile(of: "/vsistdin/") == nil)
    }

    @Test func standardInputThroughGDAL() throws {
        let folder = try Self.folder("stdin")
        let result = try OutputPathTests.shell("$T info /vsistdin/ < \(Self.parishes)", in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("features: 150"), "\(result.standardOutput)")
    }

    @Test func aGeoPackageKeepsItsOtherLayers() throws {
        let folder = try Self.folder("gpkg")
        let gpkg = folder + "/registry.gpkg"
        #expect(Territorio.run(arguments: ["convert", Self.parishes, "-o", gpkg, "--layer-name", "parishes"]) == 0)
        #expect(Territorio.run(arguments: ["convert", Self.sites, "-o", gpkg, "--layer-name", "sites"]) == 0)
        #expect(Territorio.run(arguments: ["convert", Self.parishes, "--where", "population > 20000", "-o", "GPKG:\(gpkg):large"]) == 0)
        #expect(try Self.layers(gpkg) == ["parishes", "sites", "large"])
        // GPKG:file:layer reads one of them; so do FILE:LAYER and --layer.
        #expect(try LayerSource.read("GPKG:\(gpkg):sites").layer.count == 2449)
        #expect(try LayerSource.read("\(gpkg):parishes").layer.count == 150)
        #expect(try LayerSource.read(gpkg, options: .init(layer: "sites")).layer.count == 2449)
        let large = try LayerSource.read("GPKG:\(gpkg):large").layer
        let expected = try Layer.readGeoJSON(path: Self.parishes).features.filter { ($0.properties["population"]?.doubleValue ?? 0) > 20000 }
        #expect(large.count == expected.count && large.count > 0)

        // Replacing a layer keeps the others; --append adds to it.
        #expect(Territorio.run(arguments: ["convert", Self.parishes, "-o", gpkg, "--layer-name", "large"]) == 0)
        #expect(try Self.layers(gpkg) == ["parishes", "sites", "large"])
        #expect(try LayerSource.read("GPKG:\(gpkg):large").layer.count == 150)
        #expect(Territorio.run(arguments: ["convert", Self.parishes, "-o", "GPKG:\(gpkg):parishes", "--append"]) == 0)
        #expect(try LayerSource.read("GPKG:\(gpkg):parishes").layer.count == 300)
        #expect(try LayerSource.read("GPKG:\(gpkg):sites").layer.count == 2449)

        // A failed append (sites have fields parishes lack) leaves the file as it was.
        let before = try Data(contentsOf: URL(fileURLWithPath: gpkg))
        #expect(Territorio.run(arguments: ["convert", Self.sites, "-o", gpkg, "--layer-name", "parishes", "--append"]) == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: gpkg)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }.isEmpty)
        // A layer of the GeoPackage cannot be written into the same file it is read from.
        #expect(Territorio.run(arguments: ["convert", "GPKG:\(gpkg):sites", "-o", "GPKG:\(gpkg):copy"]) != 0)
    }

    @Test func appendAndLayerNameAreRefusedWhereTheyMeanNothing() throws {
        let folder = try Self.folder("refused")
        for arguments in [["-o", folder + "/a.geojson", "--append"], ["-o", folder + "/a.fgb", "--append"],
                          ["-o", folder + "/a.geojson", "--layer-name", "x"], ["-o", "/vsizip/\(folder)/a.zip/a.shp"],
                          ["-o", "GPKG:\(folder)/a.gpkg:x", "--layer-name", "y"]] {
            let result = try ChildProcess.start(["convert", Self.parishes] + arguments).wait()
            #expect(result.status != 0, "\(arguments)")
            #expect(!FileManager.default.fileExists(atPath: folder + "/a.geojson") && !FileManager.default.fileExists(atPath: folder + "/a.fgb"))
        }
        // A file that is not a GeoPackage at all is replaced whole, as any
        // format's is; an SQLite file GDAL cannot open as one is an error, kept.
        let notGeoPackage = folder + "/notes.gpkg"
        try "notes".write(toFile: notGeoPackage, atomically: true, encoding: .utf8)
        #expect(Territorio.run(arguments: ["convert", Self.parishes, "-o", notGeoPackage]) == 0)
        #expect(try Self.layers(notGeoPackage) == ["notes"])
        let broken = folder + "/broken.gpkg"
        let bytes = Data("SQLite format 3\u{0}".utf8) + Data(repeating: 0xAB, count: 200)
        try bytes.write(to: URL(fileURLWithPath: broken))
        #expect(Territorio.run(arguments: ["convert", Self.parishes, "-o", broken]) == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: broken)) == bytes)
    }
}
