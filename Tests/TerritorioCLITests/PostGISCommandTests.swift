import Foundation
import Testing
@testable import Geo
@testable import GeoFormats
@testable import TerritorioCLI

/// A ministry's registry in PostGIS: the sample territories and sites are
/// loaded with `convert -o "PG:..."`, `coverage` and `distribute` read them
/// from there and write their results back as tables, and SQL (psql, not
/// Territorio) checks the tables against the same runs on the files.
@Suite(.serialized, .enabled(if: PostGISServer.available, PostGISServer.skipReason))
struct PostGISCommandTests {
    static let sample = CommandTests.repository.appendingPathComponent("geodata/territory").path
    static let parishes = sample + "/parishes.geojson"
    static let sites = sample + "/sites.geojson"
    static let grouping = sample + "/groupings/circuits_by_municipality.csv"
    static let cheese = sample + "/chains/cheese.json"
    static let maize = sample + "/chains/maize_flour.json"

    static func sum(_ layer: Layer, _ field: String) -> Double {
        layer.features.reduce(0) { $0 + ($1.properties[field]?.doubleValue ?? 0) }
    }

    static func coverage(territories: String, sites: String, output: [String]) -> Int32 {
        Territorio.run(arguments: ["coverage", "--territories", territories, "--id-field", "code", "--grouping", grouping,
                                   "--sites", sites, "--chain", cheese, "--chain", maize] + output)
    }

    @Test func coverageAndDistributeReadFromPostGISAndWriteTablesBack() throws {
        let server = try PostGISServer()
        defer { server.stop() }
        let database = server.connection()

        // Load: tables made by Territorio, counted and summed by PostGIS.
        #expect(Territorio.run(arguments: ["convert", Self.parishes, "-o", database, "--layer-name", "parishes"]) == 0)
        #expect(Territorio.run(arguments: ["convert", Self.sites, "-o", database, "--layer-name", "sites"]) == 0)
        #expect(try server.query("SELECT count(*), sum(population), bool_and(ST_IsValid(geom)), min(ST_SRID(geom)) FROM parishes")
                == "150|2224979|t|4326")
        #expect(try server.query("SELECT count(*), count(DISTINCT id) FROM sites") == "2449|2449")
        // Read back, a table picked by GDAL's tables= or by --layer: the same features.
        let fromTable = try LayerSource.read(server.connection(table: "parishes")).layer
        let fromFile = try Layer.readGeoJSON(path: Self.parishes)
        #expect(fromTable.features.map(\.id) == fromFile.features.map(\.id))
        #expect(Self.sum(fromTable, "population") == 2_224_979)
        #expect(Territorio.run(arguments: ["info", database, "--layer", "sites"]) == 0)

        // coverage: from the files, and from the tables into a table.
        let circuitsFile = CommandTests.temporary("postgis-circuits.geojson")
        #expect(Self.coverage(territories: Self.parishes, sites: Self.sites, output: ["-o", circuitsFile]) == 0)
        #expect(Self.coverage(territories: server.connection(table: "parishes"), sites: server.connection(table: "sites"),
                              output: ["-o", database, "--layer-name", "circuits"]) == 0)
        let circuits = try Layer.readGeoJSON(path: circuitsFile)
        #expect(circuits.count == 15)
        #expect(try server.query("SELECT count(*), bool_and(ST_IsValid(geom)), sum(population), sum(territories) FROM circuits")
                == "15|t|\(Int(Self.sum(circuits, "population")))|150")
        for field in ["cheese_demand_t_month", "cheese_supply_t_month", "maize_flour_exportable_surplus_t_month"] {
            let inTable = Double(try server.query("SELECT sum(\(field)) FROM circuits")) ?? .nan
            #expect(abs(inTable - Self.sum(circuits, field)) < 1e-6, "\(field): \(inTable) in PostGIS, \(Self.sum(circuits, field)) in the file")
        }
        #expect(try server.query("SELECT string_agg(circuit_id, ',' ORDER BY circuit_id) FROM circuits")
                == circuits.features.compactMap { $0.properties["circuit_id"]?.stringValue }.sorted().joined(separator: ","))

        // distribute: the same routes and tonnes.
        let routesFile = CommandTests.temporary("postgis-routes.geojson")
        #expect(Territorio.run(arguments: ["distribute", "--sites", Self.sites, "--territories", Self.parishes, "--chain", Self.cheese,
                                           "-o", routesFile]) == 0)
        #expect(Territorio.run(arguments: ["distribute", "--sites", server.connection(table: "sites"),
                                           "--territories", server.connection(table: "parishes"), "--chain", Self.cheese,
                                           "-o", database, "--layer-name", "cheese_routes"]) == 0)
        let routes = try Layer.readGeoJSON(path: routesFile)
        #expect(routes.count > 800)   // the exact distribution's routes on the sample (834-839: equally good flows may use other links)
        #expect(try server.query("SELECT count(*), bool_and(ST_IsValid(geom)) FROM cheese_routes") == "\(routes.count)|t")
        let tonnes = Double(try server.query("SELECT sum(tonnes_month) FROM cheese_routes")) ?? .nan
        #expect(abs(tonnes - Self.sum(routes, "tonnes_month")) < 1e-6)

        // Written again: the table is replaced, not added to.
        #expect(Self.coverage(territories: server.connection(table: "parishes"), sites: server.connection(table: "sites"),
                              output: ["-o", server.connection(table: "circuits")]) == 0)
        #expect(try server.query("SELECT count(*) FROM circuits") == "15")
        // --append adds the rows.
        #expect(Territorio.run(arguments: ["convert", Self.parishes, "-o", database, "--layer-name", "parishes", "--append"]) == 0)
        #expect(try server.query("SELECT count(*), sum(population) FROM parishes") == "300|\(2 * 2_224_979)")
        // Rows that do not fit the table are refused, naming the field; the table keeps its rows.
        #expect(Territorio.run(arguments: ["convert", Self.sites, "-o", database, "--layer-name", "parishes", "--append"]) == 1)
        #expect(try server.query("SELECT count(*) FROM parishes") == "300")
        // A run that fails after the table was finished (its report cannot
        // be written) leaves the old table: the write waits for the command.
        _ = try server.query("UPDATE circuits SET population = -1 WHERE circuit_id = 'C-EM05'")
        #expect(Self.coverage(territories: server.connection(table: "parishes"), sites: server.connection(table: "sites"),
                              output: ["-o", database, "--layer-name", "circuits", "--report", "/nonexistent-folder/report.md"]) == 1)
        #expect(try server.query("SELECT count(*), min(population) FROM circuits") == "15|-1")
        // An output that is the input's table is refused before anything is read.
        #expect(Territorio.run(arguments: ["convert", server.connection(table: "parishes"), "-o", database, "--layer-name", "parishes"]) == 64)
        // A PostGIS output needs a table name.
        #expect(Territorio.run(arguments: ["convert", Self.parishes, "-o", database]) == 64)
    }

    @Test func aDatabaseThatCannotBeReachedIsAnErrorNamingIt() throws {
        // Port 1 on the loopback: nothing listens there.
        let result = try ChildProcess.start(["info", "PG:host=127.0.0.1 port=1 user=postgres dbname=none tables=x"]).wait()
        #expect(result.status == 1)
        #expect(result.standardError.contains("PG:host=127.0.0.1 port=1"))
        #expect(!result.standardError.contains("no such file"))
    }
}
