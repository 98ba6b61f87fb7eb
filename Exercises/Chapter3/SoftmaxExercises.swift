import D2L

extension Chapter3 {
    /// Exercise 3.6.1 — a softmax that does not overflow.
    ///
    /// The book's `softmax` computes exp(x) directly, which overflows to infinity for inputs near
    /// 100 and gives NaN. Return the row-wise softmax of `X` [n, k] computed safely: subtracting
    /// the largest entry of each row first does not change the result but keeps exp ≤ 1.
    public static func stableSoftmax(_ X: Tensor) throws -> Tensor {
        throw NotAttempted()
    }

    /// Exercise 3.7.1 — cross-entropy straight from scores with log-sum-exp.
    ///
    /// For scores (logits) `O` [n, k] and labels `y` [n], return the per-example cross-entropy
    /// −log softmax(O)[i, yᵢ] = log Σⱼ exp(Oᵢⱼ) − Oᵢyᵢ, computed without forming the softmax and
    /// without overflow for large scores (subtract each row's maximum inside the log-sum-exp).
    public static func crossEntropyFromLogits(_ O: Tensor, _ y: Tensor) throws -> Tensor {
        throw NotAttempted()
    }

    /// Exercise 3.6 — accuracy as a fraction.
    ///
    /// `yHat` [n, k] holds one row of class probabilities per example and `y` [n] the true
    /// labels. Return the fraction of examples whose most probable class is the true one (a
    /// number in [0, 1]), without using the library's `accuracy`.
    public static func accuracyFraction(_ yHat: Tensor, _ y: Tensor) throws -> Double {
        throw NotAttempted()
    }
}
