import D2L
import Foundation
import TestSupport

/// The graders of chapter 2's exercises (stubs in `Exercises/Chapter2`). Each tries the
/// implementation on several inputs, including the cases a plausible mistake gets wrong.
enum Chapter2Graders {
    static let lessThan = Grader<(Tensor, Tensor) throws -> Tensor>("2.1.1 lessThan",
        hint: "§2.1 (operations): a comparison gives 1 where it holds and 0 elsewhere, element by element") { impl in
        let cases = [
            (Tensor.arange(12, dtype: .float32).reshape(3, 4), Tensor([[2.0, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])),
            (Tensor([1.0, 5, -2, 0]), Tensor([1.0, 4, -1, 0])),
        ]
        return try cases.compactMap { X, Y in
            mismatch(try impl(X, Y), (X < Y).float(), context: "X and Y of shape \(X.shape)", inputs: [("X", X), ("Y", Y)])
        }
    }

    static let broadcastShape = Grader<([Int], [Int]) throws -> [Int]?>("2.1.2 broadcastShape",
        hint: "§2.1 (broadcasting): pad the shorter shape with 1s on the left, then compare the lengths axis by axis") { impl in
        let cases: [([Int], [Int], [Int]?)] = [
            ([3, 1], [1, 2], [3, 2]), ([2, 1, 4], [3, 1], [2, 3, 4]), ([2, 3], [4], nil),
            ([5], [5], [5]), ([], [2, 2], [2, 2]), ([4, 1, 3], [1, 5, 1], [4, 5, 3]),
            ([2, 3], [3, 2], nil), ([1], [7, 1, 1], [7, 1, 1]), ([8, 1, 6, 1], [7, 1, 5], [8, 7, 6, 5]),
        ]
        return try cases.compactMap { a, b, expected in
            let got = try impl(a, b)
            return got == expected ? nil : "shapes \(a) and \(b): expected \(expected.map { "\($0)" } ?? "nil"), got \(got.map { "\($0)" } ?? "nil")"
        }
    }

    static let dropColumnWithMostMissing = Grader<(DataTable) throws -> DataTable>("2.2.1 dropColumnWithMostMissing") { impl in
        typealias Column = DataTable.Column
        let a = Column(name: "a", cells: [.number(1), .missing, .number(3)])
        let b = Column(name: "b", cells: [.missing, .missing, .text("x")])
        let c = Column(name: "c", cells: [.text("y"), .text("z"), .missing])
        let d = Column(name: "d", cells: [.missing, .number(2), .missing])
        let cases: [(DataTable, [String])] = [
            (DataTable(columns: [a, b, c]), ["a", "c"]),
            (DataTable(columns: [b, d, a]), ["d", "a"]),       // tie between b and d: drop the leftmost
            (DataTable(columns: [a, c, d]), ["a", "c"]),
            (DataTable(columns: [Column(name: "full", cells: [.number(1)])]), ["full"]),
        ]
        return try cases.compactMap { table, expected in
            let names = try impl(table).columnNames
            return names == expected ? nil : "columns \(table.columnNames): expected to keep \(expected), kept \(names)"
        }
    }

    static let transpose = Grader<([[Float]]) throws -> [[Float]]>("2.3.1 transpose",
        hint: "§2.3 (matrices): row i of the transpose is column i of the matrix") { impl in
        var failures: [String] = []
        let g = RandomGenerator(seed: 21)
        for (m, n) in [(1, 1), (2, 3), (4, 2), (1, 5), (3, 3)] {
            let A = Tensor.randn([m, n], generator: g), B = Tensor.randn([m, n], generator: g)
            let At = try impl(A.toArray2D())
            if At != A.T.contiguous().toArray2D() {
                failures.append("\(m)×\(n) matrix: the transpose should have rows \(A.T.contiguous().toArray2D()), got \(At)")
                continue
            }
            if try impl(At) != A.toArray2D() {
                failures.append("\(m)×\(n) matrix: transposing twice does not give A back")
            }
            let sumT = try impl((A + B).toArray2D())
            let bt = try impl(B.toArray2D())
            let sumOfT = zip(At, bt).map { zip($0, $1).map { $0 + $1 } }
            if sumT != sumOfT {
                failures.append("\(m)×\(n) matrices: Aᵀ + Bᵀ differs from (A + B)ᵀ")
            }
        }
        return failures
    }

    static let lengthOfFirstAxis = Grader<(Tensor) throws -> Int>("2.3.4 lengthOfFirstAxis") { impl in
        try [[2, 3, 4], [5], [1, 7], [3, 1, 1, 2]].compactMap { shape in
            let got = try impl(Tensor.zeros(shape))
            return got == shape[0] ? nil : "shape \(shape): len(X) is \(shape[0]), got \(got)"
        }
    }

    static let normalizeRows = Grader<(Tensor) throws -> Tensor>("2.3.6 normalizeRows",
        hint: "§2.3 (non-reduction sum): sum along axis 1 with keepDims, so the sums broadcast across each row") { impl in
        let cases = [
            Tensor.arange(20, dtype: .float32).reshape(5, 4) + 1,
            Tensor([[1.0, 2, 3], [4, 5, 6], [7, 8, 10]]),
            Tensor([[2.0, 6]]),
        ]
        return try cases.compactMap { A in
            let expected = A / A.sum(axis: 1, keepDims: true)
            let rowSums = A.sum(axis: 1, keepDims: true) * Tensor.onesLike(A)
            return mismatch(try impl(A), expected, context: "A of shape \(A.shape)", inputs: [("A", A), ("its row's sum", rowSums)])
        }
    }

    static let l2NormGradient = Grader<(Tensor) throws -> Tensor>("2.4.3 l2NormGradient",
        hint: "§2.4 (gradients and the chain rule): write ‖x‖₂ as √(Σ xᵢ²) and differentiate the square root, then the sum; try x = [3, 4] by hand") { impl in
        let g = RandomGenerator(seed: 43)
        let cases = [Tensor([3.0, -4]), Tensor.randn([5], generator: g), Tensor([0.0, 0, 2])]
        return try cases.compactMap { x in
            let leaf = x.clone().requiresGrad()
            leaf.norm().backward()
            return mismatch(try impl(x), leaf.grad!, context: "x = \(x.toArray()) (‖x‖ = \(x.norm().item()))")
        }
    }

    static let sinDerivative = Grader<(Tensor) throws -> Tensor>("2.5.5 sinDerivative") { impl in
        let cases = [Tensor.arange(-3, 3, step: 0.5), Tensor([[0.0, 1], [2, 3]])]
        return try cases.compactMap { x in
            mismatch(try impl(x), x.cos(), context: "x of shape \(x.shape)", inputs: [("x", x)])
        }
    }
}
