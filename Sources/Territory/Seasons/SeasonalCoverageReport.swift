import Foundation
import Geo

/// Writes a `SeasonalCoverage.Result`: JSON (every month's figures per
/// circuit and product, and the worst month), Markdown (the worst months,
/// then per product a circuit-by-month table of self-sufficiency,
/// exportable surplus and stock carried), and a layer of the circuits with
/// each product's worst month and monthly self-sufficiency, for
/// `render --color-by`. JSON and the layer keep English keys; the
/// Markdown is in `language`.
public struct SeasonalCoverageReport: Sendable {
    public var result: SeasonalCoverage.Result
    public var language: Language
    /// Circuit names for the Markdown, when the grouping gives them.
    public var circuitNames: CircuitNames?
    /// Inline SVG sparklines in the Markdown (for the HTML page: `![...](sparkline-N.svg)`
    /// names `sparklines[N]`); the `.md` report writes block characters instead.
    public var sparklineImages = false

    public init(_ result: SeasonalCoverage.Result, language: Language) {
        self.result = result
        self.language = language
    }

    func label(_ circuit: String) -> String { circuitNames?.label(circuit) ?? circuit }

    func number(_ value: Double, digits: Int = 2) -> String {
        ReportNumber.grouped(value, maximumFractionDigits: digits, language: language)
    }

    func percent(_ value: Double?) -> String {
        value.map { ReportNumber.grouped($0 * 100, maximumFractionDigits: 0, language: language) } ?? "–"
    }

    var products: [(product: String, unit: CapacityUnit)] {
        result.circuits.first?.products.map { ($0.product, $0.unit) } ?? []
    }

    /// The SVG of each sparkline the Markdown names, in order.
    public var sparklines: [String] {
        products.indices.flatMap { index in
            result.circuits.map { circuit in Sparkline.svg(circuit.products[index].months.map(\.selfSufficiency), low: 0) }
        }
    }

    public var markdown: String {
        var text = language.text(.season(.title))
        text += language.text(.season(.sites(withProfile: result.sitesWithProfile, flat: result.sitesFlat, storing: result.sitesStoring)))
        let idle = result.months.filter { (result.idle[$0] ?? 0) > 0 }
        if !idle.isEmpty {
            text += language.text(.season(.idle(months: idle.map { "\($0.name(in: language)) \(result.idle[$0]!)" }.joined(separator: ", "))))
        }
        if result.sitesStoring > 0 { text += language.text(.season(.noWrap)) }
        text += language.text(.season(.worstHeading)) + language.text(.season(.worstIntro)) + language.text(.season(.worstHeader))
        for circuit in result.circuits {
            for product in circuit.products {
                guard let worst = product.worst else {
                    text += "| \(label(circuit.id)) | \(product.product) | \(language.text(.season(.noDemand))) | – | – | – | – |\n"
                    continue
                }
                let carriedIn = worst.selfSupplyStored - worst.selfSupply
                text += "| \(label(circuit.id)) | \(product.product) | \(worst.month.name(in: language)) | \(percent(worst.selfSufficiency)) % | "
                    + "\(number(worst.shortfall)) \(language.name(of: product.unit)) | \(worst.bottleneck.map(language.name(of:)) ?? "–") | "
                    + "\(number(carriedIn)) |\n"
            }
        }
        text += "\n"
        let header = "| \(language.text(.circuit)) | " + result.months.map { $0.short(in: language) }.joined(separator: " | ")
        let rule = "|---|" + result.months.map { _ in "---:" }.joined(separator: "|") + "|"
        var sparkline = 0
        for (index, product) in products.enumerated() {
            let unit = language.name(of: product.unit)
            text += language.text(.season(.selfSufficiencyHeading(product: product.product)))
            text += header + " | |\n" + rule + "---|\n"
            for circuit in result.circuits {
                let months = circuit.products[index].months
                let trend = sparklineImages
                    ? "![\(language.text(.season(.sparklineCaption(product: product.product))))](sparkline-\(sparkline).svg)"
                    : Sparkline.text(months.map(\.selfSufficiency), low: 0)
                sparkline += 1
                text += "| \(label(circuit.id)) | " + months.map { percent($0.selfSufficiency) }.joined(separator: " | ") + " | \(trend) |\n"
            }
            text += "\n" + language.text(.season(.surplusHeading(product: product.product, unit: unit)))
            text += header + " |\n" + rule + "\n"
            for circuit in result.circuits {
                text += "| \(label(circuit.id)) | " + circuit.products[index].months.map { number($0.exportableSurplus) }.joined(separator: " | ") + " |\n"
            }
            text += "\n"
            if result.circuits.contains(where: { $0.products[index].storage > 0 }) {
                text += language.text(.season(.carriedHeading(product: product.product, unit: unit)))
                text += header + " |\n" + rule + "\n"
                for circuit in result.circuits where circuit.products[index].storage > 0 {
                    text += "| \(label(circuit.id)) | " + circuit.products[index].months.map { number($0.carried) }.joined(separator: " | ") + " |\n"
                }
                text += "\n"
            }
        }
        return text
    }

