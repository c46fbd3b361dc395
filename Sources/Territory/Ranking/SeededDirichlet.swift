import Foundation

/// A small seeded generator (SplitMix64, Steele, Lea and Flood 2014): the
/// same seed gives the same draws on every platform and Swift version,
/// which `SystemRandomNumberGenerator` does not promise.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in (0, 1), never 0 (a logarithm is taken of it): the top 53 bits.
    public mutating func unit() -> Double {
        (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992
    }

    /// Standard normal by Box-Muller (one of the pair; simple over fast).
    public mutating func normal() -> Double {
        let u = unit(), v = unit()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    /// Gamma(shape, 1) by Marsaglia and Tsang (2000); a shape below 1 is
    /// drawn as Gamma(shape + 1) x U^(1/shape), as they give.
    public mutating func gamma(shape: Double) -> Double {
        precondition(shape > 0, "a Gamma shape is positive")
        if shape < 1 { return gamma(shape: shape + 1) * pow(unit(), 1 / shape) }
        let d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double, v: Double
            repeat {
                x = normal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = unit()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// Dirichlet(alpha): independent Gamma(alpha_i) scaled to sum 1. An
    /// alpha of 0 stays 0 (an indicator weighted 0 stays out).
    public mutating func dirichlet(_ alpha: [Double]) -> [Double] {
        guard alpha.contains(where: { $0 > 0 }) else { return alpha.map { _ in 0 } }
        while true {
            let draws = alpha.map { $0 > 0 ? gamma(shape: $0) : 0 }
            let total = draws.reduce(0, +)
            // Tiny shapes can underflow every draw to 0: draw again.
            if total > 0, total.isFinite { return draws.map { $0 / total } }
        }
    }
}
