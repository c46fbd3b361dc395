import Geo

extension SeasonalCatchment.Result {
    /// Every month's catchments in one layer, each with its `month` (1-12)
    /// and, on a catchment, its facility's year: `people_fed_01`..`_12`
    /// and `worst_month`. The shapes change with the month, so a map of
    /// one month is `month = M` of this layer.
    public func layer() throws -> Layer {
        let byID = Dictionary(uniqueKeysWithValues: facilities.map { ($0.id, $0) })
        var features: [Feature] = []
        for run in runs {
            for var feature in run.result?.layer.features ?? [] {
                feature.properties["month"] = .number(JSONNumber(run.month.number))
                if let id = feature.properties["facility_id"].map(\.text), let facility = byID[id] {
                    for (index, month) in runs.map(\.month).enumerated() {
                        feature.properties["people_fed_\(month)"] = .number(JSONNumber(facility.fed[index]))
                    }
                    feature.properties["worst_month"] = .number(JSONNumber(facility.worst.number))
                }
                features.append(feature)
            }
        }
        return Layer(features: features, crs: .wgs84)
    }

    /// The `--json` report: the year in all, each month's people, each facility's.
    public var json: JSONValue {
        .object([
            "method": "capacity",
            "population_total": .number(JSONNumber(populationTotal)),
            "worst_month": worst.map { .number(JSONNumber($0.month.number)) } ?? .null,
            "months": .array(runs.map { run in
                .object([
                    "month": .number(JSONNumber(run.month.number)), "name": .string(run.month.englishName),
                    "people_fed": .number(JSONNumber(run.fed)), "people_unfed": .number(JSONNumber(run.unfed)),
                    "people_outside": .number(JSONNumber(run.outside)), "capacity_people": .number(JSONNumber(run.capacityPeople)),
                    "facilities_idle": .number(JSONNumber(run.idle.count)),
                ])
            }),
            "facilities": .array(facilities.map { facility in
                .object([
                    "facility_id": .string(facility.id),
                    "people_fed": .array(facility.fed.map { .number(JSONNumber($0)) }),
                    "worst_month": .number(JSONNumber(facility.worst.number)),
                ])
            }),
        ])
    }

    /// The `--report` Markdown: the year's table, its sparkline, the worst
    /// month, and each facility's people fed by month.
    public func markdown(language: Language) -> String {
        func people(_ value: Double) -> String { ReportNumber.grouped(value, maximumFractionDigits: 0, language: language) }
        var text = "# Catchments (capacity) through the year: people fed by month\n\n"
        text += "| | people fed | unfed | outside every catchment | capacity feeds | facilities idle |\n|---|---:|---:|---:|---:|---:|\n"
        for run in runs {
            text += "| \(run.month.name(in: language)) | \(people(run.fed)) | \(people(run.unfed)) | \(people(run.outside)) | \(people(run.capacityPeople)) | \(run.idle.count) |\n"
        }
        text += "\n" + Sparkline.text(runs.map { $0.fed }, low: 0) + "\n\n"
        text += "Each month fed + unfed + outside = the territories' \(people(populationTotal)) people.\n\n"
        if let worst {
            text += "**Worst month: \(worst.month.name(in: language)), \(people(worst.fed)) people fed.**\n\n"
        }
        guard !facilities.isEmpty else { return text }
        text += "## People fed by facility\n\n| facility | " + runs.map { $0.month.description }.joined(separator: " | ") + " | worst month |\n"
        text += "|---|" + String(repeating: "---:|", count: runs.count) + "---|\n"
        for facility in facilities {
            text += "| \(facility.id) | " + facility.fed.map(people).joined(separator: " | ") + " | \(facility.worst.name(in: language)) |\n"
        }
        return text
    }
}
