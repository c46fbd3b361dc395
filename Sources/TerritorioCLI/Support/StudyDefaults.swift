import ArgumentParser

/// What each command takes from a `--study` file, applied in its
/// `validate()` (so every way of parsing a command line, the demo's
/// included, sees the same options). A flag given keeps its value; an
/// input neither gives is a usage error naming the flag and the study key.
/// A new command that reads territories, sites, chains, a grouping or
/// roads is added here.

extension CoverageCommand {
    mutating func applyStudy() throws {
        let study = try territoryOptions.studyOption.load()
        try territoryOptions.apply(study)
        siteFields.apply(study)
        givenSites = try StudyOption.required(givenSites, study?.sites?.file, flag: "--sites", key: "sites", study: study)
        givenGrouping = try StudyOption.required(givenGrouping, study?.grouping, flag: "--grouping", key: "grouping", study: study)
        if chain.isEmpty { chain = study?.chains ?? [] }
        zones = zones ?? study?.zones
    }
}

extension DistributeCommand {
    mutating func applyStudy() throws {
        let study = try territoryOptions.studyOption.load()
        try territoryOptions.apply(study)
        siteFields.apply(study)
        givenSites = try StudyOption.required(givenSites, study?.sites?.file, flag: "--sites", key: "sites", study: study)
        siteIDField = siteIDField ?? study?.sites?.idField
        if givenChain == nil { givenChain = try study?.singleChain(command: "distribute") }
        givenChain = try StudyOption.required(givenChain, nil, flag: "--chain", key: "chains", study: study)
        // The study's circuits give the figures by circuit and what moves between them.
        grouping = grouping ?? study?.grouping
        zones = grouping == nil ? zones : zones ?? study?.zones
        roads = roads ?? study?.roads?.file
        graphOptions.apply(study)
        accessOptions.apply(study)
    }
}

extension CatchmentCommand {
    /// The study's sites are the facilities (select some with --where); its
    /// chain, when it names one, gives demand and utilisation.
    mutating func applyStudy() throws {
        let study = try territoryOptions.studyOption.load()
        try territoryOptions.apply(study)
        siteFields.apply(study)
        givenFacilities = try StudyOption.required(givenFacilities, study?.sites?.file, flag: "--sites", key: "sites", study: study)
        if givenFacilities == study?.sites?.file { facilityIDField = facilityIDField ?? study?.sites?.idField }
        if chain == nil { chain = try study?.singleChain(command: "catchment") }
        roads = roads ?? study?.roads?.file
        graphOptions.apply(study)
        accessOptions.apply(study)
    }
}

extension GroupingInputs {
    /// Territories, sites and chains from the study; its roads too when
    /// the command times trips along them (`roads`).
    mutating func apply(_ study: StudyFile?, roads withRoads: Bool = true) throws {
        try territoryOptions.apply(study)
        siteFields.apply(study)
        sites = sites ?? study?.sites?.file
        if chain.isEmpty { chain = study?.chains ?? [] }
        if withRoads {
            roads = roads ?? study?.roads?.file
            graphOptions.apply(study)
        }
    }
}

extension GroupEvaluateCommand {
    mutating func applyStudy() throws {
        let study = try inputs.territoryOptions.studyOption.load()
        try inputs.apply(study)
        givenGrouping = try StudyOption.required(givenGrouping, study?.grouping, flag: "--grouping", key: "grouping", study: study)
    }
}

extension GroupCompareCommand {
    /// The study's grouping is compared with the one given, when only one
    /// is (the groupings to compare are the command's subject).
    mutating func applyStudy() throws {
        let study = try inputs.territoryOptions.studyOption.load()
        try inputs.apply(study)
        if groupings.count < 2, let grouping = study?.grouping, !groupings.contains(grouping) { groupings.insert(grouping, at: 0) }
    }
}

extension GroupSuggestCommand {
    /// No roads: the suggestion measures straight lines.
    mutating func applyStudy() throws {
        let study = try inputs.territoryOptions.studyOption.load()
        try inputs.apply(study, roads: false)
    }
}

/// A command that takes territories, sites, chains and a grouping from the
/// study: `scenario` and `serve`.
protocol SitesChainsAndGroupingCommand {
    var territoryOptions: TerritoryOptions { get set }
    var siteFields: SiteFieldOptions { get set }
    var givenSites: String? { get set }
    var givenGrouping: String? { get set }
    var siteIDField: String? { get set }
    var chain: [String] { get set }
}

extension SitesChainsAndGroupingCommand {
    /// Territories, sites, chains and grouping from `study`. Roads are
    /// not taken: the distribution compares straight-line tonne-km, as the
    /// coverage and grouping figures need no roads.
    mutating func applySitesChainsAndGrouping(_ study: StudyFile?) throws {
        try territoryOptions.apply(study)
        siteFields.apply(study)
        givenSites = try StudyOption.required(givenSites, study?.sites?.file, flag: "--sites", key: "sites", study: study)
        givenGrouping = try StudyOption.required(givenGrouping, study?.grouping, flag: "--grouping", key: "grouping", study: study)
        siteIDField = siteIDField ?? study?.sites?.idField
        if chain.isEmpty { chain = study?.chains ?? [] }
    }
}

extension ScenarioCommand: SitesChainsAndGroupingCommand {
    mutating func applyStudy() throws {
        try applySitesChainsAndGrouping(try territoryOptions.studyOption.load())
    }
}

extension IsochroneCommand {
    /// The study's roads; its territories (and their population field) for
    /// the population inside, unless --territories names others.
    mutating func applyStudy() throws {
        let study = try studyOption.load()
        try roadOptions.apply(study)
        if territories == nil, let given = study?.territories {
            territories = given.file
            population.givenField = population.givenField ?? given.populationField
            population.givenMissing = population.givenMissing ?? given.missingPopulation
        }
    }
}

extension RouteCommand {
    mutating func applyStudy() throws {
        try roadOptions.apply(try studyOption.load())
    }
}

extension NetworkInfoCommand {
    /// The roads as an argument, --roads, or the study's.
    mutating func applyStudy() throws {
        let study = try studyOption.load()
        graphOptions.apply(study)
        guard file == nil && roads == nil else { return }
        roads = try StudyOption.required(nil, study?.roads?.file, flag: "--roads", key: "roads", study: study)
    }
}
