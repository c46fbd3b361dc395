import Foundation
import Testing
@testable import Geo
@testable import Territory

/// The circuit economy by hand: stage balances in each stage's units,
/// exportable surplus never capped by the circuit's own plants or shops,
/// several input products, any unit, value added with an intermediary,
/// Spanish stage names and units, zones.
@Suite struct CircuitEconomyTests {
    static let metric = CRS("EPSG:32619")

    /// One 10 km square circuit "X" of `population` people, with `sites`
    /// (product, stage, capacity, unit, owner) at its centre.
    static func circuit(population: Double, chain: String, sites: [(String, String, Double, String, String)],
                        zoning: Zoning? = nil) throws -> (CircuitCoverage.Result, CoverageReport) {
        let square = Envelope(minX: 600_000, minY: 1_100_000, maxX: 610_000, maxY: 1_110_000).shape
        let parishes = Layer(features: [Feature(id: .string("T1"), geometry: square, properties: ["population": .number(population)])], crs: metric)
        let points = Layer(features: sites.map { product, stage, capacity, unit, owner in
            Feature(geometry: .point(Position(x: 605_000, y: 1_105_000)), properties: [
                "product": .string(product), "stage": .string(stage), "capacity": .number(capacity),
                "unit": .string(unit), "owner": .string(owner),
            ])
        }, crs: metric)
        let spec = try ChainSpec.parse(Data(chain.utf8), name: "chain.json")
        var fields = SiteFields()
        fields.vocabulary = SiteVocabulary(chains: [spec])
        let territories = try StudyTerritories(parishes, file: "<parishes>")
        let study = try Study(territories: territories, sites: try StudySites(points, file: "<sites>", fields: fields, in: territories),
                              chains: [spec], grouping: Grouping(rows: [.init(line: 2, territory: "T1", circuit: "X")]),
                              zoning: zoning)
        let result = try CircuitCoverage().run(study)
        return (result, CoverageReport(result))
    }

    static let vegetables = """
        {"product": "vegetables", "demandKgPerPersonMonth": 8,
         "stages": [{"stage": "primary"}, {"stage": "collection", "yield": 0.9}, {"stage": "retail"}],
         "skippable": ["collection"]}
        """

    @Test func aValleyWithARawSurplusAndFewShops() throws {
        // 101,000 people eat 808 t a month; the valley grows 12,000 t, a tenth of which is
        // lost before collection; its shops sell 500 t.
        let (result, report) = try Self.circuit(population: 101_000, chain: Self.vegetables, sites: [
            ("vegetables", "primary", 12_000, "t/month", "circuit"), ("vegetables", "collection", 3_000, "t/month", "circuit"),
            ("vegetables", "retail", 500, "t/month", "circuit"),
        ])
        let p = result.circuits[0].products[0]
        #expect(abs(p.demand - 808) < 1e-9)
        // Primary needs 808 / 0.9 = 897.8 t: +11,102.2 t.
        #expect(abs(p.stages[0].needed - 808 / 0.9) < 1e-9)
        #expect(abs(p.stages[0].balance - (12_000 - 808 / 0.9)) < 1e-9)
        // 10,800 t reach the table; 808 feed the valley: 9,992 t can leave, whatever the
        // shops and collection can handle.
        #expect(abs(p.exportableSurplus - 9_992) < 1e-9)
        #expect(p.productShortage == 0)
        // The shops lack 308 t: a shortage of a stage, not of product.
        #expect(p.bottleneck == .retail)
        #expect(abs(p.selfSupply - 500) < 1e-9)
        #expect(p.stageShortages.map(\.stage) == [.retail])
        #expect(abs(p.stages[2].toAdd! - 308) < 1e-9)
        let markdown = report.markdown
        #expect(markdown.contains("| X | vegetables | 10,800.0 | 808.0 | 9,992.0 | t/month |"))
        #expect(markdown.contains("## Shortage of product\n\nEvery circuit produces at least"))
        #expect(markdown.contains("| X | vegetables | retail | 500.0 | 808.0 | 38 % | add 308.0 t/month of retail |"))
    }

    static let cheese = """
        {"product": "cheese", "demandKgPerPersonMonth": 0.6,
         "stages": [{"stage": "primary", "product": "milk", "unit": "l/month"},
                    {"stage": "processing", "product": "cheese", "unit": "t/month", "yield": 0.0001}, {"stage": "retail"}]}
        """

