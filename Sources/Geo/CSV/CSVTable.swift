import Foundation

/// A CSV file as a table of text: the header and every record with the
/// line it starts on, through the same parser as CSV points (`,` or `;`
/// found from the header, quoted fields, CRLF or LF, a UTF-8 BOM).
/// Blank lines are skipped; a record whose field count differs from the
/// header's is an error naming its line.
public struct CSVTable: Sendable {
    public struct Row: Sendable, Hashable {
        /// Line (from 1) where the record starts.
        public let line: Int
        public let fields: [String]
    }

    public let header: [String]
    public let rows: [Row]
    /// `;` files may write decimals with a comma, as Spanish-locale
    /// spreadsheets export them.
    public let decimalComma: Bool

    public static func read(path: String) throws(ReadError) -> CSVTable {
        let input = try ByteInput(path: path)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = try chunk.withUnsafeMutableBufferPointer { buffer throws(ReadError) in try input.read(into: buffer) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return try parse(bytes: bytes, name: input.name)
    }

    public static func parse(bytes: [UInt8], name: String) throws(ReadError) -> CSVTable {
        guard !bytes.isEmpty else { throw ReadError(file: name, reason: .emptyCSV) }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let delimiter = CSVParser.detectDelimiter(in: bytes, from: start)
        var parser = CSVParser(bytes: bytes, delimiter: delimiter, start: start)
        func text(_ field: [UInt8], line: Int) throws(ReadError) -> String {
            guard let text = String(validating: field, as: UTF8.self) else {
                throw ReadError(file: name, line: line, message: "invalid UTF-8; save the file as UTF-8")
            }
            return text.trimmingCharacters(in: .whitespaces)
        }
        var header: [String] = []
        var rows: [Row] = []
        while true {
            let record: [[UInt8]]
            do {
                guard let next = try parser.nextRecord() else { break }
                record = next
            } catch {
                throw ReadError(file: name, line: error.line, message: error.message)
            }
            let line = parser.recordLine
            if record.count == 1, record[0].allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }
            var fields: [String] = []
            for field in record { fields.append(try text(field, line: line)) }
            if header.isEmpty {
                header = fields
                continue
            }
            guard fields.count == header.count else {
                throw ReadError(file: name, line: line, reason: .rowFieldCount(fields: fields.count, header: header.count))
            }
            rows.append(Row(line: line, fields: fields))
        }
        guard !header.isEmpty else { throw ReadError(file: name, reason: .emptyCSV) }
        return CSVTable(header: header, rows: rows, decimalComma: delimiter == UInt8(ascii: ";"))
    }

    private static let numberBytes = Set("0123456789+-.eE".utf8)

    /// A cell as a finite number (`12`, `-0.5`, `1e3`; `0,5` in `;` files),
    /// nil when it is empty or not a number.
    public func number(_ text: String) -> Double? {
        let numeric = decimalComma ? text.replacingOccurrences(of: ",", with: ".") : text
        // Decimal digits only: Swift's Double(_:) also takes hexadecimal and "nan".
        guard !numeric.isEmpty, numeric.utf8.allSatisfy({ Self.numberBytes.contains($0) }),
              let value = Double(numeric), value.isFinite else { return nil }
        return value
    }
}
