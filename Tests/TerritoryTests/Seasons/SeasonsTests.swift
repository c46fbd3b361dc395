import Foundation
import Testing
@testable import Geo
@testable import Territory

/// Seasons worked by hand on the three circuits of `CircuitCoverageTests`
/// (3,000 people each, 0.6 kg of cheese a person a month: 1.8 t of demand
/// a month; milk makes cheese at 0.0001 t a litre; collection skippable).
@Suite struct SeasonsTests {
    /// Circuit A's milk: 30,000 l in an average month, 10 % of the year in
    /// January and February, 4 % in March: 36,000 l (3.6 t of cheese) in
    /// January, 14,400 l (1.44 t) in March.
    static let harvest = [0.1, 0.1, 0.04, 0.09, 0.09, 0.08, 0.08, 0.08, 0.08, 0.08, 0.09, 0.09]

    static func profileText(_ shares: [Double]) -> JSONValue { .string(shares.map { "\($0)" }.joined(separator: ",")) }

    /// The sites of `CircuitCoverageTests`, A's milk on `harvest`, and A's
    /// plant (site 1, 2 t of cheese a month) storing `storage` t of cheese.
    static func sites(storage: Double? = nil, milkSeason: JSONValue? = nil) -> Layer {
        var layer = CircuitCoverageTests.sites
        layer.features[0].properties["season"] = milkSeason ?? profileText(harvest)
        if let storage { layer.features[1].properties["storage_capacity"] = .number(JSONNumber(storage)) }
        return layer
    }

    static func seasonal(_ layer: Layer, chains: [ChainSpec] = [CircuitCoverageTests.chain],
                         chainSeasons: [ChainSeasons] = []) throws -> SeasonalStudy {
        let study = try CircuitCoverageTests.study(chains: chains, sites: layer)
        let named = try SeasonalStudy.namedSeasons(chainSeasons) { "\($0).json" }
        let sites = try SeasonalSites(layer, file: "<sites>", capacityField: "capacity", seasons: named)
        return try SeasonalStudy(base: study, sites: sites, chainSeasons: chainSeasons)
    }

    static func run(_ seasonal: SeasonalStudy) throws -> SeasonalCoverage.Result {
        var analysis = SeasonalCoverage()
        analysis.coverage.radius = 500
        return try analysis.run(seasonal)
    }

    static func month(_ number: Int) -> Month { Month(number)! }

    @Test func monthsFromNumbersAndNames() {
        #expect(Month.parse("3") == Month(3))
        #expect(Month.parse("Marzo") == Month(3))
        #expect(Month.parse("march") == Month(3))
        #expect(Month.parse("sep") == Month(9))
        #expect(Month.parse("setiembre") == Month(9))
        #expect(Month.parse("ma") == nil)   // March or May
        #expect(Month.parse("13") == nil)
        #expect(Month.parse("brumaire") == nil)
    }

    @Test func aHarvestMonthFlipsACircuitFromSurplusToDeficit() throws {
        let result = try Self.run(try Self.seasonal(Self.sites()))
        let a = result.circuits[0].products[0]
        let january = a.months[0], march = a.months[2]
        // January: 3.6 t of cheese from the milk, the plant's 2 t limit the chain;
        // its people get their 1.8 t and 3.6 - 1.8 = 1.8 t can leave.
        #expect(abs(january.production - 3.6) < 1e-9)
        #expect(abs(january.chainCapacity - 2) < 1e-9)
        #expect(abs(january.selfSupply - 1.8) < 1e-9)
        #expect(abs(january.exportableSurplus - 1.8) < 1e-9)
        #expect(january.selfSufficiency == 1)
        // March: 1.44 t, short of 1.8: 80 % fed, 0.36 t unfed, the milk the bottleneck.
        #expect(abs(march.production - 1.44) < 1e-9)
        #expect(abs(march.selfSupply - 1.44) < 1e-9)
        #expect(march.exportableSurplus == 0)
        #expect(abs(march.selfSufficiency! - 0.8) < 1e-9)
        #expect(abs(march.shortfall - 0.36) < 1e-9)
        #expect(march.bottleneck == .primary)
        #expect(a.worst?.month == Self.month(3))
        // B has no profile: the same every month (1 t of cheese, 1.8 t of demand).
        let b = result.circuits[1].products[0]
        #expect(Set(b.months.map { ($0.production * 1e6).rounded() }) == [1e6])
        #expect(b.worst?.month == Self.month(1))   // every month alike: the first
        #expect(result.sitesWithProfile == 1)
        #expect(result.sitesFlat == CircuitCoverageTests.sites.count - 1)
        #expect(result.sitesStoring == 0)
    }

    /// Each month of the year equals a coverage of that month's study.
    @Test func eachMonthIsTheCoverageOfItsStudy() throws {
        let seasonal = try Self.seasonal(Self.sites())
        let year = try Self.run(seasonal)
        for month in [1, 3, 7] {
            var coverage = CircuitCoverage()
            coverage.radius = 500
            let single = try coverage.run(try seasonal.month(Self.month(month)).study)
            for (circuit, alone) in zip(year.circuits, single.circuits) {
                #expect(circuit.products[0].months[month - 1].selfSupply == alone.products[0].selfSupply)
                #expect(circuit.products[0].months[month - 1].production == alone.products[0].production)
            }
        }
    }

