import Foundation
import Testing
import TestSupport
@testable import Territory

/// Territorio's siting against an exact integer programme: the same
/// random instances (fixed seeds) solved by HiGHS in
/// Tests/Python/siting_oracle.py. Where Territorio says `optimal`, the
/// objectives agree to 1e-6 relative; and it must say so on these sizes.
@Suite struct SitingOracleTests {
    /// `demand` points and `candidates` uniform in a 10 km square, weights 1-100, cost in metres.
    static func instance(seed: UInt64, demand: Int, candidates: Int, existing: Set<Int> = []) -> SitingProblem {
        var random = SplitMix64(seed: seed)
        func uniform() -> Double { Double(random.next() >> 11) / Double(1 << 53) }
        let demandPoints = (0..<demand).map { _ in (uniform() * 10_000, uniform() * 10_000) }
        let weights = (0..<demand).map { _ in (1 + uniform() * 99).rounded() }
        let candidatePoints = (0..<candidates).map { _ in (uniform() * 10_000, uniform() * 10_000) }
        let cost = demandPoints.map { d in candidatePoints.map { c in ((d.0 - c.0) * (d.0 - c.0) + (d.1 - c.1) * (d.1 - c.1)).squareRoot() } }
        return SitingProblem(demandIDs: (0..<demand).map { "d\($0)" }, weights: weights,
                             candidateIDs: (0..<candidates).map { "c\($0)" }, cost: cost, existing: existing)
    }

    static func oracle(_ problem: SitingProblem, method: String, p: Int = 0, radius: Double = 0) throws -> Double? {
        let body: [String: Any] = [
            "method": method, "p": p, "radius": radius, "weights": problem.weights,
            "cost": problem.cost.map { row in row.map { $0.isFinite ? $0 as Any : NSNull() } },
            "existing": problem.existing.sorted(),
        ]
        let input = try JSONSerialization.data(withJSONObject: body)
        guard let outcome = try TestPython.run(script: TestPython.script("siting_oracle.py"), input: input) else { return nil }
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let last = outcome.standardOutput.split(separator: "\n").last.map(String.init) ?? ""
        let answer = try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any]
        #expect(answer?["status"] as? String == "Optimal")
        return answer?["objective"] as? Double
    }

    static func agree(_ result: SitingResult, _ exact: Double) {
        #expect(result.optimal, "Territorio did not prove its \(result.method.name) optimal: gap \(result.gap ?? -1) after \(result.nodes) nodes")
        #expect(result.gap == 0 || !result.optimal)
        #expect(abs(result.objective - exact) <= 1e-6 * max(1, abs(exact)), "Territorio \(result.objective), HiGHS \(exact)")
    }

    @Test(arguments: [(UInt64(1), 200, 50, 5), (2, 200, 50, 10), (3, 120, 30, 3)])
    func pMedianMatchesTheIntegerProgramme(seed: UInt64, demand: Int, candidates: Int, p: Int) throws {
        let problem = Self.instance(seed: seed, demand: demand, candidates: candidates)
        guard let exact = try Self.oracle(problem, method: "p-median", p: p) else { print(TestPython.missingMessage); return }
        Self.agree(try Siting(method: .pMedian(p: p)).run(problem), exact)
    }

    @Test func pMedianWithExistingFacilitiesMatches() throws {
        let problem = Self.instance(seed: 4, demand: 150, candidates: 40, existing: [0, 7, 19])
        guard let exact = try Self.oracle(problem, method: "p-median", p: 4) else { print(TestPython.missingMessage); return }
        Self.agree(try Siting(method: .pMedian(p: 4)).run(problem), exact)
    }

    @Test(arguments: [(UInt64(5), 200, 50, 5, 1500.0), (6, 200, 50, 8, 1200), (7, 100, 25, 3, 2000)])
    func maximalCoveringMatchesTheIntegerProgramme(seed: UInt64, demand: Int, candidates: Int, p: Int, radius: Double) throws {
        let problem = Self.instance(seed: seed, demand: demand, candidates: candidates)
        guard let exact = try Self.oracle(problem, method: "mclp", p: p, radius: radius) else { print(TestPython.missingMessage); return }
        Self.agree(try Siting(method: .maximalCovering(p: p, radius: radius)).run(problem), exact)
    }

    @Test(arguments: [(UInt64(8), 200, 50, 2500.0), (9, 200, 50, 2000), (10, 150, 40, 3000)])
    func setCoveringMatchesTheIntegerProgramme(seed: UInt64, demand: Int, candidates: Int, radius: Double) throws {
        let problem = Self.instance(seed: seed, demand: demand, candidates: candidates, existing: [3])
        guard let exact = try Self.oracle(problem, method: "lscp", radius: radius) else { print(TestPython.missingMessage); return }
        Self.agree(try Siting(method: .setCovering(radius: radius)).run(problem), exact)
    }

    /// Stopped after one node, the search may not have its proof: then it
    /// must say so, with a bound on the right side of the exact optimum.
    @Test func aNodeLimitNeverClaimsWhatItDidNotProve() throws {
        let problem = Self.instance(seed: 11, demand: 200, candidates: 50)
        let methods: [(SitingMethod, String, Int, Double)] = [(.pMedian(p: 6), "p-median", 6, 0), (.maximalCovering(p: 4, radius: 1500), "mclp", 4, 1500),
                                                             (.setCovering(radius: 1800), "lscp", 0, 1800)]
        for (method, name, p, radius) in methods {
            guard let exact = try Self.oracle(problem, method: name, p: p, radius: radius) else { print(TestPython.missingMessage); return }
            let result = try Siting(method: method, nodeLimit: 1).run(problem)
            let bound = try #require(result.bound)
            let tolerance = 1e-6 * max(1, abs(exact))
            if case .maximalCovering = method {
                #expect(result.objective <= exact + tolerance && bound >= exact - tolerance, "\(name): \(result.objective) <= \(exact) <= \(bound)")
            } else {
                #expect(result.objective >= exact - tolerance && bound <= exact + tolerance, "\(name): \(bound) <= \(exact) <= \(result.objective)")
            }
            if result.optimal { #expect(abs(result.objective - exact) <= tolerance) } else { #expect((result.gap ?? 0) > 0) }
        }
    }
}
