import Foundation

/// Reads points from CSV with longitude and latitude columns.
///
/// Columns are found by name (lon, lng, long, longitude, x / lat,
/// latitude, y, any case) or given. Delimiter `,`, `;` or a tab, found
/// from the header; a `;` file may use decimal commas. Other columns become
/// properties: a value written as a JSON number (no leading zeros, so codes
/// like `0101` stay text) becomes a number, an empty one null, the rest
/// strings. A row whose coordinates cannot be read is an error naming the
/// row, or, with `rejects`, is set aside with its reason; never dropped.
public struct CSVPointReader {
    public struct Options: Sendable {
        public var xColumn: String?
        public var yColumn: String?
        /// Column whose value becomes the feature id.
        public var idColumn: String?
        /// The file's text encoding (`TextEncoding`); nil for UTF-8.
        public var encoding: String?

        public init(xColumn: String? = nil, yColumn: String? = nil, idColumn: String? = nil, encoding: String? = nil) {
            self.xColumn = xColumn
            self.yColumn = yColumn
            self.idColumn = idColumn
            self.encoding = encoding
        }
    }

    /// A row set aside: its line, its fields as read, and why.
    public struct Rejected: Sendable, Hashable {
        public let line: Int
        public let fields: [String]
        public let reason: String
    }

    public static let longitudeNames = ["lon", "lng", "long", "longitude", "x"]
    public static let latitudeNames = ["lat", "latitude", "y"]

    public let options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// The layer and, when `collectRejects`, the rows set aside; without
    /// it the first bad row throws.
    /// `progress` hears the count of rows read every 10,000.
    public func read(path: String, collectRejects: Bool = false,
                     progress: ((Int) -> Void)? = nil) throws(ReadError) -> (layer: Layer, rejected: [Rejected], header: [String]) {
        let input = try ByteInput(path: path)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = try chunk.withUnsafeMutableBufferPointer { buffer throws(ReadError) in try input.read(into: buffer) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        if let encoding = options.encoding { bytes = try TextEncoding.utf8(bytes, from: encoding, file: input.name) }
        return try read(bytes: bytes, name: input.name, collectRejects: collectRejects, progress: progress)
    }

    public func read(bytes: [UInt8], name: String, collectRejects: Bool = false,
                     progress: ((Int) -> Void)? = nil) throws(ReadError) -> (layer: Layer, rejected: [Rejected], header: [String]) {
        guard !bytes.isEmpty else { throw ReadError(file: name, reason: .emptyCSV) }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let delimiter = CSVParser.detectDelimiter(in: bytes, from: start)
        var parser = CSVParser(bytes: bytes, delimiter: delimiter, start: start)
        func fail(_ line: Int, _ message: String) -> ReadError { ReadError(file: name, line: line, message: message) }

        let headerFields: [[UInt8]]?
        do {
            headerFields = try parser.nextRecord()
        } catch {
            throw fail(error.line, error.message)
        }
        guard let headerFields else { throw ReadError(file: name, line: 1, reason: .emptyCSV) }
        var header: [String] = []
        for field in headerFields { header.append(try Self.text(field, line: parser.recordLine, column: nil, name: name)) }
        let xIndex = try column(options.xColumn, or: Self.longitudeNames, in: header, role: "longitude", name: name)
        let yIndex = try column(options.yColumn, or: Self.latitudeNames, in: header, role: "latitude", name: name)
        let idIndex = try options.idColumn.map { id throws(ReadError) in
            try column(id, or: [], in: header, role: "id", name: name)
        }
        let decimalComma = delimiter == UInt8(ascii: ";")

        var features: [Feature] = []
        var rejected: [Rejected] = []
        while true {
            let fields: [[UInt8]]
            do {
                guard let record = try parser.nextRecord() else { break }
                fields = record
            } catch {
                throw fail(error.line, error.message)
            }
            let line = parser.recordLine
            if let progress, line % 10_000 == 0 { progress(line) }
            if fields.count == 1, fields[0].isEmpty { continue }
            var texts: [String] = []
            texts.reserveCapacity(fields.count)
            for (index, field) in fields.enumerated() {
                texts.append(try Self.text(field, line: line, column: index < header.count ? header[index] : nil, name: name))
            }
            func reject(_ reason: String) throws(ReadError) {
                guard collectRejects else { throw fail(line, reason) }
                rejected.append(Rejected(line: line, fields: texts, reason: reason))
            }
            guard texts.count == header.count else {
                try reject("the row has \(texts.count) fields but the header has \(header.count)")
                continue
            }
            guard let x = Self.coordinate(texts[xIndex], decimalComma: decimalComma),
                  let y = Self.coordinate(texts[yIndex], decimalComma: decimalComma) else {
                try reject("cannot read coordinates '\(texts[xIndex])', '\(texts[yIndex])' as numbers")
                continue
            }
            var properties = JSONObject()
            properties.members.reserveCapacity(header.count)
            for (index, key) in header.enumerated() where index != xIndex && index != yIndex {
                properties.members.append(.init(key: key, value: Self.value(texts[index], decimalComma: decimalComma)))
            }
            let id = idIndex.map { FeatureID.string(texts[$0]) }
            features.append(Feature(id: id, geometry: .point(Position(x: x, y: y)), properties: properties))
        }
        return (Layer(features: features), rejected, header)
    }

    private func column(_ given: String?, or names: [String], in header: [String], role: String, name: String) throws(ReadError) -> Int {
        if let given {
            guard let index = header.firstIndex(of: given) else {
                throw ReadError(file: name, line: 1, reason: .noColumn(given: given, role: role, columns: header))
            }
            return index
        }
        let lowered = header.map { $0.lowercased() }
        for candidate in names {
            if let index = lowered.firstIndex(of: candidate) { return index }
        }
        throw ReadError(file: name, line: 1, reason: .noCoordinateColumn(role: role, lookedFor: names, flag: role == "longitude" ? "--x" : "--y"))
    }

    private static func text(_ field: [UInt8], line: Int, column: String?, name: String) throws(ReadError) -> String {
        guard let text = String(validating: field, as: UTF8.self) else {
            throw ReadError(file: name, line: line, reason: .invalidUTF8(column: column, header: column == nil && line == 1))
        }
        return text
    }

    static func coordinate(_ text: String, decimalComma: Bool) -> Double? {
        var text = text.trimmingCharacters(in: .whitespaces)
        if decimalComma { text = text.replacingOccurrences(of: ",", with: ".") }
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    static func value(_ text: String, decimalComma: Bool) -> JSONValue {
        if text.isEmpty { return .null }
        let numeric = decimalComma ? text.replacingOccurrences(of: ",", with: ".") : text
        if isJSONNumber(numeric), let value = Double(numeric), value.isFinite {
            return .number(JSONNumber(literal: numeric, value: value))
        }
        return .string(text)
    }

    /// JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    static func isJSONNumber(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        func digits() -> Int {
            let count = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        if bytes.first == UInt8(ascii: "0") {
            bytes = bytes.dropFirst()
        } else if digits() == 0 {
            return false
        }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            if digits() == 0 { return false }
        }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            if digits() == 0 { return false }
        }
        return bytes.isEmpty
    }
}
