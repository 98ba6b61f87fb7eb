/// Zeroes each element of `X` with probability `p` and scales the survivors by 1/(1 − p), so the
/// expected value of every element is unchanged.
///
/// d2l: `dropout_layer(X, dropout)` (§4.6.4). `p = 1` drops everything; `p = 0` returns `X`.
/// An element survives when its uniform draw from `generator` exceeds `p`, as the book's
/// `torch.rand(X.shape) > dropout`; the draws, the mask and the product are made in one pass
/// over raw buffers, and the backward pass multiplies by the same scaled mask.
public func dropoutLayer(_ X: Tensor, _ p: Float, generator: RandomGenerator = .global) -> Tensor {
    check(p >= 0 && p <= 1, "dropoutLayer: probability must be in [0, 1], got \(p)")
    if p == 1 { return Tensor.zerosLike(X) * X }
    if p == 0 { return X }
    let input = X.detach().contiguous()
    let mask = Tensor(uninitializedShape: X.shape), out = Tensor(uninitializedShape: X.shape)
    let x = input.base, m = mask.storage.pointer, y = out.storage.pointer
    let scale = 1 / (1 - p)
    for i in 0..<X.count {
        let keep: Float = generator.nextUniform() > p ? scale : 0
        m[i] = keep
        y[i] = x[i] * keep
    }
    return Tensor.record(out, "DropoutBackward0", inputs: [X], saves: []) { grad in [grad * mask] }
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
