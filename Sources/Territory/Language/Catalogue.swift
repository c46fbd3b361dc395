import Geo

/// Every string a report writes for people, keyed. Each language is one
/// file (`Catalogue+English.swift`, `Catalogue+Spanish.swift`) with one
/// exhaustive `switch` over `Key`: a key missing from a language does not
/// compile, and a third language is one more file and one case of
/// `Language`. Values a key carries (counts, numbers already formatted for
/// the language, names) are placed by each language where its grammar
/// wants them.
public enum Catalogue {
    /// The units and reasons of the commands' tallies, as `FeatureCounts`
    /// writes them in English: each has its translation.
    public static let tallyWords = [
        "features", "territories", "sites", "unreadable rows", "in no circuit", "of no chain given",
        "outside every territory", "in a territory of no circuit", "not of this chain's products and stages",
        "beyond --max-snap of the roads", "on a road component with none of their buyers",
        "population missing, taken as 0", "population missing, left out",
        "points", "rows", "roads", "sources", "units", "demand units", "facilities", "not selected by --where",
        "without a catchment", "in no circuit meeting the floor", "without geometry, not drawn", "territory not in the layer",
        "without a line segment", "filtered out", "invalid passed through",
        "a capacity missing, taken as 0", "a capacity missing, left out", "a weight missing, taken as 0", "a weight missing, left out",
        "values missing, taken as 0", "values missing, left out",
    ]

    public enum Key: Sendable {
        // Vocabulary
        case stage(Stage)
        case unit(CapacityUnit)
        /// "add 308.0 t/month of retail": the capacity a critical node lacks.
        case proposal(amount: String, unit: String, stage: String)
        /// "12 sites outside every territory (capacity unused: ...)".
        case sitesLeftOut(count: Int, reason: SitesLeftOut.Reason, unused: String)

        // Coverage: summary
        case coverageTitle
        case coveragePeople(circuits: Int, total: String, inCircuits: String, inNoCircuit: String, territoriesOfNoCircuit: Int)
        case coverageOverlaps(territories: Int)
        case coverageSites(sites: Int, outsideChains: Int)
        case coverageNoCircuitCanUse

        // Coverage: findings
        case surplusHeading
        case surplusNone
        case surplusIntro
        case surplusTableHeader
        case productShortageHeading
        case productShortageNone
        case productShortageIntro
        case productShortageTableHeader
        case stageShortageHeading
        case stageShortageNone
        case stageShortageIntro
        case stageShortageTableHeader

        // Coverage: surplus moved between circuits (the exact distribution)
        case exchangeHeading
        case exchangeLine(product: String, delivered: String, demand: String, unit: String, moved: String, optimal: Bool, rounds: Int)
        case exchangeBroken(product: String, stages: String)
        case exchangeNone
        case exchangeMovesHeader
        case exchangeMore(count: Int)
        case exchangeCircuitsHeader
        /// Sent to or received from circuits: none.
        case exchangeNobody

        // Coverage: a circuit
        case circuitLine(territories: Int, area: String, people: String, families: String, nearDistribution: String)
        case productTableHeader
        case stageTableHeader
        case skippable

        // Coverage: zones
        case zonesHeading
        case zoneLine(circuits: String, people: String, families: String)
        case circuitsInNoZone(String)
        case zonePlace(String)

        // Coverage: primary against processing
        case processingHeading
        case processingTableHeader

        // Coverage: identity products
        case identityHeading(field: String)
        case identityCountsHeader
        case noIdentityProduct
        /// An identity product whose chain has no actor in the territory.
        case identityNoStage
        /// An identity product no chain of the study makes.
        case identityNoChain
        case identityTableHeader

        // Coverage: points
        case pointsLine(points: Int, outside: Int, inNoCircuit: Int)
        case pointsWithoutValue(count: Int, field: String?)
        case pointsSumColumn(field: String)
        case pointsCategory
        case pointsCount
        case pointsNoCategory
        case zone
        case circuit

        // Coverage: definitions
        case coverageDefinitions

