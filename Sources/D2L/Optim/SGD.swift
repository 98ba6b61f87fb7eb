/// Minibatch stochastic gradient descent, optionally with momentum and weight decay.
///
/// d2l: `torch.optim.SGD(net.parameters(), lr=...)` (§3.3). Each `step()` updates every
/// parameter in place as p ← p − lr·(∇p + λp), with a velocity v ← μv + ∇p used instead of ∇p
/// when momentum μ > 0, as PyTorch does.
public final class SGD {
    /// The tensors being trained.
    public let parameters: [Tensor]
    /// Learning rate.
    public var lr: Float
    /// Momentum μ (0 for plain SGD).
    public let momentum: Float
    /// L2 penalty λ added to the gradient.
    public let weightDecay: Float
    private var velocities: [Tensor?]

    /// An optimizer for `parameters`.
    public init(_ parameters: [Tensor], lr: Float, momentum: Float = 0, weightDecay: Float = 0) {
        check(lr > 0, "SGD: learning rate must be positive, got \(lr)")
        check(parameters.allSatisfy(\.requiresGrad), "SGD: every parameter must require gradients")
        self.parameters = parameters
        self.lr = lr
        self.momentum = momentum
        self.weightDecay = weightDecay
        velocities = Array(repeating: nil, count: parameters.count)
    }

    /// Clears the gradients, as `optimizer.zero_grad()`.
    public func zeroGrad() {
        for p in parameters { p.grad?.zero() }
    }

    /// One update from the current gradients (parameters without a gradient are skipped).
    public func step() {
        noGrad {
            for (i, p) in parameters.enumerated() {
                guard var g = p.grad else { continue }
                if weightDecay != 0 { g = g + weightDecay * p }
                if momentum != 0 {
                    if let v = velocities[i] {
                        v *= momentum
                        v += g
                    } else {
                        velocities[i] = g.clone()
                    }
                    g = velocities[i]!
                }
                p -= lr * g
            }
        }
    }
}

/// The book's own minibatch SGD for from-scratch models (§3.2): p ← p − lr·∇p / batchSize for
/// every parameter, then its gradient is zeroed.
///
/// d2l: `sgd(params, lr, batch_size)`.
public func sgd(_ params: [Tensor], lr: Float, batchSize: Int) {
    noGrad {
        for p in params {
            guard let g = p.grad else { continue }
            p -= lr * g / Float(batchSize)
            g.zero()
        }
    }
}