    @Test func aDairyShortOfShopsOnlyIsNotShortOfCheese() throws {
        // 155,000 people eat 93 t; farms give 4.5 million l (450 t of cheese), the plants
        // make 450 t, the shops sell 66 t.
        let (result, report) = try Self.circuit(population: 155_000, chain: Self.cheese, sites: [
            ("milk", "primary", 4_500_000, "l/month", "circuit"), ("cheese", "processing", 450, "t/month", "circuit"),
            ("cheese", "retail", 66, "t/month", "circuit"),
        ])
        let p = result.circuits[0].products[0]
        #expect(abs(p.stages[1].balance - 357) < 1e-9)
        #expect(abs(p.stages[2].toAdd! - 27) < 1e-9)
        #expect(abs(p.exportableSurplus - 357) < 1e-9)
        #expect(p.productShortage == 0)
        #expect(p.surplus > 0)
        #expect(report.criticalNodes.map(\.kind) == [.stage])
        #expect(report.criticalNodes[0].proposal == "add 27.0 t/month of retail")
        #expect(report.markdown.contains("## Shortage of product\n\nEvery circuit produces at least"))
    }

    static let twoMilks = """
        {"version": 2, "product": "queso", "unit": "t/mes", "demandKgPerPersonMonth": 0.6,
         "stages": [{"stage": "producción primaria", "products": [{"product": "leche de vaca", "unit": "l/mes"},
                                                                 {"product": "leche de cabra", "unit": "l/mes"}]},
                    {"stage": "acopio", "products": [{"product": "leche de vaca", "unit": "l/mes"},
                                                     {"product": "leche de cabra", "unit": "l/mes"}]},
                    {"stage": "transformación", "product": "queso", "unit": "t/mes",
                     "inputs": {"leche de vaca": 0.0001, "leche de cabra": 0.00015}},
                    {"stage": "comercialización"}],
         "skippable": ["acopio"]}
        """

    @Test func twoMilksMakeOneCheese() throws {
        let chain = try ChainSpec.parse(Data(Self.twoMilks.utf8), name: "queso.json")
        #expect(chain.stages == [.primary, .collection, .processing, .retail])
        #expect(chain.unit == .tonnesPerMonth)
        #expect(chain.links.map(\.finalFactor) == [0.0001, 0.00015, 0.0001, 0.00015, 1, 1])
        // 10,000 people eat 6 t. Cow milk 20,000 l (2 t), goat milk 20,000 l (3 t): 5 t,
        // 1 t short. A collection centre takes both milks, its 30,000 l shared equally.
        let (result, _) = try Self.circuit(population: 10_000, chain: Self.twoMilks, sites: [
            ("leche de vaca", "producción primaria", 20_000, "l/mes", "circuito"),
            ("leche de cabra", "primary", 20_000, "l/month", "circuit"),
            ("leche de vaca;leche de cabra", "acopio", 30_000, "l/mes", "externo"),
            ("queso", "transformación", 8, "t/mes", "circuito"), ("queso", "comercialización", 10, "t/mes", "circuito"),
        ])
        let p = result.circuits[0].products[0]
        #expect(abs(p.production - 5) < 1e-12)
        #expect(abs(p.productShortage - 1) < 1e-12)
        // Primary: 40,000 l make 5 t, 0.000125 t a litre: 6 t need 48,000 l.
        #expect(abs(p.stages[0].needed - 48_000) < 1e-6)
        #expect(abs(p.stages[0].toAdd! - 8_000) < 1e-6)
        // Collection: 15,000 l of each, 1.5 + 2.25 = 3.75 t, all of it outside.
        #expect(p.stages[1].sites == 1)
        #expect(abs(p.stages[1].capacity - 30_000) < 1e-9)
        #expect(abs(p.stages[1].finalEquivalent - 3.75) < 1e-12)
        #expect(p.stages[1].outsideShare == 1)
        #expect(abs(p.selfSupply - 5) < 1e-12)
    }

    static let tourism = """
        {"version": 2, "product": "stays", "unit": "nights/month", "demandPerPersonMonth": 0,
         "stages": [{"stage": "attraction", "product": "visits", "unit": "visitors/month"},
                    {"stage": "lodging", "product": "stays", "unit": "nights/month", "yield": 1.5}]}
        """

    @Test func aTourismChainInVisitorsAMonth() throws {
        // 2,000 visitors a month stay 1.5 nights each: 3,000 nights; beds for 2,400.
        let (result, report) = try Self.circuit(population: 5_000, chain: Self.tourism, sites: [
            ("visits", "attraction", 2_000, "visitors/month", "circuit"), ("stays", "lodging", 2_400, "nights/month", "circuit"),
        ])
        let p = result.circuits[0].products[0]
        #expect(p.unit.rawValue == "nights/month")
        #expect(p.stages.map(\.unit.rawValue) == ["visitors/month", "nights/month"])
        #expect(p.demand == 0)
        #expect(p.selfSufficiency == nil)
        #expect(p.production == 3_000)
        #expect(p.exportableSurplus == 3_000)
        #expect(p.stages.map(\.needed) == [0, 0])
        #expect(p.bottleneck == .init(named: "lodging"))
        #expect(report.criticalNodes.isEmpty)
    }

