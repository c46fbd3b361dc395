import Foundation
import Geo

/// Any points per territory: how many of each category of a field (all
/// together without one), and the sum of a numeric field, for layers that
/// are not sites of a chain (community priorities, schools, ...).
public struct CategorySummary: Sendable {
    public struct Row: Sendable, Hashable {
        public var territory: String
        public var category: String
        public var points: Int
        public var sum: Double
    }

    public let by: String?
    public let sumField: String?
    public let rows: [Row]
    /// Points with no value to sum (missing or null), left out of the sums.
    public let withoutValue: Int

    /// `territories[i]` is point i's territory code (nil outside every
    /// territory: grouped under an empty code). A value to sum that is not
    /// a number is an error naming the point.
    public init(points: Layer, territories: [String?], by: String?, sum sumField: String?, file: String = "<points>") throws {
        self.by = by
        self.sumField = sumField
        var totals: [Key: (Int, Double)] = [:]
        var withoutValue = 0
        for (index, feature) in points.features.enumerated() {
            let category = by.flatMap { feature.properties[$0] }.flatMap { $0 == .null ? nil : $0.text } ?? ""
            var amount = 0.0
            if let sumField {
                switch feature.properties[sumField] {
                case nil, .null?: withoutValue += 1
                case let value?:
                    guard let number = value.doubleValue, number.isFinite else {
                        throw ReadError(file: file, featureIndex: index, featureID: feature.id,
                                        message: "--sum \(sumField): '\(value.text)' is not a number")
                    }
                    amount = number
                }
            }
            let key = Key(territory: territories[index] ?? "", category: category)
            let (count, total) = totals[key] ?? (0, 0)
            totals[key] = (count + 1, total + amount)
        }
        self.withoutValue = withoutValue
        rows = totals.keys.sorted().map { Row(territory: $0.territory, category: $0.category, points: totals[$0]!.0, sum: totals[$0]!.1) }
    }

    /// `territory_code[,BY],points[,sum_FIELD]`, one row per territory and category.
    public var csv: String {
        var header = ["territory_code"]
        if let by { header.append(by) }
        header.append("points")
        if let sumField { header.append("sum_\(sumField)") }
        var writer = CSVWriter(header: header)
        for row in rows {
            var fields = [row.territory]
            if by != nil { fields.append(row.category) }
            fields.append(String(row.points))
            if sumField != nil { fields.append(Self.format(row.sum)) }
            writer.append(fields)
        }
        return writer.text
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(format: "%.0f", rounded) : String(rounded)
    }

    private struct Key: Hashable, Comparable {
        let territory: String
        let category: String

        static func < (a: Key, b: Key) -> Bool { (a.territory, a.category) < (b.territory, b.category) }
    }
}
