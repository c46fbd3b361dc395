import Foundation
import Testing
@testable import Geo
@testable import Territory

@Suite struct CatchmentTests {
    /// A 2 km x 2 km block in UTM 19N of four 1 km squares, 1,000 people each.
    static let origin = (x: 600_000.0, y: 1_100_000.0)
    static let squares = Layer(features: [(0, 0), (1, 0), (0, 1), (1, 1)].enumerated().map { index, cell in
        let x = origin.x + Double(cell.0) * 1000, y = origin.y + Double(cell.1) * 1000
        return Feature(id: .string("Q\(index)"), geometry: Envelope(minX: x, minY: y, maxX: x + 1000, maxY: y + 1000).shape,
                       properties: ["population": 1000])
    }, crs: CRS("EPSG:32619"))
    /// Prepared on each test's own thread: GEOS geometries belong to the
    /// thread's context that made them, and tests run on several threads.
    static var prepared: StudyTerritories { try! StudyTerritories(squares, file: "<squares>") }

    static func facilities(_ positions: [(Double, Double)], capacity: Double = 10) -> Layer {
        Layer(features: positions.enumerated().map { index, offset in
            Feature(id: .string("F\(index)"), geometry: .point(Position(x: origin.x + offset.0, y: origin.y + offset.1)),
                    properties: ["product": "cheese", "stage": "retail", "capacity": .number(capacity), "unit": "t/month"])
        }, crs: CRS("EPSG:32619"))
    }

    func properties(_ result: CatchmentAnalysis.Result, kind: String) -> [JSONObject] {
        result.layer.features.map(\.properties).filter { $0["kind"] == .string(kind) }
    }

    @Test func aCircleOverSquaresServesItsAreaShare() throws {
        let result = try CatchmentAnalysis(method: .buffer, radius: 500)
            .run(facilities: Self.facilities([(1000, 1000)]), in: Self.prepared)
        // The disc is a 64-gon: area 32 r² sin(2π/64); density 1,000 per km².
        let area = 32 * 500.0 * 500 * sin(2 * Double.pi / 64)
        let catchment = try #require(properties(result, kind: "catchment").first)
        #expect(abs((catchment["area_m2"]?.doubleValue ?? 0) - area) < 1)
        #expect(catchment["population"]?.doubleValue == (area / 1000).rounded())
        #expect(abs(result.uncoveredPopulation - (4000 - area / 1000)) < 1e-6)
        #expect(result.totalPopulation == 4000)
    }

