import Foundation
import Testing
@testable import Geo
@testable import TerritorioCLI

/// Choices Territorio used to make without a word (issue 15, "Silent
/// choices"): each is now an error, a flag, or a count by reason.
@Suite(.serialized) struct SilentChoicesTests {

    static func features(_ path: String) throws -> [[String: Any]] {
        let collection = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        return collection["features"] as! [[String: Any]]
    }

    static func write(_ features: [[String: Any]], _ name: String) throws -> String {
        let path = CommandTests.temporary(name)
        // Keys sorted: a message listing the fields follows the file, so it must not follow the hash seed.
        let data = try JSONSerialization.data(withJSONObject: ["type": "FeatureCollection", "features": features], options: [.sortedKeys])
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    static func point(_ x: Double, _ y: Double, _ properties: [String: Any], id: String? = nil) -> [String: Any] {
        var feature: [String: Any] = ["type": "Feature", "geometry": ["type": "Point", "coordinates": [x, y]], "properties": properties]
        if let id { feature["id"] = id }
        return feature
    }

    static func coordinates(_ feature: [String: Any]) -> (Double, Double) {
        let values = (feature["geometry"] as! [String: Any])["coordinates"] as! [Double]
        return (values[0], values[1])
    }

    func run(_ arguments: [String]) -> (status: Int32, tallies: [FeatureCounts]) { CountsTests.run(arguments) }

    @Test func negativeOptionValuesSayWhatIsWrong() throws {
        let cases: [([String], String)] = [
            (["catchment", "--sites", SampleFiles.sites, "--method", "buffer", "--radius", "-5km", "--territories", SampleFiles.parishes],
             "--radius takes a distance such as 800m or 5km, not '-5km'"),
            (["isochrone", "--sites", SampleFiles.sites, "--roads", SampleFiles.roads, "--minutes", "-5"], "--minutes takes positive numbers"),
            (["distribute", "--sites", SampleFiles.sites, "--territories", SampleFiles.parishes, "--chain", SampleFiles.cheese, "--neighbours", "-3"],
             "--neighbours must be 1 or more, not -3"),
            (["group", "suggest", "--territories", SampleFiles.parishes, "--min-units", "-2"], "--min-units must be 1 or more, not -2"),
        ]
        for (arguments, message) in cases {
            let outcome = try ChildProcess.run(arguments)
            #expect(outcome.status != 0, "\(arguments)")
            #expect(outcome.standardError.contains(message), "\(arguments): \(outcome.standardError)")
            #expect(!outcome.standardError.contains("Missing value"), "\(arguments): \(outcome.standardError)")
        }
        #expect(NegativeValues.attached(["x", "--top", "-1", "--", "--a", "-2"]) == ["x", "--top=-1", "--", "--a", "-2"])
        #expect(NegativeValues.attached(["--bbox", "-68.2,10.2,-67.9,10.4"]) == ["--bbox=-68.2,10.2,-67.9,10.4"])
    }

    @Test func isochroneErrorsNameTheFeatureOfTheFile() throws {
        let road = try Self.features(SampleFiles.roads)[0]
        let start = ((road["geometry"] as! [String: Any])["coordinates"] as! [[Double]])[0]
        let line: [String: Any] = ["type": "Feature", "properties": ["keep": 1],
                                   "geometry": ["type": "LineString", "coordinates": [start, [start[0] + 0.01, start[1]]]]]
        let facilities = try Self.write([Self.point(start[0], start[1], ["keep": 0]), Self.point(start[0], start[1], ["keep": 1]), line],
                                        "isochrone_facilities.geojson")
        let outcome = try ChildProcess.run(["isochrone", "--sites", facilities, "--where", "keep == 1", "--roads", SampleFiles.roads,
                                            "--minutes", "5", "-o", CommandTests.temporary("isochrones.geojson")])
        #expect(outcome.status == 1)
        // The line is the file's feature 2 (the second one --where keeps).
        #expect(outcome.standardError.contains("\(facilities): feature 2: expected a point"), "\(outcome.standardError)")
    }

    @Test func joinAsAPropertyThePointsHaveNeedsOverwrite() throws {
        let output = CommandTests.temporary("joined_as_name.geojson")
        let refused = try ChildProcess.run(["join", "--sites", SampleFiles.sites, "--territories", SampleFiles.parishes, "--as", "name", "-o", output])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("2449 of 2449 points already have a property 'name', which --as name would replace; name another property with --as, or add --overwrite"))
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(run(["join", "--sites", SampleFiles.sites, "--territories", SampleFiles.parishes, "--as", "name", "--overwrite", "-o", output]).status == 0)
    }

