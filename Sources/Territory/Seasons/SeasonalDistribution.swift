import Geo

/// A chain's exact distribution month by month: `Distribution` (unchanged)
/// run on each month's study, with what it delivers against the month's
/// demand, and the worst month, where the least of the demand is met.
public struct SeasonalDistribution: Sendable {
    /// The distribution to run each month; its chain is replaced by the month's.
    public var distribution: Distribution
    public var months: [Month] = Month.all

    public init(_ distribution: Distribution) { self.distribution = distribution }

    public struct MonthRun: Sendable {
        public var month: Month
        public var study: Study
        public var result: Distribution.Result
        /// Share of the month's demand delivered; nil without demand.
        public var share: Double? { result.demand > 0 ? result.delivered / result.demand : nil }
    }

    public struct Result: Sendable {
        public var product: String
        public var unit: CapacityUnit
        public var runs: [MonthRun]
        /// The month delivering the smallest share (the earliest of equals).
        public var worst: MonthRun? {
            runs.filter { $0.result.demand > 0 }.min { ($0.share ?? 1, $0.month) < ($1.share ?? 1, $1.month) }
        }
    }

    public func run(_ seasonal: SeasonalStudy) throws -> Result {
        guard let index = seasonal.base.chains.firstIndex(where: { $0.product == distribution.chain.product }) else {
            throw ReadError(file: seasonal.base.territories.file, message: "the study has no \(distribution.chain.product) chain")
        }
        var runs: [MonthRun] = []
        for month in months {
            let monthly = try seasonal.month(month)
            var distribution = self.distribution
            distribution.chain = monthly.study.chains[index]
            runs.append(MonthRun(month: month, study: monthly.study, result: try distribution.run(monthly.study)))
        }
        return Result(product: distribution.chain.product, unit: distribution.chain.unit, runs: runs)
    }
}

extension SeasonalDistribution.Result {
    /// Month by month: demand, delivered, share, through intermediaries, t-km.
    public func markdown(language: Language) -> String {
        func number(_ value: Double) -> String { ReportNumber.grouped(value, maximumFractionDigits: 2, language: language) }
        var text = language.text(.distributionTitle(product: product))
        let unitName = language.name(of: unit)
        text += "| | \(language.text(.distributionDemand(unit: unitName))) | \(language.text(.distributionDelivered)) | % | t-km |\n|---|---:|---:|---:|---:|\n"
        for run in runs {
            let share = run.share.map { ReportNumber.grouped($0 * 100, maximumFractionDigits: 1, language: language) } ?? "–"
            text += "| \(run.month.name(in: language)) | \(number(run.result.demand)) | \(number(run.result.delivered)) | \(share) | \(number(run.result.tonneKilometres)) |\n"
        }
        text += "\n" + Sparkline.text(runs.map(\.share), low: 0) + "\n\n"
        if let worst {
            text += language.text(.season(.worstHeading))
            text += "\(worst.month.name(in: language)): \(number(worst.result.delivered)) / \(number(worst.result.demand)) \(unitName)\n"
        }
        return text
    }

    public var json: JSONValue {
        .object([
            "product": .string(product), "unit": .string(unit.rawValue),
            "worst_month": worst.map { .number(JSONNumber($0.month.number)) } ?? .null,
            "months": .array(runs.map { run in
                .object([
                    "month": .number(JSONNumber(run.month.number)), "name": .string(run.month.englishName),
                    "demand": .number(JSONNumber(CoverageReport.round(run.result.demand))), "delivered": .number(JSONNumber(CoverageReport.round(run.result.delivered))),
                    "share": run.share.map { .number(JSONNumber($0)) } ?? .null,
                    "intermediated": .number(JSONNumber(CoverageReport.round(run.result.intermediated))),
                    "tonne_km": .number(JSONNumber(CoverageReport.round(run.result.tonneKilometres))),
                    "optimal": .bool(run.result.optimal),
                ])
            }),
        ])
    }
}