    public var json: JSONValue {
        func figure(_ month: SeasonalCoverage.MonthFigure) -> JSONValue {
            .object([
                "month": .number(JSONNumber(month.month.number)), "name": .string(month.month.englishName),
                "demand": .number(JSONNumber(CoverageReport.round(month.demand))), "production": .number(JSONNumber(CoverageReport.round(month.production))),
                "chain_capacity": .number(JSONNumber(CoverageReport.round(month.chainCapacity))),
                "bottleneck": month.bottleneck.map { .string($0.rawValue) } ?? .null,
                "self_supply": .number(JSONNumber(CoverageReport.round(month.selfSupply))),
                "self_supply_with_storage": .number(JSONNumber(CoverageReport.round(month.selfSupplyStored))),
                "self_sufficiency": month.selfSufficiency.map { .number(JSONNumber(CoverageReport.round($0, 10_000))) } ?? .null,
                "carried_to_next_month": .number(JSONNumber(CoverageReport.round(month.carried))),
                "exportable_surplus": .number(JSONNumber(CoverageReport.round(month.exportableSurplus))),
                "shortfall": .number(JSONNumber(CoverageReport.round(month.shortfall))),
                "people_fed": .number(JSONNumber(month.peopleFed.rounded())),
            ])
        }
        let circuits: [JSONValue] = result.circuits.map { circuit in
            .object([
                "circuit": .string(circuit.id), "population": .number(JSONNumber(circuit.population.rounded())),
                "products": .array(circuit.products.map { product in
                    .object([
                        "product": .string(product.product), "unit": .string(product.unit.rawValue),
                        "storage": .number(JSONNumber(CoverageReport.round(product.storage))),
                        "worst_month": product.worst.map { .number(JSONNumber($0.month.number)) } ?? .null,
                        "worst_self_sufficiency": product.worst?.selfSufficiency.map { .number(JSONNumber($0)) } ?? .null,
                        "worst_bottleneck": product.worst?.bottleneck.map { .string($0.rawValue) } ?? .null,
                        "months": .array(product.months.map(figure)),
                    ])
                }),
            ])
        }
        return .object([
            "months": .array(result.months.map { .number(JSONNumber($0.number)) }),
            "sites_with_profile": .number(JSONNumber(result.sitesWithProfile)),
            "sites_flat": .number(JSONNumber(result.sitesFlat)),
            "sites_with_storage": .number(JSONNumber(result.sitesStoring)),
            "sites_idle": .object(JSONObject(result.months.map { JSONObject.Member(key: String($0.number), value: .number(JSONNumber(result.idle[$0] ?? 0))) })),
            "storage_wraps_year": .bool(false),
            "circuits": .array(circuits),
        ])
    }

    /// One feature per circuit (WGS 84): per product `<product>_worst_month`
    /// and `<product>_self_sufficiency_MM`, so `render --color-by` maps
    /// the worst month or any month.
    public func circuits() throws -> Layer {
        let features = result.circuits.map { circuit in
            var properties: JSONObject = ["circuit_id": .string(circuit.id), "population": .number(JSONNumber(circuit.population.rounded()))]
            for product in circuit.products {
                let slug = CoverageReport.slug(product.product)
                properties["\(slug)_worst_month"] = product.worst.map { .number(JSONNumber($0.month.number)) } ?? .null
                for month in product.months {
                    properties["\(slug)_self_sufficiency_\(month.month)"] = month.selfSufficiency.map { .number(JSONNumber($0)) } ?? .null
                }
            }
            return Feature(id: .string(circuit.id), geometry: circuit.shape, properties: properties)
        }
        return try Layer(features: features, crs: result.metric).projected(to: .wgs84)
    }
}
