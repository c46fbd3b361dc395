import Foundation
import Geo

/// Milestones read from the territories themselves rather than a CSV: a
/// field holding the furthest milestone each territory has reached (empty
/// or null: none yet), dated by another field or by one date for all.
extension MilestoneRecords {
    /// Where the date of each territory's milestone comes from.
    public enum MilestoneDate: Sendable, Hashable {
        /// A property of each territory (`2025-03` or `2025-03-15`).
        case field(String)
        /// One date for every territory: the day the field was surveyed.
        case given(String)
    }

    /// A milestone the route does not name, or a date that is not
    /// YYYY-MM or YYYY-MM-DD, is an error naming the file and the feature;
    /// a territory with a milestone and no date too (its date is not guessed).
    public init(territories: StudyTerritories, field: String, date: MilestoneDate, route: ProgressRoute) throws(ReadError) {
        if case .given(let when) = date, Snapshot.date(inFileName: when) != when {
            throw ReadError(file: territories.file, message: "the milestone date '\(when)' is not YYYY-MM or YYYY-MM-DD")
        }
        var records: [Record] = []
        for (unit, code) in territories.codes.enumerated() {
            let feature = territories.layer.features[unit]
            func fail(_ message: String) -> ReadError {
                ReadError(file: territories.file, message: "feature \(unit) (id \(code)): \(message)")
            }
            guard let value = feature.properties[field], value != .null else { continue }
            let name = value.text.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name != ProgressRoute.none else { continue }
            guard let index = route.milestones.firstIndex(of: name) else {
                throw fail("unknown milestone '\(name)' in \(field); the route's milestones are \(route.milestones.joined(separator: ", "))")
            }
            let when: String
            switch date {
            case .given(let given): when = given
            case .field(let dateField):
                guard let raw = feature.properties[dateField], raw != .null, !raw.text.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw fail("milestone '\(name)' has no date in \(dateField); give its date (YYYY-MM) or clear the milestone")
                }
                when = raw.text.trimmingCharacters(in: .whitespaces)
                guard Snapshot.date(inFileName: when) == when else { throw fail("the date '\(when)' in \(dateField) is not YYYY-MM or YYYY-MM-DD") }
            }
            records.append(Record(territory: code, milestone: index, date: when, line: unit + 1))
        }
        self.route = route
        self.records = records
    }
}