    static let pricedCheese = """
        {"version": 2, "product": "cheese", "demandKgPerPersonMonth": 0.6, "currency": "USD",
         "stages": [{"stage": "primary", "product": "milk", "unit": "l/month", "price": 0.5},
                    {"stage": "processing", "product": "cheese", "unit": "t/month", "yield": 0.0001, "price": 6000},
                    {"stage": "retail", "price": 8000}]}
        """

    @Test func valueAddedWithAnOutsidePlant() throws {
        // 10,000 l of milk (1 t of cheese) at 0.5 USD: 5,000 USD; an outside plant makes it
        // 1 t of cheese at 6,000 USD (adds 1,000); the circuit's shops sell it at 8,000 USD
        // (add 2,000). Value added 8,000 USD, an eighth of it outside.
        let (result, report) = try Self.circuit(population: 1_000, chain: Self.pricedCheese, sites: [
            ("milk", "primary", 10_000, "l/month", "circuit"), ("cheese", "processing", 1, "t/month", "outside"),
            ("cheese", "retail", 2, "t/month", "circuit"),
        ])
        let p = result.circuits[0].products[0]
        #expect(p.stages.map(\.handled) == [10_000, 1, 1])
        #expect(p.stages.map(\.value) == [5_000, 6_000, 8_000])
        #expect(p.stages.map(\.valueAdded) == [5_000, 1_000, 2_000])
        #expect(p.valueAdded == 8_000)
        #expect(p.valueAddedOutsideShare == 0.125)
        #expect(report.markdown.contains("| 8,000.0 USD | 12 % |"))
    }

