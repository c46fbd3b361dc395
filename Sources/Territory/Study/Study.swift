import Geo

/// Everything an analysis of circuits works on, prepared once: the
/// territories (projected, coded, with populations), the sites (parsed and
/// located), the chains, a grouping of the territories into circuits, and
/// travel times along the roads when roads were given. A value: a
/// long-running process keeps one and edits it (a new grouping, another
/// chain) without reading or projecting anything again.
public struct Study: Sendable {
    public var territories: StudyTerritories
    public var sites: StudySites?
    public var chains: [ChainSpec]
    public var grouping: Grouping?
    /// Where the grouping came from, for messages.
    public var groupingFile: String
    public var travel: TravelTimes?
    /// Economic zones grouping the circuits, when given.
    public var zoning: Zoning?

    public init(territories: StudyTerritories, sites: StudySites? = nil, chains: [ChainSpec] = [],
                grouping: Grouping? = nil, groupingFile: String = "<grouping>", travel: TravelTimes? = nil,
                zoning: Zoning? = nil) throws {
        self.territories = territories
        self.sites = sites
        self.chains = chains
        self.grouping = grouping
        self.groupingFile = groupingFile
        self.travel = travel
        self.zoning = zoning
        if let grouping { try territories.check(grouping, file: groupingFile) }
        if let zoning {
            guard let grouping else { throw ReadError(file: zoning.file, message: "zones group circuits; give the grouping of the territories into circuits too") }
            try zoning.check(against: grouping)
        }
        if let sites { try sites.checkUnits(against: chains) }
    }

    /// The same study grouped another way.
    public func regrouped(_ grouping: Grouping, file: String) throws -> Study {
        var study = self
        try territories.check(grouping, file: file)
        study.grouping = grouping
        study.groupingFile = file
        return study
    }

    /// The grouping, or an error saying the analysis needs one.
    public func requireGrouping(for analysis: String) throws -> Grouping {
        guard let grouping else { throw ReadError(file: territories.file, reason: .needsGrouping(analysis: analysis)) }
        return grouping
    }

    /// The sites, or an error saying the analysis needs them.
    public func requireSites(for analysis: String) throws -> StudySites {
        guard let sites else { throw ReadError(file: territories.file, reason: .needsSites(analysis: analysis)) }
        return sites
    }
}
