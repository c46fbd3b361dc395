import Foundation
import Testing
@testable import Geo
@testable import Territory

/// `distribute` along roads as they are: the leg to the road costs time,
/// points beyond --max-snap and points on another road component than
/// their buyers carry nothing, and are reported.
@Suite struct RoadDistributionTests {
    static let crs = DistributionTests.crs

    /// A 60 km/h road along y = 1,100,000 (a kilometre a minute), and an
    /// island of road 20 km north that joins nothing.
    static let roads = Layer(features: [
        Feature(geometry: .lineString(CoordinateSequence([Position(x: 599_000, y: 1_100_000), Position(x: 612_000, y: 1_100_000)])),
                properties: ["maxspeed": 60]),
        Feature(geometry: .lineString(CoordinateSequence([Position(x: 600_000, y: 1_120_000), Position(x: 605_000, y: 1_120_000)])),
                properties: ["maxspeed": 60]),
    ], crs: crs)

    static func study(_ sites: [Feature], access: RoadAccess = RoadAccess()) throws -> Study {
        let prepared = try StudyTerritories(DistributionTests.town, file: "<territories>")
        let travel = try TravelTimes(graph: try RoadGraph(roads: roads, crs: prepared.metric), access: access, snapping: .nearestRoad)
        return try Study(territories: prepared, sites: try StudySites(Layer(features: sites, crs: crs), file: "<sites>", in: prepared),
                         travel: travel)
    }

    /// The farm of `DistributionTests` moved `metres` north, off the road.
    static func farm(_ id: String, north metres: Double, x: Double = 600_000, capacity: Double = 10_000) -> Feature {
        var feature = DistributionTests.sites.features[0]
        feature.id = .string(id)
        feature.geometry = .point(Position(x: x, y: 1_100_000 + metres))
        feature.properties["capacity"] = .number(capacity)
        return feature
    }

    @Test func theLegToTheRoadCostsItsMinutesAtTheOffRoadSpeed() throws {
        // 500 m off the road at 5 km/h is 6 minutes, on each link from the
        // farm: F->P1 (9 + 6) x 0.6 + F->P2 (1 + 6) x 0.4 + P1->R 1 x 0.6
        // + P2->R 9 x 0.4 + R->town 1 x 1 = 9 + 2.8 + 0.6 + 3.6 + 1 = 17.
        var sites = DistributionTests.sites.features
        sites[0] = Self.farm("F", north: 500)
        let result = try Distribution(chain: DistributionTests.chain).run(Self.study(sites))
        #expect(result.optimal)
        #expect(abs(result.delivered - 1) < 1e-9)
        #expect(abs(result.intermediated - 0.4) < 1e-9)
        #expect(abs(result.tonneMinutes! - 17) < 1e-6)
        // The km count the legs too: 0.5 km more on each tonne from the farm.
        #expect(abs(result.tonneKilometres - 11.5) < 1e-6)
    }

    @Test func aFarmBeyondMaxSnapCarriesNothingAndIsCounted() throws {
        // 5 km north of the road, beyond the 2 km --max-snap.
        let sites = DistributionTests.sites.features + [Self.farm("far", north: 5_000)]
        let result = try Distribution(chain: DistributionTests.chain).run(Self.study(sites))
        #expect(result.unreachableSites == [4])
        #expect(result.cutOffSites.isEmpty)
        #expect(!result.flows.contains { $0.from == 4 })
        #expect(abs(result.delivered - 1) < 1e-9)
    }

    @Test func aFarmOnAnotherRoadComponentReachesNoPlantAndIsReported() throws {
        // 100 m from the island road and 20 km from the main one: with a
        // --max-snap of 50 km it would once have been snapped to the main
        // road; it stays on its island, where no plant is.
        let sites = DistributionTests.sites.features + [Self.farm("island", north: 20_100, x: 602_000)]
        let result = try Distribution(chain: DistributionTests.chain).run(Self.study(sites, access: RoadAccess(maxSnap: 50_000)))
        #expect(result.unreachableSites.isEmpty)
        #expect(result.cutOffSites == [4])
        #expect(!result.flows.contains { $0.from == 4 })
        #expect(result.optimal)
        #expect(abs(result.delivered - 1) < 1e-9)
    }
}