        // distribute's Markdown report
        case distributionTitle(product: String)
        case distributionBroken(stages: String)
        case distributionFiguresHeader
        case distributionDemand(unit: String)
        case distributionDelivered
        case distributionShareMet
        case distributionIntermediated
        case distributionTonneKm
        case distributionTonneMinutes
        case distributionLinksUsed
        case distributionBaseline(rule: String, stuck: String, assumedNearest: Int)
        case distributionRuleNearest
        case distributionRuleSellsTo(field: String)
        case distributionOptimal(rounds: Int, links: Int)
        case distributionNotOptimal(reason: String?, rounds: Int, links: Int)
        case distributionChangesHeading
        case distributionRoads(unreachableSites: Int, unreachableTerritories: Int, cutOffSites: Int, cutOffTerritories: Int)
        case distributionByCircuitHeading
        case distributionMovesHeading
        case distributionByZoneHeading
        case distributionBalance(delivered: String, unmet: String, demand: String)
        case distributionUnmetHeading

        // Scenarios (territorio scenario)
        case scenarioTitle
        case scenarioIntro
        case scenarioItem(label: String, name: String, file: String, edits: Int)
        case scenarioStudyHeading
        case scenarioBase
        case scenarioChange
        case scenarioProduct
        case scenarioFigureColumn
        case scenarioFigure(ScenarioComparison.ProductFigure)
        case scenarioContiguousShare
        case scenarioPopulationVariation
        case scenarioCircuitsHeading(label: String, name: String)
        case scenarioCircuit
        case scenarioScenario
        case scenarioNothingChanged
        case scenarioPopulation
        case scenarioParts
        case scenarioBalance(stage: String, unit: String)
        case scenarioToAdd(stage: String, unit: String)
        case scenarioWhyHeading
        case scenarioWhy(product: String, base: String, scenario: String, change: String, unit: String, stages: String)
        case scenarioWhyStage(stage: String, base: String, scenario: String, change: String)
        case scenarioWhyCircuit(circuit: String, stages: String)
        case scenarioWhyRose
        case scenarioWhyNone
        case scenarioNotOptimal(product: String, label: String)

        // The demo's report.md (figures already formatted for the language)
        case demoIntro
        case demoBoundaries(parishes: Int, problems: Int, hierarchyProblems: Int)
        case demoActors(actors: String, located: String, outside: String)
        case demoCatchments(centres: Int, people: String, overloaded: Int)
        case demoCoverage(circuits: Int, people: String, rows: String, story: String)
        case demoCoveredCircuits(covered: Int, of: Int)
        case demoValley(grown: String, demand: String, balance: String, exportable: String, shops: String, toAdd: String)
        case demoDairy(processing: String, demand: String, balance: String, milk: String, shops: String, toAdd: String)
        case demoDistribution(delivered: String, demand: String, share: String, intermediated: String, baseline: String,
                              tonneKm: String, betweenCircuits: String)
        case demoNoCheeseBetweenCircuits
        case demoBetweenCircuits(total: String, largest: String)
        case demoGroupings(rows: String)
        case demoSuggestedGrouping
        case demoMaps
        case demoCommands(study: String, commands: String)

        // The HTML reports (Reports target)
        /// The heading of the definitions chapter.
        case definitionsHeading
        /// A glossary term's name, and its definition in two lines.
        case term(GlossaryTerm)
        case definition(GlossaryTerm)
        /// The title of the coverage report's map of one product, and its caption.
        case mapSelfSufficiencyTitle(product: String)
        case mapSelfSufficiency(product: String)
        /// The title of the distribution report's map.
        case mapRoutes(product: String)
        case mapsHeading
        /// The legend names of the distribution map's layers.
        case mapTerritories
        case mapRoutesLayer
        /// The distribution map's legend: what colours a route, and its two values.
        case mapRouteField
        case mapRouteThroughIntermediary
        case mapRouteDirect
        /// A word a map writes (`render --lang`, the reports' maps).
        case map(MapWord)
        /// A word of the seasonal reports and the monitor (Territory/Seasons, Territory/Monitoring).
        case season(SeasonWord)
        /// A word of the workbench's page (`serve --lang`).
        case workbench(WorkbenchWord)
        /// A figure the Markdown names whose file is not there.
        case figureMissing(file: String)
        /// The HTML page's line under the title: language and tool.
        case htmlFooter

        // group compare's Markdown report
        case groupingsComparedTitle
        case groupingsComparedColumns
        case groupingsSelfSufficientColumn(product: String)
        /// "3 of 15 (0.42)": circuits self-sufficient in a product, and the lowest share.
        case groupingsSelfSufficient(count: Int, of: Int, lowest: String)
        case groupingsChanged(changed: Int, of: Int)

