import Foundation
import Geo

/// A programme's route of milestones, in order (El Salvador's One Village
/// One Product: the product identified, the producers organised, ...):
///
///     {"name": "One Village One Product route",
///      "milestones": ["product identified", "producers organised", "product developed", "market reached"]}
///
/// A territory's category on a date is the furthest milestone it had
/// reached by then (`MilestoneRecords`), or none.
public struct ProgressRoute: Sendable, Hashable {
    public var name: String
    public var milestones: [String]

    public static let none = "none"

    public static func parse(_ data: Data, name file: String) throws(ReadError) -> ProgressRoute {
        let root = try SpecObject(JSONValue(parsingJSON: Array(data), name: file), place: "the route", file: file, kind: "a progress route")
        try root.rejectUnknown(["name", "milestones", "description"])
        let milestones = try root.required("milestones", root.strings)
        guard !milestones.isEmpty else { throw root.fail("\"milestones\" is empty; list the route's milestones in order") }
        if let repeated = milestones.first(where: { name in milestones.filter { $0 == name }.count > 1 }) {
            throw root.fail("the milestone '\(repeated)' is listed twice; each comes once, in the route's order")
        }
        if milestones.contains(none) { throw root.fail("'\(none)' is the category of a territory with no milestone; name the milestone otherwise") }
        return ProgressRoute(name: try root.string("name") ?? file, milestones: milestones)
    }

    /// `none` then each milestone: the categories, lowest first.
    public var categories: [String] { [Self.none] + milestones }
}

/// Each territory's milestones with the date it reached them: a CSV of
/// territory, milestone, date (`2025-03` or `2025-03-15`).
public struct MilestoneRecords: Sendable {
    public struct Record: Sendable, Hashable {
        public var territory: String
        /// Index in the route's milestones.
        public var milestone: Int
        public var date: String
        public var line: Int
    }

    public var route: ProgressRoute
    public var records: [Record]

    /// A milestone the route does not name, or a territory not in the
    /// study, is an error naming the file and line.
    public init(_ table: CSVTable, file: String, route: ProgressRoute, territories: StudyTerritories) throws(ReadError) {
        let header = table.header.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF} ")).lowercased() }
        guard let territory = header.firstIndex(of: "territory"), let milestone = header.firstIndex(of: "milestone"),
              let date = header.firstIndex(of: "date") else {
            throw ReadError(file: file, line: 1, message: "needs the columns territory, milestone, date; its columns are \(table.header.joined(separator: ", "))")
        }
        var records: [Record] = []
        for row in table.rows {
            let code = row.fields[territory].trimmingCharacters(in: .whitespaces)
            let name = row.fields[milestone].trimmingCharacters(in: .whitespaces)
            let when = row.fields[date].trimmingCharacters(in: .whitespaces)
            guard territories.unit(ofCode: code) != nil else {
                throw ReadError(file: file, line: row.line, message: "territory '\(code)' is not one of \(territories.file)'s codes")
            }
            guard let index = route.milestones.firstIndex(of: name) else {
                throw ReadError(file: file, line: row.line, message: "unknown milestone '\(name)'; the route's milestones are \(route.milestones.joined(separator: ", "))")
            }
            guard Snapshot.date(inFileName: when) == when else {
                throw ReadError(file: file, line: row.line, message: "the date '\(when)' is not YYYY-MM or YYYY-MM-DD")
            }
            records.append(Record(territory: code, milestone: index, date: when, line: row.line))
        }
        self.route = route
        self.records = records
    }

    /// The territory's category on `date`: 0 for none, else 1 + the index
    /// of the furthest milestone reached on or before it.
    public func rank(of territory: String, on date: String) -> Int {
        records.filter { $0.territory == territory && $0.date <= date }.map { $0.milestone + 1 }.max() ?? 0
    }

    /// Per date, how many territories of the study are in each category (lowest first).
    public func counts(on dates: [String], territories: StudyTerritories) -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        for date in dates {
            var counts = Array(repeating: 0, count: route.categories.count)
            for code in territories.codes { counts[rank(of: code, on: date)] += 1 }
            result[date] = counts
        }
        return result
    }

    /// One feature per territory and date (WGS 84): its code, name, the
    /// date, the category and its rank, for `render --color-by category`
    /// (pick a date with `convert --where`).
    public func layer(on dates: [String], territories: StudyTerritories) throws -> Layer {
        let shapes = try territories.layer.projected(to: .wgs84)
        var features: [Feature] = []
        for date in dates {
            for (unit, code) in territories.codes.enumerated() {
                let rank = rank(of: code, on: date)
                var properties: JSONObject = ["territory": .string(code), "date": .string(date),
                                              "category": .string(route.categories[rank]), "category_rank": .number(JSONNumber(rank))]
                if let name = territories.names[unit] { properties["name"] = .string(name) }
                features.append(Feature(id: .string("\(code)@\(date)"), geometry: shapes.features[unit].geometry, properties: properties))
            }
        }
        return Layer(features: features, crs: .wgs84)
    }
}
