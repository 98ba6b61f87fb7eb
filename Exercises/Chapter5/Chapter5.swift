import D2L

/// Exercises of chapter 5, the builders' guide. Replace each `throw NotAttempted()` with your
/// answer; `swift test --filter Chapter5` grades them, `swift run grade chapter5` scores them.
public enum Chapter5 {}

extension Chapter5 {
    /// Exercise 5.1.2 — two modules side by side.
    ///
    /// Return a module that runs `first` and `second` on the same input and concatenates their
    /// outputs along the last axis (a "parallel" block). Write a `Module, Layer` subclass whose
    /// `forward` does this; its `parameters()` must include both modules' parameters.
    public static func parallel(_ first: any Layer, _ second: any Layer) throws -> any Layer {
        throw NotAttempted()
    }

    /// Exercise 5.2 — counting parameters.
    ///
    /// Return the number of trainable numbers in `net`: the sum of the element counts of its
    /// parameters (a tensor shared by two layers counts once).
    public static func parameterCount(_ net: any Layer) throws -> Int {
        throw NotAttempted()
    }

    /// Exercise 5.4.1 — a tensor-reduction layer.
    ///
    /// For inputs `x` [n, d] and weights `W` [d, d, k], return y [n, k] with
    /// y[b, l] = Σᵢ Σⱼ W[i, j, l] · x[b, i] · x[b, j], using tensor operations (for example
    /// reshaping x·xᵀ per example and one matrix product).
    public static func tensorReduction(_ x: Tensor, _ W: Tensor) throws -> Tensor {
        throw NotAttempted()
    }

    /// Exercise 5.5.1 — saving part of a model.
    ///
    /// Return the entries of `net.stateDict()` whose names start with one of `prefixes`
    /// followed by a dot (e.g. `["0", "1"]` keeps `0.weight`, `1.bias`, but not `10.weight`),
    /// the way you would save only the first layers of a network for reuse.
    public static func stateDict(of net: any Layer, keepingPrefixes prefixes: [String]) throws -> [String: Tensor] {
        throw NotAttempted()
    }

    /// Exercise 5.2.3 — gradients of tied parameters.
    ///
    /// `net` uses the layer `shared` twice. After `net(X).sum().backward()`, return the
    /// gradient of `shared.weight` (a copy), and check for yourself that it equals the sum of
    /// the gradients two separate copies of the layer would get.
    public static func tiedWeightGradient(_ net: any Layer, shared: Linear, input X: Tensor) throws -> Tensor {
        throw NotAttempted()
    }
}