        // Diagnostics on standard error
        /// Circuits the grouping's name column leaves without a name.
        case unnamedCircuits(file: String, count: Int, of: Int, column: String, first: String)
        /// Territories the --name-field leaves without a name.
        case unnamedTerritories(file: String, count: Int, of: Int, field: String, first: String)
        /// "FILE: 12 sites in, 10 out, 2 rejected": a command's tally (`FeatureCounts`).
        case tally(subject: String, input: Int, unit: String, output: Int, rejected: Int)
        case tallyUnaccounted(Int)
        /// A unit or reason of a tally, one of `Catalogue.tallyWords`; others
        /// (of commands not yet translated) stay as they are.
        case tallyWord(String)
        case coverageTally(file: String, circuits: Int, surplus: Int, productShort: Int, stagesShort: Int, overlaps: Int, inNone: Int)
        case circuitsInNoZoneWarning(file: String, count: Int, first: String)
        /// distribute's line on standard error, its figures formatted for the language.
        case distributionSummary(product: String, delivered: String, demand: String, unit: String, share: String,
                                 intermediated: String, baseline: String, tonneKm: String, optimal: Bool, rounds: Int)
        case distributionNotOptimalWarning(reason: String?)
        case distributionUnlabelled(sites: Int, territories: Int)
        case distributionCutOff(count: Int, of: Int, first: String)
        case distributionBeyondSnap(count: Int, of: Int, maxSnap: String, first: String)

        // Errors, warnings and notes on standard error, for every command.
        // The errors keep their structure (`ReadError.Reason`, `CRSError`,
        // `UsageProblem`); the CLI looks their text up here at the edge.
        /// "error" and "warning" in `territorio: error: ...`.
        case errorLabel
        case warningLabel
        case linesNotShown(hidden: Int, limit: Int)
        /// Where a problem is: `FILE:12:40: feature 3 (id P0004)`.
        case location(file: String, line: Int?, column: Int?, feature: Int?, id: String?)
        /// A feature by its index from 0 and its id: `feature 3 (id P0004)`.
        case feature(index: Int, id: String?)
        case readProblem(ReadError.Reason)
        /// The CRS problem; PROJ's own reason, which it gives in English, stays.
        case crsProblem(CRSError)
        /// A flag names a field no feature has: the fields present, and the nearest.
        case noField(flag: String, name: String, file: String, present: [String], suggestion: String?)
        case usage(UsageProblem)
        case rowsSetAside(file: String, count: Int, rejects: String)
        case farOutside(file: String, count: Int, of: Int, reference: String, first: String)
        case wrote(file: String)
        case noProblems(file: String)
        case repaired(file: String, count: Int)
        case problemsFound(file: String, count: Int)
        case layersDrawn(output: String, layers: Int, features: Int)
        case noteLabel
        case islands(count: Int, of: Int)
        case unreachableTerritories(count: Int, of: Int, maxSnap: String)
        case groupsWritten(file: String, groups: Int, coverageUnion: Int, unaryUnion: Int)
        case joinSummary(file: String, inside: Int, snapped: Int, outside: Int)
        case notWGS84(crs: String)
        /// Lines about single features (`Diagnostics.featureLine`); `place`
        /// is a `location` already in the language.
        case pointOutside(place: String, at: String?)
        case pointSnapped(place: String, code: String, metres: String)
        case pointUnreachable(place: String, metres: String?)

        // group suggest (its warnings and its Markdown report)
        case suggestUnassigned(count: Int, first: String)
        case suggestCircuits(file: String, circuits: Int, objective: String)
        case suggestJoinedIslands(file: String, count: Int, list: String)
        case suggestJoinedTo(territory: String, nearest: String)
        case suggestTitle
        case suggestColumns(roads: Bool, products: [String])
        case suggestSummary(circuits: Int, contiguous: String, compactness: String, variation: String)
        case suggestJoinedIslandsParagraph(count: Int, list: String)
        case yes
        case no

        // The demo: its steps on standard error and its maps' titles
        case demoStep(DemoStepName)
        case demoMapTitle(DemoMapName)
        case demoNoData(folder: String)
        case demoStepFailed(step: String, command: String, error: String)
        case demoFigureNotThere(page: String, file: String, folder: String)
    }

    /// The demo's steps, as its progress lines name them.
    public enum DemoStepName: String, CaseIterable, Sendable {
        case validate, hierarchy, locate, catchments, coverage, distribute, compare, suggest
        case coverageMap, catchmentsMap, webMap
    }

    /// The demo's three maps, whose titles follow the language.
    public enum DemoMapName: String, CaseIterable, Sendable {
        case coverage, catchments, web
    }
}
