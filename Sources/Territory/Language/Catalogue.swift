/// Every string a report writes for people, keyed. Each language is one
/// file (`Catalogue+English.swift`, `Catalogue+Spanish.swift`) with one
/// exhaustive `switch` over `Key`: a key missing from a language does not
/// compile, and a third language is one more file and one case of
/// `Language`. Values a key carries (counts, numbers already formatted for
/// the language, names) are placed by each language where its grammar
/// wants them.
public enum Catalogue {
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
    }
}
