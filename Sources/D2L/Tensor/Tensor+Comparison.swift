// Elementwise comparisons giving `bool` tensors of 0s and 1s (§2.1: `X == Y`), and `where`.
// Comparisons are not differentiable: their results never require gradients.

extension Tensor {
    private static func compare(_ a: Tensor, _ b: Tensor, _ operation: String,
                                _ test: (Float, Float) -> Bool) -> Tensor {
        zipValues(a, b, dtype: .bool, operation: operation) { test($0, $1) ? 1 : 0 }
    }

    /// 1 (True) where the elements are equal, as `X == Y`.
    public static func == (lhs: Tensor, rhs: Tensor) -> Tensor { compare(lhs, rhs, "eq") { $0 == $1 } }
    /// 1 where the elements differ, as `X != Y`.
    public static func != (lhs: Tensor, rhs: Tensor) -> Tensor { compare(lhs, rhs, "ne") { $0 != $1 } }
    /// 1 where `lhs` is smaller, as `X < Y`.
    public static func < (lhs: Tensor, rhs: Tensor) -> Tensor { compare(lhs, rhs, "lt") { $0 < $1 } }
    /// 1 where `lhs` is smaller or equal, as `X <= Y`.
    public static func <= (lhs: Tensor, rhs: Tensor) -> Tensor { compare(lhs, rhs, "le") { $0 <= $1 } }
    /// 1 where `lhs` is larger, as `X > Y`.
    public static func > (lhs: Tensor, rhs: Tensor) -> Tensor { compare(lhs, rhs, "gt") { $0 > $1 } }
    /// 1 where `lhs` is larger or equal, as `X >= Y`.
    public static func >= (lhs: Tensor, rhs: Tensor) -> Tensor { compare(lhs, rhs, "ge") { $0 >= $1 } }

    // Comparing with a literal, `X > 0`, uses the operators above (the literal becomes a 0-d
    // tensor); these disfavored forms serve `Float` variables, `X > threshold`.

    /// 1 where the element equals the number.
    @_disfavoredOverload
    public static func == (lhs: Tensor, rhs: Float) -> Tensor { lhs == scalar(rhs) }
    /// 1 where the element differs from the number.
    @_disfavoredOverload
    public static func != (lhs: Tensor, rhs: Float) -> Tensor { lhs != scalar(rhs) }
    /// 1 where the element is smaller than the number.
    @_disfavoredOverload
    public static func < (lhs: Tensor, rhs: Float) -> Tensor { lhs < scalar(rhs) }
    /// 1 where the element is at most the number.
    @_disfavoredOverload
    public static func <= (lhs: Tensor, rhs: Float) -> Tensor { lhs <= scalar(rhs) }
    /// 1 where the element is larger than the number.
    @_disfavoredOverload
    public static func > (lhs: Tensor, rhs: Float) -> Tensor { lhs > scalar(rhs) }
    /// 1 where the element is at least the number.
    @_disfavoredOverload
    public static func >= (lhs: Tensor, rhs: Float) -> Tensor { lhs >= scalar(rhs) }

    /// Picks from `a` where `condition` is nonzero and from `b` elsewhere, broadcasting all three,
    /// as `torch.where(condition, a, b)`. Gradients flow to the chosen side only.
    public static func `where`(_ condition: Tensor, _ a: Tensor, _ b: Tensor) -> Tensor {
        let shape = Shape.broadcast(Shape.broadcast(condition.shape, a.shape, operation: "where"),
                                    b.shape, operation: "where")
        let mask = (condition != 0).broadcast(to: shape).contiguousCopy()
        // Two passes over contiguous operands: take b, then overwrite with a where the mask is set.
        let chosenB = zipValues(mask, b, dtype: DType.promoted(a.dtype, b.dtype), operation: "where") {
            m, y in m != 0 ? 0 : y
        }
        let out = zipValues(mask, a, dtype: chosenB.dtype, operation: "where") { m, x in m != 0 ? x : 0 }
        zipValues(out, chosenB, into: out) { x, y in x + y }
        return record(out, "WhereBackward0", inputs: [a, b], saves: []) { g in
            [a.requiresGrad ? (g * mask).sum(toShape: a.shape) : nil,
             b.requiresGrad ? (g * (1 - mask)).sum(toShape: b.shape) : nil]
        }
    }
}
