import Testing
@testable import Territory

/// Every key of the catalogue has its text in both languages, and the
/// Spanish is not the English left untranslated. `index(of:)` is an
/// exhaustive switch: a new key does not compile here until it is listed,
/// and `every` must then hold it (the test counts them).
@Suite struct CatalogueTests {
    static let every: [Catalogue.Key] = [
        [Catalogue.Key.stage(.processing)],
        [Catalogue.Key.unit(.tonnesPerMonth)],
        [Catalogue.Key.proposal(amount: "X", unit: "X", stage: "X")],
        [Catalogue.Key.sitesLeftOut(count: 2, reason: .outsideTerritories, unused: "X")],
        [Catalogue.Key.coverageTitle],
        [Catalogue.Key.coveragePeople(circuits: 2, total: "X", inCircuits: "X", inNoCircuit: "X", territoriesOfNoCircuit: 2)],
        [Catalogue.Key.coverageOverlaps(territories: 2)],
        [Catalogue.Key.coverageSites(sites: 2, outsideChains: 2)],
        [Catalogue.Key.coverageNoCircuitCanUse],
        [Catalogue.Key.surplusHeading],
        [Catalogue.Key.surplusNone],
        [Catalogue.Key.surplusIntro],
        [Catalogue.Key.surplusTableHeader],
        [Catalogue.Key.productShortageHeading],
        [Catalogue.Key.productShortageNone],
        [Catalogue.Key.productShortageIntro],
        [Catalogue.Key.productShortageTableHeader],
        [Catalogue.Key.stageShortageHeading],
        [Catalogue.Key.stageShortageNone],
        [Catalogue.Key.stageShortageIntro],
        [Catalogue.Key.stageShortageTableHeader],
        [Catalogue.Key.circuitLine(territories: 2, area: "X", people: "X", families: "X", nearDistribution: "X")],
        [Catalogue.Key.productTableHeader],
        [Catalogue.Key.stageTableHeader],
        [Catalogue.Key.skippable],
        [Catalogue.Key.zonesHeading],
        [Catalogue.Key.zoneLine(circuits: "X", people: "X", families: "X")],
        [Catalogue.Key.circuitsInNoZone("X")],
        [Catalogue.Key.zonePlace("X")],
        [Catalogue.Key.processingHeading],
        [Catalogue.Key.processingTableHeader],
        [Catalogue.Key.identityHeading(field: "X")],
        [Catalogue.Key.identityCountsHeader],
        [Catalogue.Key.noIdentityProduct],
        [Catalogue.Key.identityNoStage],
        [Catalogue.Key.identityNoChain],
        [Catalogue.Key.identityTableHeader],
        [Catalogue.Key.pointsLine(points: 2, outside: 2, inNoCircuit: 2)],
        [Catalogue.Key.pointsWithoutValue(count: 2, field: "X")],
        [Catalogue.Key.pointsSumColumn(field: "X")],
        [Catalogue.Key.pointsCategory],
        [Catalogue.Key.pointsCount],
        [Catalogue.Key.pointsNoCategory],
        [Catalogue.Key.zone],
        [Catalogue.Key.circuit],
        [Catalogue.Key.coverageDefinitions],
        [Catalogue.Key.distributionTitle(product: "X")],
        [Catalogue.Key.distributionBroken(stages: "X")],
        [Catalogue.Key.distributionFiguresHeader],
        [Catalogue.Key.distributionDemand(unit: "X")],
        [Catalogue.Key.distributionDelivered],
        [Catalogue.Key.distributionShareMet],
        [Catalogue.Key.distributionIntermediated],
        [Catalogue.Key.distributionTonneKm],
        [Catalogue.Key.distributionTonneMinutes],
        [Catalogue.Key.distributionLinksUsed],
        [Catalogue.Key.distributionBaseline(rule: "X", stuck: "X", assumedNearest: 2)],
        [Catalogue.Key.distributionRuleNearest],
        [Catalogue.Key.distributionRuleSellsTo(field: "X")],
        [Catalogue.Key.distributionOptimal(rounds: 2, links: 2)],
        [Catalogue.Key.distributionNotOptimal(reason: "X", rounds: 2, links: 2)],
        [Catalogue.Key.distributionChangesHeading],
        [Catalogue.Key.distributionRoads(unreachableSites: 2, unreachableTerritories: 2, cutOffSites: 2, cutOffTerritories: 2)],
        [Catalogue.Key.distributionByCircuitHeading],
        [Catalogue.Key.distributionMovesHeading],
        [Catalogue.Key.distributionBalance(delivered: "X", unmet: "X", demand: "X")],
        [Catalogue.Key.distributionUnmetHeading],
        [Catalogue.Key.demoIntro],
        [Catalogue.Key.demoBoundaries(parishes: 2, problems: 2, hierarchyProblems: 2)],
        [Catalogue.Key.demoActors(actors: "X", located: "X", outside: "X")],
        [Catalogue.Key.demoCatchments(centres: 2, people: "X", overloaded: 2)],
        [Catalogue.Key.demoCoverage(circuits: 2, people: "X", rows: "X", story: "X")],
        [Catalogue.Key.demoCoveredCircuits(covered: 2, of: 2)],
        [Catalogue.Key.demoValley(grown: "X", demand: "X", balance: "X", exportable: "X", shops: "X", toAdd: "X")],
        [Catalogue.Key.demoDairy(processing: "X", demand: "X", balance: "X", milk: "X", shops: "X", toAdd: "X")],
        [Catalogue.Key.demoDistribution(delivered: "X", demand: "X", share: "X", intermediated: "X", baseline: "X", tonneKm: "X", betweenCircuits: "X")],
        [Catalogue.Key.demoNoCheeseBetweenCircuits],
        [Catalogue.Key.demoBetweenCircuits(total: "X", largest: "X")],
        [Catalogue.Key.demoGroupings(rows: "X")],
        [Catalogue.Key.demoSuggestedGrouping],
        [Catalogue.Key.demoMaps],
        [Catalogue.Key.demoCommands(study: "X", commands: "X")],
        [Catalogue.Key.definitionsHeading],
        GlossaryTerm.allCases.map { Catalogue.Key.term($0) },
        GlossaryTerm.allCases.map { Catalogue.Key.definition($0) },
        [Catalogue.Key.mapSelfSufficiencyTitle(product: "X")],
        [Catalogue.Key.mapSelfSufficiency(product: "X")],
        [Catalogue.Key.mapRoutes(product: "X")],
        [Catalogue.Key.mapsHeading],
        [Catalogue.Key.mapTerritories],
        [Catalogue.Key.mapRoutesLayer],
        [Catalogue.Key.mapRouteField],
        [Catalogue.Key.mapRouteThroughIntermediary],
        [Catalogue.Key.mapRouteDirect],
        [Catalogue.Key.figureMissing(file: "X")],
        [Catalogue.Key.htmlFooter],
        [Catalogue.Key.groupingsComparedTitle],
        [Catalogue.Key.groupingsComparedColumns],
        [Catalogue.Key.groupingsSelfSufficientColumn(product: "X")],
        [Catalogue.Key.groupingsSelfSufficient(count: 2, of: 2, lowest: "X")],
        [Catalogue.Key.groupingsChanged(changed: 2, of: 2)],
        [Catalogue.Key.unnamedCircuits(file: "X", count: 2, of: 2, column: "X", first: "X")],
        [Catalogue.Key.unnamedTerritories(file: "X", count: 2, of: 2, field: "X", first: "X")],
        [Catalogue.Key.tally(subject: "X", input: 2, unit: "X", output: 2, rejected: 2)],
        [Catalogue.Key.tallyUnaccounted(2)],
        Catalogue.tallyWords.map { Catalogue.Key.tallyWord($0) },
        [Catalogue.Key.coverageTally(file: "X", circuits: 2, surplus: 2, productShort: 2, stagesShort: 2, overlaps: 2, inNone: 2)],
        [Catalogue.Key.circuitsInNoZoneWarning(file: "X", count: 2, first: "X")],
        [Catalogue.Key.distributionSummary(product: "X", delivered: "X", demand: "X", unit: "X", share: "X", intermediated: "X", baseline: "X", tonneKm: "X", optimal: true, rounds: 2)],
        [Catalogue.Key.distributionNotOptimalWarning(reason: "X")],
        [Catalogue.Key.distributionUnlabelled(sites: 2, territories: 2)],
        [Catalogue.Key.distributionCutOff(count: 2, of: 2, first: "X")],
        [Catalogue.Key.distributionBeyondSnap(count: 2, of: 2, maxSnap: "X", first: "X")],
    ].flatMap { $0 }

