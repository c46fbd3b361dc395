import Testing
@testable import Geo

@Suite struct ValidationTests {
    @Test func findsEveryKindOfProblem() throws {
        let layer = try Fixtures.layer("""
            {"type":"FeatureCollection","features":[
            {"type":"Feature","id":"bow","geometry":{"type":"Polygon","coordinates":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]},"properties":{}},
            {"type":"Feature","id":"open","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]},"properties":{}},
            {"type":"Feature","id":"bow","geometry":{"type":"Point","coordinates":[200,0]},"properties":{}},
            {"type":"Feature","id":"mixed","geometry":{"type":"LineString","coordinates":[[0,0],[1,1,5]]},"properties":{}},
            {"type":"Feature","id":"none","geometry":null,"properties":{}},
            {"type":"Feature","id":"short","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[0,0]]]},"properties":{}}
            ]}
            """)
        let problems = try LayerValidator.problems(in: layer)
        #expect(problems.map { "\($0.index) \($0.kind.rawValue)" } == [
            "0 invalid-geometry", "1 unclosed-ring", "2 out-of-range", "3 mixed-dimensions",
            "4 empty-geometry", "5 invalid-geometry", "2 duplicate-id",
        ])
        #expect(problems[0].reason == "Self-intersection")
        #expect(problems[0].location == Position(x: 1, y: 1))
        #expect(problems[5].reason == "Too few points in geometry component")
        #expect(problems[6].reason == "id bow is also feature 0's")
    }

    @Test func repairKeepsEveryFeatureAndReportsAreas() throws {
        let layer = try Layer.readGeoJSON(path: Fixtures.sample("sample_parishes.geojson"))
        let (repaired, changes) = try LayerRepair.repair(layer)
        #expect(repaired.count == layer.count)
        #expect(changes.map(\.id) == [.string("SM0105")])
        // The bow-tie over a 0.1° cell becomes two triangles: half the cell.
        let cell = try Geometry(try Transformer(from: .wgs84, to: CRS("EPSG:32619"))
            .transform(Envelope(minX: -68.1, minY: 10.3, maxX: -68.0, maxY: 10.4).shape)).area()
        #expect(abs(changes[0].areaAfter - cell / 2) / cell < 1e-3)
        #expect(try LayerValidator.problems(in: repaired).isEmpty)
    }
}
