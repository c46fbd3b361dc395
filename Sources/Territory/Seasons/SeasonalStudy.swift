import Geo

/// A study through the year: the study as read, its sites' profiles and
/// storage, and each chain's seasons. `month(_:)` builds the `Study` of one
/// month (its sites' capacities and its chains' demand that month's), on
/// which coverage, distribution and catchments run unchanged; the sites
/// are located again (a month leaves idle sites out), the territories,
/// grouping, zones and roads are the study's own.
public struct SeasonalStudy: Sendable {
    public let base: Study
    public let sites: SeasonalSites
    /// One per chain of the study, in its order (a chain with no seasons is flat).
    public let chainSeasons: [ChainSeasons]

    public init(base: Study, sites: SeasonalSites, chainSeasons: [ChainSeasons]) throws {
        guard let studySites = base.sites else {
            throw ReadError(file: base.territories.file, message: "seasons apply to the sites; the study has none")
        }
        guard studySites.count == sites.count else {
            throw ReadError(file: sites.file, message: "the seasons were read from \(sites.count) sites but the study has \(studySites.count)")
        }
        self.base = base
        self.sites = sites
        self.chainSeasons = base.chains.map { chain in chainSeasons.first { $0.product == chain.product } ?? ChainSeasons(product: chain.product) }
    }

    /// Every chain's named seasons together; a name two chains give
    /// different shares is an error (a site could not say which it means).
    public static func namedSeasons(_ chains: [ChainSeasons], file: (String) -> String) throws(ReadError) -> [String: SeasonProfile] {
        var named: [String: SeasonProfile] = [:], from: [String: String] = [:]
        for chain in chains {
            for (name, profile) in chain.seasons {
                if let earlier = named[name], earlier != profile {
                    throw ReadError(file: file(chain.product), message: "the season '\(name)' has other shares in the \(from[name]!) chain; give the two seasons different names")
                }
                named[name] = profile
                from[name] = chain.product
            }
        }
        return named
    }

    /// One month of the study.
    public struct MonthStudy: Sendable {
        public var month: Month
        public var study: Study
        public var sites: SeasonalSites.MonthSites
    }

    public func month(_ month: Month) throws -> MonthStudy {
        let studySites = base.sites!
        let monthSites = sites.month(month)
        let located = try StudySites(monthSites.layer, file: studySites.file, fields: studySites.fields, idField: studySites.idField,
                                     in: base.territories)
        var study = base
        study.sites = located
        study.chains = zip(base.chains, chainSeasons).map { chain, seasons in seasons.chain(chain, in: month) }
        return MonthStudy(month: month, study: study, sites: monthSites)
    }

    /// Storage each chain stage holds in each territory, from the year's
    /// sites (storage is a place, not a flow: it does not change by month).
    /// Indexed [site] -> stock in the site's unit.
    public var storage: [Double] { sites.storage }
}
