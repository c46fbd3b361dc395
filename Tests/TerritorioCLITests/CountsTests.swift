import Foundation
import Testing
@testable import TerritorioCLI

/// Nothing lost: on the flawed real boundaries (a self-intersecting parish,
/// municipalities without population, parishes split and duplicated), every
/// command's tally adds up, in = out + rejected, and counts what is there.
@Suite(.enabled(if: SharedGeodata.isPresent, "../shared/geodata is absent: counts on real data skipped"))
struct CountsTests {
    static let venezuela = SharedGeodata.folder + "/venezuela"
    static let parishes = venezuela + "/ve_parroquias_farojson.geojson"
    static let municipalities = venezuela + "/ve_municipios_wof.geojson"
    static let states = venezuela + "/ve_estados_wof.geojson"
    static let places = venezuela + "/ve_localidades_wof.geojson"

    /// Runs a command and returns its status and the tallies it reported,
    /// after checking that each adds up.
    static func run(_ arguments: [String]) -> (status: Int32, tallies: [FeatureCounts]) {
        let recorder = FeatureCounts.Recorder()
        let status = FeatureCounts.$recorder.withValue(recorder) { Territorio.run(arguments: arguments) }
        for tally in recorder.tallies {
            #expect(tally.input == tally.output + tally.rejected, "\(arguments.first ?? ""): \(tally.line)")
        }
        return (status, recorder.tallies)
    }

    func run(_ arguments: [String]) -> (status: Int32, tallies: [FeatureCounts]) { Self.run(arguments) }

    @Test func convertCountsWhatTheFilterSetsAside() throws {
        let (status, tallies) = run(["convert", Self.parishes, "--where", "ESTADO == 'Falcón'", "-o", CommandTests.temporary("falcon.geojson")])
        #expect(status == 0)
        let tally = try #require(tallies.first)
        #expect(tally.input == 1127)
        #expect(tally.output == 84)  // Falcón has 84 parishes in this file (counted with Python)
        #expect(tally.rejections == [.init(reason: "filtered out", count: 1043)])
    }

    @Test func validateAndRepairKeepEveryParish() throws {
        let checked = run(["validate", Self.parishes])
        #expect(checked.status == 1)  // the one invalid parish
        #expect(checked.tallies.first?.input == 1127)
        let repaired = run(["validate", Self.parishes, "--repair", "-o", CommandTests.temporary("parishes_valid.geojson")])
        #expect(repaired.status == 0)
        #expect(repaired.tallies.first?.output == 1127)
    }

    @Test func infoJoinDissolveAndInterpolateAccountForEveryFeature() throws {
        #expect(run(["info", Self.municipalities]).tallies.first?.input == 335)
        let joined = run(["join", "--sites", Self.places, "--territories", Self.parishes, "-o", CommandTests.temporary("places.geojson")])
        #expect(joined.status == 0)
        #expect(joined.tallies.first?.input == 23_359)
        let dissolved = run(["dissolve", Self.parishes, "--by", "ESTADO", "-o", CommandTests.temporary("estados.geojson")])
        #expect(dissolved.tallies.first?.output == 1127)
        // 132 municipalities have no population: 0 by choice, counted.
        let moved = run(["interpolate", "--from", Self.municipalities, "--field", "population", "--missing-values", "zero", "--to", Self.states,
                         "-o", CommandTests.temporary("states_population.geojson")])
        #expect(moved.status == 0)
        #expect(moved.tallies.first?.input == 25)
        #expect(moved.tallies.last?.line == "\(Self.municipalities): 335 sources in, 335 out, 0 rejected; 132 values missing, taken as 0")
    }

    @Test func theTrunkRoadsAllEnterTheGraph() throws {
        let (status, tallies) = run(["network", "info", Self.venezuela + "/ve_vias_troncales_sigot.geojson", "--json"])
        #expect(status == 0)
        #expect(tallies.first?.input == 150)
        #expect(tallies.first?.output == 150)
    }

    @Test func catchmentsCountTheFacilitiesTheyLeaveOut() throws {
        // The 224 places of type localadmin as facilities, each state to its nearest.
        let (status, tallies) = run(["catchment", "--sites", Self.places, "--where", "placetype == 'localadmin'",
                                     "--method", "nearest", "--territories", Self.states, "-o", CommandTests.temporary("catchments.geojson")])
        #expect(status == 0)
        let tally = try #require(tallies.first)
        #expect(tally.input == 23_359)
        #expect(tally.rejections.first == .init(reason: "not selected by --where", count: 23_359 - 224))
    }
}
