import Foundation

/// A small table of named columns read from a CSV file, with the few pandas operations the book
/// uses: selecting columns, filling missing values, one-hot encoding and conversion to tensors.
///
/// d2l: the `pandas.DataFrame` of §2.2 (and §4.10's house prices). Each column is numeric when
/// every present value parses as a number, otherwise text; empty fields and `NA` / `NaN` are
/// missing, as `pd.read_csv` treats them.
public struct DataTable: CustomStringConvertible {
    /// One cell of the table.
    public enum Cell: Equatable, Sendable {
        case number(Double)
        case text(String)
        case missing
    }

    /// A named column of cells.
    public struct Column: Sendable {
        /// The header.
        public var name: String
        /// One cell per row.
        public var cells: [Cell]
        /// Whether the numbers print as floats (`3.0`): true when the column had missing or
        /// fractional values when read, as pandas then stores it as float64.
        public var storesFloats: Bool

        /// A column; `storesFloats` defaults to what its cells call for.
        public init(name: String, cells: [Cell], storesFloats: Bool? = nil) {
            self.name = name
            self.cells = cells
            self.storesFloats = storesFloats ?? cells.contains {
                switch $0 {
                case .missing: return true
                case .number(let v): return v.rounded() != v
                case .text: return false
                }
            }
        }

        /// True when every present cell is a number.
        public var isNumeric: Bool {
            cells.allSatisfy { if case .text = $0 { return false }; return true }
        }
    }

    /// The columns, left to right.
    public var columns: [Column]

    /// Number of rows.
    public var rowCount: Int { columns.first?.cells.count ?? 0 }

    /// Column headers, as `df.columns`.
    public var columnNames: [String] { columns.map(\.name) }

    /// A table from columns of equal length.
    public init(columns: [Column]) {
        for c in columns where c.cells.count != columns[0].cells.count {
            failCheck("DataTable: column \(c.name) has \(c.cells.count) rows, \(columns[0].name) has \(columns[0].cells.count)")
        }
        self.columns = columns
    }

    /// Field values pandas reads as missing.
    static let missingMarkers: Set<String> = ["", "NA", "N/A", "NaN", "nan", "NULL", "null"]

    /// Reads a CSV file whose first line holds the headers, as `pd.read_csv`.
    /// - Throws: `DataError` naming the file when it is missing, unreadable, not UTF-8 text, or a
    ///   row has the wrong width.
    public static func readCSV(_ url: URL) throws -> DataTable {
        try parseCSV(readFileBytes(url, missingHint: "check the path, or write the file first"), source: url)
    }

    /// The table of CSV text given as UTF-8 bytes (a leading byte-order mark is skipped, as pandas
    /// does); errors name `source`.
    static func parseCSV(_ bytes: [UInt8], source url: URL) throws -> DataTable {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let body = bytes.starts(with: bom) ? bytes[3...] : bytes[...]
        guard let text = String(validating: body, as: UTF8.self) else {
            throw DataError.malformed(url, "is not UTF-8 text (\(invalidUTF8Description(body))); save it as UTF-8 CSV")
        }
        let records = try CSVParser.parse(text, file: url)
        guard let header = records.first else { throw DataError.malformed(url, "the file is empty") }
        var cells = [[Cell]](repeating: [], count: header.count)
        for (line, record) in records.dropFirst().enumerated() {
            guard record.count == header.count else {
                throw DataError.malformed(url, "row \(line + 1) has \(record.count) fields, the header has \(header.count)")
            }
            for (i, field) in record.enumerated() {
                if missingMarkers.contains(field) {
                    cells[i].append(.missing)
                } else if let number = Double(field) {
                    cells[i].append(.number(number))
                } else {
                    cells[i].append(.text(field))
                }
            }
        }
        // A column with any text is a text column: its numbers stay as written.
        let columns = zip(header, cells).map { name, column -> Column in
            let hasText = column.contains { if case .text = $0 { return true }; return false }
            let fixed = !hasText ? column : column.map { cell -> Cell in
                if case .number(let v) = cell { return .text(Self.format(v)) }
                return cell
            }
            return Column(name: name, cells: fixed)
        }
        return DataTable(columns: columns)
    }