    static func index(of key: Catalogue.Key) -> Int {
        switch key {
        case .stage: 0
        case .unit: 1
        case .proposal: 2
        case .sitesLeftOut: 3
        case .coverageTitle: 4
        case .coveragePeople: 5
        case .coverageOverlaps: 6
        case .coverageSites: 7
        case .coverageNoCircuitCanUse: 8
        case .surplusHeading: 9
        case .surplusNone: 10
        case .surplusIntro: 11
        case .surplusTableHeader: 12
        case .productShortageHeading: 13
        case .productShortageNone: 14
        case .productShortageIntro: 15
        case .productShortageTableHeader: 16
        case .stageShortageHeading: 17
        case .stageShortageNone: 18
        case .stageShortageIntro: 19
        case .stageShortageTableHeader: 20
        case .circuitLine: 21
        case .productTableHeader: 22
        case .stageTableHeader: 23
        case .skippable: 24
        case .zonesHeading: 25
        case .zoneLine: 26
        case .circuitsInNoZone: 27
        case .zonePlace: 28
        case .processingHeading: 29
        case .processingTableHeader: 30
        case .identityHeading: 31
        case .identityCountsHeader: 32
        case .noIdentityProduct: 33
        case .identityNoStage: 34
        case .identityNoChain: 35
        case .identityTableHeader: 36
        case .pointsLine: 37
        case .pointsWithoutValue: 38
        case .pointsSumColumn: 39
        case .pointsCategory: 40
        case .pointsCount: 41
        case .pointsNoCategory: 42
        case .zone: 43
        case .circuit: 44
        case .coverageDefinitions: 45
        case .distributionTitle: 46
        case .distributionBroken: 47
        case .distributionFiguresHeader: 48
        case .distributionDemand: 49
        case .distributionDelivered: 50
        case .distributionShareMet: 51
        case .distributionIntermediated: 52
        case .distributionTonneKm: 53
        case .distributionTonneMinutes: 54
        case .distributionLinksUsed: 55
        case .distributionBaseline: 56
        case .distributionRuleNearest: 57
        case .distributionRuleSellsTo: 58
        case .distributionOptimal: 59
        case .distributionNotOptimal: 60
        case .distributionChangesHeading: 61
        case .distributionRoads: 62
        case .distributionByCircuitHeading: 63
        case .distributionMovesHeading: 64
        case .distributionBalance: 65
        case .distributionUnmetHeading: 66
        case .demoIntro: 67
        case .demoBoundaries: 68
        case .demoActors: 69
        case .demoCatchments: 70
        case .demoCoverage: 71
        case .demoCoveredCircuits: 72
        case .demoValley: 73
        case .demoDairy: 74
        case .demoDistribution: 75
        case .demoNoCheeseBetweenCircuits: 76
        case .demoBetweenCircuits: 77
        case .demoGroupings: 78
        case .demoSuggestedGrouping: 79
        case .demoMaps: 80
        case .demoCommands: 81
        case .definitionsHeading: 82
        case .term: 83
        case .definition: 84
        case .mapSelfSufficiencyTitle: 85
        case .mapSelfSufficiency: 86
        case .mapRoutes: 87
        case .mapsHeading: 88
        case .mapTerritories: 89
        case .mapRoutesLayer: 90
        case .mapRouteField: 91
        case .mapRouteThroughIntermediary: 92
        case .mapRouteDirect: 93
        case .figureMissing: 94
        case .htmlFooter: 95
        case .groupingsComparedTitle: 96
        case .groupingsComparedColumns: 97
        case .groupingsSelfSufficientColumn: 98
        case .groupingsSelfSufficient: 99
        case .groupingsChanged: 100
        case .unnamedCircuits: 101
        case .unnamedTerritories: 102
        case .tally: 103
        case .tallyUnaccounted: 104
        case .tallyWord: 105
        case .coverageTally: 106
        case .circuitsInNoZoneWarning: 107
        case .distributionSummary: 108
        case .distributionNotOptimalWarning: 109
        case .distributionUnlabelled: 110
        case .distributionCutOff: 111
        case .distributionBeyondSnap: 112
        }
    }

    static let count = 113

    @Test func everyKeyIsListed() {
        #expect(Set(Self.every.map(Self.index)) == Set(0..<Self.count))
    }

    @Test func everyKeyHasTextInBothLanguages() {
        for key in Self.every {
            let english = Language.en.text(key), spanish = Language.es.text(key)
            #expect(!english.isEmpty, "\(key): no English")
            #expect(!spanish.isEmpty, "\(key): no Spanish")
            #expect(english != spanish, "\(key): the Spanish is the English: \(english)")
        }
    }

    /// The definitions of the HTML reports: two lines each, as the issue asks.
    @Test func definitionsAreTwoLinesEach() {
        for term in GlossaryTerm.allCases {
            for language in Language.allCases {
                #expect(language.text(.definition(term)).split(separator: "\n").count == 2, "\(term) in \(language)")
            }
        }
    }
}