    @Test func aMissingPriceGivesNoValueAddedRatherThanZero() throws {
        let text = Self.pricedCheese.replacingOccurrences(of: #", "price": 8000"#, with: "")
        let (result, _) = try Self.circuit(population: 1_000, chain: text, sites: [("milk", "primary", 10_000, "l/month", "circuit")])
        let p = result.circuits[0].products[0]
        #expect(p.stages[2].valueAdded == nil)
        #expect(p.valueAdded == nil)
    }

    @Test func zonesAreCircuitsTakenTogether() throws {
        let zoning = try Zoning.parse("circuit_id,zone_id\nX,Z1\n", name: "zones.csv")
        let (result, report) = try Self.circuit(population: 155_000, chain: Self.cheese, sites: [
            ("milk", "primary", 4_500_000, "l/month", "circuit"), ("cheese", "retail", 66, "t/month", "circuit"),
        ], zoning: zoning)
        #expect(result.zones.map(\.id) == ["Z1"])
        #expect(result.zones[0].population == 155_000)
        #expect(abs(result.zones[0].products[0].exportableSurplus - 357) < 1e-9)
        #expect(report.markdown.contains("## Economic zones"))
        #expect(throws: ReadError.self) { try Zoning.parse("circuit_id,zone_id\nX,Z1\nX,Z2\n", name: "zones.csv") }
        do {
            _ = try Zoning.parse("circuit_id,zone_id\nX,Z1\nX,Z2\n", name: "zones.csv")
        } catch {
            #expect(error.description == "zones.csv:3: circuit X is in zone Z2 here and in zone Z1 on line 2; a circuit lies in one zone")
        }
    }
}

/// Chain specs of version 2: named stages, Spanish, several inputs, any
/// unit, prices; and what a site may name.
@Suite struct ChainSpecVersionTwoTests {
    func message(_ text: String) -> String? {
        do {
            _ = try ChainSpec.parse(Data(text.utf8), name: "c.json")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func spanishStageNamesAndUnitsAreTheStandardOnes() throws {
        let chain = try ChainSpec.parse(Data(#"""
            {"product": "queso", "unit": "t/mes", "demandKgPerPersonMonth": 0.6,
             "stages": [{"stage": "Producción primaria", "product": "leche", "unit": "l/mes"},
                        {"stage": "acopio", "product": "leche", "unit": "l/mes"},
                        {"stage": "transformación", "yield": 0.0001}, {"stage": "distribución"}, {"stage": "comercialización"}],
             "skippable": ["acopio", "distribución"]}
            """#.utf8), name: "queso.json")
        #expect(chain.stages == [.primary, .collection, .processing, .distribution, .retail])
        #expect(chain.links[0].unit == .litresPerMonth)
        #expect(chain.unit == .tonnesPerMonth)
        #expect(chain.skippable == [.collection, .distribution])
        #expect(chain.finalEquivalent(of: .primary) == 0.0001)
    }

    @Test func inputsMustComeFromTheStageBefore() {
        #expect(message(#"{"version": 2, "product": "q", "demandKgPerPersonMonth": 1, "stages": [{"stage": "primary", "products": [{"product": "a"}, {"product": "b"}]}, {"stage": "processing", "product": "q"}]}"#)
                == #"c.json: stages[1] (processing): q follows several products (a, b) and gives no "inputs"; say how much one unit of each makes, e.g. "inputs": {"a": 1}"#)
        #expect(message(#"{"version": 2, "product": "q", "demandKgPerPersonMonth": 1, "stages": [{"stage": "primary", "products": [{"product": "a"}, {"product": "b"}]}, {"stage": "processing", "product": "q", "inputs": {"a": 0.5}}]}"#)
                == "c.json: stages[1] (processing): nothing here is made from b of stages[0]; name it in a product's \"inputs\"")
        #expect(message(#"{"version": 2, "product": "q", "demandKgPerPersonMonth": 1, "stages": [{"stage": "primary", "product": "a"}, {"stage": "processing", "product": "q", "inputs": {"z": 0.5}}]}"#)
                == "c.json: stages[1] (processing): input 'z' of q is not a product of the stage before (a)")
        #expect(message(#"{"version": 2, "product": "q", "demandKgPerPersonMonth": 1, "stages": [{"stage": "primary", "products": [{"product": "a", "unit": "l/month"}, {"product": "b"}]}, {"stage": "processing", "product": "q", "inputs": {"a": 1, "b": 1}}]}"#)
                == "c.json: stages[0] (primary): its products come in l/month and t/month; a stage counts its capacity in one unit")
        #expect(message(#"{"version": 2, "product": "q", "demandKgPerPersonMonth": 1, "stages": [{"stage": "primary", "product": "q", "price": 3}]}"#)
                == "c.json: the stages give prices but the chain names no \"currency\"; add e.g. \"currency\": \"USD\"")
        #expect(message(#"{"version": 3, "product": "q", "stages": []}"#) == "c.json: version 3.0 is not known; versions are 1 and 2")
    }

    @Test func sitesNameTheChainsStagesAndUnitsOrGetAnErrorListingThem() throws {
        let chain = try ChainSpec.parse(Data(CircuitEconomyTests.tourism.utf8), name: "t.json")
        var fields = SiteFields()
        fields.vocabulary = SiteVocabulary(chains: [chain])
        let lodging = Feature(id: .string("H1"), geometry: .point(Position(x: 0, y: 0)),
                              properties: ["product": "stays", "stage": "Lodging", "capacity": 10, "unit": "nights/month", "owner": "externo"])
        let site = try fields.site(of: lodging, index: 0, file: "s.geojson")
        #expect(site.stage == Stage(named: "lodging"))
        #expect(site.owner == .outside)
        var typo = lodging
        typo.properties["stage"] = "lodgin"
        do {
            _ = try fields.site(of: typo, index: 3, file: "s.geojson")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "s.geojson: feature 3 (id H1): unknown stage 'lodgin' in 'stage'; stages are primary, processing, collection, distribution, retail, attraction, lodging")
        }
        // Without the chain, the standard names only.
        #expect(throws: ReadError.self) { try SiteFields().site(of: lodging, index: 0, file: "s.geojson") }
    }

    @Test func aSiteCountedInAnotherUnitThanItsStageIsAnError() throws {
        let square = Envelope(minX: 0, minY: 0, maxX: 10, maxY: 10).shape
        let parishes = Layer(features: [Feature(id: .string("T1"), geometry: square, properties: ["population": 10])], crs: CircuitEconomyTests.metric)
        let sites = Layer(features: [Feature(id: .string("R1"), geometry: .point(Position(x: 5, y: 5)),
                                             properties: ["product": "cheese", "stage": "retail", "capacity": 5, "unit": "l/month"])],
                          crs: CircuitEconomyTests.metric)
        let territories = try StudyTerritories(parishes, file: "<parishes>")
        let chain = try ChainSpec.parse(Data(CircuitEconomyTests.cheese.utf8), name: "cheese.json")
        do {
            _ = try Study(territories: territories, sites: try StudySites(sites, file: "s.geojson", in: territories), chains: [chain])
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "s.geojson: feature 0 (id R1): cheese at retail is counted in l/month, but the cheese chain counts it in t/month; convert the capacity or fix the unit")
        }
    }
}