    @Test func groupEvaluateRefusesDuplicateTerritoryCodes() throws {
        var units = try Self.features(SampleFiles.parishes)
        var properties = units[1]["properties"] as! [String: Any]
        let first = (units[0]["properties"] as! [String: Any])["code"] as! String
        properties["code"] = first
        units[1]["properties"] = properties
        let territories = try Self.write(units, "parishes_duplicate_code.geojson")
        let outcome = try ChildProcess.run(["group", "evaluate", "--territories", territories, "--id-field", "code", "--grouping", SampleFiles.circuits])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("\(territories): 1 territory code(s) held by more than one territory: \(first) (features 0, 1)"),
                "\(outcome.standardError)")
    }

    @Test func groupSuggestRefusesRoadsItCannotUse() throws {
        let outcome = try ChildProcess.run(["group", "suggest", "--territories", SampleFiles.parishes, "--id-field", "code", "--min-units", "5",
                                            "--objective", "travel", "--roads", "/no/such/roads.geojson", "-o", CommandTests.temporary("never.csv")])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("group suggest does not use --roads"))
        let speeds = try ChildProcess.run(["group", "suggest", "--territories", SampleFiles.parishes, "--min-units", "5", "--speeds", "residential=20"])
        #expect(speeds.status != 0 && speeds.standardError.contains("group suggest does not use --roads"))
    }

    @Test func coverageCountsSitesNoCircuitCanUseAndTheirCapacity() throws {
        // One milk farm far outside the territories, and municipality EM05 left out of the grouping.
        var sites = try Self.features(SampleFiles.sites)
        sites.append(Self.point(-60, 5, ["product": "milk", "stage": "primary", "capacity": 1234.5, "unit": "l/month"], id: "FAR"))
        let sitesPath = try Self.write(sites, "sites_with_far_farm.geojson")
        let rows = try String(contentsOfFile: SampleFiles.circuits, encoding: .utf8).split(separator: "\n").filter { !$0.contains(",C-EM05") }
        let grouping = CommandTests.temporary("grouping_without_em05.csv")
        try (rows.joined(separator: "\n") + "\n").write(toFile: grouping, atomically: true, encoding: .utf8)
        let json = CommandTests.temporary("coverage_left_out.json")
        let (status, tallies) = run(["coverage", "--territories", SampleFiles.parishes, "--id-field", "code", "--grouping", grouping,
                                     "--sites", sitesPath, "--chain", SampleFiles.cheese, "-o", CommandTests.temporary("coverage_left_out.geojson"),
                                     "--json", json])
        #expect(status == 0)
        let siteTally = try #require(tallies.first { $0.subject == sitesPath })
        let reasons = Dictionary(uniqueKeysWithValues: siteTally.rejections.map { ($0.reason, $0.count) })
        #expect(reasons["outside every territory"] == 1)
        // Sites of the cheese chain in EM05's parishes (counted with Python: every site's parish by its code prefix).
        let inEM05 = try #require(reasons["in a territory of no circuit"])
        #expect(inEM05 > 0)
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as! [String: Any]
        let leftOut = try #require(report["sites_left_out"] as? [String: Any])
        let outside = leftOut["outside every territory"] as! [String: Any]
        #expect(outside["sites"] as? Int == 1)
        let capacity = (outside["unused_capacity"] as! [[String: Any]])[0]
        #expect(capacity["product"] as? String == "milk" && capacity["capacity"] as? Double == 1234.5)
        #expect((leftOut["in a territory of no circuit"] as! [String: Any])["sites"] as? Int == inEM05)
    }

    @Test func joinSummarisesAnyPointsByCategory() throws {
        let places = try Self.features(SampleFiles.sites).prefix(3).map(Self.coordinates)
        let priorities = try Self.write([
            Self.point(places[0].0, places[0].1, ["priority": "water", "votes": 10]),
            Self.point(places[0].0, places[0].1, ["priority": "water", "votes": 5]),
            Self.point(places[0].0, places[0].1, ["priority": "roads"]),
            Self.point(places[1].0, places[1].1, ["priority": "water", "votes": 2]),
        ], "priorities.geojson")
        let joined = CommandTests.temporary("priorities_joined.geojson")
        let summary = CommandTests.temporary("priorities_summary.csv")
        #expect(run(["join", "--sites", priorities, "--territories", SampleFiles.parishes, "--id-field", "code", "--summary", summary,
                     "--by", "priority", "--sum", "votes", "-o", joined]).status == 0)
        let codes = try Layer.readGeoJSON(path: joined).features.map { $0.properties["territory_code"]?.text ?? "" }
        var expected = ["territory_code,priority,points,sum_votes"]
        let a = codes[0], b = codes[3]
        expected += a == b ? ["\(a),roads,1,0", "\(a),water,3,17"] : [a < b ? "\(a),roads,1,0" : "\(b),water,1,2",
                                                                      a < b ? "\(a),water,2,15" : "\(a),roads,1,0",
                                                                      a < b ? "\(b),water,1,2" : "\(a),water,2,15"]
        #expect(try String(contentsOfFile: summary, encoding: .utf8) == expected.joined(separator: "\n") + "\n")

        // Plain points with neither --by nor --sum: counted per territory.
        #expect(run(["join", "--sites", priorities, "--territories", SampleFiles.parishes, "--id-field", "code", "--summary", summary, "-o", joined]).status == 0)
        let counts = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(counts.hasPrefix("territory_code,points\n"))
        #expect(counts.contains("\(a),\(a == b ? 4 : 3)\n"))
    }

    @Test func catchmentsAndRoutesCarryTheFacilitiesOwnIds() throws {
        let sample = try Self.features(SampleFiles.sites).prefix(3).enumerated().map { index, feature -> [String: Any] in
            let (x, y) = Self.coordinates(feature)
            return Self.point(x, y, ["name": "F\(index)", "keep": index > 0 ? 1 : 0])
        }
        let facilities = try Self.write(sample, "facilities_without_ids.geojson")
        let output = CommandTests.temporary("catchments_ids.geojson")
        #expect(run(["catchment", "--sites", facilities, "--where", "keep == 1", "--method", "voronoi",
                     "--territories", SampleFiles.parishes, "-o", output]).status == 0)
        let ids = try Layer.readGeoJSON(path: output).features.filter { $0.properties["kind"] == "catchment" }.map { $0.properties["facility_id"] }
        #expect(ids == [.number(1), .number(2)])  // their places in the file, not after --where
        #expect(run(["catchment", "--sites", facilities, "--where", "keep == 1", "--method", "voronoi", "--site-id-field", "name",
                     "--territories", SampleFiles.parishes, "-o", output]).status == 0)
        let named = try Layer.readGeoJSON(path: output).features.filter { $0.properties["kind"] == "catchment" }.map { $0.properties["facility_id"] }
        #expect(named == [.string("F1"), .string("F2")])
        // A property no facility has is an error, not a silent fall back on positions.
        let misspelt = try ChildProcess.run(["catchment", "--sites", facilities, "--method", "voronoi", "--site-id-field", "nmae",
                                             "--territories", SampleFiles.parishes, "-o", output])
        #expect(misspelt.status != 0)
        // The fixture's keys come out of a dictionary in no fixed order.
        #expect(misspelt.standardError.contains("--site-id-field: no field 'nmae' in \(facilities); fields: "), "\(misspelt.standardError)")
        #expect(misspelt.standardError.contains("; did you mean 'name'?"), "\(misspelt.standardError)")
    }

    @Test func distributeLabelsSitesAndTerritoriesByTheirIds() throws {
        let strip = { (features: [[String: Any]]) in features.map { feature -> [String: Any] in
            var copy = feature
            copy["id"] = nil
            return copy
        } }
        let sites = try Self.write(strip(try Self.features(SampleFiles.sites)), "sites_without_feature_ids.geojson")
        let territories = try Self.write(strip(try Self.features(SampleFiles.parishes)), "parishes_without_feature_ids.geojson")
        let output = CommandTests.temporary("routes_ids.geojson")
        let unlabelled = try ChildProcess.run(["distribute", "--sites", sites, "--territories", territories, "--chain", SampleFiles.cheese, "-o", output])
        #expect(unlabelled.status == 0)
        #expect(unlabelled.standardError.contains("have no id, and are labelled # and their position in the file; give --site-id-field and --id-field"))
        #expect(run(["distribute", "--sites", sites, "--territories", territories, "--chain", SampleFiles.cheese,
                     "--site-id-field", "id", "--id-field", "code", "-o", output]).status == 0)
        let lines = try Layer.readGeoJSON(path: output).features
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.properties["from_id"]?.text.hasPrefix("S") == true })
        #expect(lines.allSatisfy { !($0.properties["to_id"]?.text.hasPrefix("#") ?? true) })
        #expect(lines.contains { $0.properties["to_id"]?.text.hasPrefix("EM") == true })
    }

    @Test func everyCommandWithRoadsTakesSpeedsAndTheRoadTypeField() throws {
        // The sample roads retyped: `tipo` instead of `highway`, no maxspeed.
        let retyped = try Self.features(SampleFiles.roads).map { feature -> [String: Any] in
            var copy = feature
            var properties = feature["properties"] as! [String: Any]
            properties["tipo"] = properties.removeValue(forKey: "highway")
            properties["maxspeed"] = nil
            copy["properties"] = properties
            return copy
        }
        let roads = try Self.write(retyped, "roads_tipo.geojson")
        let plain = try ChildProcess.run(["network", "info", roads])
        #expect(plain.status == 0)
        let segments = try #require(plain.standardOutput.split(separator: "\n").first { $0.hasPrefix("segments:") }.map {
            Int($0.split(separator: " ")[1].filter(\.isNumber))! })
        #expect(plain.standardError.contains("\(roads): default speed 30 km/h for \(segments) of \(segments) segments (\(segments) with no highway and no maxspeed)"),
                "\(plain.standardError)")
        let slower = try ChildProcess.run(["network", "info", roads, "--speeds", "default=20"])
        #expect(slower.standardError.contains("\(roads): default speed 20 km/h for \(segments) of \(segments) segments"), "\(slower.standardError)")
        let named = try ChildProcess.run(["network", "info", roads, "--road-type-field", "tipo"])
        #expect(!named.standardError.contains("default speed"), "\(named.standardError)")

        // distribute, catchment --method network and group evaluate take --speeds and --road-type-field.
        let speeds = ["--roads", roads, "--road-type-field", "tipo", "--speeds", "residential=20"]
        #expect(run(["distribute", "--sites", SampleFiles.sites, "--territories", SampleFiles.parishes, "--chain", SampleFiles.cheese,
                     "-o", CommandTests.temporary("routes_speeds.geojson")] + speeds).status == 0)
        #expect(run(["catchment", "--sites", SampleFiles.sites, "--where", "stage == 'retail' and product == 'cheese'", "--method", "network",
                     "--territories", SampleFiles.parishes, "-o", CommandTests.temporary("network_speeds.geojson")] + speeds).status == 0)
        #expect(run(["group", "evaluate", "--territories", SampleFiles.parishes, "--id-field", "code", "--grouping", SampleFiles.circuits] + speeds).status == 0)
    }

    @Test func networkCatchmentsAndDistributeCountWhatIsBeyondTheSnapLimit() throws {
        var sites = try Self.features(SampleFiles.sites)
        sites.append(Self.point(-60, 5, ["id": "FAR", "product": "cheese", "stage": "retail", "capacity": 10, "unit": "t/month"], id: "FAR"))
        let sitesPath = try Self.write(sites, "sites_far_retail.geojson")
        let network = run(["catchment", "--sites", sitesPath, "--where", "stage == 'retail' and product == 'cheese'", "--method", "network",
                           "--roads", SampleFiles.roads, "--territories", SampleFiles.parishes, "-o", CommandTests.temporary("network_far.geojson")])
        #expect(network.status == 0)
        // The sample's 154 cheese retailers all lie within 2 km of its roads (geopandas): only the far one is beyond.
        #expect(network.tallies.map(\.line) == ["\(sitesPath): 2450 features in, 154 out, 2296 rejected (2295 not selected by --where, 1 beyond --max-snap of the roads)",
                                                "\(SampleFiles.parishes): 150 territories in, 150 out, 0 rejected"])
        let wider = run(["catchment", "--sites", sitesPath, "--where", "stage == 'retail' and product == 'cheese'", "--method", "network",
                         "--roads", SampleFiles.roads, "--max-snap", "1000km", "--territories", SampleFiles.parishes, "-o", CommandTests.temporary("network_far.geojson")])
        #expect(wider.tallies.map(\.line) == ["\(sitesPath): 2450 features in, 155 out, 2295 rejected (2295 not selected by --where)",
                                              "\(SampleFiles.parishes): 150 territories in, 150 out, 0 rejected"])
        let distributed = run(["distribute", "--sites", sitesPath, "--territories", SampleFiles.parishes, "--chain", SampleFiles.cheese,
                               "--roads", SampleFiles.roads, "-o", CommandTests.temporary("routes_far.geojson")])
        #expect(distributed.status == 0)
        #expect(distributed.tallies.first?.rejections.contains { $0.reason == "beyond --max-snap of the roads" && $0.count >= 1 } == true,
                "\(distributed.tallies.map(\.line))")
    }

    @Test func groupSuggestAppliesTheFloorToEveryChainAndReportsWhatItDid() throws {
        let json = CommandTests.temporary("suggest_two_chains.json")
        let csv = CommandTests.temporary("suggest_two_chains.csv")
        let outcome = try ChildProcess.run(["group", "suggest", "--territories", SampleFiles.parishes, "--id-field", "code",
                                            "--sites", SampleFiles.sites, "--chain", SampleFiles.cheese, "--chain", SampleFiles.maize,
                                            "--min-self-sufficiency", "0.1", "-o", csv, "--json", json])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as! [String: Any]
        let circuits = report["circuits"] as! [[String: Any]]
        #expect(!circuits.isEmpty)
        for circuit in circuits {
            let shares = try #require(circuit["self_sufficiency"] as? [String: Any])
            #expect(shares.count == 2, "\(circuit)")
            // Every chain meets the floor, not only the first.
            // (With the cheese floor alone, 8 of 11 circuits had no maize flour at all.)
            for (product, value) in shares { #expect((value as? Double ?? 0) >= 0.1, "\(circuit["circuit_id"]!): \(product) \(value)") }
            // The report judges contiguity as the suggestion grew the circuits.
            #expect(circuit["contiguous"] as? Bool == true, "\(circuit)")
        }
    }

    @Test func groupSuggestSaysWhichIslandsItJoinedAndItsReportAgrees() throws {
        // A square island 0.2 degrees east of the sample, touching no parish.
        var units = try Self.features(SampleFiles.parishes)
        let envelope = try Layer.readGeoJSON(path: SampleFiles.parishes).features.compactMap { $0.geometry?.envelope }
        let east = envelope.map(\.maxX).max()! + 0.2, north = envelope.map(\.maxY).max()!
        units.append(["type": "Feature", "id": "ISLA", "properties": ["code": "ISLA", "population": 1000],
                      "geometry": ["type": "Polygon", "coordinates": [[[east, north], [east + 0.05, north], [east + 0.05, north - 0.05], [east, north - 0.05], [east, north]]]]])
        let territories = try Self.write(units, "parishes_with_island.geojson")
        let json = CommandTests.temporary("suggest_island.json")
        let outcome = try ChildProcess.run(["group", "suggest", "--territories", territories, "--id-field", "code", "--min-units", "10",
                                            "-o", CommandTests.temporary("suggest_island.csv"), "--json", json])
        #expect(outcome.status == 0)
        #expect(outcome.standardError.contains("territories touch no other and were joined to the nearest (--islands join-nearest): ISLA (joined to "),
                "\(outcome.standardError)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as! [String: Any]
        let circuits = report["circuits"] as! [[String: Any]]
        let island = try #require(circuits.first { (($0["components"] as! [[String]]).flatMap { $0 }).contains("ISLA") })
        #expect(island["contiguous"] as? Bool == true, "\(island)")
        #expect((report["joined_islands"] as? [[String: Any]])?.first?["territory_code"] as? String == "ISLA")
        // Without chains there is no self-sufficiency to report, rather than an empty one.
        #expect(island["self_sufficiency"] == nil)
    }

    @Test func groupCompareShowsSelfSufficiencyWithChains() throws {
        let report = CommandTests.temporary("compare_self_sufficiency.md")
        let alternative = SampleFiles.data + "/groupings/circuits_alternative.csv"
        #expect(run(["group", "compare", SampleFiles.circuits, alternative, "--territories", SampleFiles.parishes, "--id-field", "code",
                     "--sites", SampleFiles.sites, "--chain", SampleFiles.cheese, "-o", CommandTests.temporary("compare.geojson"), "--report", report]).status == 0)
        let text = try String(contentsOfFile: report, encoding: .utf8)
        #expect(text.contains("| cheese: self-sufficient circuits (lowest) |"), "\(text)")
    }
}

