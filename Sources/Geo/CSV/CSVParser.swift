/// Splits CSV text into records: comma or semicolon delimiters, quoted
/// fields with doubled quotes, line breaks inside quotes, CRLF or LF.
struct CSVParser {
    let delimiter: UInt8
    private let bytes: [UInt8]
    private var position: Int
    /// Line (from 1) where the record last returned starts.
    private(set) var recordLine = 0
    private var line = 1
    /// The field being read, kept between records so its capacity is
    /// reused; each finished field is copied out at its exact size.
    private var scratch: [UInt8] = []
    /// Fields in the record before, to size the next one's list.
    private var fieldsPerRecord = 0

    init(bytes: [UInt8], delimiter: UInt8, start: Int = 0) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.position = start
    }

    /// The delimiter of a header line: the one of ';' and ',' found more
    /// often outside quotes; ',' on a tie.
    static func detectDelimiter(in bytes: [UInt8], from start: Int) -> UInt8 {
        var commas = 0, semicolons = 0, tabs = 0, quoted = false
        for byte in bytes[start...] {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if quoted { continue }
            if byte == 0x0A { break }
            if byte == UInt8(ascii: ",") { commas += 1 }
            if byte == UInt8(ascii: ";") { semicolons += 1 }
            if byte == 0x09 { tabs += 1 }
        }
        // A tab-separated file (.tsv) has tabs, and rarely commas, in its header.
        if tabs > commas && tabs > semicolons { return 0x09 }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// The next record's fields as raw bytes, nil at the end.
    mutating func nextRecord() throws(CSVFieldError) -> [[UInt8]]? {
        guard position < bytes.count else { return nil }
        recordLine = line
        var fields: [[UInt8]] = []
        fields.reserveCapacity(fieldsPerRecord)
        var field: [UInt8] = []
        swap(&field, &scratch)  // unshared, so appending does not copy
        field.removeAll(keepingCapacity: true)
        defer {
            scratch = field
            fieldsPerRecord = fields.count
        }
        var quoted = false
        var wasQuoted = false
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
                        field.append(byte)
                        position += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\"") where field.isEmpty && !wasQuoted:
                quoted = true
                wasQuoted = true
            case delimiter:
                fields.append(Self.copy(field))
                field.removeAll(keepingCapacity: true)
                wasQuoted = false
            case 0x0A:
                line += 1
                if field.last == 0x0D, !wasQuoted { field.removeLast() }
                fields.append(Self.copy(field))
                return fields
            case 0x0D where position < bytes.count && bytes[position] == 0x0A:
                continue
            default:
                field.append(byte)
            }
        }
        if quoted { throw CSVFieldError(line: recordLine, message: "a quoted field is not closed before the end of the file") }
        fields.append(Self.copy(field))
        return fields
    }

    /// A copy in a buffer of its own, so the scratch field is not shared.
    private static func copy(_ field: [UInt8]) -> [UInt8] {
        field.withUnsafeBufferPointer { Array($0) }
    }
}

struct CSVFieldError: Error {
    let line: Int
    let message: String
}