    @Test func voronoiOfFourFacilitiesGivesEachItsQuadrant() throws {
        let chain = try ChainSpec.parse(Data(#"{"product": "cheese", "demandKgPerPersonMonth": 0.5, "stages": [{"stage": "retail"}]}"#.utf8), name: "cheese.json")
        let result = try CatchmentAnalysis(method: .voronoi, chain: chain)
            .run(facilities: Self.facilities([(500, 500), (1500, 500), (500, 1500), (1500, 1500)]), in: Self.prepared)
        let catchments = properties(result, kind: "catchment")
        #expect(catchments.map { $0["population"]?.doubleValue } == [1000, 1000, 1000, 1000])
        #expect(catchments.map { $0["area_m2"]?.doubleValue } == [1_000_000, 1_000_000, 1_000_000, 1_000_000])
        // 1,000 people x 0.5 kg = 0.5 t a month against 10 t of capacity.
        #expect(catchments.map { $0["demand_t_month"]?.doubleValue } == [0.5, 0.5, 0.5, 0.5])
        #expect(catchments.map { $0["utilisation"]?.doubleValue } == [0.05, 0.05, 0.05, 0.05])
        #expect(result.uncovered == 0)
    }

    @Test func nearestGivesWholeUnits() throws {
        // F0 near the south-west corner, F1 east of the block: F1 is nearer to Q1 and Q3.
        let result = try CatchmentAnalysis(method: .nearest)
            .run(facilities: Self.facilities([(100, 100), (2500, 1000)]), in: Self.prepared)
        let catchments = properties(result, kind: "catchment")
        #expect(catchments.map { $0["population"]?.doubleValue } == [2000, 2000])
        #expect(catchments.map { $0["area_m2"]?.doubleValue } == [2_000_000, 2_000_000])
    }

    @Test func capacityLimitsWhatEachFacilityServes() throws {
        // Four squares of 1,000 people at 1 kg each: 4 t wanted, 2 x 1.5 t available.
        let chain = try ChainSpec.parse(Data(#"{"product": "cheese", "demandKgPerPersonMonth": 1, "stages": [{"stage": "retail"}]}"#.utf8), name: "c.json")
        let result = try CatchmentAnalysis(method: .capacity, chain: chain)
            .run(facilities: Self.facilities([(500, 1000), (1500, 1000)], capacity: 1.5), in: Self.prepared)
        let catchments = properties(result, kind: "catchment")
        #expect(catchments.map { $0["population"]?.doubleValue } == [1500, 1500])
        #expect(catchments.map { $0["utilisation"]?.doubleValue } == [1, 1])
        #expect(catchments.map { $0["demand_t_month"]?.doubleValue } == [1.5, 1.5])
    }

    @Test func theDomainFigures() throws {
        // 37 food circuits produce 2,510 t a month: at 30 kg per person that
        // feeds 83,667 people, 20,917 families of four.
        let chain = try ChainSpec.parse(Data(#"{"product": "food", "demandKgPerPersonMonth": 30, "stages": [{"stage": "primary"}]}"#.utf8), name: "food.json")
        let people = chain.peopleSupplied(by: 2_510)
        #expect(people.rounded() == 83_667)
        #expect((people / 4).rounded() == 20_917)
        #expect(abs(chain.demand(population: 83_667) - 2_510) < 0.02)  // 83,667 x 30 kg = 2,510.01 t
    }

    @Test func chainSpecsAreCheckedWithClearErrors() throws {
        let cheese = try ChainSpec.read(path: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("geodata/territory/chains/cheese.json").path)
        #expect(cheese.finalEquivalent(of: .primary) == 0.0001)   // 10 l of milk -> 1 kg of cheese
        #expect(cheese.finalEquivalent(of: .retail) == 1)
        #expect(cheese.skippable == [.collection, .distribution])
        let cases: [(String, String)] = [
            (#"{"product": "x", "stages": []}"#, "x.json: \"stages\" is empty"),
            (#"{"product": "x", "demandKgPerPersonMonth": 1, "stages": [{"stage": "packing"}]}"#,
             "x.json: stages[0]: unknown stage 'packing'; stages are primary, processing, collection, distribution, retail (in English or Spanish), or name your own with \"version\": 2"),
            (#"{"product": "x", "demandKgPerPersonMonth": 1, "stages": [{"stage": "primary"}, {"stage": "primary"}]}"#,
             "x.json: stages[1]: primary appears twice; each stage comes once, in the chain's order"),
            (#"{"product": "x", "stages": [{"stage": "primary"}]}"#, "x.json: no \"demandKgPerPersonMonth\" (kg of x per person per month)"),
            (#"{"product": "x", "demandKgPerPersonMonth": 1, "stages": [{"stage": "primary", "yield": -1}, {"stage": "retail", "yield": 0}]}"#,
             "x.json: stages[1] (retail): yield must be a positive number, not 0.0"),
            (#"{"product": "x", "demandKgPerPersonMonth": 1, "stages": [{"stage": "primary"}], "skippable": ["retail"]}"#,
             "x.json: skippable stage 'retail' is not one of the chain's stages (primary)"),
        ]
        for (json, message) in cases {
            #expect(throws: ReadError.self) { try ChainSpec.parse(Data(json.utf8), name: "x.json") }
            do {
                _ = try ChainSpec.parse(Data(json.utf8), name: "x.json")
            } catch {
                #expect(error.description == message)
            }
        }
    }
}
