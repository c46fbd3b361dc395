import Foundation
import Geo

/// Which circuit each territory belongs to: a CSV of
/// `territory_code,circuit_id` rows (a header first). A territory may be
/// listed in two circuits (an overlap, reported) or in none.
public struct Grouping: Sendable {
    public struct Row: Sendable, Hashable {
        public let line: Int
        public let territory: String
        public let circuit: String
    }

    public let rows: [Row]

    /// Circuits in order of first appearance.
    public var circuits: [String] {
        var seen = Set<String>()
        return rows.map(\.circuit).filter { seen.insert($0).inserted }
    }

    public func territories(of circuit: String) -> [String] {
        rows.filter { $0.circuit == circuit }.map(\.territory)
    }

    public init(rows: [Row]) {
        self.rows = rows
    }

    public static func read(path: String) throws(ReadError) -> Grouping {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ReadError(file: path, message: "cannot read as UTF-8 text: \(error.localizedDescription)")
        }
        return try parse(text, name: path)
    }

    public static func parse(_ text: String, name: String) throws(ReadError) -> Grouping {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.first?.trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF} ")), !header.isEmpty else {
            throw ReadError(file: name, message: "the file is empty; expected a header territory_code,circuit_id")
        }
        let delimiter: Character = header.contains(";") ? ";" : ","
        let columns = header.split(separator: delimiter).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let territoryColumn = columns.firstIndex(where: { ["territory_code", "territory", "code"].contains($0) }),
              let circuitColumn = columns.firstIndex(where: { ["circuit_id", "circuit"].contains($0) }) else {
            throw ReadError(file: name, line: 1, message: "expected the columns territory_code and circuit_id, found \(columns.joined(separator: ", "))")
        }
        var rows: [Row] = []
        for (offset, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let fields = line.split(separator: delimiter, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count > max(territoryColumn, circuitColumn), !fields[territoryColumn].isEmpty, !fields[circuitColumn].isEmpty else {
                throw ReadError(file: name, line: offset + 1, message: "the row needs a territory code and a circuit id")
            }
            rows.append(Row(line: offset + 1, territory: fields[territoryColumn], circuit: fields[circuitColumn]))
        }
        return Grouping(rows: rows)
    }
}
