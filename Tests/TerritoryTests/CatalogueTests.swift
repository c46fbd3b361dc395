import Foundation
import Testing
import Geo
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
        [Catalogue.Key.scenarioTitle],
        [Catalogue.Key.scenarioIntro],
        [Catalogue.Key.scenarioItem(label: "X", name: "X", file: "X", edits: 2)],
        [Catalogue.Key.scenarioStudyHeading],
        [Catalogue.Key.scenarioBase],
        [Catalogue.Key.scenarioChange],
        [Catalogue.Key.scenarioProduct],
        [Catalogue.Key.scenarioFigureColumn],
        ScenarioComparison.ProductFigure.allCases.map { Catalogue.Key.scenarioFigure($0) },
        [Catalogue.Key.scenarioContiguousShare],
        [Catalogue.Key.scenarioPopulationVariation],
        [Catalogue.Key.scenarioCircuitsHeading(label: "X", name: "X")],
        [Catalogue.Key.scenarioCircuit],
        [Catalogue.Key.scenarioScenario],
        [Catalogue.Key.scenarioNothingChanged],
        [Catalogue.Key.scenarioPopulation],
        [Catalogue.Key.scenarioParts],
        [Catalogue.Key.scenarioBalance(stage: "X", unit: "X")],
        [Catalogue.Key.scenarioToAdd(stage: "X", unit: "X")],
        [Catalogue.Key.scenarioWhyHeading],
        [Catalogue.Key.scenarioWhy(product: "X", base: "X", scenario: "X", change: "X", unit: "X", stages: "X")],
        [Catalogue.Key.scenarioWhyStage(stage: "X", base: "X", scenario: "X", change: "X")],
        [Catalogue.Key.scenarioWhyCircuit(circuit: "X", stages: "X")],
        [Catalogue.Key.scenarioWhyRose],
        [Catalogue.Key.scenarioWhyNone],
        [Catalogue.Key.scenarioNotOptimal(product: "X", label: "X")],
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
        MapWord.allCases.map { Catalogue.Key.map($0) },
        SeasonWord.examples.map { Catalogue.Key.season($0) },
        WorkbenchWord.allCases.map { Catalogue.Key.workbench($0) },
        [Catalogue.Key.exchangeHeading],
        [Catalogue.Key.exchangeLine(product: "X", delivered: "X", demand: "X", unit: "X", moved: "X", optimal: true, rounds: 2)],
        [Catalogue.Key.exchangeLine(product: "X", delivered: "X", demand: "X", unit: "X", moved: "X", optimal: false, rounds: 2)],
        [Catalogue.Key.exchangeBroken(product: "X", stages: "X")],
        [Catalogue.Key.exchangeNone],
        [Catalogue.Key.exchangeMovesHeader],
        [Catalogue.Key.exchangeMore(count: 2)],
        [Catalogue.Key.exchangeCircuitsHeader],
        [Catalogue.Key.exchangeNobody],
        [Catalogue.Key.distributionByZoneHeading],
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
        [Catalogue.Key.errorLabel],
        [Catalogue.Key.warningLabel],
        [Catalogue.Key.noteLabel],
        [Catalogue.Key.linesNotShown(hidden: 2, limit: 20)],
        [Catalogue.Key.location(file: "X", line: 2, column: 2, feature: 2, id: "X")],
        [Catalogue.Key.feature(index: 2, id: "X")],
        DiagnosticExamples.reasons.map { Catalogue.Key.readProblem($0) },
        DiagnosticExamples.crsErrors.map { Catalogue.Key.crsProblem($0) },
        [Catalogue.Key.noField(flag: "X", name: "X", file: "X", present: ["X"], suggestion: "X")],
        DiagnosticExamples.usageProblems.map { Catalogue.Key.usage($0) },
        [Catalogue.Key.rowsSetAside(file: "X", count: 2, rejects: "X")],
        [Catalogue.Key.farOutside(file: "X", count: 2, of: 2, reference: "X", first: "X")],
        [Catalogue.Key.wrote(file: "X")],
        [Catalogue.Key.noProblems(file: "X")],
        [Catalogue.Key.repaired(file: "X", count: 2)],
        [Catalogue.Key.problemsFound(file: "X", count: 2)],
        [Catalogue.Key.layersDrawn(output: "X", layers: 2, features: 2)],
        [Catalogue.Key.islands(count: 2, of: 2)],
        [Catalogue.Key.unreachableTerritories(count: 2, of: 2, maxSnap: "X")],
        [Catalogue.Key.groupsWritten(file: "X", groups: 2, coverageUnion: 2, unaryUnion: 2)],
        [Catalogue.Key.joinSummary(file: "X", inside: 2, snapped: 2, outside: 2)],
        [Catalogue.Key.notWGS84(crs: "X")],
        [Catalogue.Key.pointOutside(place: "X", at: "X")],
        [Catalogue.Key.pointSnapped(place: "X", code: "X", metres: "X")],
        [Catalogue.Key.pointUnreachable(place: "X", metres: "X"), Catalogue.Key.pointUnreachable(place: "X", metres: nil)],
        [Catalogue.Key.suggestUnassigned(count: 2, first: "X")],
        [Catalogue.Key.suggestCircuits(file: "X", circuits: 2, objective: "X")],
        [Catalogue.Key.suggestJoinedIslands(file: "X", count: 2, list: "X")],
        [Catalogue.Key.suggestJoinedTo(territory: "X", nearest: "X")],
        [Catalogue.Key.suggestTitle],
        [Catalogue.Key.suggestColumns(roads: true, products: ["X"])],
        [Catalogue.Key.suggestSummary(circuits: 2, contiguous: "X", compactness: "X", variation: "X")],
        [Catalogue.Key.suggestJoinedIslandsParagraph(count: 2, list: "X")],
        [Catalogue.Key.yes],
        [Catalogue.Key.no],
        Catalogue.DemoStepName.allCases.map { Catalogue.Key.demoStep($0) },
        Catalogue.DemoMapName.allCases.map { Catalogue.Key.demoMapTitle($0) },
        [Catalogue.Key.demoNoData(folder: "X")],
        [Catalogue.Key.demoStepFailed(step: "X", command: "X", error: "X")],
        [Catalogue.Key.demoFigureNotThere(page: "X", file: "X", folder: "X")],
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
        case .scenarioTitle: 67
        case .scenarioIntro: 68
        case .scenarioItem: 69
        case .scenarioStudyHeading: 70
        case .scenarioBase: 71
        case .scenarioChange: 72
        case .scenarioProduct: 73
        case .scenarioFigureColumn: 74
        case .scenarioFigure: 75
        case .scenarioContiguousShare: 76
        case .scenarioPopulationVariation: 77
        case .scenarioCircuitsHeading: 78
        case .scenarioCircuit: 79
        case .scenarioScenario: 80
        case .scenarioNothingChanged: 81
        case .scenarioPopulation: 82
        case .scenarioParts: 83
        case .scenarioBalance: 84
        case .scenarioToAdd: 85
        case .scenarioWhyHeading: 86
        case .scenarioWhy: 87
        case .scenarioWhyStage: 88
        case .scenarioWhyCircuit: 89
        case .scenarioWhyRose: 90
        case .scenarioWhyNone: 91
        case .scenarioNotOptimal: 92
        case .demoIntro: 93
        case .demoBoundaries: 94
        case .demoActors: 95
        case .demoCatchments: 96
        case .demoCoverage: 97
        case .demoCoveredCircuits: 98
        case .demoValley: 99
        case .demoDairy: 100
        case .demoDistribution: 101
        case .demoNoCheeseBetweenCircuits: 102
        case .demoBetweenCircuits: 103
        case .demoGroupings: 104
        case .demoSuggestedGrouping: 105
        case .demoMaps: 106
        case .demoCommands: 107
        case .definitionsHeading: 108
        case .term: 109
        case .definition: 110
        case .mapSelfSufficiencyTitle: 111
        case .mapSelfSufficiency: 112
        case .mapRoutes: 113
        case .mapsHeading: 114
        case .mapTerritories: 115
        case .mapRoutesLayer: 116
        case .mapRouteField: 117
        case .mapRouteThroughIntermediary: 118
        case .mapRouteDirect: 119
        case .figureMissing: 120
        case .htmlFooter: 121
        case .groupingsComparedTitle: 122
        case .groupingsComparedColumns: 123
        case .groupingsSelfSufficientColumn: 124
        case .groupingsSelfSufficient: 125
        case .groupingsChanged: 126
        case .unnamedCircuits: 127
        case .unnamedTerritories: 128
        case .tally: 129
        case .tallyUnaccounted: 130
        case .tallyWord: 131
        case .coverageTally: 132
        case .circuitsInNoZoneWarning: 133
        case .distributionSummary: 134
        case .distributionNotOptimalWarning: 135
        case .distributionUnlabelled: 136
        case .distributionCutOff: 137
        case .distributionBeyondSnap: 138
        case .map: 139
        case .season: 189
        case .exchangeHeading: 140
        case .exchangeLine: 141
        case .exchangeBroken: 142
        case .exchangeNone: 143
        case .exchangeMovesHeader: 144
        case .exchangeMore: 145
        case .exchangeCircuitsHeader: 146
        case .exchangeNobody: 147
        case .distributionByZoneHeading: 148
        case .errorLabel: 149
        case .warningLabel: 150
        case .noteLabel: 151
        case .linesNotShown: 152
        case .location: 153
        case .feature: 154
        case .readProblem: 155
        case .crsProblem: 156
        case .noField: 157
        case .usage: 158
        case .rowsSetAside: 159
        case .farOutside: 160
        case .wrote: 161
        case .noProblems: 162
        case .repaired: 163
        case .problemsFound: 164
        case .layersDrawn: 165
        case .islands: 166
        case .unreachableTerritories: 167
        case .groupsWritten: 168
        case .joinSummary: 169
        case .notWGS84: 170
        case .suggestUnassigned: 171
        case .suggestCircuits: 172
        case .suggestJoinedIslands: 173
        case .suggestJoinedTo: 174
        case .suggestTitle: 175
        case .suggestColumns: 176
        case .suggestSummary: 177
        case .suggestJoinedIslandsParagraph: 178
        case .yes: 179
        case .no: 180
        case .demoStep: 181
        case .demoMapTitle: 182
        case .demoNoData: 183
        case .demoStepFailed: 184
        case .demoFigureNotThere: 185
        case .pointOutside: 186
        case .pointSnapped: 187
        case .pointUnreachable: 188
        case .workbench: 190
        }
    }

    static let count = 191

    @Test func everyKeyIsListed() {
        #expect(Set(Self.every.map(Self.index)) == Set(0..<Self.count))
    }

    @Test func everyKeyHasTextInBothLanguages() {
        for key in Self.every {
            let english = Language.en.text(key), spanish = Language.es.text(key)
            #expect(!english.isEmpty, "\(key): no English")
            #expect(!spanish.isEmpty, "\(key): no Spanish")
            // "base" is a Spanish word too, and a stage's line is only its values.
            // "error" and "no" are the same word in both.
            let sameByDesign = [Self.index(of: .scenarioBase), Self.index(of: .scenarioWhyStage(stage: "", base: "", scenario: "", change: "")),
                                Self.index(of: .errorLabel), Self.index(of: .no)]
            #expect(english != spanish || sameByDesign.contains(Self.index(of: key)), "\(key): the Spanish is the English: \(english)")
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

/// One example of every kind of read error, CRS error and usage problem
/// the catalogue translates. `reasonIndex` is an exhaustive switch: a new
/// kind does not compile until it is listed here, and the test counts them.
enum DiagnosticExamples {
    static let reasons: [ReadError.Reason] = [
        .cannotOpen(errno: ENOENT, system: "No such file or directory"), .cannotOpen(errno: EIO, system: "Input/output error"),
        .noSuchFile, .noSuchFileInArchive, .isFolder, .emptyGeoJSON, .emptyCSV, .invalidUTF8(column: "X", header: false),
        .rowFieldCount(fields: 2, header: 3), .noColumn(given: "X", role: "longitude", columns: ["X"]),
        .noCoordinateColumn(role: "latitude", lookedFor: ["X"], flag: "--y"), .notLongitudeLatitude(x: 2, y: 2),
        .projectedWithoutCRS(outside: 2, of: 2, example: 2, id: "X", x: 2, y: 2, file: "X"),
        .pointNotTransformed(x: 2, y: 2, from: "X", to: "X", proj: "X"), .noLayerNamed("X", layers: ["X"]), .noVectorLayer,
        .severalLayers(count: 2, shown: "X", example: "X"), .noGeometry, .territoryNotInTerritories("X"),
        .needsGrouping(analysis: "X"), .needsSites(analysis: "X"), .emptyStudy,
    ]

    static func reasonIndex(_ reason: ReadError.Reason) -> Int {
        switch reason {
        case .cannotOpen: 0
        case .noSuchFile: 1
        case .noSuchFileInArchive: 2
        case .isFolder: 3
        case .emptyGeoJSON: 4
        case .emptyCSV: 5
        case .invalidUTF8: 6
        case .rowFieldCount: 7
        case .noColumn: 8
        case .noCoordinateColumn: 9
        case .notLongitudeLatitude: 10
        case .projectedWithoutCRS: 11
        case .pointNotTransformed: 12
        case .noLayerNamed: 13
        case .noVectorLayer: 14
        case .severalLayers: 15
        case .noGeometry: 16
        case .territoryNotInTerritories: 17
        case .needsGrouping: 18
        case .needsSites: 19
        case .emptyStudy: 20
        }
    }

    static let crsErrors: [CRSError] = [
        .unknownCRS("X", message: "X"), .noTransformation(from: "X", to: "X", message: "X"),
        .pointFailed(index: 2, position: Position(x: 2, y: 2), message: "X"),
    ]

    static let usageProblems: [UsageProblem] = [
        .giveFileOrStudyKey(flag: "X", key: "X", study: nil), .giveFileOrStudyKey(flag: "X", key: "X", study: "X"),
        .studyNamesSeveralChains(study: "X", chains: ["X"], command: "X"), .reportIsMarkdown(report: "X"), .nameAChain,
        .needs(flag: "X", other: "X"), .atLeast(flag: "X", minimum: "1", given: "0"), .mapFormat(output: "X"),
    ]

    static func usageIndex(_ problem: UsageProblem) -> Int {
        switch problem {
        case .giveFileOrStudyKey: 0
        case .studyNamesSeveralChains: 1
        case .reportIsMarkdown: 2
        case .nameAChain: 3
        case .needs: 4
        case .atLeast: 5
        case .mapFormat: 6
        }
    }
}

@Suite struct DiagnosticCatalogueTests {
    @Test func everyKindIsListed() {
        #expect(Set(DiagnosticExamples.reasons.map(DiagnosticExamples.reasonIndex)) == Set(0..<21))
        #expect(Set(DiagnosticExamples.usageProblems.map(DiagnosticExamples.usageIndex)) == Set(0..<7))
    }

    /// The English of a read error is Geo's own message, byte for byte, and
    /// the location reads as `ReadError.description` always did.
    @Test func englishIsGeosMessage() {
        let error = ReadError(file: "a.geojson", line: 3, column: 7, featureIndex: 4, featureID: .string("P1"), reason: .noSuchFile)
        #expect(Language.en.describe(error) == error.description)
        #expect(Language.en.describe(error) == "a.geojson:3:7: feature 4 (id P1): no such file")
        #expect(Language.es.describe(error) == "a.geojson:3:7: entidad 4 (id P1): no existe el archivo")
        let plain = ReadError(file: "b.csv", message: "something else")
        #expect(Language.es.describe(plain) == "b.csv: something else", "a message of no known kind keeps its English")
    }
}
