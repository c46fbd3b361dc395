import Foundation
import Geo

/// Economic zones: groupings of circuits, from a CSV of
/// `circuit_id,zone_id` rows (a header first). A circuit lies in one zone:
/// a circuit listed in two is an error naming both lines.
public struct Zoning: Sendable {
    public struct Row: Sendable, Hashable {
        public let line: Int
        public let circuit: String
        public let zone: String
    }

    public let rows: [Row]
    /// Where it was read from, for messages.
    public let file: String

    /// Zones in order of first appearance.
    public var zones: [String] {
        var seen = Set<String>()
        return rows.map(\.zone).filter { seen.insert($0).inserted }
    }

    public func circuits(of zone: String) -> [String] { rows.filter { $0.zone == zone }.map(\.circuit) }

    public func zone(of circuit: String) -> String? { rows.first { $0.circuit == circuit }?.zone }

    public init(rows: [Row], file: String) throws(ReadError) {
        var seen: [String: Row] = [:]
        for row in rows {
            if let earlier = seen[row.circuit], earlier.zone != row.zone {
                throw ReadError(file: file, line: row.line, message: "circuit \(row.circuit) is in zone \(row.zone) here and in zone \(earlier.zone) on line \(earlier.line); a circuit lies in one zone")
            }
            seen[row.circuit] = row
        }
        self.rows = rows
        self.file = file
    }

    public static func read(path: String) throws(ReadError) -> Zoning {
        try parse(table: try CSVTable.read(path: path), name: path)
    }

    public static func parse(_ text: String, name: String) throws(ReadError) -> Zoning {
        try parse(table: try CSVTable.parse(bytes: Array(text.utf8), name: name), name: name)
    }

    private static func parse(table: CSVTable, name: String) throws(ReadError) -> Zoning {
        let rows = try PairTable.rows(of: table, name: name, first: ["circuit_id", "circuit"], second: ["zone_id", "zone"])
        return try Zoning(rows: rows.map { Row(line: $0.line, circuit: $0.first, zone: $0.second) }, file: name)
    }

    /// Every circuit the zones name must be a circuit of the grouping.
    public func check(against grouping: Grouping) throws(ReadError) {
        let circuits = Set(grouping.circuits)
        for row in rows where !circuits.contains(row.circuit) {
            let known = grouping.circuits.prefix(12).joined(separator: ", ")
            throw ReadError(file: file, line: row.line, message: "circuit \(row.circuit) is not in the grouping; its circuits are \(known)\(circuits.count > 12 ? ", ..." : "")")
        }
    }
}
