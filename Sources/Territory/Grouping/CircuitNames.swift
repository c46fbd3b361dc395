import Foundation
import Geo

/// Circuits' names from a grouping CSV's `circuit_name` column, so that
/// reports and maps say "Tovar (C-EM09)". A circuit whose rows leave the
/// name empty is shown by its code and counted (`unnamed`), never quietly;
/// two different names for one circuit are an error naming both lines.
public struct CircuitNames: Sendable, Equatable {
    public let column: String
    public let names: [String: String]
    /// Circuits the column gives no name, in order of first appearance.
    public let unnamed: [String]

    public init(column: String, names: [String: String], unnamed: [String]) {
        self.column = column
        self.names = names
        self.unnamed = unnamed
    }

    static let columns = ["circuit_name"]

    /// Nil when the table has no `circuit_name` column.
    init?(table: CSVTable, rows: [Grouping.Row], file: String) throws(ReadError) {
        let header = table.header.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF} ")).lowercased() }
        guard let column = header.firstIndex(where: Self.columns.contains) else { return nil }
        var names: [String: String] = [:], lines: [String: Int] = [:], order: [String] = [], seen = Set<String>()
        for (record, row) in zip(table.rows, rows) {
            if seen.insert(row.circuit).inserted { order.append(row.circuit) }
            let name = record.fields[column].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { continue }
            if let known = names[row.circuit], known != name {
                throw ReadError(file: file, line: record.line,
                                message: "circuit \(row.circuit) is named \"\(name)\" here and \"\(known)\" on line \(lines[row.circuit] ?? 0); give each circuit one name")
            }
            names[row.circuit] = name
            lines[row.circuit] = record.line
        }
        self.init(column: table.header[column], names: names, unnamed: order.filter { names[$0] == nil })
    }

    /// "Tovar (C-EM09)", or the code alone when the circuit has no name.
    public func label(_ circuit: String) -> String {
        guard let name = names[circuit], name != circuit else { return circuit }
        return "\(name) (\(circuit))"
    }
}
