/// Builds the layer list of a `Sequential` from a block of layers, one per line; `for` loops
/// and `if` are allowed, as when the book builds VGG from a list of blocks (§7.2).
@resultBuilder
public enum LayerBuilder {
    /// One layer.
    public static func buildExpression(_ layer: any Layer) -> [any Layer] { [layer] }
    /// Several layers made elsewhere, e.g. `resnetBlock(64, 64, 2)`.
    public static func buildExpression(_ layers: [any Layer]) -> [any Layer] { layers }
    /// The lines of the block, in order.
    public static func buildBlock(_ parts: [any Layer]...) -> [any Layer] { parts.flatMap { $0 } }
    /// The layers of every pass of a `for` loop.
    public static func buildArray(_ parts: [[any Layer]]) -> [any Layer] { parts.flatMap { $0 } }
    /// An `if` without `else`.
    public static func buildOptional(_ part: [any Layer]?) -> [any Layer] { part ?? [] }
    /// The taken branch of an `if`/`else`.
    public static func buildEither(first part: [any Layer]) -> [any Layer] { part }
    /// The taken branch of an `if`/`else`.
    public static func buildEither(second part: [any Layer]) -> [any Layer] { part }
}

/// Layers applied one after another, the output of each being the input of the next.
///
/// d2l: `nn.Sequential` (§3.3). Write the layers in a block, one per line:
/// `Sequential { Flatten(); Linear(784, 10) }`. `net[0]` is the first layer, and parameters are
/// named `0.weight`, `1.bias`, … as in PyTorch.
public final class Sequential: Module, Layer {
    /// The layers, in order.
    public let layers: [any Layer]

    /// A sequence of the given layers.
    public init(_ layers: [any Layer]) {
        self.layers = layers
        super.init()
    }

    /// A sequence built from a block of layers.
    public convenience init(@LayerBuilder _ build: () -> [any Layer]) {
        self.init(build())
    }

    /// Layer `index`.
    public subscript(index: Int) -> any Layer { layers[index] }

    /// Number of layers, as `len(net)`.
    public var count: Int { layers.count }

    /// The layers named by position, `0`, `1`, …, as PyTorch names a `Sequential`'s children.
    public override func namedChildren() -> [(String, Module)] {
        layers.enumerated().map { ("\($0.offset)", $0.element) }
    }

    /// Feeds `x` through every layer in order.
    public func forward(_ x: Tensor) -> Tensor {
        var y = x
        for layer in layers { y = layer(y) }
        return y
    }
}

/// Reshapes [n, d1, d2, ...] to [n, d1·d2·...], as `nn.Flatten()` (§3.7).
public final class Flatten: Module, Layer {
    /// A flattening layer.
    public override init() { super.init() }

    /// Keeps the first axis and merges the rest.
    public func forward(_ x: Tensor) -> Tensor { x.flatten(startDim: 1) }
}
