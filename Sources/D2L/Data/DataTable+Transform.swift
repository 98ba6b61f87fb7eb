import Foundation

extension DataTable {
    /// The rows at positions `range`, as `df.iloc[a:b]`.
    public func rows(_ range: Range<Int>) -> DataTable {
        check(range.lowerBound >= 0 && range.upperBound <= rowCount,
              "DataTable.rows: range \(range) is out of bounds for \(rowCount) rows")
        return DataTable(columns: columns.map { Column(name: $0.name, cells: Array($0.cells[range]), storesFloats: $0.storesFloats) })
    }

    /// The table without the named columns, as `df.drop(columns=[...])`.
    public func dropping(columns names: Set<String>) -> DataTable {
        DataTable(columns: columns.filter { !names.contains($0.name) })
    }

    /// Stacks tables with the same column names on top of each other, as `pd.concat((a, b))`.
    /// A column is numeric in the result only if it is numeric in every table.
    public static func concatenatingRows(_ tables: [DataTable]) -> DataTable {
        guard let first = tables.first else { return DataTable(columns: []) }
        for t in tables where t.columnNames != first.columnNames {
            failCheck("DataTable.concatenatingRows: columns \(t.columnNames) differ from \(first.columnNames)")
        }
        return DataTable(columns: first.columns.indices.map { j in
            let parts = tables.map { $0.columns[j] }
            var cells = parts.flatMap(\.cells)
            if !parts.allSatisfy(\.isNumeric) {
                // Mixed: numbers become text, as pandas keeps such a column as strings (object).
                cells = cells.map { if case .number(let v) = $0 { return .text(DataTable.format(v)) }; return $0 }
            }
            return Column(name: first.columns[j].name, cells: cells, storesFloats: parts.contains(where: \.storesFloats))
        })
    }

    /// Every numeric column rescaled to mean 0 and standard deviation 1 (the sample standard
    /// deviation, as pandas' `std`), then its missing values set to 0, the new mean.
    ///
    /// d2l: the preprocessing of §4.10.4, `(x - x.mean()) / x.std()` followed by `fillna(0)`.
    public func standardizingNumericColumns() -> DataTable {
        DataTable(columns: columns.map { column in
            guard column.isNumeric else { return column }
            let present = column.cells.compactMap { if case .number(let v) = $0 { return v }; return nil }
            let n = Double(present.count)
            let mean = n > 0 ? present.reduce(0, +) / n : 0
            let variance = n > 1 ? present.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1) : 0
            let std = variance.squareRoot()
            return Column(name: column.name, cells: column.cells.map { cell in
                guard case .number(let v) = cell else { return .number(0) }
                return .number(std > 0 ? (v - mean) / std : 0)
            }, storesFloats: true)
        })
    }
}
