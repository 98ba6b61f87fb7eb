/// max(x, 0) as a layer, as `nn.ReLU()` (§4.1).
public final class ReLU: Module, Layer {
    /// A ReLU layer.
    public override init() { super.init() }
    /// Applies `relu` elementwise.
    public func forward(_ x: Tensor) -> Tensor { x.relu() }
}

/// The logistic function as a layer, as `nn.Sigmoid()` (§4.1).
public final class Sigmoid: Module, Layer {
    /// A sigmoid layer.
    public override init() { super.init() }
    /// Applies `sigmoid` elementwise.
    public func forward(_ x: Tensor) -> Tensor { x.sigmoid() }
}

/// The hyperbolic tangent as a layer, as `nn.Tanh()` (§4.1).
public final class Tanh: Module, Layer {
    /// A tanh layer.
    public override init() { super.init() }
    /// Applies `tanh` elementwise.
    public func forward(_ x: Tensor) -> Tensor { x.tanh() }
}
