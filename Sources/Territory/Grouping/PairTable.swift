import Foundation
import Geo

/// A CSV of two columns naming one thing to another (`territory_code,
/// circuit_id`, `circuit_id,zone_id`), each column found by any of its
/// accepted names; every row needs both.
struct PairTable {
    struct Row {
        let line: Int
        let first: String
        let second: String
    }

    static func rows(of table: CSVTable, name: String, first: [String], second: [String]) throws(ReadError) -> [Row] {
        let columns = table.header.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF} ")).lowercased() }
        guard let firstColumn = columns.firstIndex(where: { first.contains($0) }),
              let secondColumn = columns.firstIndex(where: { second.contains($0) }) else {
            throw ReadError(file: name, line: 1, message: "expected the columns \(first[0]) and \(second[0]), found \(columns.joined(separator: ", "))")
        }
        var rows: [Row] = []
        for record in table.rows {
            let a = record.fields[firstColumn], b = record.fields[secondColumn]
            guard !a.isEmpty, !b.isEmpty else {
                throw ReadError(file: name, line: record.line, message: "the row needs a \(first[0].replacingOccurrences(of: "_", with: " ")) and a \(second[0].replacingOccurrences(of: "_", with: " "))")
            }
            rows.append(Row(line: record.line, first: a, second: b))
        }
        return rows
    }
}
