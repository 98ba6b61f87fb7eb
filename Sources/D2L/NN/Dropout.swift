/// Zeroes each element of `X` with probability `p` and scales the survivors by 1/(1 − p), so the
/// expected value of every element is unchanged.
///
/// d2l: `dropout_layer(X, dropout)` (§4.6.4). `p = 1` drops everything; `p = 0` returns `X`.
public func dropoutLayer(_ X: Tensor, _ p: Float, generator: RandomGenerator = .global) -> Tensor {
    check(p >= 0 && p <= 1, "dropoutLayer: probability must be in [0, 1], got \(p)")
    if p == 1 { return Tensor.zerosLike(X) * X }
    if p == 0 { return X }
    let mask = (Tensor.rand(X.shape, generator: generator) > p).float()
    return X * mask / (1 - p)
}

/// Dropout as a layer: active in training mode, the identity in evaluation mode.
///
/// d2l: `nn.Dropout(p)` (§4.6.5).
public final class Dropout: Module, Layer {
    /// The probability of zeroing an element.
    public let p: Float
    private let generator: RandomGenerator

    /// A dropout layer with drop probability `p`.
    public init(_ p: Float, generator: RandomGenerator = .global) {
        check(p >= 0 && p <= 1, "Dropout: probability must be in [0, 1], got \(p)")
        self.p = p
        self.generator = generator
        super.init()
    }

    /// Drops elements while training; passes `x` through unchanged when evaluating.
    public func forward(_ x: Tensor) -> Tensor {
        isTraining ? dropoutLayer(x, p, generator: generator) : x
    }
}
