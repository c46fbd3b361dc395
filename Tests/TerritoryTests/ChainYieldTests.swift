import Foundation
import Testing
@testable import Geo
@testable import Territory

/// A yield is never taken as 1 where the product or unit changes, and
/// yields, demands and capacities must be positive.
@Suite struct ChainYieldTests {
    func parse(_ text: String) throws(ReadError) -> ChainSpec {
        try ChainSpec.parse(Data(text.utf8), name: "cheese.json")
    }

    func message(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aStageThatChangesProductWithoutAYieldIsAnError() throws {
        let text = #"{"product": "cheese", "demandKgPerPersonMonth": 0.6, "stages": [{"stage": "primary", "product": "milk", "unit": "l/month"}, {"stage": "processing", "product": "cheese", "unit": "t/month"}]}"#
        let error = try #require(message(text))
        #expect(error.hasPrefix("cheese.json: stages[1] (processing): turns milk in l/month into cheese in t/month but gives no \"yield\""))
    }

    @Test func aStageThatChangesOnlyTheUnitNeedsAYieldToo() throws {
        let text = #"{"product": "milk", "unit": "t/month", "demandKgPerPersonMonth": 6, "stages": [{"stage": "primary", "product": "milk", "unit": "l/month"}, {"stage": "retail", "product": "milk", "unit": "t/month"}]}"#
        #expect(message(text)?.contains("stages[1] (retail)") == true)
    }

    @Test func aStageKeepingProductAndUnitYieldsOne() throws {
        let text = #"{"product": "coffee", "demandKgPerPersonMonth": 0.4, "stages": [{"stage": "primary"}, {"stage": "retail"}]}"#
        #expect(try parse(text).links.map(\.yield) == [1, 1])
    }

    @Test func zeroOrNegativeYieldsAndDemandsAreErrors() throws {
        let negative = #"{"product": "coffee", "demandKgPerPersonMonth": 0.4, "stages": [{"stage": "primary"}, {"stage": "retail", "yield": -0.5}]}"#
        #expect(message(negative) == "cheese.json: stages[1] (retail): yield must be a positive number, not -0.5")
        let zero = #"{"product": "coffee", "demandKgPerPersonMonth": 0, "stages": [{"stage": "retail"}]}"#
        #expect(message(zero)?.hasPrefix("cheese.json: demand per person must be a positive number, not 0.0") == true)
    }

    @Test func zeroOrNegativeCapacitiesAreErrorsNamingTheFeature() throws {
        for capacity in [0.0, -3] {
            let feature = Feature(id: .string("S9"), geometry: .point(Position(x: 0, y: 0)),
                                  properties: ["product": "milk", "stage": "primary", "capacity": .number(capacity), "unit": "t/month"])
            #expect(throws: ReadError.self) { try SiteFields().site(of: feature, index: 4, file: "sites.geojson") }
            do {
                _ = try SiteFields().site(of: feature, index: 4, file: "sites.geojson")
            } catch {
                #expect(error.description.hasPrefix("sites.geojson: feature 4 (id S9): capacity in 'capacity' must be a positive number"))
            }
        }
    }
}