/// `distribute --roads` on Duitama's 886 places: memory grows as sites +
/// nodes, not sites x nodes (649 MB before, against 66 MB without roads).
@Suite(.enabled(if: SharedGeodata.isPresent, "../shared/geodata is absent: Duitama distribution memory skipped"))
struct DistributeRoadsMemoryTests {
    @Test func distributeAlongTheRoadsKeepsOneSearchPerWorker() throws {
        let places = try SilentChoicesTests.features(CountsOfAnalysesTests.duitamaPlaces)
        // Every place a farm, a cheese plant or a shop in turn; nine square territories over them.
        let roles: [[String: Any]] = [["product": "milk", "stage": "primary", "capacity": 5000, "unit": "l/month"],
                                      ["product": "cheese", "stage": "processing", "capacity": 2, "unit": "t/month"],
                                      ["product": "cheese", "stage": "retail", "capacity": 5, "unit": "t/month"]]
        let points = places.enumerated().map { index, place in
            let (x, y) = SilentChoicesTests.coordinates(place)
            return SilentChoicesTests.point(x, y, roles[index % 3], id: "P\(index)")
        }
        let sites = try SilentChoicesTests.write(points, "duitama_sites.geojson")
        let xs = places.map { SilentChoicesTests.coordinates($0).0 }, ys = places.map { SilentChoicesTests.coordinates($0).1 }
        let (x0, x1, y0, y1) = (xs.min()! - 1e-6, xs.max()! + 1e-6, ys.min()! - 1e-6, ys.max()! + 1e-6)
        var squares: [[String: Any]] = []
        for i in 0..<3 { for j in 0..<3 {
            let a = x0 + (x1 - x0) * Double(i) / 3, b = x0 + (x1 - x0) * Double(i + 1) / 3
            let c = y0 + (y1 - y0) * Double(j) / 3, d = y0 + (y1 - y0) * Double(j + 1) / 3
            squares.append(["type": "Feature", "id": "T\(i)\(j)", "properties": ["population": 20000],
                            "geometry": ["type": "Polygon", "coordinates": [[[a, c], [b, c], [b, d], [a, d], [a, c]]]]])
        } }
        let territories = try SilentChoicesTests.write(squares, "duitama_squares.geojson")
        let arguments = ["distribute", "--sites", sites, "--territories", territories, "--chain", SampleFiles.cheese,
                         "-o", CommandTests.temporary("duitama_routes.geojson")]
        let straight = try ChildProcess.run(arguments)
        let roads = try ChildProcess.run(arguments + ["--roads", CountsOfAnalysesTests.duitamaRoads])
        #expect(straight.status == 0 && roads.status == 0, "\(roads.standardError)")
        print("peak memory, distribute on Duitama: \(Int(straight.peakMegabytes)) MB straight, \(Int(roads.peakMegabytes)) MB along the roads")
        // The graph (33,282 nodes) and one search per worker: tens of megabytes, not 600.
        #expect(roads.peakMegabytes < straight.peakMegabytes + 60)
    }
}
