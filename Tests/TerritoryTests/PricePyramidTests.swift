import Foundation
import Testing
@testable import Geo
@testable import Territory

/// The pricing's spatial index against looking at every point: the same
/// points qualify, and the best ones come out in the same order.
@Suite struct PricePyramidTests {
    typealias Random = FlowSolverAgreementTests.Random

    static func points(seed: UInt64, count: Int) -> (positions: [Position], prices: [Double]) {
        var random = Random(state: seed)
        let positions = (0..<count).map { _ in Position(x: Double(random.next(100_000)), y: Double(random.next(60_000))) }
        // A few points priced far above the rest, as buyers reached only through an outside intermediary are.
        let prices = (0..<count).map { _ in Double(random.next(2_000)) + (random.next(10) == 0 ? 1e9 : 0) }
        return (positions, prices)
    }

    @Test(arguments: 0..<10)
    func theBestAreThoseOfABruteForce(seed: Int) {
        let (positions, prices) = Self.points(seed: UInt64(seed) &+ 3, count: 50 + 40 * seed)
        let pyramid = PricePyramid(positions: positions, prices: prices)
        var random = Random(state: UInt64(seed))
        for _ in 0..<20 {
            let centre = Position(x: Double(random.next(100_000)), y: Double(random.next(60_000)))
            let own = Double(random.next(3_000))
            // Score: whole 100 m of the link plus the seller's price minus the buyer's.
            func score(_ index: Int) -> Int64 {
                let p = positions[index]
                return Int64(hypot(p.x - centre.x, p.y - centre.y) / 100) + Int64(own) - Int64(prices[index])
            }
            let cutoff: Int64 = 0
            let found = pyramid.best(5, around: centre, below: cutoff, bound: { distance, price in
                distance / 100 - 1 + own - price
            }, score: { score($0) })
            let expected = positions.indices.map { ($0, score($0)) }.filter { $0.1 < cutoff }
                .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(5)
            #expect(found.map(\.score) == expected.map(\.1))
            var searched: [Int] = []
            pyramid.search(around: centre, qualifies: { distance, price in distance / 100 - 1 + own - price < 0 }, found: { searched.append($0) })
            let qualifying = positions.indices.filter { hypot(positions[$0].x - centre.x, positions[$0].y - centre.y) / 100 - 1 + own - prices[$0] < 0 }
            #expect(searched.sorted() == qualifying)
        }
    }

    /// The complete-network potentials lower buyers' prices as they go:
    /// after lowering, the pyramid finds what a brute force over the new
    /// prices finds (no cell keeps a stale highest price that hides or
    /// invents a point).
    @Test(arguments: 0..<6)
    func loweredPricesAreSearchedAsNew(seed: Int) {
        var (positions, prices) = Self.points(seed: UInt64(seed) &+ 11, count: 80 + 50 * seed)
        var pyramid = PricePyramid(positions: positions, prices: prices)
        var random = Random(state: UInt64(seed) &+ 5)
        for round in 0..<30 {
            // Lower a few points, the high-priced ones among them, some below zero.
            for _ in 0..<(1 + round % 4) {
                let index = random.next(positions.count)
                prices[index] -= Double(random.next(3_000)) + (prices[index] > 1e8 ? 1e9 : 0)
                pyramid.lower(index, to: prices[index])
            }
            let centre = Position(x: Double(random.next(100_000)), y: Double(random.next(60_000)))
            let own = Double(random.next(3_000))
            var searched: [Int] = []
            pyramid.search(around: centre, qualifies: { distance, price in distance / 100 - 1 + own - price < 0 }, found: { searched.append($0) })
            let qualifying = positions.indices.filter { hypot(positions[$0].x - centre.x, positions[$0].y - centre.y) / 100 - 1 + own - prices[$0] < 0 }
            #expect(searched.sorted() == qualifying)
        }
        #expect(pyramid.prices == prices)
    }
}
