import Foundation
import Testing
@testable import Geo
@testable import Territory

@Suite struct SpatialJoinTests {
    /// Parishes A B (south row) and C D (north row): unit cells of 0.01°.
    func grid() -> Layer {
        let cells: [(String, Double, Double)] = [("A", 0, 0), ("B", 0.01, 0), ("C", 0, 0.01), ("D", 0.01, 0.01)]
        return Layer(features: cells.map { code, x, y in
            Feature(id: .string(code), geometry: Envelope(minX: x, minY: y, maxX: x + 0.01, maxY: y + 0.01).shape,
                    properties: ["code": .string("P-\(code)")])
        })
    }

    func points(_ positions: [(Double, Double)]) -> Layer {
        Layer(features: positions.enumerated().map { index, xy in
            Feature(id: .number(JSONNumber(index)), geometry: .point(Position(x: xy.0, y: xy.1)))
        })
    }

    @Test func insideOnEdgesOnTheCornerAndOutside() throws {
        let sites = points([(0.005, 0.005), (0.015, 0.015), (0.01, 0.005), (0.015, 0.01), (0.01, 0.01), (0.02, 0.02), (0.03, 0.005)])
        let join = SpatialJoin(options: .init(idField: "code"))
        let result = try join.join(points: sites, polygons: grid())
        // Edge A|B goes to A, edge B|D to B, the corner all four share to A:
        // the first in the file wins. (0.02, 0.02) is D's outer corner.
        #expect(result.polygonOfPoint == [0, 3, 0, 1, 0, 3, nil])
        let joined = join.joined(sites, result)
        #expect(joined.features.map { $0.properties["territory_code"] } == ["P-A", "P-D", "P-A", "P-B", "P-A", "P-D", .null])
        #expect(result.outside == [6])
        #expect(joined.count == sites.count)
    }

    @Test func snapsOnlyWithinTheDistance() throws {
        // 0.001° of longitude at the equator is about 111 m.
        let sites = points([(0.021, 0.005), (0.025, 0.005)])
        let result = try SpatialJoin(options: .init(snapDistance: 200)).join(points: sites, polygons: grid())
        #expect(result.snapped.map(\.point) == [0])
        #expect(result.snapped.map(\.polygon) == [1])
        #expect(abs(result.snapped[0].metres - 111.3) < 1)
        #expect(result.outside == [1])
        #expect(result.code(ofPoint: 0) == "B")
    }

    @Test func sameAnswerWithOneWorkerOrMany() throws {
        var positions: [(Double, Double)] = []
        for i in 0..<50_000 { positions.append((Double(i % 250) / 10_000, Double(i / 250) / 10_000)) }
        let sites = points(positions)
        let many = try SpatialJoin().join(points: sites, polygons: grid()).polygonOfPoint
        setenv("TERRITORIO_WORKERS", "1", 1)
        defer { unsetenv("TERRITORIO_WORKERS") }
        let one = try SpatialJoin().join(points: sites, polygons: grid()).polygonOfPoint
        #expect(many == one)
    }

    @Test func summaryCountsAndSumsPerTerritoryProductStage() throws {
        let site = { (product: String, stage: Stage, capacity: Double) in
            Site(name: nil, product: product, stage: stage, capacity: capacity, unit: .tonnesPerMonth, owner: .circuit)
        }
        let summary = JoinSummary(sites: [site("milk", .primary, 10), site("milk", .primary, 2.5), site("cheese", .processing, 1),
                                          site("milk", .collection, 4)],
                                  territories: ["B", "B", "A", nil])
        #expect(summary.csv == """
            territory_code,product,stage,unit,sites,capacity
            ,milk,collection,t/month,1,4
            A,cheese,processing,t/month,1,1
            B,milk,primary,t/month,2,12.5

            """)
    }

    @Test func unknownStageNamesTheFeature() {
        let feature = Feature(id: .string("S9"), geometry: nil, properties: ["product": "milk", "stage": "packing", "capacity": 1, "unit": "t/month"])
        #expect {
            try SiteFields().site(of: feature, index: 8, file: "sites.csv")
        } throws: { error in
            "\(error)" == "sites.csv: feature 8 (id S9): unknown stage 'packing' in 'stage'; stages are primary, processing, collection, distribution, retail"
        }
    }
}

/// ../shared/geodata beside the repository, when it is there.
enum SharedGeodata {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/geodata")
    static var isPresent: Bool { FileManager.default.fileExists(atPath: folder.path) }
}

/// The 23,359 Venezuelan localities against the 1,127 parishes.
@Suite(.enabled(if: SharedGeodata.isPresent, "../shared/geodata is absent: real-data join skipped"))
struct RealJoinTests {
    static let geodata = SharedGeodata.folder

    @Test func everyLocalityGetsOneParishOrIsListedOutside() throws {
        let localities = try Layer.readGeoJSON(path: Self.geodata.appendingPathComponent("venezuela/ve_localidades_wof.geojson").path)
        let parishes = try Layer.readGeoJSON(path: Self.geodata.appendingPathComponent("venezuela/ve_parroquias_farojson.geojson").path)
        let result = try SpatialJoin().join(points: localities, polygons: parishes)
        #expect(result.polygonOfPoint.count == 23_359)
        let inside = result.polygonOfPoint.compactMap { $0 }
        #expect(inside.count + result.outside.count == 23_359)
        // Cross-check a sample against GEOS covers, one polygon at a time.
        let context = GEOSContext()
        for index in stride(from: 0, to: 23_359, by: 997) {
            let point = try Geometry(localities.features[index].geometry!, context: context)
            let covering = try parishes.features.indices.filter { polygon in
                try Geometry(parishes.features[polygon].geometry!, context: context).covers(point)
            }
            #expect(result.polygonOfPoint[index] == covering.first, "locality \(index)")
        }
        // Coastal and island places fall outside the parish polygons.
        #expect(result.outside.count > 0)
        #expect(result.outside.count < 2_000)
    }
}
