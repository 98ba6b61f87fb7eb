import D2L

/// Correct answers to chapter 2's exercises, for the meta-tests. Kept out of `Exercises/`, so a
/// student filling in stubs does not see them next to the stubs.
enum Chapter2Reference {
    static func lessThan(_ X: Tensor, _ Y: Tensor) -> Tensor { X < Y }

    static func broadcastShape(_ a: [Int], _ b: [Int]) -> [Int]? {
        pairUp(a, b, padOnTheLeft: true)
    }

    /// Pads the shorter shape with 1s (on the left, as broadcasting does, or on the right) and
    /// combines the pairs, or returns nil when a pair is incompatible.
    static func pairUp(_ a: [Int], _ b: [Int], padOnTheLeft: Bool) -> [Int]? {
        let n = max(a.count, b.count)
        func pad(_ s: [Int]) -> [Int] {
            let ones = Array(repeating: 1, count: n - s.count)
            return padOnTheLeft ? ones + s : s + ones
        }
        var result: [Int] = []
        for (x, y) in zip(pad(a), pad(b)) {
            guard x == y || x == 1 || y == 1 else { return nil }
            result.append(max(x, y))
        }
        return result
    }

    static func dropColumnWithMostMissing(_ table: DataTable) -> DataTable {
        dropColumn(of: table) { counts in counts.max().flatMap { $0 > 0 ? counts.firstIndex(of: $0) : nil } }
    }

    /// The table without the column `choose` picks from the per-column missing counts (none if nil).
    static func dropColumn(of table: DataTable, choose: ([Int]) -> Int?) -> DataTable {
        let missing = table.columns.map { $0.cells.filter { $0 == .missing }.count }
        guard let index = choose(missing) else { return table }
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
        Chapter2Reference.pairUp(a, b, padOnTheLeft: false)
    }

    /// Drops the column with the fewest missing values.
    static func dropColumnWithMostMissing(_ table: DataTable) -> DataTable {
        Chapter2Reference.dropColumn(of: table) { counts in counts.min().flatMap { counts.firstIndex(of: $0) } }
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