    /// A's plant stores 0.5 t of cheese. January's and February's plant
    /// has 0.2 t to spare each month (2 t of capacity, 1.8 t of demand);
    /// March lacks 0.36 t. The cheapest way (a tonne-month in store costs
    /// 1) stores February's 0.2 t one month and 0.16 t of January's two:
    /// 0.16 t carried out of January, 0.36 t out of February, March fed.
    @Test func storageCarriesSurplusAcrossTwoMonths() throws {
        let result = try Self.run(try Self.seasonal(Self.sites(storage: 0.5)))
        let a = result.circuits[0].products[0]
        #expect(abs(a.storage - 0.5) < 1e-12)
        #expect(abs(a.months[0].carried - 0.16) < 1e-9)
        #expect(abs(a.months[1].carried - 0.36) < 1e-9)
        #expect(a.months[2].carried == 0)
        #expect(abs(a.months[2].selfSupplyStored - 1.8) < 1e-9)
        #expect(abs(a.months[2].selfSupply - 1.44) < 1e-9)   // without the store, as before
        #expect(abs(a.months[2].selfSufficiency! - 1) < 1e-9)
        #expect(a.months.allSatisfy { $0.selfSupplyStored >= $0.selfSupply - 1e-9 })
        // Every month fed: the worst is the first of equals.
        #expect(a.worst?.month == Self.month(1))
        #expect(result.sitesStoring == 1)
    }

    /// A store of 0.1 t: February's spare alone fills it; March gets
    /// 1.44 + 0.1 = 1.54 t, 85.6 % of its demand; nothing comes from January.
    @Test func aSmallStoreCarriesWhatItHolds() throws {
        let result = try Self.run(try Self.seasonal(Self.sites(storage: 0.1)))
        let a = result.circuits[0].products[0]
        #expect(a.months[0].carried == 0)
        #expect(abs(a.months[1].carried - 0.1) < 1e-9)
        #expect(abs(a.months[2].selfSupplyStored - 1.54) < 1e-9)
        #expect(a.worst?.month == Self.month(3))
    }

    /// A named season of the chain, and a demand higher in December.
    @Test func namedSeasonsAndSeasonalDemand() throws {
        let json = """
            {"product": "cheese", "demandKgPerPersonMonth": 0.6,
             "stages": [{"stage": "primary", "product": "milk", "unit": "l/month"},
                        {"stage": "collection", "product": "milk", "unit": "l/month"},
                        {"stage": "processing", "yield": 0.0001}, {"stage": "retail"}],
             "skippable": ["collection"],
             "seasons": {"lluvias": [0.1, 0.1, 0.04, 0.09, 0.09, 0.08, 0.08, 0.08, 0.08, 0.08, 0.09, 0.09]},
             "demandByMonth": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.5]}
            """
        let chain = try ChainSpec.parse(Data(json.utf8), name: "cheese.json")
        let seasons = try ChainSeasons.parse(Data(json.utf8), name: "cheese.json", product: chain.product)
        let result = try Self.run(try Self.seasonal(Self.sites(milkSeason: .string("lluvias")), chains: [chain], chainSeasons: [seasons]))
        let a = result.circuits[0].products[0]
        #expect(abs(a.months[2].production - 1.44) < 1e-9)
        // December: 2.7 t of demand; 3.24 t of milk, the plant's 2 t: 74 % fed.
        #expect(abs(a.months[11].demand - 2.7) < 1e-9)
        #expect(abs(a.months[11].selfSupply - 2) < 1e-9)
        #expect(a.worst?.month == Self.month(12))
        #expect(a.worst?.bottleneck == .processing)
    }

    @Test func badProfilesAreRejectedNamingTheFeature() throws {
        func message(_ season: JSONValue) -> String {
            do {
                _ = try Self.seasonal(Self.sites(milkSeason: season))
                return "accepted"
            } catch { return "\(error)" }
        }
        let eleven = message(Self.profileText(Array(Self.harvest.prefix(11))))
        #expect(eleven.contains("<sites>") && eleven.contains("feature 0") && eleven.contains("12 shares"), "\(eleven)")
        let sum = message(Self.profileText(Self.harvest.map { $0 * 0.9 }))
        #expect(sum.contains("sum to 0.9") && sum.contains("not 1"), "\(sum)")
        var negative = Self.harvest
        negative[0] = -0.1
        negative[1] = 0.3
        #expect(message(Self.profileText(negative)).contains("share of month 1 is -0.1"))
        let unknown = message(.string("cosecha"))
        #expect(unknown.contains("unknown season 'cosecha'") && unknown.contains("12 shares"), "\(unknown)")
        // The chain's own seasons and demand are checked too.
        let chain = #"{"product": "x", "demandPerPersonMonth": 1, "stages": [{"stage": "primary"}], "seasons": {"s": [1, 2]}}"#
        #expect(throws: ReadError.self) { try ChainSeasons.parse(Data(chain.utf8), name: "x.json", product: "x") }
        let demand = #"{"product": "x", "demandPerPersonMonth": 1, "stages": [{"stage": "primary"}], "demandByMonth": [1, 1]}"#
        do {
            _ = try ChainSeasons.parse(Data(demand.utf8), name: "x.json", product: "x")
            Issue.record("accepted 2 demand factors")
        } catch {
            #expect(error.description.contains("x.json") && error.description.contains("give 12"))
        }
    }

    @Test func aMonthOfZeroLeavesTheSiteIdle() throws {
        var shares = Array(repeating: 1.0 / 11, count: 12)
        shares[5] = 0
        let seasonal = try Self.seasonal(Self.sites(milkSeason: Self.profileText(shares)))
        let june = try seasonal.month(Self.month(6))
        #expect(june.sites.idle == [0])
        #expect(june.study.sites?.count == CircuitCoverageTests.sites.count - 1)
    }

    @Test func sparklines() {
        #expect(Sparkline.text([0, 0.5, 1, nil], low: 0) == "▁▅█·")
        #expect(Sparkline.svg([1, nil, 0.5]).hasPrefix("<svg"))
    }
}
