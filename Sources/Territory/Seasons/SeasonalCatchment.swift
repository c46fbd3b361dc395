import Geo

/// Capacity catchments month by month: `CatchmentAnalysis` (method
/// `capacity`, unchanged) run on each month's facilities (their season
/// profiles applied, idle ones left out) and the chain's demand of the
/// month; the people fed each month, per facility and in all, and the
/// worst month: the one feeding the fewest people.
public struct SeasonalCatchment: Sendable {
    /// The analysis to run each month; its chain is replaced by the month's.
    public var analysis: CatchmentAnalysis
    /// The chain's seasons (`demandByMonth`); flat without.
    public var seasons: ChainSeasons?
    public var months: [Month] = Month.all

    public init(_ analysis: CatchmentAnalysis, seasons: ChainSeasons? = nil) {
        self.analysis = analysis
        self.seasons = seasons
    }

    /// One month's run.
    public struct MonthRun: Sendable {
        public var month: Month
        /// Nil when every facility is idle that month: nobody is fed.
        public var result: CatchmentAnalysis.Result?
        /// Facilities idle that month (a share of 0), as positions in the year's layer.
        public var idle: [Int]
        /// The month's people, whole and adding up to the population.
        public var fed: Double
        public var unfed: Double
        public var outside: Double
        /// People the month's capacity could feed.
        public var capacityPeople: Double
    }

    /// One facility through the year, under its `facility_id`.
    public struct Facility: Sendable {
        public var id: String
        /// People it feeds each month (0 when idle).
        public var fed: [Double]
        /// The month it feeds the fewest (the earliest of equals).
        public var worst: Month
    }

    public struct Result: Sendable {
        public var runs: [MonthRun]
        public var facilities: [Facility]
        public var populationTotal: Double
        /// The month feeding the fewest people (the earliest of equals).
        public var worst: MonthRun? { runs.min { ($0.fed, $0.month) < ($1.fed, $1.month) } }
    }

    /// `sites` is the facilities layer with its profiles; `positions`
    /// each feature's position in the file, for `facility_id`.
    public func run(_ sites: SeasonalSites, positions: [Int], in territories: StudyTerritories) throws -> Result {
        guard analysis.method == .capacity, let chain = analysis.chain else {
            throw ReadError(file: sites.file, message: "the year of catchments is the capacity method's (people fed by month); give --method capacity and --chain")
        }
        var runs: [MonthRun] = []
        for month in months {
            let monthly = sites.month(month)
            var analysis = self.analysis
            analysis.chain = seasons.map { $0.chain(chain, in: month) } ?? chain
            analysis.facilityPositions = monthly.kept.map { positions[$0] }
            let idle = monthly.idle.map { positions[$0] }
            guard monthly.layer.count > 0 else {
                let total = territories.totalPopulation.rounded()
                runs.append(MonthRun(month: month, result: nil, idle: idle, fed: 0, unfed: 0, outside: total, capacityPeople: 0))
                continue
            }
            let result = try analysis.run(facilities: monthly.layer, file: sites.file, in: territories)
            let whole = result.people.whole
            runs.append(MonthRun(month: month, result: result, idle: idle, fed: whole.fed ?? 0, unfed: whole.unfed ?? 0,
                                 outside: whole.outside, capacityPeople: (result.people.feeding?.capacityPeople ?? 0).rounded()))
        }
        return Result(runs: runs, facilities: Self.facilities(runs), populationTotal: territories.totalPopulation.rounded())
    }

    /// Each facility's people fed by month, from the catchments' `people_fed`,
    /// in the order they first appear.
    static func facilities(_ runs: [MonthRun]) -> [Facility] {
        var order: [String] = [], fed: [String: [Double]] = [:]
        for (index, run) in runs.enumerated() {
            for feature in run.result?.layer.features ?? [] where feature.properties["kind"] == "catchment" {
                guard let id = feature.properties["facility_id"].map(\.text) else { continue }
                if fed[id] == nil { order.append(id); fed[id] = Array(repeating: 0, count: runs.count) }
                fed[id]![index] = feature.properties["people_fed"]?.doubleValue ?? 0
            }
        }
        return order.map { id in
            let values = fed[id]!
            let worst = values.indices.min { (values[$0], $0) < (values[$1], $1) }!
            return Facility(id: id, fed: values, worst: runs[worst].month)
        }
    }
}
