import D2L

extension Chapter2 {
    /// Exercise 2.1.1 — comparisons.
    ///
    /// The book compares tensors with `X == Y`. Return the tensor that holds 1 (true) exactly
    /// where an element of `X` is smaller than the element of `Y` at the same position, and 0
    /// elsewhere, for tensors of equal shape. Try `X > Y` in the REPL of your mind too: which
    /// positions differ from `X < Y`?
    public static func lessThan(_ X: Tensor, _ Y: Tensor) throws -> Tensor {
        throw NotAttempted()
    }

    /// Exercise 2.1.2 — broadcasting with other shapes.
    ///
    /// Broadcasting lines two shapes up from the right; each pair of lengths must be equal or
    /// one of them 1, and missing leading axes count as 1. Without calling any tensor operation,
    /// return the shape that broadcasting `a` with `b` produces, or `nil` when they cannot be
    /// broadcast. Examples: [3, 1] and [1, 2] give [3, 2]; [2, 1, 4] and [3, 1] give [2, 3, 4];
    /// [2, 3] and [4] give nil.
    public static func broadcastShape(_ a: [Int], _ b: [Int]) throws -> [Int]? {
        throw NotAttempted()
    }
}
