import Foundation
import Geo

/// Which circuit each territory belongs to: a CSV of
/// `territory_code,circuit_id` rows (a header first), and optionally a
/// `circuit_name` column naming each circuit for reports and maps. A
/// territory may be listed in two circuits (an overlap, reported) or in none.
public struct Grouping: Sendable {
    public struct Row: Sendable, Hashable {
        public let line: Int
        public let territory: String
        public let circuit: String
    }

    public let rows: [Row]
    /// Each circuit's name, from the `circuit_name` column; nil when the
    /// file has none (reports then show codes, as asked).
    public let names: CircuitNames?

    /// Circuits in order of first appearance.
    public var circuits: [String] {
        var seen = Set<String>()
        return rows.map(\.circuit).filter { seen.insert($0).inserted }
    }

    public func territories(of circuit: String) -> [String] {
        rows.filter { $0.circuit == circuit }.map(\.territory)
    }

    public init(rows: [Row], names: CircuitNames? = nil) {
        self.rows = rows
        self.names = names
    }

    /// Reads a grouping CSV with the project's CSV parser: `,` or `;`,
    /// quoted fields (as spreadsheets export them), a BOM, CRLF.
    public static func read(path: String) throws(ReadError) -> Grouping {
        try parse(table: explained { () throws(ReadError) in try CSVTable.read(path: path) }, name: path)
    }

    public static func parse(_ text: String, name: String) throws(ReadError) -> Grouping {
        try parse(table: explained { () throws(ReadError) in try CSVTable.parse(bytes: Array(text.utf8), name: name) }, name: name)
    }

    /// An empty file says which header it should have.
    private static func explained(_ read: () throws(ReadError) -> CSVTable) throws(ReadError) -> CSVTable {
        do {
            return try read()
        } catch where error.message.hasPrefix("the file is empty") {
            throw ReadError(file: error.file, message: "the file is empty; expected a header territory_code,circuit_id")
        }
    }

    private static func parse(table: CSVTable, name: String) throws(ReadError) -> Grouping {
        let rows = try PairTable.rows(of: table, name: name, first: ["territory_code", "territory", "code"], second: ["circuit_id", "circuit"])
        let grouping = rows.map { Row(line: $0.line, territory: $0.first, circuit: $0.second) }
        return Grouping(rows: grouping, names: try CircuitNames(table: table, rows: grouping, file: name))
    }

    /// `territory_code,circuit_id`, one row per territory.
    public var csv: String {
        var writer = CSVWriter(header: ["territory_code", "circuit_id"])
        for row in rows { writer.append([row.territory, row.circuit]) }
        return writer.text
    }
}
