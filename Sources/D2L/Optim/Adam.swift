import Foundation

/// Adam: per-parameter step sizes from running averages of the gradient and its square.
///
/// d2l: `torch.optim.Adam(params, lr)` (used from §4.10; derived in §11.10). With
/// m ← β₁m + (1 − β₁)g and v ← β₂v + (1 − β₂)g², the update is
/// p ← p − lr·m̂ / (√v̂ + ε), where m̂ = m/(1 − β₁ᵗ) and v̂ = v/(1 − β₂ᵗ) undo the bias of the
/// zero-initialised averages in the first steps. Weight decay, if any, is added to g (L2, as
/// PyTorch's `Adam`, not `AdamW`).
public final class Adam {
    /// The tensors being trained.
    public let parameters: [Tensor]
    /// Learning rate.
    public var lr: Float
    /// Decay rates of the first and second moment averages.
    public let betas: (Float, Float)
    /// Added to √v̂ to avoid division by zero.
    public let eps: Float
    /// L2 penalty added to the gradient.
    public let weightDecay: Float
    private var m: [Tensor?], v: [Tensor?]
    private var t = 0

    /// An optimizer for `parameters` with PyTorch's defaults.
    public init(_ parameters: [Tensor], lr: Float = 0.001, betas: (Float, Float) = (0.9, 0.999),
                eps: Float = 1e-8, weightDecay: Float = 0) {
        check(lr > 0, "Adam: learning rate must be positive, got \(lr)")
        self.parameters = parameters
        self.lr = lr
        self.betas = betas
        self.eps = eps
        self.weightDecay = weightDecay
        m = Array(repeating: nil, count: parameters.count)
        v = Array(repeating: nil, count: parameters.count)
    }

    /// Clears the gradients, as `optimizer.zero_grad()`: by default it drops them (`grad` becomes
    /// `nil`, PyTorch's `set_to_none=True`), so the next `backward()` stores its gradient instead of
    /// adding it to zeros; `setToNone: false` fills them with zeros instead.
    public func zeroGrad(setToNone: Bool = true) {
        for p in parameters {
            if setToNone { p.grad = nil } else { p.grad?.zero() }
        }
    }

    /// One update from the current gradients.
    public func step() {
        t += 1
        let (b1, b2) = betas
        let c1 = 1 - Foundation.pow(b1, Float(t)), c2 = 1 - Foundation.pow(b2, Float(t))
        noGrad {
            for (i, p) in parameters.enumerated() {
                guard var g = p.grad else { continue }
                if weightDecay != 0 { g = g + weightDecay * p }
                let mi = m[i] ?? Tensor.zerosLike(p), vi = v[i] ?? Tensor.zerosLike(p)
                mi *= b1
                mi += (1 - b1) * g
                vi *= b2
                vi += (1 - b2) * g * g
                m[i] = mi
                v[i] = vi
                p -= lr * (mi / c1) / ((vi / c2).sqrt() + eps)
            }
        }
    }
}