    /// Where the first invalid UTF-8 sequence of `bytes` starts, for the error message.
    private static func invalidUTF8Description(_ bytes: ArraySlice<UInt8>) -> String {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            offset += UTF8.width(scalar)
        }
        let at = bytes.startIndex + offset
        return at < bytes.endIndex ? "byte \(at) is 0x\(String(bytes[at], radix: 16))" : "it ends inside a character"
    }

    /// The columns at positions `range`, as `df.iloc[:, 0:2]`.
    public func columns(_ range: Range<Int>) -> DataTable {
        check(range.lowerBound >= 0 && range.upperBound <= columns.count,
              "DataTable.columns: range \(range) is out of bounds for \(columns.count) columns")
        return DataTable(columns: Array(columns[range]))
    }

    /// The column named `name`.
    public subscript(name: String) -> Column? { columns.first { $0.name == name } }

    /// Missing numbers replaced by their column's mean; text columns unchanged, as
    /// `df.fillna(df.mean())`.
    public func fillingMissingWithMean() -> DataTable {
        DataTable(columns: columns.map { column in
            guard column.isNumeric else { return column }
            let present = column.cells.compactMap { if case .number(let v) = $0 { return v }; return nil }
            guard !present.isEmpty else { return column }
            let mean = present.reduce(0, +) / Double(present.count)
            return Column(name: column.name, cells: column.cells.map { $0 == .missing ? .number(mean) : $0 },
                          storesFloats: true)
        })
    }

    /// Each text column replaced by one 0/1 column per category (sorted), named
    /// `column_category`, plus `column_nan` for missing values when `dummyNA` is true, as
    /// `pd.get_dummies(df, dummy_na=True)`; the indicator columns come after the numeric ones.
    public func oneHotEncoded(dummyNA: Bool = false) -> DataTable {
        // As pandas: the columns that stay come first, then the indicator columns, text column by text column.
        var indicators: [Column] = []
        for column in columns where !column.isNumeric {
            let categories = Set(column.cells.compactMap { if case .text(let t) = $0 { return t }; return nil }).sorted()
            for category in categories {
                indicators.append(Column(name: "\(column.name)_\(category)",
                                         cells: column.cells.map { .number($0 == .text(category) ? 1 : 0) }))
            }
            if dummyNA {
                indicators.append(Column(name: "\(column.name)_nan",
                                         cells: column.cells.map { .number($0 == .missing ? 1 : 0) }))
            }
        }
        return DataTable(columns: columns.filter(\.isNumeric) + indicators)
    }

    /// The values as a [rows, columns] tensor, as `torch.tensor(df.values)`. The tensor is
    /// `int64` when every value is a whole number, as pandas keeps such columns integral.
    /// - Throws: `DataError.notNumeric` naming the first column with text or missing values.
    public func toTensor() throws -> Tensor {
        var values = [Float](repeating: 0, count: rowCount * columns.count)
        var integral = true
        for (j, column) in columns.enumerated() {
            for (i, cell) in column.cells.enumerated() {
                guard case .number(let v) = cell else {
                    throw DataError.notNumeric(column: column.name,
                                               hint: "fill missing values and one-hot encode text columns first")
                }
                values[i * columns.count + j] = Float(v)
                integral = integral && v.rounded() == v && Swift.abs(v) <= Double(DType.maxExactInteger)
            }
        }
        return Tensor(shape: [rowCount, columns.count], values: values, dtype: integral ? .int64 : .float32)
    }

    /// A number as text: whole numbers without a decimal point (`1461`), others as Swift prints them.
    public static func format(_ v: Double) -> String {
        if v.rounded() == v && Swift.abs(v) < 1e15 { return String(Int(v)) }
        return String(v)
    }

    /// The table printed like pandas: an index column, right-aligned values, `NaN` for missing.
    public var description: String {
        let rendered: [[String]] = columns.map { column in
            let numbers = column.cells.compactMap { if case .number(let v) = $0 { return v }; return nil }
            let wholeNumbers = numbers.allSatisfy { $0.rounded() == $0 }
            // pandas prints a float column with at least one decimal (2.0, NaN).
            let decimals = wholeNumbers ? (column.storesFloats ? 1 : 0)
                : (1...6).first { d in numbers.allSatisfy { ($0 * Foundation.pow(10, Double(d))).rounded() == $0 * Foundation.pow(10, Double(d)) } } ?? 6
            return [column.name] + column.cells.map { cell in
                switch cell {
                case .missing: return "NaN"
                case .text(let t): return t
                case .number(let v): return String(format: "%.\(decimals)f", v)
                }
            }
        }
        let index = [""] + (0..<rowCount).map(String.init)
        let table = [index] + rendered
        let widths = table.map { $0.map(\.count).max() ?? 0 }
        return (0...rowCount).map { row in
            zip(table, widths).map { col, w in String(repeating: " ", count: w - col[row].count) + col[row] }
                .joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

/// A CSV reader for RFC 4180 files: commas, double-quoted fields with `""` escapes and line
/// breaks inside quotes, `\n` or `\r\n` line ends.
enum CSVParser {
    static func parse(_ text: String, file: URL) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() }
                    else { inQuotes = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                inQuotes = true
            } else if c == "," {
                record.append(field); field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r" && chars.first == "\n" { chars.removeFirst() }
                record.append(field); field = ""
                if !(record.count == 1 && record[0].isEmpty) { records.append(record) }
                record = []
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if inQuotes { throw DataError.malformed(file, "a quoted field is not closed") }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}
