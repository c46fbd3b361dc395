import Foundation
import Geo

/// Writes a `CircuitMonitor.Result`: a CSV table (one row per date, place
/// and product), a JSON series, and Markdown (per product, each circuit's
/// figures by date with a sparkline of its self-supply; the actors per
/// stage; the actors new and vanished; the territories per progress
/// category). JSON and CSV keep English keys and plain numbers.
public struct MonitorReport: Sendable {
    public var result: CircuitMonitor.Result
    public var language: Language
    public var circuitNames: CircuitNames?
    /// Territories per category and date, when milestones were given.
    public var progress: (route: ProgressRoute, counts: [String: [Int]])?
    /// `![...](sparkline-N.svg)` for the HTML page (`sparklines[N]`) instead of block characters.
    public var sparklineImages = false

    public init(_ result: CircuitMonitor.Result, language: Language) {
        self.result = result
        self.language = language
    }

    func label(_ place: String, kind: String) -> String {
        kind == "zone" ? "\(language.text(.zone)) \(place)" : circuitNames?.label(place) ?? place
    }

    func number(_ value: Double, digits: Int = 1) -> String {
        ReportNumber.grouped(value, maximumFractionDigits: digits, language: language)
    }

    /// The self-supply series drawn, one per place and product in the Markdown's order.
    public var sparklines: [String] {
        result.products.flatMap { product in
            result.places.map { place in Sparkline.svg(result.series(place: place.place, product: product).map { Optional($0.selfSupply) }, low: 0) }
        }
    }

    public var markdown: String {
        var text = language.text(.season(.monitorTitle))
        if let first = result.dates.first, let last = result.dates.last {
            text += language.text(.season(.monitorSnapshots(count: result.dates.count, first: first, last: last)))
        }
        var sparkline = 0
        for product in result.products {
            text += language.text(.season(.monitorSeriesHeading(product: product))) + language.text(.season(.monitorSeriesHeader))
            for place in result.places {
                let series = result.series(place: place.place, product: product)
                let trend = sparklineImages ? "![\(product)](sparkline-\(sparkline).svg)" : Sparkline.text(series.map { Optional($0.selfSupply) }, low: 0)
                sparkline += 1
                for (index, point) in series.enumerated() {
                    text += "| \(label(place.place, kind: place.kind)) | \(point.date) | \(point.actorCount) | \(number(point.capacity)) | "
                        + "\(number(point.selfSupply)) | \(number(point.exportableSurplus)) | \(point.intermediated.map { number($0) } ?? "–") | "
                        + "\(number(point.peopleFed, digits: 0)) | \(index == series.count - 1 ? trend : "") |\n"
                }
            }
            text += "\n"
        }
        text += language.text(.season(.monitorActorsHeading)) + language.text(.season(.monitorActorsHeader))
        for point in result.points where point.kind == "circuit" && point.product == result.products.first {
            for (stage, count) in point.actors {
                text += "| \(label(point.place, kind: point.kind)) | \(point.date) | \(language.name(of: stage)) | \(count) |\n"
            }
        }
        text += "\n"
        for change in result.changes {
            if change.new.isEmpty && change.vanished.isEmpty { text += language.text(.season(.monitorNoChange(date: change.date))); continue }
            if !change.new.isEmpty { text += language.text(.season(.monitorNewActors(date: change.date, ids: change.new.joined(separator: ", ")))) }
            if !change.vanished.isEmpty { text += language.text(.season(.monitorVanishedActors(date: change.date, ids: change.vanished.joined(separator: ", ")))) }
        }
        text += "\n"
        if let progress {
            text += language.text(.season(.monitorProgressHeading)) + "**\(progress.route.name)**\n\n" + language.text(.season(.monitorProgressHeader))
            for date in result.dates {
                for (index, category) in progress.route.categories.enumerated() {
                    text += "| \(date) | \(category) | \(progress.counts[date]?[index] ?? 0) |\n"
                }
            }
            text += "\n"
        }
        return text
    }

    public var csv: String {
        var writer = CSVWriter(header: ["date", "kind", "place", "product", "unit", "actors", "capacity", "self_supply",
                                        "exportable_surplus", "intermediated", "people_fed"])
        for point in result.points {
            writer.append([point.date, point.kind, point.place, point.product, point.unit.rawValue, String(point.actorCount),
                           Self.plain(point.capacity), Self.plain(point.selfSupply), Self.plain(point.exportableSurplus),
                           point.intermediated.map(Self.plain) ?? "", Self.plain(point.peopleFed.rounded())])
        }
        return writer.text
    }

    static func plain(_ value: Double) -> String { JSONNumber(CoverageReport.round(value)).literal }

    public var json: JSONValue {
        var root: JSONObject = [
            "dates": .array(result.dates.map { .string($0) }),
            "series": .array(result.points.map { point in
                .object([
                    "date": .string(point.date), "kind": .string(point.kind), "place": .string(point.place),
                    "product": .string(point.product), "unit": .string(point.unit.rawValue),
                    "actors": .object(JSONObject(point.actors.map { JSONObject.Member(key: $0.stage.rawValue, value: .number(JSONNumber($0.count))) })),
                    "capacity": .number(JSONNumber(CoverageReport.round(point.capacity))), "self_supply": .number(JSONNumber(CoverageReport.round(point.selfSupply))),
                    "exportable_surplus": .number(JSONNumber(CoverageReport.round(point.exportableSurplus))),
                    "intermediated": point.intermediated.map { .number(JSONNumber(CoverageReport.round($0))) } ?? .null,
                    "people_fed": .number(JSONNumber(point.peopleFed.rounded())),
                ])
            }),
            "changes": .array(result.changes.map { change in
                .object(["date": .string(change.date), "new": .array(change.new.map { .string($0) }),
                         "vanished": .array(change.vanished.map { .string($0) })])
            }),
            "sites_left_out": .object(JSONObject(result.dates.map { JSONObject.Member(key: $0, value: .number(JSONNumber(result.sitesLeftOut[$0] ?? 0))) })),
        ]
        if let progress {
            root["progress"] = .object([
                "route": .string(progress.route.name), "categories": .array(progress.route.categories.map { .string($0) }),
                "territories": .object(JSONObject(result.dates.map { date in
                    JSONObject.Member(key: date, value: .array((progress.counts[date] ?? []).map { .number(JSONNumber($0)) }))
                })),
            ])
        }
        return .object(root)
    }
}
