/// Layers applied one after another, the output of each being the input of the next.
///
/// d2l: `nn.Sequential` (§3.3). Write the layers in a block, one per line:
/// `Sequential { Flatten(); Linear(784, 10) }`. `net[0]` is the first layer, as in PyTorch.
public final class Sequential: Module {
    /// The layers, in order.
    public let layers: [Module]

    /// A sequence of the given layers.
    public init(_ layers: [Module]) {
        self.layers = layers
        super.init()
    }

    /// A sequence built from a block of layers.
    public convenience init(@ModuleBuilder _ build: () -> [Module]) {
        self.init(build())
    }

    /// Layer `index`.
    public subscript(index: Int) -> Module { layers[index] }

    /// Feeds `x` through every layer in order.
    public override func forward(_ x: Tensor) -> Tensor {
        layers.reduce(x) { $1($0) }
    }
}

/// Reshapes [n, d1, d2, ...] to [n, d1·d2·...], as `nn.Flatten()` (§3.7).
public final class Flatten: Module {
    /// A flattening layer.
    public override init() { super.init() }

    /// Keeps the first axis and merges the rest.
    public override func forward(_ x: Tensor) -> Tensor { x.flatten(startDim: 1) }
}
