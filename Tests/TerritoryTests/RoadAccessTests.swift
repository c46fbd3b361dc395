import Foundation
import Testing
@testable import Geo
@testable import Territory

/// Points off the roads: none reached from beyond the snap limit, and the
/// leg to the road costs time; road classes from any field, and the
/// default speed counted.
@Suite struct RoadAccessTests {
    static let crs = RoadNetworkTests.crs
    static let origin = RoadNetworkTests.origin

    static func village(_ x: Double, _ y: Double, _ people: Int) -> Feature {
        Feature(geometry: Envelope(minX: origin.x + x - 50, minY: origin.y + y - 50, maxX: origin.x + x + 50, maxY: origin.y + y + 50).shape,
                properties: ["population": .number(people)])
    }

    @Test func networkCatchmentsLeaveFacilitiesAndUnitsBeyondTheSnapLimitUncovered() throws {
        // A village beside the grid, and an island village 30 km away with
        // its own facility (as the Galápagos capital, 967 km from any road).
        let territories = Layer(features: [Self.village(1500, 60, 10), Self.village(1500, -30_000, 5)], crs: Self.crs)
        let facilities = Layer(features: [Self.origin, Position(x: Self.origin.x + 1500, y: Self.origin.y - 30_000)].map {
            Feature(geometry: .point($0))
        }, crs: Self.crs)
        let analysis = CatchmentAnalysis(method: .network)
        let graph = try RoadGraph(roads: RoadNetworkTests.grid(), crs: Self.crs)
        let prepared = try StudyTerritories(territories, file: "<territories>")
        let result = try analysis.run(facilities: facilities, in: prepared, travel: try TravelTimes(graph: graph))
        #expect(result.unreachableFacilities == 1)
        #expect(result.unreachableUnits == 1)
        let populations = result.layer.features.filter { $0.properties["kind"] == "catchment" }.map { $0.properties["population"]?.doubleValue }
        #expect(populations == [10, 0])
        #expect(result.uncoveredPopulation == 5)

        // Snapping everything (the old behaviour) needs a limit that says so.
        let everything = try analysis.run(facilities: facilities, in: prepared,
                                          travel: try TravelTimes(graph: graph, access: RoadAccess(maxSnap: 100_000)))
        #expect(everything.unreachableFacilities == 0 && everything.uncoveredPopulation == 0)
    }

    @Test func theLegToTheRoadCostsTimeAtTheOffRoadSpeed() throws {
        // DistributionTests' road, the farm 1 km north of it: 12 minutes on
        // foot at 5 km/h before the road, on every link out of the farm.
        let road = Layer(features: [Feature(geometry: .lineString(CoordinateSequence([
            Position(x: 599_000, y: 1_100_000), Position(x: 612_000, y: 1_100_000)])), properties: ["maxspeed": 60])], crs: Self.crs)
        var sites = DistributionTests.sites
        sites.features[0].geometry = .point(Position(x: 600_000, y: 1_101_000))
        let distribution = Distribution(chain: DistributionTests.chain)
        let result = try distribution.run(DistributionTests.study(sites: sites, roads: road))
        #expect(abs(result.delivered - 1) < 1e-9)
        // 11 tonne-minutes along the road, and the farm's tonne walks 12 minutes.
        #expect(abs(result.tonneMinutes! - 23) < 1e-6)
        // The lines start at the farm itself: a kilometre more for its tonne.
        #expect(abs(result.tonneKilometres - 12) < 1e-6)
        let fromFarm = result.flows.filter { $0.from == 0 }
        #expect(fromFarm.allSatisfy { $0.line.envelope?.maxY == 1_101_000 })
        #expect(result.unreachableSites.isEmpty)

        // Beyond a 500 m limit the farm is unreachable: nothing flows.
        let cut = try distribution.run(DistributionTests.study(sites: sites, roads: road, access: RoadAccess(maxSnap: 500)))
        #expect(cut.unreachableSites == [0])
        #expect(cut.delivered == 0)
        #expect(abs((cut.unmet[0] ?? 0) - 1) < 1e-9)
    }

    @Test func roadClassesFromAnyFieldAndTheDefaultSpeedCounted() throws {
        let line = { (x: Double, properties: JSONObject) in
            Feature(geometry: .lineString(CoordinateSequence([Position(x: x, y: 0), Position(x: x, y: 1000)])), properties: properties)
        }
        let roads = Layer(features: [line(0, ["tipo": "primaria"]), line(100, ["tipo": "trocha"]), line(200, [:])], crs: Self.crs)
        let plain = try RoadGraph(roads: roads, crs: Self.crs)
        // No highway field: all three at the default 30 km/h, counted.
        #expect(plain.defaultedWithoutClass == 3 && plain.defaultedSegments == 3)
        #expect(abs(plain.segmentMinutes[0] - 2) < 1e-9)

        var attributes = RoadAttributes()
        attributes.classField = "tipo"
        try attributes.override(with: "primaria=60,default=20")
        let typed = try RoadGraph(roads: roads, attributes: attributes, crs: Self.crs)
        #expect(abs(typed.segmentMinutes[0] - 1) < 1e-9)  // 1 km at 60 km/h
        #expect(abs(typed.segmentMinutes[1] - 3) < 1e-9)  // trocha: the default, now 20 km/h
        #expect(typed.defaultedByClass == ["trocha": 1])
        #expect(typed.defaultedWithoutClass == 1)
        #expect(typed.defaultSpeed == 20)
    }
}
