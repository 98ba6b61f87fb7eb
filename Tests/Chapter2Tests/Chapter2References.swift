import D2L

/// Correct answers to chapter 2's exercises, for the meta-tests. Kept out of `Exercises/`, so a
/// student filling in stubs does not see them next to the stubs.
enum Chapter2Reference {
    static func lessThan(_ X: Tensor, _ Y: Tensor) -> Tensor { X < Y }

    static func broadcastShape(_ a: [Int], _ b: [Int]) -> [Int]? {
        let n = max(a.count, b.count)
        let pa = Array(repeating: 1, count: n - a.count) + a
        let pb = Array(repeating: 1, count: n - b.count) + b
        var result: [Int] = []
        for (x, y) in zip(pa, pb) {
            guard x == y || x == 1 || y == 1 else { return nil }
            result.append(max(x, y))
        }
        return result
    }

    static func dropColumnWithMostMissing(_ table: DataTable) -> DataTable {
        let missing = table.columns.map { $0.cells.filter { $0 == .missing }.count }
        guard let most = missing.max(), most > 0, let index = missing.firstIndex(of: most) else { return table }
        var columns = table.columns
        columns.remove(at: index)
        return DataTable(columns: columns)
    }

    static func transpose(_ A: [[Float]]) -> [[Float]] {
        (0..<A[0].count).map { j in A.map { $0[j] } }
    }

    static func lengthOfFirstAxis(_ X: Tensor) -> Int { X.shape[0] }

    static func normalizeRows(_ A: Tensor) -> Tensor { A / A.sum(axis: 1, keepDims: true) }

    static func l2NormGradient(_ x: Tensor) -> Tensor { x / x.norm() }

    static func sinDerivative(_ x: Tensor) -> Tensor {
        let leaf = x.detach().clone().requiresGrad()
        leaf.sin().sum().backward()
        return leaf.grad!
    }
}

/// Plausible wrong answers: each grader must reject its wrong answer, or it is not a grader.
enum Chapter2Wrong {
    /// Swapped comparison.
    static func lessThan(_ X: Tensor, _ Y: Tensor) -> Tensor { X > Y }

    /// Aligns shapes from the left instead of the right.
    static func broadcastShape(_ a: [Int], _ b: [Int]) -> [Int]? {
        let n = max(a.count, b.count)
        let pa = a + Array(repeating: 1, count: n - a.count)
        let pb = b + Array(repeating: 1, count: n - b.count)
        var result: [Int] = []
        for (x, y) in zip(pa, pb) {
            guard x == y || x == 1 || y == 1 else { return nil }
            result.append(max(x, y))
        }
        return result
    }

    /// Drops the column with the fewest missing values.
    static func dropColumnWithMostMissing(_ table: DataTable) -> DataTable {
        let missing = table.columns.map { $0.cells.filter { $0 == .missing }.count }
        guard let fewest = missing.min(), let index = missing.firstIndex(of: fewest) else { return table }
        var columns = table.columns
        columns.remove(at: index)
        return DataTable(columns: columns)
    }

    /// Returns the matrix unchanged: right only for 1×1 matrices.
    static func transpose(_ A: [[Float]]) -> [[Float]] { A }

    /// Counts all elements instead of the first axis.
    static func lengthOfFirstAxis(_ X: Tensor) -> Int { X.count }

    /// Divides by column sums: shapes work out, values do not.
    static func normalizeRows(_ A: Tensor) -> Tensor { A / A.sum(axis: 0, keepDims: true) }

    /// The gradient of the squared norm ‖x‖², not of ‖x‖.
    static func l2NormGradient(_ x: Tensor) -> Tensor { 2 * x }

    /// Returns sin x itself.
    static func sinDerivative(_ x: Tensor) -> Tensor { x.sin() }
}
