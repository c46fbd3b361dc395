import Geo

/// Products scored on indicators, one row per territory and product: the
/// territory's code (the column `--by` names), the product, and one numeric
/// column per indicator (every other column, except those `ignore` lists).
///
///     municipality_code,product,demand,future_demand,price,...
///     EM01,coffee,72,3.5,4100,...
///
/// Every cell of an indicator must be a number: an empty or non-numeric
/// cell is an error naming its line and column, never a silent zero. A
/// territory may list a product once.
public struct IndicatorTable: Sendable {
    public struct Row: Sendable, Hashable {
        /// Line of the file (from 1).
        public let line: Int
        public let territory: String
        public let product: String
        /// One value per indicator, in `indicators` order.
        public let values: [Double]
    }

    public let file: String
    public let territoryColumn: String
    public let productColumn: String
    /// Indicator columns in the file's order.
    public let indicators: [String]
    public let rows: [Row]

    public init(file: String, territoryColumn: String, productColumn: String, indicators: [String], rows: [Row]) {
        self.file = file
        self.territoryColumn = territoryColumn
        self.productColumn = productColumn
        self.indicators = indicators
        self.rows = rows
    }

    public static func read(path: String, by territoryColumn: String, productColumn: String = "product",
                            ignore: [String] = []) throws(ReadError) -> IndicatorTable {
        try IndicatorTable(table: CSVTable.read(path: path), file: path, by: territoryColumn,
                           productColumn: productColumn, ignore: ignore)
    }

    public init(table: CSVTable, file: String, by territoryColumn: String, productColumn: String = "product",
                ignore: [String] = []) throws(ReadError) {
        let header = table.header
        func column(_ name: String, _ role: String) throws(ReadError) -> Int {
            guard let index = header.firstIndex(of: name) else {
                throw ReadError(file: file, line: 1, message: "no column '\(name)' (\(role)); columns are \(header.joined(separator: ", "))")
            }
            return index
        }
        let territoryIndex = try column(territoryColumn, "the territory code, --by")
        let productIndex = try column(productColumn, "the product")
        for name in ignore { _ = try column(name, "--ignore") }
        var seen = Set<String>()
        for name in header where !seen.insert(name).inserted {
            throw ReadError(file: file, line: 1, message: "the column '\(name)' appears twice")
        }
        let indicatorIndices = header.indices.filter { $0 != territoryIndex && $0 != productIndex && !ignore.contains(header[$0]) }
        guard !indicatorIndices.isEmpty else {
            throw ReadError(file: file, line: 1, message: "no indicator columns: besides '\(territoryColumn)' and '\(productColumn)' the file needs one numeric column per indicator")
        }
        var rows: [Row] = []
        var firstLine: [String: Int] = [:]
        for record in table.rows {
            let territory = record.fields[territoryIndex], product = record.fields[productIndex]
            guard !territory.isEmpty else {
                throw ReadError(file: file, line: record.line, message: "column '\(territoryColumn)': no territory code")
            }
            guard !product.isEmpty else {
                throw ReadError(file: file, line: record.line, message: "column '\(productColumn)': no product")
            }
            let key = territory + "\u{0}" + product
            if let earlier = firstLine[key] {
                throw ReadError(file: file, line: record.line, message: "\(territory) lists '\(product)' again (first on line \(earlier)); one row per territory and product")
            }
            firstLine[key] = record.line
            var values: [Double] = []
            values.reserveCapacity(indicatorIndices.count)
            for index in indicatorIndices {
                let text = record.fields[index]
                guard !text.isEmpty else {
                    throw ReadError(file: file, line: record.line, message: "column '\(header[index])': no value for \(territory), \(product); every indicator needs a number (a missing value is never read as 0)")
                }
                guard let value = table.number(text) else {
                    throw ReadError(file: file, line: record.line, message: "column '\(header[index])': '\(text)' is not a number")
                }
                values.append(value)
            }
            rows.append(Row(line: record.line, territory: territory, product: product, values: values))
        }
        guard !rows.isEmpty else { throw ReadError(file: file, message: "no rows after the header") }
        self.init(file: file, territoryColumn: territoryColumn, productColumn: productColumn,
                  indicators: indicatorIndices.map { header[$0] }, rows: rows)
    }
}
