import Geo

/// How stable each territory's choice is: the ranking run `draws` times
/// with the weights drawn from a Dirichlet around the given ones and the
/// normalisation drawn between min-max and z-score, counting how often
/// each product stays in the territory's top N; and, for the given
/// weights, the smallest change of one weight that swaps the first and
/// the third product (`RankSwap`).
///
/// The Dirichlet has alpha_i = concentration x w_i / sum(w): its mean is
/// the given weights (as shares) and each share varies with variance
/// p(1 - p) / (concentration + 1): at 100, a weight of 0.2 moves by about
/// 0.04 (one sd). A weight of 0 stays 0. The draws are rescaled to the
/// given weights' total. Each draw's normalisation is min-max or z-score
/// with even odds; scopes (`within`) are kept. The same seed gives the
/// same draws (`SplitMix64`).
public struct WeightSensitivity: Sendable {
    public let draws: Int
    public let seed: UInt64
    public let concentration: Double
    public let top: Int

    public init(draws: Int, seed: UInt64, concentration: Double = 100, top: Int) {
        self.draws = draws
        self.seed = seed
        self.concentration = concentration
        self.top = top
    }

    public struct ProductStability: Sendable, Hashable {
        public let product: String
        /// Its rank under the given weights and normalisation.
        public let rank: Int
        /// Draws in which it is in the territory's top N.
        public let inTop: Int
        public let draws: Int
        public var share: Double { Double(inTop) / Double(draws) }
    }

    public struct Territory: Sendable {
        public let territory: String
        /// Every product, by its rank under the given weights.
        public let products: [ProductStability]
        public let swap: RankSwap?
        /// Fewer than three products: no first-third swap to solve.
        public var hasThird: Bool { products.count >= 3 }
    }

    public struct Result: Sendable {
        public let draws: Int
        public let seed: UInt64
        public let concentration: Double
        public let top: Int
        /// Draws that used each normalisation.
        public let normalisations: [Normalisation: Int]
        public let territories: [Territory]
    }

    public func run(_ table: IndicatorTable, weights: IndicatorWeights, normalisation: Normalisation, within: NormalisationScope) throws(ReadError) -> Result {
        let matched = try weights.matched(to: table)
        let given = matched.map(\.weight)
        let total = given.reduce(0, +)
        var normalised: [Normalisation: NormalisedIndicators] = [:]
        for method in Normalisation.allCases {
            normalised[method] = NormalisedIndicators(table: table, weights: matched, normalisation: method, within: within)
        }
        let base = ProductRanking.rank(table, normalised: normalised[normalisation]!, weights: given)
        var inTop: [String: [String: Int]] = [:]
        var used: [Normalisation: Int] = [:]
        var random = SplitMix64(seed: seed)
        let alpha = given.map { concentration * $0 / total }
        for _ in 0..<draws {
            let drawn = random.dirichlet(alpha).map { $0 * total }
            let method = random.next() & 1 == 0 ? Normalisation.minMax : .zScore
            used[method, default: 0] += 1
            for (territory, entries) in ProductRanking.rank(table, normalised: normalised[method]!, weights: drawn) {
                for entry in entries.prefix(top) { inTop[territory, default: [:]][entry.product, default: 0] += 1 }
            }
        }
        let rowOf = Dictionary(table.rows.enumerated().map { ($0.element.line, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let territories = base.map { territory, entries in
            let products = entries.map { entry in
                ProductStability(product: entry.product, rank: entry.rank, inTop: inTop[territory]?[entry.product] ?? 0, draws: draws)
            }
            var swap: RankSwap?
            if entries.count >= 3, let a = rowOf[entries[0].line], let b = rowOf[entries[2].line] {
                swap = RankSwap.solve(first: a, third: b, normalised: normalised[normalisation]!, weights: given,
                                      names: table.indicators, products: (entries[0].product, entries[2].product))
            }
            return Territory(territory: territory, products: products, swap: swap)
        }
        return Result(draws: draws, seed: seed, concentration: concentration, top: top, normalisations: used, territories: territories)
    }
}
