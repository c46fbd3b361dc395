import Foundation
import Testing
@testable import Geo
@testable import Territory

/// `catchment --method capacity` counts every person once: fed, unfed (in
/// a catchment, beyond capacity) or outside (in no catchment), the parts
/// adding up to the population exactly; facilities feed people wherever
/// they are. Every figure is worked by hand in the comments.
@Suite struct CatchmentPeopleTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let circuits = repository.appendingPathComponent("geodata/circuits/food_circuits.geojson").path
    static let basket = repository.appendingPathComponent("geodata/circuits/food_basket.json").path

    /// A parish of 81,264 people (the size of 23 de Enero, Caracas): a
    /// square of 0.02 degrees around (-66.94, 10.50), some 150 km east of
    /// the 37 food circuits of the sample state.
    static let parish = Layer(features: [
        Feature(id: .string("P2301"), geometry: Envelope(minX: -66.95, minY: 10.49, maxX: -66.93, maxY: 10.51).shape,
                properties: ["name": "23 de Enero", "population": 81_264]),
    ], crs: .wgs84)

    /// CatchmentTests' four squares of 1,000 people, prepared on the test's own thread.
    static var squares: StudyTerritories { CatchmentTests.prepared }

    /// One-kilogram-a-person chain: a tonne feeds 1,000 people.
    static let kilo = try! ChainSpec.parse(Data(#"{"product": "cheese", "demandKgPerPersonMonth": 1, "stages": [{"stage": "retail"}]}"#.utf8), name: "c.json")

    func catchments(_ result: CatchmentAnalysis.Result) -> [JSONObject] {
        result.layer.features.map(\.properties).filter { $0["kind"] == "catchment" }
    }

    /// The identity, exactly, on the whole people written.
    func expectIdentity(_ people: PeopleAccount) throws {
        let whole = people.whole
        let (fed, unfed) = (try #require(whole.fed), try #require(whole.unfed))
        #expect(whole.total == fed + unfed + whole.outside)
        let json = people.json
        #expect(json["population_total"]?.doubleValue == Double(whole.total))
        #expect(json["people_fed"]?.doubleValue == Double(fed))
        #expect(json["people_unfed"]?.doubleValue == Double(unfed))
        #expect(json["people_outside"]?.doubleValue == Double(whole.outside))
    }

    @Test func thirtySevenCircuitsFeedTheWholeParishWhereverItIs() throws {
        let territories = try StudyTerritories(Self.parish, file: "<parish>")
        let result = try CatchmentAnalysis(method: .capacity, chain: try ChainSpec.read(path: Self.basket))
            .run(facilities: try Layer.readGeoJSON(path: Self.circuits), file: Self.circuits, in: territories)
        let people = result.people
        // 2,510 t a month at 30 kg a person: 2,510,000 / 30 = 83,666.7 people,
        // 83,667; / 4 = 20,916.7 families, 20,917. The parish wants
        // 81,264 x 30 kg = 2,437.92 t: all fed, 72.08 t left over.
        #expect(people.whole == .init(total: 81_264, inCatchments: 81_264, outside: 0, fed: 81_264, unfed: 0))
        #expect(people.familiesFed == 20_316)                       // 81,264 / 4
        #expect(people.json["capacity_t_month"]?.doubleValue == 2_510)
        #expect(people.json["capacity_people"]?.doubleValue == 83_667)
        #expect(people.json["capacity_families"]?.doubleValue == 20_917)
        #expect(people.json["capacity_used_t_month"]?.doubleValue == 2_437.92)
        #expect(people.line == "2,510 t/month of food at 30 kg a person feeds 83,667 people (20,917 families of 4); of 81,264 people in the territories: 81,264 fed (20,316 families), 0 unfed (in a catchment, beyond capacity), 0 outside every catchment")
        try expectIdentity(people)
        // The facilities' shares add up to the people fed; the parish is
        // whole in one catchment, and nothing is uncovered.
        let fedByFacility = catchments(result).compactMap { $0["people_fed"]?.doubleValue }
        #expect(abs(fedByFacility.reduce(0, +) - 81_264) <= 37)     // each rounded to a whole person
        #expect(catchments(result).filter { ($0["area_m2"]?.doubleValue ?? 0) > 0 }.count == 1)
        #expect(result.uncovered == 0)
    }

    @Test func capacityShortLeavesPeopleUnfedInsideTheCatchments() throws {
        // Four squares of 1,000 people at 1 kg: 4 t wanted, 2 x 1.5 t there.
        let result = try CatchmentAnalysis(method: .capacity, chain: Self.kilo)
            .run(facilities: CatchmentTests.facilities([(500, 1000), (1500, 1000)], capacity: 1.5), in: Self.squares)
        let people = result.people
        #expect(people.whole == .init(total: 4_000, inCatchments: 4_000, outside: 0, fed: 3_000, unfed: 1_000))
        #expect(people.json["capacity_people"]?.doubleValue == 3_000)
        #expect(people.json["capacity_used_t_month"]?.doubleValue == 3)
        #expect(catchments(result).map { $0["people_fed"]?.doubleValue } == [1_500, 1_500])
        #expect(catchments(result).compactMap { $0["people_unfed"]?.doubleValue }.reduce(0, +) == 1_000)
        try expectIdentity(people)
    }

    @Test func aFarFacilityFeedsTheNearestPeopleFirst() throws {
        // One facility 50 km west with 2.5 t: the squares' centres are
        // 50.5, 50.51, 51.5 and 51.51 km away; 2,500 people fed, 1,500 not,
        // every square in its catchment.
        let result = try CatchmentAnalysis(method: .capacity, chain: Self.kilo)
            .run(facilities: CatchmentTests.facilities([(-50_000, 1000)], capacity: 2.5), in: Self.squares)
        #expect(result.people.whole == .init(total: 4_000, inCatchments: 4_000, outside: 0, fed: 2_500, unfed: 1_500))
        #expect(catchments(result).map { $0["area_m2"]?.doubleValue } == [4_000_000])
        #expect(result.uncovered == 0)
        try expectIdentity(result.people)
    }

    @Test func aDistanceLimitLeavesPeopleOutsideEveryCatchment() throws {
        // One facility at the centre of Q0: Q1 and Q2 are 1,000 m away, Q3
        // 1,414 m, beyond 1,200 m. With 10 t: 3,000 fed, Q3's 1,000 outside.
        var analysis = CatchmentAnalysis(method: .capacity, chain: Self.kilo)
        analysis.maxDistance = 1_200
        let plenty = try analysis.run(facilities: CatchmentTests.facilities([(500, 500)], capacity: 10), in: Self.squares)
        #expect(plenty.people.whole == .init(total: 4_000, inCatchments: 3_000, outside: 1_000, fed: 3_000, unfed: 0))
        #expect(plenty.people.json["max_distance_m"]?.doubleValue == 1_200)
        let uncovered = plenty.layer.features.map(\.properties).filter { $0["kind"] == "uncovered" }
        #expect(uncovered.map { $0["population"]?.doubleValue } == [1_000])
        try expectIdentity(plenty.people)
        // With 2 t: Q0 and one of Q1, Q2 fed (1,000 m either way), the other unfed.
        let short = try analysis.run(facilities: CatchmentTests.facilities([(500, 500)], capacity: 2), in: Self.squares)
        #expect(short.people.whole == .init(total: 4_000, inCatchments: 3_000, outside: 1_000, fed: 2_000, unfed: 1_000))
        try expectIdentity(short.people)
    }

    @Test func suppliesMoveSoAFartherTerritoryIsFed() throws {
        // Along a line (metres): territory M at 0 and U at 4,000 (squares of
        // 100 m, 1,000 people, 1 t each); A at 100 with 1 t, S at -3,000
        // with 1 t, and four facilities of 1 kg at -50 to -80 m, so S is
        // not among M's 5 nearest. Within 4,000 m, U reaches only A (3,900
        // m; S is 7,000 m away, the small ones 4,050-4,080) and M reaches
        // all. Fed by their nearest, U would get 4 kg: A feeds M's 996 kg
        // after the small ones' 4. S feeding M (3,000 m) frees A for U:
        // all 2,000 fed; A feeds U's 1,000, S 996 of M and the small ones 1 each.
        func square(_ id: String, _ x: Double) -> Feature {
            Feature(id: .string(id), geometry: Envelope(minX: 600_000 + x - 50, minY: 1_100_000 - 50,
                                                        maxX: 600_000 + x + 50, maxY: 1_100_000 + 50).shape,
                    properties: ["population": 1000])
        }
        let territories = try StudyTerritories(Layer(features: [square("M", 0), square("U", 4_000)], crs: CRS("EPSG:32619")), file: "<line>")
        let places: [(Double, Double)] = [(100, 1), (-3_000, 1), (-50, 0.001), (-60, 0.001), (-70, 0.001), (-80, 0.001)]
        let facilities = Layer(features: places.enumerated().map { index, place in
            Feature(id: .string("F\(index)"), geometry: .point(Position(x: 600_000 + place.0, y: 1_100_000)),
                    properties: ["product": "cheese", "stage": "retail", "capacity": .number(place.1), "unit": "t/month"])
        }, crs: CRS("EPSG:32619"))
        var analysis = CatchmentAnalysis(method: .capacity, chain: Self.kilo)
        analysis.maxDistance = 4_000
        let result = try analysis.run(facilities: facilities, in: territories)
        #expect(result.people.whole == .init(total: 2_000, inCatchments: 2_000, outside: 0, fed: 2_000, unfed: 0))
        #expect(catchments(result).map { $0["people_fed"]?.doubleValue } == [1_000, 996, 1, 1, 1, 1])
        try expectIdentity(result.people)
    }

    @Test func otherMethodsCountPeopleInAndOutsideTheCatchments() throws {
        // A 500 m disc (a 64-gon) in the middle of the block, 1,000 people a km².
        let result = try CatchmentAnalysis(method: .buffer, radius: 500)
            .run(facilities: CatchmentTests.facilities([(1000, 1000)]), in: Self.squares)
        let disc = 32 * 500.0 * 500 * sin(2 * Double.pi / 64) / 1000     // 780.361 people
        let whole = result.people.whole
        #expect(whole.total == 4_000 && whole.fed == nil)
        #expect(whole.inCatchments == disc.rounded() && whole.inCatchments + whole.outside == 4_000)
        #expect(result.people.json["people_fed"] == nil)
    }

    @Test func wholePartsAddUpToTheRoundedWhole() {
        // Largest remainder: 83,666.67 takes the leftover person, not 1,676,473.33.
        #expect(WholeParts.round([83_666.67, 1_676_473.33, 1_000], total: 1_761_140).parts == [83_667, 1_676_473, 1_000])
        // Rounding each half up would give 3 people of 2.
        #expect(WholeParts.round([0.5, 0.5, 1], total: 2).parts == [1, 0, 1])
        #expect(WholeParts.round([0, 0, 0], total: 0).parts == [0, 0, 0])
        // Past Int's range, counted in Doubles, not trapped on.
        #expect(WholeParts.round([1e19, 0], total: 1e19).parts == [1e19, 0])
    }
}
