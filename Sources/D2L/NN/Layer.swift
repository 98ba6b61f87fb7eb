/// A module that maps one tensor to one tensor: what `Sequential` holds.
///
/// d2l: the `forward(self, X)` of most of the book's modules (§5.1). Modules that take or
/// return more (recurrent layers with their state, decoders) adopt `RecurrentLayer` or
/// `Decoder` instead, so putting one in a `Sequential` is a compile-time error.
public protocol Layer: Module {
    /// The computation of this layer.
    func forward(_ x: Tensor) -> Tensor
}

extension Layer {
    /// Runs `forward`, so a layer is called like a function: `net(X)`.
    public func callAsFunction(_ x: Tensor) -> Tensor { forward(x) }
}
