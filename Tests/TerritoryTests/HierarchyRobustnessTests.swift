import Foundation
import Testing
@testable import Geo
@testable import Territory

/// A unit whose overlay GEOS cannot compute never stops a hierarchy check:
/// it is retried on a repaired copy, and named in a problem if that fails.
@Suite struct HierarchyRobustnessTests {
    let context = GEOSContext.current

    func geometry(_ values: [Double]) throws -> Geometry {
        try Geometry(.polygon([CoordinateSequence(values: values)]), context: context)
    }

    func square(_ x: Double, _ y: Double, _ size: Double) throws -> Geometry {
        try geometry([x, y, x + size, y, x + size, y + size, x, y + size, x, y])
    }

    func level(_ name: String, codes: [String], parents: [String?], _ geometries: [Geometry]) -> HierarchyCheck.Level {
        HierarchyCheck.Level(spec: HierarchySpec.Level(name: name, file: "-", id: "code", nameField: "name", parent: parents.contains { $0 != nil } ? "parent" : nil),
                             codes: codes, names: codes.map { "Unit \($0)" }, parentCodes: parents, parentNames: parents.map { _ in nil },
                             geometries: geometries)
    }

    @Test func aBowTieUnitIsCheckedOnARepairedCopy() throws {
        // Metres: a province 2 km square; its districts a square and a
        // bow-tie GEOS's overlay refuses as it is.
        let provinces = level("province", codes: ["P"], parents: [nil], [try square(0, 0, 2000)])
        let districts = level("district", codes: ["A", "B"], parents: ["P", "P"], [
            try square(0, 0, 1000),
            try geometry([1000, 0, 2000, 2000, 2000, 0, 1000, 2000, 1000, 0]),
        ])
        let problems = try HierarchyCheck().check([provinces, districts], context: context)
        #expect(!problems.contains { $0.kind == .checkFailed }, "\(problems.map(\.message))")
        #expect(problems.contains { $0.kind == .gap && $0.other == "P" })
    }

    @Test func anOverlayThatFailsTwiceBecomesTheProblemItsCallerNames() throws {
        let unit = try square(0, 0, 1)
        var runs = 0
        let attempt: HierarchyAttempt<Int> = HierarchyCheck().retrying([unit], failure: { error in
            HierarchyProblem(kind: .checkFailed, level: "district", unit: "B", message: "district B (Unit B): \(error.message)")
        }) { _ throws(GEOSError) -> Int in
            runs += 1
            throw GEOSError(operation: "intersection", message: "TopologyException: side location conflict")
        }
        guard case .failure(let problem) = attempt else { Issue.record("no failure"); return }
        #expect(runs == 2, "once as given, once repaired")
        #expect(problem.unit == "B" && problem.message.contains("side location conflict"))
    }
}
