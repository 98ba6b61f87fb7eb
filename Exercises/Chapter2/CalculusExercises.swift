import D2L

extension Chapter2 {
    /// Exercise 2.4.3 — the gradient of the L2 norm.
    ///
    /// Work out the gradient of f(x) = ‖x‖₂ by hand and return it for the vector `x` (not the
    /// zero vector), without autograd. The grader compares your formula with what autograd
    /// computes.
    public static func l2NormGradient(_ x: Tensor) throws -> Tensor {
        throw NotAttempted()
    }

    /// Exercise 2.5.5 — differentiating sin with autograd.
    ///
    /// For f(x) = sin x, compute f′ at every element of `x` using automatic differentiation
    /// (mark a copy of `x` as requiring gradients, build sin, call `backward`), not by using
    /// your knowledge that the derivative is cos x. The grader compares your result with cos x.
    public static func sinDerivative(_ x: Tensor) throws -> Tensor {
        throw NotAttempted()
    }
}
