import Foundation
import Geo
import Territory
import Testing
@testable import Workbench

extension WorkbenchTests {
    /// The session measures after an edit only the circuits it touched
    /// (`CircuitFiguresCache`); its answer must be the one both analyses
    /// give when run whole on the same grouping, byte for byte.
    @Suite struct WorkbenchIncrementalTests {
        /// A seeded series of moves, new circuits, merges, deletions, undos
        /// and redos on the sample study, with a scenario that adds a cheese
        /// plant (new sites: every circuit's coverage measured again) part way.
        @Test func aSeriesOfEditsAnswersWhatAWholeRunGives() async throws {
            let (session, _) = try await WorkbenchFixture.session()
            var random = SplitMix64(seed: 20261130)
            var kinds: [String: Int] = [:]
            let first = try await session.metricsAgainstAFullRun()
            #expect(first.served == first.full)

            for step in 0..<28 {
                let rows = await session.current.grouping.rows
                let circuits = await session.current.grouping.circuits
                let territory = rows[Int(random.next() % UInt64(rows.count))].territory
                let target = circuits[Int(random.next() % UInt64(circuits.count))]
                let roll = step == 12 ? 100 : Int(random.next() % 100)
                let kind: String
                do {
                    switch roll {
                    case 0..<45:
                        kind = "move"
                        _ = try await session.move([territory], to: target)
                        // A move touches its two circuits at most: the others are kept.
                        #expect(await session.circuitsLastMeasured() <= 2)
                    case 45..<55:
                        kind = "create"
                        let other = rows[Int(random.next() % UInt64(rows.count))].territory
                        _ = try await session.createCircuit("N\(step)", name: "new \(step)", territories: [territory, other])
                    case 55..<65:
                        kind = "merge"
                        let other = circuits[Int(random.next() % UInt64(circuits.count))]
                        _ = try await session.mergeCircuits([target, other], into: target, name: nil)
                    case 65..<72:
                        kind = "delete"
                        _ = try await session.deleteCircuit(target)
                    case 72..<88:
                        kind = "undo"
                        _ = try await session.undo()
                    case 88..<100:
                        kind = "redo"
                        _ = try await session.redo()
                    default:
                        kind = "scenario"
                        let edits = try Data(contentsOf: WorkbenchFixture.territory.appendingPathComponent("scenarios/cheese_plant_tovar.json"))
                        _ = try await session.applyScenario(edits, preview: false)
                    }
                } catch let error as WorkbenchError where error.status == 409 {
                    continue   // nothing to undo or redo, or the last circuit: nothing changed
                } catch let error as WorkbenchError where error.status == 400 && roll >= 45 && roll < 65 {
                    continue   // a merge of a circuit with itself: refused, nothing changed
                }
                kinds[kind, default: 0] += 1
                let answer = try await session.metricsAgainstAFullRun()
                #expect(answer.served == answer.full, "step \(step) (\(kind)): the kept figures differ from a whole run")
            }
            // The series went through every kind of edit.
            #expect(Set(kinds.keys) == ["move", "create", "merge", "delete", "undo", "redo", "scenario"], "\(kinds)")
        }
    }
}
