import Foundation
import Testing
@testable import Territory

/// Amounts and costs from data reach the Int64 flow solvers checked.
@Suite struct FlowUnitsTests {
    @Test func amountsPastTheLimitOrNotFiniteAreRefused() {
        #expect(FlowUnits.units(2847.9, scale: 1000, rounding: .down) == 2_847_900)
        #expect(FlowUnits.units(1e16, scale: 1000) == nil)  // 1e19 kg: past Int64, trapped once
        #expect(FlowUnits.units(1e300, scale: 1000) == nil)
        #expect(FlowUnits.units(-1, scale: 1000) == nil)
        #expect(FlowUnits.units(.nan, scale: 1000) == nil)
        #expect(FlowUnits.units(.infinity, scale: 1000) == nil)
        #expect(FlowUnits.units(FlowUnits.largest(scale: 1000), scale: 1000) == FlowUnits.limit)
        #expect(FlowUnits.cost(1e17) == nil)
        #expect(FlowUnits.cost(.infinity) == nil)
        #expect(FlowUnits.cost(500.7) == 500)
    }

    @Test func theReportedTotalCostIsHeldRatherThanOverflowing() {
        #expect(FlowUnits.totalCost(flow: [3, 4], cost: [10, 100]) == 430)
        #expect(FlowUnits.totalCost(flow: [FlowUnits.totalLimit, 1], cost: [Int64(1) << 40, 1]) == Int64.max)
    }

    @Test func messagesWriteAmountsShort() {
        #expect(FlowUnits.describe(1e16) == "1e16")
        #expect(FlowUnits.describe(2847) == "2847")
        #expect(FlowUnits.describe(FlowUnits.largest(scale: 1000)) == "1.13e12")
    }
}
