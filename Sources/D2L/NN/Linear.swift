import Foundation

/// A fully connected layer y = xWᵀ + b.
///
/// d2l: `nn.Linear(in_features, out_features)` (§3.3). `weight` has shape [out, in] as in
/// PyTorch, and starts uniform in ±1/√in (PyTorch's default, also for the bias); the chapters
/// re-initialise it the way the book does.
public final class Linear: Module, Layer {
    /// [outFeatures, inFeatures].
    @Parameter public var weight: Tensor
    /// [outFeatures], or `nil` without bias.
    @Parameter public var bias: Tensor?

    /// A layer mapping `inFeatures` inputs to `outFeatures` outputs.
    public init(_ inFeatures: Int, _ outFeatures: Int, bias: Bool = true, generator: RandomGenerator = .global) {
        check(inFeatures > 0 && outFeatures > 0, "Linear: sizes must be positive, got \(inFeatures) → \(outFeatures)")
        let bound = 1 / Float(inFeatures).squareRoot()
        weight = Tensor.uniform(low: -bound, high: bound, shape: [outFeatures, inFeatures],
                                generator: generator)
        self.bias = bias ? Tensor.uniform(low: -bound, high: bound, shape: [outFeatures],
                                          generator: generator) : nil
        super.init()
    }

    /// xWᵀ + b for inputs [..., inFeatures].
    public func forward(_ x: Tensor) -> Tensor {
        check(x.shape.last == weight.shape[1],
              "Linear: input of shape \(x.shape) does not end in in_features = \(weight.shape[1])")
        return Tensor.linear(x, weight, bias)
    }
}
