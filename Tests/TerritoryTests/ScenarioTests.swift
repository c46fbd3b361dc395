import Foundation
import Testing
@testable import Geo
@testable import Territory

/// Scenarios on a study small enough to work by hand: four parishes of
/// 50,000 people in a row of 0.01° squares; circuit A is P0 and P1,
/// circuit B is P2 and P3. Cheese: 0.6 kg a person a month, so each
/// circuit needs 60 t; 10 l of milk make 1 kg.
@Suite struct ScenarioTests {
    static func square(_ index: Int) -> Shape {
        let x = -68 + 0.01 * Double(index)
        return Envelope(minX: x, minY: 10, maxX: x + 0.01, maxY: 10.01).shape
    }

    static let parishes = Layer(features: (0..<4).map { index in
        Feature(id: .string("P\(index)"), geometry: square(index), properties: ["population": 50_000])
    })

    static let grouping = Grouping(rows: (0..<4).map { Grouping.Row(line: $0 + 2, territory: "P\($0)", circuit: $0 < 2 ? "A" : "B") })

    static let chain = try! ChainSpec.parse(Data("""
        {"product": "cheese", "demandKgPerPersonMonth": 0.6,
         "stages": [{"stage": "primary", "product": "milk", "unit": "l/month"},
                    {"stage": "collection", "product": "milk", "unit": "l/month"},
                    {"stage": "processing", "yield": 0.0001}, {"stage": "retail"}],
         "skippable": ["collection"]}
        """.utf8), name: "cheese.json")

    static func site(_ id: String, _ parish: Int, _ product: String, _ stage: Stage, _ capacity: Double, owner: Owner = .circuit) -> Feature {
        Feature(id: .string(id), geometry: .point(Position(x: -68 + 0.01 * Double(parish) + 0.005, y: 10.005)), properties: [
            "id": .string(id), "product": .string(product), "stage": .string(stage.rawValue), "capacity": .number(JSONNumber(capacity)),
            "unit": .string(product == "milk" ? "l/month" : "t/month"), "owner": .string(owner.rawValue),
        ])
    }

    /// A: 1,000,000 l of milk (100 t of cheese), no plant, and its only shop
    /// (80 t) an outside intermediary. B: 600,000 l (60 t), a 60 t plant and
    /// a 60 t shop of its own.
    static let sites = Layer(features: [
        site("A-milk", 0, "milk", .primary, 1_000_000), site("A-shop", 1, "cheese", .retail, 80, owner: .outside),
        site("B-milk", 2, "milk", .primary, 600_000), site("B-plant", 3, "cheese", .processing, 60),
        site("B-shop", 3, "cheese", .retail, 60),
    ])

    static func study() throws -> Study {
        let territories = try StudyTerritories(parishes, file: "<parishes>")
        var fields = SiteFields()
        fields.vocabulary = SiteVocabulary(chains: [chain])
        return try Study(territories: territories, sites: try StudySites(sites, file: "<sites>", fields: fields, idField: "id", in: territories),
                         chains: [chain], grouping: grouping, groupingFile: "<grouping>")
    }

    static let plant = ScenarioEdits(name: "a 100 t plant in A", edits: [
        .addSite(SiteAddition(id: "A-plant", longitude: -67.985, latitude: 10.005, product: "cheese", stage: .processing,
                              capacity: 100, unit: .tonnesPerMonth)),
    ])

    static func near(_ figure: ScenarioComparison.Figure, _ base: Double?, _ scenario: Double?) -> Bool {
        func same(_ a: Double?, _ b: Double?) -> Bool { a == nil ? b == nil : b.map { abs($0 - a!) < 1e-6 } ?? false }
        return same(figure.base, base) && same(figure.scenario, scenario)
    }

    @Test func aPlantWhereProcessingIsShort() throws {
        let comparison = try ScenarioComparison(study: Self.study(), scenarios: [Self.plant])
        // A needs 60 t of processing and has none: balance −60, 60 to add.
        // The 100 t plant: balance +40, nothing to add.
        let balance = comparison.balance(at: .processing, scenario: 0, circuit: "A", product: "cheese")
        #expect(Self.near(balance, -60, 40))
        #expect(abs(balance.delta! - 100) < 1e-6)
        #expect(Self.near(comparison.toAdd(at: .processing, scenario: 0, circuit: "A", product: "cheese"), 60, 0))
        // Self-supply: the weakest stage was the missing plant (0 t); now the
        // shop's 80 t, more than the 60 t A needs: 0 -> 60 t, 0 -> 100,000 people.
        #expect(Self.near(comparison.figure(.selfSupply, scenario: 0, circuit: "A", product: "cheese"), 0, 60))
        #expect(Self.near(comparison.figure(.peopleFed, scenario: 0, circuit: "A", product: "cheese"), 0, 100_000))
        // The milk was already there: 100 t less 60 t stays exportable.
        #expect(Self.near(comparison.figure(.exportableSurplus, scenario: 0, circuit: "A", product: "cheese"), 40, 40))
        // B is untouched.
        #expect(Self.near(comparison.figure(.selfSupply, scenario: 0, circuit: "B", product: "cheese"), 60, 60))
        #expect(Self.near(comparison.balance(at: .processing, scenario: 0, circuit: "B", product: "cheese"), 0, 0))
    }

