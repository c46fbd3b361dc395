import Foundation
import Testing
@testable import Geo
@testable import Territory

/// The seeded draws and the stability of the top products.
@Suite struct WeightSensitivityTests {
    @Test func theGeneratorIsSplitMix64() {
        // The first outputs of SplitMix64 seeded with 0 (Vigna's reference C code).
        var random = SplitMix64(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    /// Gamma(k, 1) has mean k and variance k; 40,000 draws put the sample
    /// mean within 0.02 x sqrt(k) of k (4 standard errors is 0.02 x sqrt(k)).
    @Test func gammaDrawsHaveTheirMoments() {
        var random = SplitMix64(seed: 42)
        for shape in [0.4, 1, 2.5, 30] {
            let draws = (0..<40_000).map { _ in random.gamma(shape: shape) }
            let mean = draws.reduce(0, +) / Double(draws.count)
            let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(draws.count - 1)
            #expect(abs(mean - shape) < 0.02 * shape.squareRoot(), "shape \(shape): mean \(mean)")
            #expect(abs(variance / shape - 1) < 0.06, "shape \(shape): variance \(variance)")
        }
    }

    @Test func dirichletDrawsAverageTheGivenWeights() {
        var random = SplitMix64(seed: 7)
        let alpha = [20.0, 50, 30, 0]
        var sums = [0.0, 0, 0, 0]
        for _ in 0..<10_000 {
            let draw = random.dirichlet(alpha)
            #expect(abs(draw.reduce(0, +) - 1) < 1e-12)
            for index in sums.indices { sums[index] += draw[index] }
        }
        let means = sums.map { $0 / 10_000 }
        // sd of each share at concentration 100 is about 0.04-0.05; the mean of 10,000 within 0.002.
        #expect(abs(means[0] - 0.2) < 0.002 && abs(means[1] - 0.5) < 0.002 && abs(means[2] - 0.3) < 0.002)
        #expect(means[3] == 0)
    }

    func table() throws -> IndicatorTable {
        let csv = try CSVTable.parse(bytes: Array(RankingScopeTests.table.utf8), name: "p.csv")
        return try IndicatorTable(table: csv, file: "p.csv", by: "territory", ignore: ["note"])
    }

    /// RankingScopeTests' table over all rows: T1 potatoes (price 0, volume
    /// 89/99) first, flowers (1, 4/99) third. The gap 0.3 x (0 - 1) + 0.7 x
    /// (89/99 - 4/99) = 0.301010 closes when price's weight rises by
    /// 0.301010 / 1 (to 0.601010) or volume's falls by 0.301010 / (85/99)
    /// = 0.350588: price is the smaller change.
    @Test func theSwapOfFirstAndThirdIsSolvedExactly() throws {
        let weights = try IndicatorWeights.parse(RankingScopeTests.weights, name: "w")
        let result = try WeightSensitivity(draws: 50, seed: 3, top: 2).run(table(), weights: weights, normalisation: .minMax, within: .all)
        let swap = try #require(result.territories[0].swap)
        #expect(swap.first == "potatoes" && swap.third == "flowers")
        #expect(swap.indicator == "price")
        #expect(abs(swap.to - (0.3 + 0.7 * 85.0 / 99 - 0.3)) < 1e-12)
        #expect(abs(swap.to - 0.601010) < 1e-6)
        #expect(abs(swap.shareAfter - 0.601010 / 1.301010) < 1e-6)
        // At that weight the two tie, checked by ranking again.
        let tied = try ProductRanking().rank(table(), weights: IndicatorWeights.parse(#"{"price": \#(swap.to), "volume": 0.7}"#, name: "w"))
        let scores = Dictionary(uniqueKeysWithValues: tied.territories[0].entries.map { ($0.product, $0.score) })
        #expect(abs(scores["potatoes"]! - scores["flowers"]!) < 1e-12)
    }

    @Test func theSameSeedGivesTheSameCounts() throws {
        let weights = try IndicatorWeights.parse(RankingScopeTests.weights, name: "w")
        let run = { (seed: UInt64) in
            try WeightSensitivity(draws: 300, seed: seed, top: 1).run(self.table(), weights: weights, normalisation: .minMax, within: .all)
        }
        let first = try run(11), again = try run(11)
        #expect(first.territories.map { $0.products.map(\.inTop) } == again.territories.map { $0.products.map(\.inTop) })
        #expect(first.normalisations == again.normalisations)
        #expect(first.normalisations.values.reduce(0, +) == 300)
        // One product per territory is in the top 1 in every draw.
        for territory in first.territories {
            #expect(territory.products.reduce(0) { $0 + $1.inTop } == 300)
        }
    }

    @Test func aProductAheadOnEveryIndicatorAlwaysStays() throws {
        let csv = try CSVTable.parse(bytes: Array("t,product,a,b\nT,best,9,9\nT,mid,5,4\nT,low,1,2\nU,best,8,1\nU,low,1,8\n".utf8), name: "p.csv")
        let table = try IndicatorTable(table: csv, file: "p.csv", by: "t")
        let result = try WeightSensitivity(draws: 200, seed: 5, top: 1)
            .run(table, weights: IndicatorWeights.parse(#"{"a": 0.5, "b": 0.5}"#, name: "w"), normalisation: .minMax, within: .all)
        #expect(result.territories[0].products.map(\.share) == [1, 0, 0])
        // T's first is ahead on both indicators: no single weight swaps it with the third.
        #expect(result.territories[0].swap == nil)
        #expect(result.territories[1].hasThird == false)
    }
}
