/// In-place initialisers for parameters, as `torch.nn.init` (§3.3, §5.2). They run without
/// recording gradients, so they can be applied to tensors that require them.
public enum Init {
    /// Fills `t` with draws from N(mean, std²), as `nn.init.normal_(w, mean, std)`.
    public static func normal(_ t: Tensor, mean: Float = 0, std: Float = 1, generator: RandomGenerator = .global) {
        noGrad { t.copy(from: Tensor.normal(mean: mean, std: std, shape: t.shape, generator: generator)) }
    }

    /// Fills `t` with draws from U(low, high), as `nn.init.uniform_`.
    public static func uniform(_ t: Tensor, low: Float = 0, high: Float = 1, generator: RandomGenerator = .global) {
        noGrad { t.copy(from: Tensor.uniform(low: low, high: high, shape: t.shape, generator: generator)) }
    }

    /// Sets every element to `value`, as `nn.init.constant_`.
    public static func constant(_ t: Tensor, _ value: Float) {
        noGrad { t.fill(value) }
    }

    /// Sets every element to zero, as `nn.init.zeros_`.
    public static func zeros(_ t: Tensor) { constant(t, 0) }

    /// Fills a weight [fanOut, fanIn] (or a conv kernel [out, in, kh, kw]) from
    /// U(−a, a) with a = gain·√(6 / (fanIn + fanOut)), as `nn.init.xavier_uniform_` (§4.8.2).
    /// Keeps the variance of activations and of gradients about the same from layer to layer.
    public static func xavierUniform(_ t: Tensor, gain: Float = 1, generator: RandomGenerator = .global) {
        let (fanIn, fanOut) = fans(t)
        let a = gain * (6 / Float(fanIn + fanOut)).squareRoot()
        uniform(t, low: -a, high: a, generator: generator)
    }

    /// Fills a weight from N(0, σ²) with σ = gain·√(2 / (fanIn + fanOut)), as `nn.init.xavier_normal_`.
    public static func xavierNormal(_ t: Tensor, gain: Float = 1, generator: RandomGenerator = .global) {
        let (fanIn, fanOut) = fans(t)
        normal(t, mean: 0, std: gain * (2 / Float(fanIn + fanOut)).squareRoot(), generator: generator)
    }

    /// Inputs and outputs per unit of a weight: [out, in] or [out, in, k...] as PyTorch counts them.
    static func fans(_ t: Tensor) -> (Int, Int) {
        check(t.ndim >= 2, "Init.xavier: needs a weight with at least 2 axes, got shape \(t.shape)")
        let receptive = t.shape.dropFirst(2).reduce(1, *)
        return (t.shape[1] * receptive, t.shape[0] * receptive)
    }
}
