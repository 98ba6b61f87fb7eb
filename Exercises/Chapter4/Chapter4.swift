import D2L

/// Exercises of chapter 4, *Multilayer Perceptrons*. Replace each `throw NotAttempted()` with
/// your answer; `swift test --filter Chapter4` grades them, `swift run grade chapter4` scores them.
public enum Chapter4 {}

extension Chapter4 {
    /// Exercise 4.1.1 — the parametrised ReLU.
    ///
    /// Return pReLU(x) = max(0, x) + α·min(0, x) element by element, built from tensor operations
    /// so that autograd gives its derivative (1 for x > 0, α for x < 0).
    public static func prelu(_ x: Tensor, alpha: Float) throws -> Tensor {
        throw NotAttempted()
    }

    /// Exercise 4.1.3 — tanh from the sigmoid.
    ///
    /// Show that tanh(x) + 1 = 2·sigmoid(2x) by computing tanh using only `sigmoid` and
    /// arithmetic (no `tanh`).
    public static func tanhFromSigmoid(_ x: Tensor) throws -> Tensor {
        throw NotAttempted()
    }

    /// Exercise 4.5.1 — an L1 penalty.
    ///
    /// Return the L1 penalty Σ|wᵢ| of `w` as a 0-d tensor that autograd can differentiate (its
    /// gradient is the sign of each weight), to use instead of `l2Penalty` in §4.5's training.
    public static func l1Penalty(_ w: Tensor) throws -> Tensor {
        throw NotAttempted()
    }

    /// Exercise 4.6 — dropout with given random numbers.
    ///
    /// Implement inverted dropout deterministically: `uniform` has the shape of `X` and holds
    /// draws from U(0, 1). Keep an element where its draw is greater than `p` and scale kept
    /// elements by 1/(1 − p); zero the others. (`dropoutLayer` does the same with its own draws.)
    public static func dropout(_ X: Tensor, p: Float, uniform: Tensor) throws -> Tensor {
        throw NotAttempted()
    }

    /// Exercise 4.8 — Xavier's scale.
    ///
    /// Return the standard deviation σ that Xavier initialisation uses for a weight connecting
    /// `fanIn` inputs to `fanOut` outputs, so that the variance of activations and of gradients
    /// are both kept: σ² = 2 / (fanIn + fanOut).
    public static func xavierStd(fanIn: Int, fanOut: Int) throws -> Float {
        throw NotAttempted()
    }
}
