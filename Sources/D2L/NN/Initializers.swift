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
}