    @Test func aPlantRaisesTonnesThroughAnOutsideShop() throws {
        let comparison = try ScenarioComparison(study: Self.study(), scenarios: [Self.plant])
        // Before: only B's 60 t plant, whose cheese goes through B's own
        // shop: 60 t delivered, none intermediated. After: 160 t of plants
        // for 120 t of demand, but own shops for only 60 t: the other 60 t
        // reach the people through A's outside shop.
        #expect(Self.near(comparison.chainFigure(\.delivered, scenario: 0, product: "cheese"), 60, 120))
        #expect(Self.near(comparison.chainFigure(\.intermediated, scenario: 0, product: "cheese"), 0, 60))
        let byStage = comparison.intermediatedByStage(scenario: 0, product: "cheese")
        #expect(byStage.map(\.stage) == [.primary, .collection, .processing, .retail])
        #expect(Self.near(byStage[3].figure, 0, 60))
        #expect(byStage.prefix(3).allSatisfy { Self.near($0.figure, 0, 0) })
        // The shop stands in A: A's retail stage carries them.
        #expect(Self.near(comparison.intermediated(at: .retail, scenario: 0, circuit: "A", product: "cheese"), 0, 60))
        let report = ScenarioReport(comparison, territories: try Self.study().territories)
        #expect(report.markdown.contains("- **cheese**: tonnes through outside intermediaries went from 0.0 to 60.0 t/month (+60.0). Stage by stage: retail 0.0 → 60.0 (+60.0)."))
        #expect(report.markdown.contains("  - in A: retail 0.0 → 60.0 (+60.0)"))
        let spanish = ScenarioReport(comparison, territories: try Self.study().territories, language: .es)
        #expect(spanish.markdown.contains("Eslabón por eslabón:"))
    }

    @Test func movingAParishMovesItsPeople() throws {
        let move = ScenarioEdits(name: "P0 to B", edits: [.moveTerritories(["P0"], to: "B")])
        let comparison = try ScenarioComparison(study: Self.study(), scenarios: [move])
        #expect(Self.near(comparison.population(scenario: 0, circuit: "A"), 100_000, 50_000))
        #expect(Self.near(comparison.population(scenario: 0, circuit: "B"), 100_000, 150_000))
        // B is now P0, P2, P3: P0 touches neither, so two parts.
        #expect(Self.near(comparison.parts(scenario: 0, circuit: "B"), 1, 2))
        // A's milk went with P0: A's first stage falls from 1,000,000 l
        // (needed 300,000 l now) to none.
        #expect(Self.near(comparison.balance(at: .primary, scenario: 0, circuit: "A", product: "cheese"), 400_000, -300_000))
        let layer = try ScenarioReport(comparison, territories: try Self.study().territories).territoriesLayer()
        let p0 = layer.features[0].properties
        #expect(p0["circuit_base"] == .string("A"))
        #expect(p0["s1_circuit"] == .string("B"))
        // P0's people were in a circuit of 100,000 and are in one of 150,000.
        #expect(p0["s1_circuit_population_delta"]?.doubleValue == 50_000)
    }

    @Test func mergingAndCreatingCircuits() throws {
        let merge = ScenarioEdits(name: "one circuit", edits: [.mergeCircuits(["A", "B"], into: "AB")])
        let create = ScenarioEdits(name: "P3 alone", edits: [.createCircuit(id: "C", territories: ["P3"])])
        let comparison = try ScenarioComparison(study: Self.study(), scenarios: [merge, create])
        #expect(comparison.circuitIDs == ["A", "B", "AB", "C"])
        // A merged away has no scenario value and no delta, never a 0.
        #expect(comparison.population(scenario: 0, circuit: "A").scenario == nil)
        #expect(comparison.population(scenario: 0, circuit: "A").delta == nil)
        #expect(Self.near(comparison.population(scenario: 0, circuit: "AB"), nil, 200_000))
        #expect(Self.near(comparison.population(scenario: 1, circuit: "B"), 100_000, 50_000))
        #expect(Self.near(comparison.population(scenario: 1, circuit: "C"), nil, 50_000))
    }

