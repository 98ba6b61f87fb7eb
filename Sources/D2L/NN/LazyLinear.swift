/// A fully connected layer that learns its input size from the first batch it sees.
///
/// d2l: `nn.LazyLinear(out_features)` (§5.3, deferred initialisation). Until the first call,
/// `weight` and `bias` are `nil` and the layer has no parameters; the first call creates them
/// with PyTorch's default uniform initialisation and then behaves as `Linear`.
public final class LazyLinear: Module, Layer {
    /// Outputs per example.
    public let outFeatures: Int
    /// [outFeatures, inFeatures] once known.
    @Parameter public private(set) var weight: Tensor? = nil
    /// [outFeatures] once known.
    @Parameter public private(set) var bias: Tensor? = nil
    private let generator: RandomGenerator

    /// A layer with `outFeatures` outputs and an input size still to be discovered.
    public init(_ outFeatures: Int, generator: RandomGenerator = .global) {
        check(outFeatures > 0, "LazyLinear: outFeatures must be positive, got \(outFeatures)")
        self.outFeatures = outFeatures
        self.generator = generator
        super.init()
    }

    /// Creates the parameters on the first call, then computes xWᵀ + b.
    public func forward(_ x: Tensor) -> Tensor {
        if weight == nil {
            guard let inFeatures = x.shape.last, inFeatures > 0 else {
                failCheck("LazyLinear: cannot infer the input size from shape \(x.shape)")
            }
            let concrete = Linear(inFeatures, outFeatures, generator: generator)
            weight = concrete.weight
            bias = concrete.bias
        }
        check(x.shape.last == weight!.shape[1],
              "LazyLinear: input of shape \(x.shape) does not end in \(weight!.shape[1]), the size it was first called with")
        return matmul(x, weight!.T) + bias!
    }
}
