import D2L

/// §2.5 Automatic differentiation: the examples whose gradients the book checks.
public enum AutomaticDifferentiation {
    /// y = 2xᵀx, whose gradient is 4x (§2.5.1).
    public static func twiceSquaredNorm(_ x: Tensor) -> Tensor { 2 * Tensor.dot(x, x) }

    /// The book's function with Python control flow (§2.5.4): double `a` until the norm reaches
    /// 1000, then keep the result if its sum is positive, else multiply by 100. Whatever path is
    /// taken, the result is k·a for some k, so its gradient is `d / a`.
    ///
    /// d2l: `f(a)`. Autograd follows the operations that actually ran, so loops and branches
    /// need nothing special.
    public static func controlFlow(_ a: Tensor) -> Tensor {
        var b = a * 2
        while b.norm().item() < 1000 {
            b = b * 2
        }
        return b.sum().item() > 0 ? b : 100 * b
    }
}
