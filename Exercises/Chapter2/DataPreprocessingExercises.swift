import D2L

extension Chapter2 {
    /// Exercise 2.2.1 — delete the column with the most missing values.
    ///
    /// Return `table` without the column that has the most missing cells (`.missing`). When two
    /// columns tie, drop the leftmost of them. Keep every other column, in order. A table whose
    /// columns have no missing cells at all is returned unchanged.
    public static func dropColumnWithMostMissing(_ table: DataTable) throws -> DataTable {
        throw NotAttempted()
    }
}