    @Test func chainEdits() throws {
        // 0.9 kg a person: A needs 90 t; with the plant's yield doubled B's
        // 600,000 l make 120 t.
        let edits = ScenarioEdits(name: "demand and yield", edits: [
            .setDemand(chain: "cheese", perPersonMonth: 0.9),
            .setYield(chain: "cheese", stage: .processing, product: "cheese", input: nil, yield: 0.0002),
        ])
        let edited = try Scenario.apply(edits, to: Self.study())
        #expect(edited.chains[0].links.first { $0.stage == .primary }?.finalFactor == 0.0002)
        let comparison = try ScenarioComparison(study: Self.study(), scenarios: [edits])
        #expect(Self.near(comparison.figure(.exportableSurplus, scenario: 0, circuit: "B", product: "cheese"), 0, 30))
        #expect(Self.near(comparison.figure(.exportableSurplus, scenario: 0, circuit: "A", product: "cheese"), 40, 110))
    }

    @Test func anUnknownIdNamesTheEditAndTheIdsNearIt() throws {
        let edits = ScenarioEdits(name: "typo", file: "typo.json", edits: [
            .changeSite(id: "A-milk", capacity: 5, owner: nil, stage: nil), .removeSite(id: "B-plamt"),
        ])
        #expect { try Scenario.apply(edits, to: Self.study()) } throws: { error in
            "\(error)".contains("typo.json") && "\(error)".contains("edits[1] (remove_site): no site B-plamt; site ids near it: A-milk, A-shop, B-milk, B-plant, B-shop")
        }
        let move = ScenarioEdits(name: "no such circuit", edits: [.moveTerritories(["P0"], to: "Z")])
        #expect { try Scenario.apply(move, to: Self.study()) } throws: { "\($0)".contains("edits[0] (move_territories): no circuit Z") }
        let wrongUnit = ScenarioEdits(name: "milk in tonnes", edits: [
            .addSite(SiteAddition(id: "X", longitude: -67.995, latitude: 10.005, product: "milk", stage: .primary, capacity: 5, unit: .tonnesPerMonth)),
        ])
        #expect { try Scenario.apply(wrongUnit, to: Self.study()) } throws: { "\($0)".contains("counted in t/month, but the cheese chain counts it in l/month") }
    }

    @Test func anIdTwoSitesShareIsNeverTakenAsTheFirst() throws {
        let territories = try StudyTerritories(Self.parishes, file: "<parishes>")
        let twins = Layer(features: [Self.site("S1", 0, "milk", .primary, 100), Self.site("S1", 1, "milk", .primary, 200)])
        let study = try Study(territories: territories, sites: try StudySites(twins, file: "<sites>", idField: "id", in: territories),
                              chains: [Self.chain], grouping: Self.grouping)
        let edits = ScenarioEdits(name: "twins", edits: [.removeSite(id: "S1")])
        #expect { try Scenario.apply(edits, to: study) } throws: { "\($0)".contains("edits[0] (remove_site): 2 sites have the id S1") }
    }

    @Test func parsingRefusesWhatItDoesNotKnow() throws {
        func parse(_ text: String) throws -> ScenarioEdits { try ScenarioEdits.parse(Data(text.utf8), name: "e.json") }
        let edits = try parse("""
            {"version": 1, "name": "plant", "edits": [
              {"edit": "add_site", "id": "N1", "point": [-67.985, 10.005], "product": "cheese", "stage": "transformación",
               "capacity": 100, "unit": "t/mes", "owner": "circuito"},
              {"edit": "merge_circuits", "circuits": ["A", "B"], "into": "AB"}]}
            """)
        #expect(edits.edits.count == 2)
        #expect(edits.edits[0] == .addSite(SiteAddition(id: "N1", longitude: -67.985, latitude: 10.005, product: "cheese",
                                                         stage: .processing, capacity: 100, unit: .tonnesPerMonth)))
        #expect { try parse(#"{"name": "x", "edits": [{"edit": "remove_site", "id": "S1", "capacty": 3}]}"#) } throws: {
            "\($0)".contains("edits[0].capacty is not a known key; the known keys of edits[0] are edit, id")
        }
        #expect { try parse(#"{"name": "x", "edits": [{"edit": "add_plant"}]}"#) } throws: { "\($0)".contains("unknown edit 'add_plant'") }
        #expect { try parse(#"{"name": "x", "edits": [{"edit": "change_site", "id": "S1"}]}"#) } throws: { "\($0)".contains("changes nothing") }
    }
}
