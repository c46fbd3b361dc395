import Foundation
import Testing
@testable import Geo
@testable import Territory

/// The baseline `distribute` compares with, and the exchange between
/// circuits, worked by hand.
@Suite struct DistributionBaselineTests {
    @Test func theNearestActorOfTheNextStage() throws {
        // F sells its 1 t to the nearest plant, P2 (outside, 1 km), which
        // sells to R (9 km), which sells to the town (1 km, its centre).
        let result = try Distribution(chain: DistributionTests.chain).run(DistributionTests.study())
        let baseline = result.baseline
        #expect(baseline.rule == .nearest)
        #expect(abs(baseline.figures.delivered - 1) < 1e-9)
        #expect(abs(baseline.figures.intermediated - 1) < 1e-9)
        #expect(abs(baseline.figures.intermediatedByLink[1] - 1) < 1e-9)
        #expect(abs(baseline.figures.tonneKilometres - 11) < 1e-6)
        #expect(baseline.stuck == 0)
        // The optimum keeps 0.6 t away from P2: 0.4 t still passes it.
        #expect(abs(result.intermediated - 0.4) < 1e-9)
    }

    @Test func theCurrentTradeFromTheSellsToField() throws {
        // F sells to P1 today: P1 passes 0.6 t of the 1 t it gets; P1 and R
        // name no buyer and sell to their nearest (R, the town).
        var features = DistributionTests.sites.features
        features[0].properties["sells_to"] = "P1"
        var distribution = Distribution(chain: DistributionTests.chain)
        distribution.sellsToField = "sells_to"
        let result = try distribution.run(DistributionTests.study(sites: Layer(features: features, crs: DistributionTests.crs)))
        let baseline = result.baseline
        #expect(baseline.rule == .sellsTo(field: "sells_to"))
        #expect(abs(baseline.figures.delivered - 0.6) < 1e-9)
        #expect(baseline.figures.intermediated == 0)
        #expect(abs(baseline.stuck - 0.4) < 1e-9)
        #expect(baseline.assumedNearest == 2)
        // F->P1 9 km x 1 t, P1->R 1 km x 0.6, R->town 1 km x 0.6.
        #expect(abs(baseline.figures.tonneKilometres - 10.2) < 1e-6)
    }

    @Test func aBuyerThatIsNeitherASiteNorATerritoryIsAnError() throws {
        var features = DistributionTests.sites.features
        features[0].properties["sells_to"] = "nobody"
        var distribution = Distribution(chain: DistributionTests.chain)
        distribution.sellsToField = "sells_to"
        #expect(throws: ReadError.self) {
            try distribution.run(DistributionTests.study(sites: Layer(features: features, crs: DistributionTests.crs)))
        }
    }

    @Test func surplusOfOneCircuitFeedsAnother() throws {
        // West grows 3 t and eats 1 t; east, 10 km away, grows nothing and eats 2 t.
        let sites = [ExactDistributionTests.site("F", 50, 0, "primary", 3), ExactDistributionTests.site("R", 100, 0, "retail", 3)]
        let towns = [ExactDistributionTests.town("W", 0, 0, people: 1000), ExactDistributionTests.town("E", 10_000, 0, people: 2000)]
        let study = try ExactDistributionTests.study(sites, towns)
        let result = try Distribution(chain: ExactDistributionTests.chain).run(study)
        #expect(abs(result.delivered - 3) < 1e-9)
        let grouping = try Grouping.parse("territory_code,circuit_id\nW,west\nE,east\n", name: "<grouping>")
        let exchange = try result.exchange(grouping: grouping, study: study)
        #expect(exchange.matrix == [.init(from: "west", to: "west", tonnes: 1), .init(from: "west", to: "east", tonnes: 2)])
        let west = try #require(exchange.circuit("west")), east = try #require(exchange.circuit("east"))
        #expect(west.ownSupplyUsed == 1 && west.exported == 2 && west.imported == 0)
        #expect(east.ownSupplyUsed == 0 && east.exported == 0 && east.imported == 2)
        #expect(west.delivered == 1 && east.delivered == 2)
        // Every link leaves from the west: F->R 50 m x 3 t, R->W 100 m x 1 t, R->E 9.9 km x 2 t.
        #expect(abs(west.tonneKilometres - (0.15 + 0.1 + 19.8)) < 1e-6)
        #expect(east.tonneKilometres == 0)
        #expect(exchange.anchors["west"] != nil && exchange.anchors["east"] != nil)
    }
}
