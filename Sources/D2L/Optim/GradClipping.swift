/// Rescales the gradients of `params` so that their joint L2 norm is at most `theta`:
/// g ← g · θ / ‖g‖ when ‖g‖ > θ, where ‖g‖ is taken over all parameters together.
///
/// d2l: `grad_clipping(net, theta)` (§8.5.3). Keeps one exploding step of backpropagation
/// through time from throwing an RNN's parameters far away. The norm is summed in `Double`.
/// - Returns: the norm before clipping.
@discardableResult
public func gradClipping(_ params: [Tensor], theta: Float) -> Float {
    check(theta > 0, "gradClipping: theta must be positive, got \(theta)")
    let grads = params.compactMap(\.grad)
    var squares = 0.0
    for g in grads { squares += Double((g * g).sum().item()) }
    let norm = Float(squares.squareRoot())
    if norm > theta {
        noGrad { for g in grads { g *= theta / norm } }
    }
    return norm
}

/// `gradClipping` over the trainable parameters of `net`, as the book calls it with a module.
@discardableResult
public func gradClipping(_ net: Module, theta: Float) -> Float {
    gradClipping(net.trainableParameters(), theta: theta)
}
