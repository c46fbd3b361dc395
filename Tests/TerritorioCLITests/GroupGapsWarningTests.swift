import Foundation
import Testing

/// Who's On First's municipality shapes leave small gaps between some
/// neighbours, which split circuits that are contiguous on the ground.
/// `group evaluate` says so, and names the fix.
@Suite(.enabled(if: SharedGeodata.isPresent, "../shared/geodata is absent: real-data grouping warning skipped"))
struct GroupGapsWarningTests {
    @Test func unitsTouchingNoneAreCountedAndSnapJoinsThem() throws {
        let byState = try CountsOfAnalysesTests.groupingByState(name: "by_state_gaps.csv")
        let evaluate = ["group", "evaluate", "--territories", CountsOfAnalysesTests.municipalities, "--id-field", "wof_id", "--grouping", byState,
                        "--missing-population", "zero"]  // 132 municipalities have none

        let plain = try ChildProcess.run(evaluate)
        #expect(plain.status == 0)
        // 23 municipalities share no stretch of boundary with any other (counted again with Shapely).
        #expect(plain.standardError.hasPrefix(
            "territorio: warning: 23 of 335 territories touch no other: islands, or boundaries with small gaps between neighbours; for gaps, --snap 50m counts units within 50 m as neighbours\n"))
        #expect(plain.standardOutput.contains("25 circuits; 12 % contiguous"))

        // With the snap, every state is contiguous but Nueva Esparta (Coche is
        // an island) and Zulia (Lake Maracaibo divides it).
        let snapped = try ChildProcess.run(evaluate + ["--snap", "50m"])
        #expect(!snapped.standardError.contains("warning"))
        #expect(snapped.standardOutput.contains("25 circuits; 92 % contiguous"))
    }
}
