import Foundation
import Testing
@testable import TerritorioCLI

/// Nothing lost, continued: the analyses, groupings, checks, rankings,
/// routes and maps, on real boundaries and roads. Where real data has no
/// producers, the sample's sites (placed in Carabobo and Yaracuy) stand in
/// on the real municipalities. Counts asserted here were counted again
/// with Python and GeoPandas.
@Suite(.enabled(if: SharedGeodata.isPresent, "../shared/geodata is absent: counts on real data skipped"))
struct CountsOfAnalysesTests {
    static let municipalities = CountsTests.municipalities
    static let trunkRoads = CountsTests.venezuela + "/ve_vias_troncales_sigot.geojson"
    static let bolivia = SharedGeodata.folder + "/bolivia"
    static let duitamaRoads = SharedGeodata.folder + "/colombia/co_duitama_vias_osm.geojson"
    static let duitamaPlaces = SharedGeodata.folder + "/colombia/co_duitama_pois_osm.geojson"
    static let sample = CommandTests.repository.appendingPathComponent("geodata/territory").path

    /// The 335 municipalities grouped into circuits by their state
    /// (`wof_id,parent_wof_id`; the HASC codes repeat), leaving out the
    /// states named.
    static func groupingByState(leavingOut leftOut: Set<String> = [], name: String) throws -> String {
        let collection = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: municipalities))) as! [String: Any]
        var csv = "territory_code,circuit_id\n"
        for feature in collection["features"] as! [[String: Any]] {
            let properties = feature["properties"] as! [String: Any]
            guard !leftOut.contains(properties["parent_name"] as! String) else { continue }
            csv += "\(properties["wof_id"]!),\(properties["parent_wof_id"]!)\n"
        }
        let path = CommandTests.temporary(name)
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func run(_ arguments: [String]) -> (status: Int32, tallies: [FeatureCounts]) { CountsTests.run(arguments) }

    @Test func groupingsCountTheMunicipalitiesInNoCircuit() throws {
        let byState = try Self.groupingByState(name: "by_state.csv")
        let withoutZulia = try Self.groupingByState(leavingOut: ["Zulia"], name: "by_state_without_zulia.csv")
        // 132 municipalities have no population: counted as 0 people, and said so.
        let territories = ["--territories", Self.municipalities, "--id-field", "wof_id", "--missing-population", "zero"]

        let evaluated = run(["group", "evaluate"] + territories + ["--grouping", byState])
        #expect(evaluated.status == 0)
        #expect(evaluated.tallies.map(\.line) == ["\(byState): 335 territories in, 335 out, 0 rejected; 132 population missing, taken as 0"])

        let compared = run(["group", "compare", byState, withoutZulia] + territories + ["-o", CommandTests.temporary("compared.geojson")])
        #expect(compared.status == 0)
        // Zulia has 21 municipalities.
        #expect(compared.tallies.map(\.line) == [
            "\(byState): 335 territories in, 335 out, 0 rejected; 132 population missing, taken as 0",
            "\(withoutZulia): 335 territories in, 314 out, 21 rejected (21 in no circuit); 132 population missing, taken as 0",
        ])

        let suggested = run(["group", "suggest"] + territories + ["--min-population", "500000", "-o", CommandTests.temporary("suggested.csv")])
        #expect(suggested.status == 0)
        let tally = try #require(suggested.tallies.first)
        #expect(tally.input == 335)
        #expect(tally.rejections.allSatisfy { $0.reason == "in no circuit meeting the floor" })
    }

    @Test func coverageAndDistributionCountSitesOfNoChain() throws {
        let grouping = try Self.groupingByState(leavingOut: ["Zulia"], name: "circuits.csv")
        let sites = Self.sample + "/sites.geojson"
        let covered = run(["coverage", "--territories", Self.municipalities, "--id-field", "wof_id", "--grouping", grouping,
                           "--sites", sites, "--chain", Self.sample + "/chains/cheese.json", "--chain", Self.sample + "/chains/coffee.json",
                           "--missing-population", "zero", "-o", CommandTests.temporary("coverage.geojson")])
        #expect(covered.status == 0)
        // 684 cheese and 598 coffee sites of 2,449 (counted with geopandas).
        #expect(covered.tallies.map(\.line) == [
            "\(Self.municipalities): 335 territories in, 314 out, 21 rejected (21 in no circuit); 132 population missing, taken as 0",
            "\(sites): 2449 sites in, 1282 out, 1167 rejected (1167 of no chain given)",
        ])

        // Over the real trunk roads, which are not noded.
        let distributed = run(["distribute", "--sites", sites, "--territories", Self.municipalities, "--chain", Self.sample + "/chains/cheese.json",
                               "--roads", Self.trunkRoads, "--missing-population", "zero", "-o", CommandTests.temporary("distribution.geojson")])
        #expect(distributed.status == 0)
        // 113 of the 684 cheese sites lie within --max-snap (2 km) of some
        // trunk road (as geopandas finds too), each on the road nearest it;
        // 2 of them are on pieces of road where none of their buyers is.
        #expect(distributed.tallies.map(\.line) == [
            "\(sites): 2449 sites in, 111 out, 2338 rejected (1765 not of this chain's products and stages, 571 beyond --max-snap of the roads, 2 on a road component with none of their buyers)",
            "\(Self.municipalities): 335 territories in, 335 out, 0 rejected; 132 population missing, taken as 0",
        ])
    }

    @Test func theHierarchyCheckCountsEachLevel() throws {
        let provinces = Self.bolivia + "/bo_provincias_derivadas_adm2.geojson"
        let municipalities = Self.bolivia + "/bo_municipios_geoboundaries_adm3_con_pcodes.geojson"
        let spec = CommandTests.temporary("bolivia_hierarchy.json")
        try """
            {"levels": [
              {"name": "department", "file": "\(provinces)", "dissolve": true, "id": "ADM1_PCODE"},
              {"name": "province", "file": "\(provinces)", "id": "ADM2_PCODE", "parent": "ADM1_PCODE"},
              {"name": "municipality", "file": "\(municipalities)", "id": "ADM3_PCODE", "parent": "ADM2_PCODE"}
            ]}
            """.write(toFile: spec, atomically: true, encoding: .utf8)
        let (status, tallies) = run(["hierarchy", "check", spec])
        #expect(status == 0)
        #expect(tallies.contains { $0.subject == provinces && $0.input == 112 && $0.output == 112 })
        #expect(tallies.contains { $0.subject == municipalities && $0.input == 339 && $0.output == 339 })
    }

    @Test func rankCountsRowsOfTerritoriesNotInTheLayer() throws {
        // Two products in each of Bolivia's nine departments, and one row
        // for a code that is no department.
        var csv = "ADM1_PCODE,product,demand,price\n"
        for department in 1...9 {
            csv += "BO0\(department),cheese,\(department * 10),1.\(department)\n"
            csv += "BO0\(department),coffee,\(100 - department),2.\(department)\n"
        }
        csv += "BO10,cheese,50,1.5\n"
        let indicators = CommandTests.temporary("departments.csv")
        let weights = CommandTests.temporary("weights.json")
        try csv.write(toFile: indicators, atomically: true, encoding: .utf8)
        try #"{"demand": 0.7, "price": {"weight": 0.3, "better": "lower"}}"#.write(toFile: weights, atomically: true, encoding: .utf8)
        let (status, tallies) = run(["rank", "--indicators", indicators, "--weights", weights, "--by", "ADM1_PCODE",
                                     "--territories", Self.bolivia + "/bo_departamentos_hdx_adm1.shp", "--id-field", "ADM1_PCODE",
                                     "-o", CommandTests.temporary("ranked.geojson")])
        #expect(status == 0)
        #expect(tallies.map(\.line) == ["\(indicators): 19 rows in, 18 out, 1 rejected (1 territory not in the layer)"])
    }

    @Test func routesAndIsochronesCountPlacesOffTheRoads() throws {
        let two = CommandTests.temporary("two_places.geojson")
        #expect(run(["convert", Self.duitamaPlaces, "--where", "osm_id in ['326769789', '329439431']", "-o", two]).status == 0)
        let routed = run(["route", "--from", two, "--to", Self.duitamaPlaces, "--roads", Self.duitamaRoads,
                          "--max-snap", "100m", "-o", CommandTests.temporary("routes.geojson")])
        #expect(routed.status == 0)
        // 20 of Duitama's 886 places lie more than 100 m from every road.
        #expect(routed.tallies.map(\.line) == [
            "\(two): 2 points in, 2 out, 0 rejected",
            "\(Self.duitamaPlaces): 886 points in, 866 out, 20 rejected (20 beyond --max-snap of the roads)",
        ])

        let reached = run(["isochrone", "--sites", Self.duitamaPlaces, "--where", "osm_id in ['326769789', '329439431', '326266528']",
                           "--roads", Self.duitamaRoads, "--minutes", "5,10", "-o", CommandTests.temporary("isochrones.geojson")])
        #expect(reached.status == 0)
        #expect(reached.tallies.map(\.line) == ["\(Self.duitamaPlaces): 886 facilities in, 3 out, 883 rejected (883 not selected by --where)"])
    }

    @Test func renderCountsWhatItDraws() throws {
        let (status, tallies) = run(["render", CountsTests.parishes, Self.trunkRoads, "-o", CommandTests.temporary("venezuela.svg")])
        #expect(status == 0)
        #expect(tallies.map(\.line) == [
            "\(CountsTests.parishes): 1127 features in, 1127 out, 0 rejected",
            "\(Self.trunkRoads): 150 features in, 150 out, 0 rejected",
        ])
    }
}
