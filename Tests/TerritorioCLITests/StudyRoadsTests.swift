import Foundation
import Testing
@testable import TerritorioCLI

/// `route`, `isochrone` and `network info` take the roads (and, for
/// `isochrone`, the territories) from `--study`: the same bytes as the
/// flags they stand for, run from another folder.
@Suite struct StudyRoadsTests {
    static let study = """
        {
          "territories": {"file": "../data/parishes.geojson", "id_field": "code", "population_field": "population"},
          "roads": {"file": "../data/roads.geojson", "speeds": "residential=25"}
        }
        """

    @Test func roadCommandsReadTheStudysRoads() throws {
        let workspace = try StudyFileTests.Workspace("roads")
        defer { workspace.remove() }
        try workspace.write(Self.study, to: "study/study.json")
        // Two plants and two shops of the sample, as the representative commands pick them.
        for (name, stage) in [("plants", "processing"), ("shops", "retail")] {
            let picked = try workspace.run(["convert", "data/sites.geojson", "--where", "stage == '\(stage)' and product == 'cheese'",
                                            "-o", "data/\(name).geojson"])
            #expect(picked.status == 0, "\(picked.standardError)")
        }
        let pairs: [(flags: [String], study: [String], output: String)] = [
            (["route", "--from", "data/plants.geojson", "--to", "data/shops.geojson", "--roads", "data/roads.geojson",
              "--speeds", "residential=25", "--matrix", "flags/matrix.csv"],
             ["route", "--from", "../data/plants.geojson", "--to", "../data/shops.geojson", "--study", "../study/study.json",
              "--matrix", "../viastudy/matrix.csv"], "matrix.csv"),
            (["isochrone", "--sites", "data/plants.geojson", "--roads", "data/roads.geojson", "--speeds", "residential=25",
              "--minutes", "15", "--territories", "data/parishes.geojson", "-o", "flags/isochrones.geojson"],
             ["isochrone", "--sites", "../data/plants.geojson", "--study", "../study/study.json", "--minutes", "15",
              "-o", "../viastudy/isochrones.geojson"], "isochrones.geojson"),
        ]
        for pair in pairs {
            let direct = try workspace.run(pair.flags)
            #expect(direct.status == 0, "\(direct.standardError)")
            let viaStudy = try workspace.run(pair.study, from: "viastudy")
            #expect(viaStudy.status == 0, "\(viaStudy.standardError)")
            #expect(workspace.contents("flags/" + pair.output) != nil)
            #expect(workspace.contents("flags/" + pair.output) == workspace.contents("viastudy/" + pair.output), "\(pair.output)")
        }
        let network = try workspace.run(["network", "info", "--study", "../study/study.json"], from: "viastudy")
        #expect(network.status == 0, "\(network.standardError)")
        #expect(network.standardError.contains("roads.geojson"))
        // No roads in the flags or the study: a usage error naming both ways.
        try workspace.write(#"{"territories": {"file": "../data/parishes.geojson"}}"#, to: "study/noroads.json")
        let missing = try workspace.run(["route", "--from", "data/plants.geojson", "--to", "data/shops.geojson", "--study", "study/noroads.json"])
        #expect(missing.status == 64)
        #expect(missing.standardError.contains("give --roads FILE, or \"roads\" in study/noroads.json"), "\(missing.standardError)")
    }
}
