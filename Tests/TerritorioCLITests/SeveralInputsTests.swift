import Foundation
import Testing
@testable import TerritorioCLI

/// `route` and `site` read several point tables; their input options
/// (`--x`, `--y`, `--id-column`, `--rejects`, ...) apply to each, as
/// ogr2ogr's open options apply to its input. The sample's cheese plants
/// and shops as semicolon CSVs with Spanish column names give the same
/// matrix and the same chosen sites as the GeoJSON files they came from.
@Suite struct SeveralInputsTests {
    /// Writes `geojson`'s points as `ident;longitud;latitud;capacidad`, with
    /// every coordinate as Swift prints a Double (it reads back the same).
    static func csv(from geojson: String, to path: String, extra: [String] = []) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: geojson))
        let collection = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        var lines = ["ident;longitud;latitud;capacidad"]
        for feature in collection["features"] as! [[String: Any]] {
            let geometry = feature["geometry"] as! [String: Any]
            let coordinates = geometry["coordinates"] as! [Double]
            let properties = feature["properties"] as! [String: Any]
            lines.append("\(feature["id"]!);\(coordinates[0]);\(coordinates[1]);\(properties["capacity"]!)")
        }
        try (lines + extra).joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func routeAndSiteReadEveryTableWithTheSameOptions() throws {
        let workspace = try StudyFileTests.Workspace("several-inputs")
        defer { if ProcessInfo.processInfo.environment["KEEP"] == nil { workspace.remove() } }
        for (name, stage) in [("plants", "processing"), ("shops", "retail")] {
            let picked = try workspace.run(["convert", "data/sites.geojson", "--where", "stage == '\(stage)' and product == 'cheese'",
                                            "-o", "data/\(name).geojson"])
            #expect(picked.status == 0, "\(picked.standardError)")
        }
        try Self.csv(from: workspace.root.appendingPathComponent("data/plants.geojson").path, to: workspace.root.appendingPathComponent("data/plants.csv").path)
        // One row of the shops has no longitude: set aside, with its table named, not dropped silently.
        try Self.csv(from: workspace.root.appendingPathComponent("data/shops.geojson").path, to: workspace.root.appendingPathComponent("data/shops.csv").path, extra: ["X1;;10.1;5"])
        let csvOptions = ["--x", "longitud", "--y", "latitud", "--id-column", "ident"]

        let fromGeoJSON = try workspace.run(["route", "--from", "data/plants.geojson", "--to", "data/shops.geojson",
                                             "--roads", "data/roads.geojson", "--matrix", "flags/geojson.csv"])
        #expect(fromGeoJSON.status == 0, "\(fromGeoJSON.standardError)")
        let fromCSV = try workspace.run(["route", "--from", "data/plants.csv", "--to", "data/shops.csv", "--roads", "data/roads.geojson",
                                         "--matrix", "flags/csv.csv", "--rejects", "flags/rejects.csv"] + csvOptions)
        #expect(fromCSV.status == 0, "\(fromCSV.standardError)")
        #expect(workspace.contents("flags/geojson.csv") != nil)
        #expect(workspace.contents("flags/geojson.csv") == workspace.contents("flags/csv.csv"))
        let rejects = String(decoding: workspace.contents("flags/rejects.csv") ?? Data(), as: UTF8.self)
        #expect(rejects.hasPrefix("line,reason,fields\n"), "\(rejects)")
        #expect(rejects.split(separator: "\n").count == 2, "\(rejects)")
        #expect(rejects.contains("data/shops.csv: "), "\(rejects)")

        let siteGeoJSON = try workspace.run(["site", "--demand", "data/shops.geojson", "--candidates", "data/plants.geojson", "--p", "2",
                                             "--json", "flags/site_geojson.json"])
        #expect(siteGeoJSON.status == 0, "\(siteGeoJSON.standardError)")
        let siteCSV = try workspace.run(["site", "--demand", "data/shops.csv", "--candidates", "data/plants.csv", "--p", "2",
                                         "--json", "flags/site_csv.json", "--rejects", "flags/site_rejects.csv"] + csvOptions)
        #expect(siteCSV.status == 0, "\(siteCSV.standardError)")
        // The same figures; only the tallies' file names differ.
        let siteFromGeoJSON = String(decoding: workspace.contents("flags/site_geojson.json") ?? Data(), as: UTF8.self)
        let siteFromCSV = String(decoding: workspace.contents("flags/site_csv.json") ?? Data(), as: UTF8.self)
            .replacingOccurrences(of: "data/shops.csv", with: "data/shops.geojson").replacingOccurrences(of: "data/plants.csv", with: "data/plants.geojson")
        #expect(siteFromGeoJSON.contains(#""chosen":["S0474","S0479"]"#), "\(siteFromGeoJSON.prefix(300))")
        #expect(siteFromGeoJSON == siteFromCSV)
    }

    /// In one process (the tests, a library user), a run's --rejects file
    /// holds that run's rows only, never an earlier run's.
    @Test func aRunsRejectsAreItsOwnInTheSameProcess() throws {
        let first = CommandTests.temporary("rejects_first.csv"), second = CommandTests.temporary("rejects_second.csv")
        try "id,lon,lat\nA,-68.0,10.1\nB,,10.2\n".write(toFile: first, atomically: true, encoding: .utf8)
        try "id,lon,lat\nC,-68.0,10.1\nD,x,10.2\n".write(toFile: second, atomically: true, encoding: .utf8)
        let rejects = CommandTests.temporary("rejects_runs.csv")
        for input in [first, second] {
            #expect(Territorio.run(arguments: ["convert", input, "--rejects", rejects, "-o", CommandTests.temporary("rejects_runs.geojson")]) == 0)
        }
        let rows = try String(contentsOfFile: rejects, encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 2, "\(rows)")
        #expect(rows.last?.hasPrefix("3,") == true && rows.last?.contains("D|x|10.2") == true, "\(rows)")
    }
}
