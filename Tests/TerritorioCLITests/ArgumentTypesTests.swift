import ArgumentParser
import Testing
@testable import Geo
@testable import TerritorioCLI

/// Distances and durations are parsed and checked in one place.
@Suite struct ArgumentTypesTests {
    static func message(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return (error as? ValidationError)?.message ?? "\(error)"
        }
    }

    @Test func lengthsNeedAUnit() throws {
        let radius = Length.parser(flag: "--radius", example: "800m or 5km")
        #expect(try radius("5km").metres == 5000)
        #expect(try radius("2.5 km").metres == 2500)
        #expect(try radius("800m").description == "800m")
        #expect(try radius("0").metres == 0)
        #expect(Self.message { try radius("5") } == "--radius needs a unit: write 5m or 5km, not '5'")
        #expect(Self.message { try radius("-5km") } == "--radius takes a distance such as 800m or 5km, not '-5km'")
        #expect(Self.message { try radius("far") } == "--radius takes a distance such as 800m or 5km, not 'far'")
        let width = Length.parser(flag: "--width", example: "200m", positive: true)
        #expect(Self.message { try width("0m") } == "--width takes a distance such as 200m, not '0m'")
        #expect(Length.help("Reach.", default: Length.given("5km")).abstract == "Reach. (default: 5km)")
    }

    @Test func minutesAreAPositiveSortedList() throws {
        let minutes = Minutes.parser()
        #expect(try minutes("30, 15,60").values == [15, 30, 60])
        #expect(Self.message { try minutes("-5") } == "--minutes takes positive numbers: 15,30,60")
        #expect(Self.message { try minutes("15,abc") } == "--minutes takes positive numbers: 15,30,60, not '15,abc'")
        #expect(Self.message { try minutes("15,inf") } == "--minutes takes finite numbers: 15,30,60, not '15,inf'")
    }

    /// Through the command line: a usage error (64) before anything is read.
    @Test func commandsRefuseADistanceWithoutAUnit() throws {
        do {
            _ = try JoinCommand.parse(["--sites", "p.geojson", "--territories", "q.geojson", "--snap", "5", "-o", "j.geojson"])
            Issue.record("--snap 5 was taken")
        } catch {
            #expect(JoinCommand.message(for: error) == "The value '5' is invalid for '--snap <distance>': --snap needs a unit: write 5m or 5km, not '5'")
            #expect(JoinCommand.exitCode(for: error) == .validationFailure)
        }
        let coverage = try CoverageCommand.parse(["--territories", "t.geojson", "--grouping", "g.csv", "--sites", "s.geojson", "--chain", "c.json"])
        #expect(coverage.radius.metres == 5000)
        let evaluate = try GroupEvaluateCommand.parse(["--territories", "t.geojson", "--grouping", "g.csv", "--snap", "50m"])
        #expect(evaluate.inputs.options().snap == 50)
    }
}
