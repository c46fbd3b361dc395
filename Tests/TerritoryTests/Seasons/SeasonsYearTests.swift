import Foundation
import Testing
@testable import Geo
@testable import Territory

/// The rest of the year: capacity catchments month by month and the
/// distribution's year by circuit, worked by hand.
@Suite struct SeasonsYearTests {
    /// Two facilities of 1.5 t a month over CatchmentTests' four squares of
    /// 1,000 people at 1 kg a person (4 t wanted). F1 harvests: nothing in
    /// January, 5 % of its year (12 × 1.5 × 0.05 = 0.9 t) in February and
    /// March, 10 % (1.8 t) from April on. F0 is flat.
    static let harvest = [0, 0.05, 0.05, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]

    static func year(seasons: ChainSeasons? = nil) throws -> SeasonalCatchment.Result {
        var layer = CatchmentTests.facilities([(500, 1000), (1500, 1000)], capacity: 1.5)
        layer.features[1].properties["season"] = SeasonsTests.profileText(harvest)
        let sites = try SeasonalSites(layer, file: "<facilities>", capacityField: "capacity")
        return try SeasonalCatchment(CatchmentAnalysis(method: .capacity, chain: CatchmentPeopleTests.kilo), seasons: seasons)
            .run(sites, positions: [0, 1], in: CatchmentPeopleTests.squares)
    }

    @Test func peopleFedByMonthAndTheWorstMonth() throws {
        let result = try Self.year()
        // January: F0's 1.5 t alone feeds 1,500; February and March 1.5 + 0.9 = 2.4 t,
        // 2,400; from April 1.5 + 1.8 = 3.3 t, 3,300. The rest of the 4,000 unfed.
        #expect(result.runs.map(\.fed) == [1_500, 2_400, 2_400] + Array(repeating: 3_300, count: 9))
        #expect(result.runs.map { $0.fed + $0.unfed + $0.outside } == Array(repeating: 4_000, count: 12))
        #expect(result.runs[0].idle == [1])
        #expect(result.worst?.month == Month(1))
        // F0 feeds 1,500 every month (its worst: January, the earliest); F1
        // nothing in January, 900 in February and March, 1,800 after.
        let byID = Dictionary(uniqueKeysWithValues: result.facilities.map { ($0.id, $0) })
        #expect(byID["F0"]?.fed == Array(repeating: 1_500, count: 12))
        #expect(byID["F1"]?.fed == [0, 900, 900] + Array(repeating: 1_800, count: 9))
        #expect(byID["F1"]?.worst == Month(1))
        // The layer: each month's catchments with the facility's year on them.
        let layer = try result.layer()
        let april = layer.features.filter { $0.properties["month"]?.doubleValue == 4 && $0.properties["kind"] == "catchment" }
        #expect(april.count == 2)
        let f1 = try #require(april.first { $0.properties["facility_id"] == "F1" })
        #expect(f1.properties["people_fed_02"]?.doubleValue == 900 && f1.properties["worst_month"]?.doubleValue == 1)
        guard case .object(let json) = result.json else { Issue.record("not an object"); return }
        #expect(json["worst_month"]?.doubleValue == 1)
        #expect(result.markdown(language: .en).contains("**Worst month: January, 1,500 people fed.**"))
    }

    @Test func seasonalDemandFeedsFewerPeople() throws {
        // December at 2 kg a person: April's 3.3 t feed 3,300 / 2 = 1,650.
        var factors = Array(repeating: 1.0, count: 12)
        factors[11] = 2
        let result = try Self.year(seasons: ChainSeasons(product: "cheese", demandFactors: factors))
        #expect(result.runs[11].fed == 1_650)
        #expect(result.runs[11].capacityPeople == 1_650)
        #expect(result.worst?.month == Month(1))
    }

    @Test func otherMethodsHaveNoYear() throws {
        let sites = try SeasonalSites(CatchmentTests.facilities([(500, 1000)]), file: "<facilities>", capacityField: "capacity")
        #expect(throws: ReadError.self) {
            try SeasonalCatchment(CatchmentAnalysis(method: .voronoi)).run(sites, positions: [0], in: CatchmentPeopleTests.squares)
        }
    }

    /// The sites of `CircuitCoverageTests` without C's milk: A's milk on
    /// `SeasonsTests.harvest` (36,000 l in January, 14,400 l in March), B's
    /// 10,000 l. Each circuit wants 3,000 × 0.6 kg = 1.8 t a month, 5.4 t in all.
    @Test func theDistributionsYearByCircuit() throws {
        var layer = SeasonsTests.sites()
        layer.features.remove(at: 7)
        let seasonal = try SeasonsTests.seasonal(layer)
        let year = try SeasonalDistribution(Distribution(chain: CircuitCoverageTests.chain)).run(seasonal)
        let circuits = year.circuits(grouping: CircuitCoverageTests.grouping)
        #expect(circuits.map(\.id) == ["A", "B", "C"])
        for circuit in circuits { #expect(circuit.months.allSatisfy { abs($0.demand - 1.8) < 1e-9 }, "\(circuit.id)") }
        for (index, run) in year.runs.enumerated() {
            #expect(abs(circuits.reduce(0) { $0 + $1.months[index].delivered } - run.result.delivered) < 1e-9)
            #expect(abs(circuits.reduce(0) { $0 + $1.months[index].demand } - run.result.demand) < 1e-9)
        }
        // March: 14,400 + 10,000 l make 2.44 t of cheese, all of it delivered somewhere.
        #expect(abs(year.runs[2].result.delivered - 2.44) < 1e-6)
        #expect(year.worst?.month == Month(3))
        // Some circuit is short in March and its worst month is March.
        #expect(circuits.contains { $0.worst?.month == Month(3) && ($0.worst?.share ?? 1) < 1 })
        guard case .array(let entries) = SeasonalDistribution.Result.circuitsJSON(circuits), case .object(let first) = entries.first else {
            Issue.record("not an array of objects"); return
        }
        #expect(first["circuit"] == "A")
    }
}
