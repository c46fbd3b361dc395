import Foundation
import Geo

/// The sites as they stood on one date: one registry file per date (the
/// date in its name, `sites_2025-01.geojson`), or the features of one file
/// sharing a date field's value.
public struct Snapshot: Sendable {
    /// As given: `2025-01` or `2025-01-15`; dates sort as text (ISO order).
    public var date: String
    public var file: String
    public var layer: Layer

    public init(date: String, file: String, layer: Layer) {
        self.date = date
        self.file = file
        self.layer = layer
    }

    /// The ISO date (`YYYY-MM` or `YYYY-MM-DD`) in a file's name; nil when
    /// it holds none, or more than one.
    public static func date(inFileName name: String) -> String? {
        let stem = (name as NSString).lastPathComponent
        let pattern = try! NSRegularExpression(pattern: "(?<![0-9])([0-9]{4}-[0-9]{2}(?:-[0-9]{2})?)(?![0-9])")
        let matches = pattern.matches(in: stem, range: NSRange(stem.startIndex..., in: stem))
        guard matches.count == 1, let range = Range(matches[0].range(at: 1), in: stem) else { return nil }
        let date = String(stem[range])
        let month = Int(date.dropFirst(5).prefix(2)) ?? 0
        return (1...12).contains(month) ? date : nil
    }

    /// The features of one file by the value of `field`, one snapshot a
    /// date, oldest first. A feature without a date is an error naming it.
    public static func split(_ layer: Layer, field: String, file: String) throws(ReadError) -> [Snapshot] {
        var byDate: [String: [Feature]] = [:]
        for (index, feature) in layer.features.enumerated() {
            let value = feature.properties[field] ?? .null
            let text = value == .null ? "" : value.text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else {
                throw ReadError(file: file, featureIndex: index, featureID: feature.id,
                                message: "no date in '\(field)'; every site of a dated registry needs the date of its snapshot (2025-01 or 2025-01-15)")
            }
            byDate[text, default: []].append(feature)
        }
        return byDate.keys.sorted().map { Snapshot(date: $0, file: file, layer: Layer(features: byDate[$0]!, crs: layer.crs)) }
    }

    /// Snapshots in date order; two of one date are an error naming both files.
    public static func ordered(_ snapshots: [Snapshot]) throws(ReadError) -> [Snapshot] {
        let sorted = snapshots.sorted { $0.date < $1.date }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where earlier.date == later.date {
            throw ReadError(file: later.file, message: "has the date \(later.date) of \(earlier.file) too; give each date one snapshot")
        }
        return sorted
    }
}
