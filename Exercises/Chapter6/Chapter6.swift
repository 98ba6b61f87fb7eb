import D2L

/// Exercises of chapter 6, *Convolutional Neural Networks*. Replace each `throw NotAttempted()`
/// with your answer; `swift test --filter Chapter6` grades them, `swift run grade chapter6` scores them.
public enum Chapter6 {}

extension Chapter6 {
    /// Exercise 6.2.2 — edges in the transposed image.
    ///
    /// `corr2d(X, [[1, −1]])` finds the vertical edges of the book's 6×8 image X. Return a kernel
    /// K such that `corr2d(X.T, K)` finds the same edges in the transposed image, i.e. equals
    /// `corr2d(X, [[1, −1]]).T`.
    public static func transposedEdgeKernel() throws -> Tensor {
        throw NotAttempted()
    }

    /// Exercise 6.2.4 — cross-correlation with a stride, from scratch.
    ///
    /// Like the book's `corr2d(X, K)` for a 2-d `X` and `K`, but moving the window `stride.0`
    /// rows and `stride.1` columns at a time: output (i, j) is the sum of
    /// X[i·s₀ ..< i·s₀ + kh, j·s₁ ..< j·s₁ + kw] ⊙ K.
    public static func corr2d(_ X: Tensor, _ K: Tensor, stride: (Int, Int)) throws -> Tensor {
        throw NotAttempted()
    }

    /// Exercise 6.3.1 — the output-shape formula.
    ///
    /// Return the output length along one axis for an input of length `n`, a kernel of length
    /// `k`, `p` zeros of padding on each side and stride `s`.
    public static func outputLength(n: Int, k: Int, p: Int, s: Int) throws -> Int {
        throw NotAttempted()
    }

    /// Exercise 6.4.3 — a 1×1 convolution is a matrix product.
    ///
    /// For `X` [c, h, w] and `K` [o, c, 1, 1], return the [o, h, w] output of the 1×1
    /// convolution computed with a single `matmul` (reshape, multiply, reshape back).
    public static func conv1x1(_ X: Tensor, _ K: Tensor) throws -> Tensor {
        throw NotAttempted()
    }

    /// Exercise 6.5.1 — average pooling with padding, from scratch.
    ///
    /// Average-pool the 2-d `X` with a `size`×`size` window moved by `stride`, after surrounding
    /// it with `padding` zeros on every side; the zeros count in the mean (as PyTorch's default).
    public static func avgPool2d(_ X: Tensor, size: Int, padding: Int, stride: Int) throws -> Tensor {
        throw NotAttempted()
    }

    /// Exercise 6.6.1 — a modern LeNet.
    ///
    /// Return the book's LeNet with every `Sigmoid` replaced by `ReLU` and every `AvgPool2d` by
    /// `MaxPool2d` (same sizes), still mapping a [n, 1, 28, 28] batch to [n, 10] scores.
    public static func leNetWithMaxPoolingAndReLU() throws -> Sequential {
        throw NotAttempted()
    }
}
