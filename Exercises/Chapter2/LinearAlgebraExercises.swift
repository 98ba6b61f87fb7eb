import D2L

extension Chapter2 {
    /// Exercise 2.3.1 — the transpose, by hand.
    ///
    /// Write the transpose of a matrix given as rows, without tensors: row i of the result is
    /// column i of `A`. The grader then checks the two facts the book asks you to prove,
    /// (Aᵀ)ᵀ = A and Aᵀ + Bᵀ = (A + B)ᵀ, on your function. `A` has at least one row and all
    /// rows have the same length.
    public static func transpose(_ A: [[Float]]) throws -> [[Float]] {
        throw NotAttempted()
    }

    /// Exercise 2.3.4 — what `len` measures.
    ///
    /// For a tensor X of shape (2, 3, 4), what does `len(X)` return, and does it always belong to
    /// one particular axis? Answer in code: return the number Python's `len(X)` gives for any
    /// tensor with at least one axis, using only `X.shape`.
    public static func lengthOfFirstAxis(_ X: Tensor) throws -> Int {
        throw NotAttempted()
    }

    /// Exercise 2.3.6 — dividing by row sums.
    ///
    /// `A / A.sum(axis: 1)` fails for a 5×4 matrix and silently divides by the wrong numbers for
    /// a square one. Work out why, then return `A` with each row divided by that row's sum, so
    /// that every row of the result sums to 1. `A` is any [m, n] matrix with nonzero row sums.
    public static func normalizeRows(_ A: Tensor) throws -> Tensor {
        throw NotAttempted()
    }
}
