import Foundation
import Geo

/// Which rows of an indicator table take part, decided before anything is
/// normalised (so a row left out does not stretch the scale of the rest):
///
/// - `filter`: a `--where` expression over the columns of the CSV, every
///   column included (a note or name that `--ignore` keeps out of the
///   score can still select). A column whose every cell is a number is
///   compared as numbers, any other as text, as OGR types a CSV;
/// - `minimum` / `maximum` per indicator: a row below a minimum or above a
///   maximum is left out (`--minimum volume=100`, or `"minimum"` in the
///   weights file).
///
/// A row left out is counted under the first reason it meets (the filter,
/// then the bounds in the table's column order), and a territory with no
/// eligible row is named: it is not ranked, rather than ranked on nothing.
public struct RowEligibility: Sendable {
    public var filter: FeatureFilter?
    public var minimum: [String: Double]
    public var maximum: [String: Double]

    public init(filter: FeatureFilter? = nil, minimum: [String: Double] = [:], maximum: [String: Double] = [:]) {
        self.filter = filter
        self.minimum = minimum
        self.maximum = maximum
    }

    /// Bounds of the weights file, then those given here (which win).
    public func adding(boundsOf weights: IndicatorWeights) -> RowEligibility {
        var merged = self
        for weight in weights.weights {
            if let value = weight.minimum, minimum[weight.indicator] == nil { merged.minimum[weight.indicator] = value }
            if let value = weight.maximum, maximum[weight.indicator] == nil { merged.maximum[weight.indicator] = value }
        }
        return merged
    }

    public var isEmpty: Bool { filter == nil && minimum.isEmpty && maximum.isEmpty }

    public struct Outcome: Sendable {
        public let table: IndicatorTable
        /// Rows left out by reason, in the order first met.
        public let excluded: [(reason: String, rows: Int)]
        /// Territories of the table with no eligible row, in table order.
        public let territoriesLeftOut: [String]
    }

    /// `source` is the CSV the table was read from (for the filter's columns).
    public func apply(to table: IndicatorTable, source: CSVTable) throws(ReadError) -> Outcome {
        for name in Array(minimum.keys) + Array(maximum.keys) where !table.indicators.contains(name) {
            throw ReadError(file: table.file, message: "a minimum or maximum is set for '\(name)', which is not an indicator column; the indicator columns are \(table.indicators.joined(separator: ", "))")
        }
        for name in filter?.propertyNames ?? [] where !source.header.contains(name) {
            throw ReadError(file: table.file, message: "--where reads '\(name)', which is not a column; the columns are \(source.header.joined(separator: ", "))")
        }
        let properties = Self.properties(of: source)
        var kept: [IndicatorTable.Row] = []
        var excluded: [(reason: String, rows: Int)] = []
        func count(_ reason: String) {
            if let index = excluded.firstIndex(where: { $0.reason == reason }) { excluded[index].rows += 1 } else { excluded.append((reason, 1)) }
        }
        rows: for row in table.rows {
            if let filter, let record = properties[row.line], !filter.matches(Feature(geometry: nil, properties: record)) {
                count("not selected by --where \(filter.source)")
                continue
            }
            for (column, name) in table.indicators.enumerated() {
                let value = row.values[column]
                if let low = minimum[name], value < low {
                    count("\(name) below the minimum \(Self.format(low))")
                    continue rows
                }
                if let high = maximum[name], value > high {
                    count("\(name) above the maximum \(Self.format(high))")
                    continue rows
                }
            }
            kept.append(row)
        }
        let remaining = Set(kept.map(\.territory))
        var seen = Set<String>()
        let leftOut = table.rows.map(\.territory).filter { seen.insert($0).inserted && !remaining.contains($0) }
        guard !kept.isEmpty else {
            throw ReadError(file: table.file, message: "no row is eligible: \(excluded.map { "\($0.rows) \($0.reason)" }.joined(separator: ", ")); loosen --where or the minimums")
        }
        let filtered = IndicatorTable(file: table.file, territoryColumn: table.territoryColumn, productColumn: table.productColumn,
                                      indicators: table.indicators, rows: kept)
        return Outcome(table: filtered, excluded: excluded, territoriesLeftOut: leftOut)
    }

    /// Each CSV row as feature properties, by line: numbers where the
    /// column is numeric throughout, text otherwise, null where empty.
    static func properties(of source: CSVTable) -> [Int: JSONObject] {
        let numeric = source.header.indices.map { column in
            source.rows.allSatisfy { $0.fields[column].isEmpty || source.number($0.fields[column]) != nil }
        }
        var byLine: [Int: JSONObject] = [:]
        for row in source.rows {
            var object = JSONObject()
            for (column, name) in source.header.enumerated() {
                let text = row.fields[column]
                object[name] = text.isEmpty ? .null : numeric[column] ? .number(source.number(text)!) : .string(text)
            }
            byLine[row.line] = object
        }
        return byLine
    }

    static func format(_ value: Double) -> String { String(format: "%g", value) }
}
