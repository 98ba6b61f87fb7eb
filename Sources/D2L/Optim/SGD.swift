/// A set of parameters sharing optimizer settings, as one entry of PyTorch's `param_groups`.
///
/// d2l: §4.5.4 gives the weights a weight decay and the biases none:
/// `SGD([.init(weights, weightDecay: wd), .init(biases)], lr: lr)`.
public struct ParameterGroup {
    /// The tensors in this group.
    public var parameters: [Tensor]
    /// Learning rate for this group; `nil` uses the optimizer's.
    public var lr: Float?
    /// L2 penalty λ for this group; `nil` uses the optimizer's.
    public var weightDecay: Float?

    /// A group of `parameters` with optional settings of its own.
    public init(_ parameters: [Tensor], lr: Float? = nil, weightDecay: Float? = nil) {
        self.parameters = parameters
        self.lr = lr
        self.weightDecay = weightDecay
    }
}

/// Minibatch stochastic gradient descent, optionally with momentum and weight decay.
///
/// d2l: `torch.optim.SGD(net.parameters(), lr=...)` (§3.3). Each `step()` updates every
/// parameter in place as p ← p − lr·(∇p + λp), with a velocity v ← μv + ∇p used instead of ∇p
/// when momentum μ > 0, as PyTorch does.
public final class SGD {
    /// The parameter groups; `parameters` lists all their tensors.
    public let groups: [ParameterGroup]
    /// Learning rate (for groups without their own).
    public var lr: Float
    /// Momentum μ (0 for plain SGD).
    public let momentum: Float
    /// L2 penalty λ (for groups without their own).
    public let weightDecay: Float
    private var velocities: [ObjectIdentifier: Tensor] = [:]

    /// Every parameter being trained.
    public var parameters: [Tensor] { groups.flatMap(\.parameters) }

    /// An optimizer for `parameters`.
    public convenience init(_ parameters: [Tensor], lr: Float, momentum: Float = 0, weightDecay: Float = 0) {
        self.init(groups: [ParameterGroup(parameters)], lr: lr, momentum: momentum, weightDecay: weightDecay)
    }

    /// An optimizer for groups of parameters with their own settings.
    public init(groups: [ParameterGroup], lr: Float, momentum: Float = 0, weightDecay: Float = 0) {
        check(lr > 0, "SGD: learning rate must be positive, got \(lr)")
        check(groups.allSatisfy { $0.parameters.allSatisfy(\.requiresGrad) }, "SGD: every parameter must require gradients")
        self.groups = groups
        self.lr = lr
        self.momentum = momentum
        self.weightDecay = weightDecay
    }

    /// Clears the gradients, as `optimizer.zero_grad()`: by default it drops them (`grad` becomes
    /// `nil`, PyTorch's `set_to_none=True`), so the next `backward()` stores its gradient instead of
    /// adding it to zeros; `setToNone: false` fills them with zeros instead.
    public func zeroGrad(setToNone: Bool = true) {
        for p in parameters {
            if setToNone { p.grad = nil } else { p.grad?.zero() }
        }
    }

    /// One update from the current gradients (parameters without a gradient are skipped).
    public func step() {
        noGrad {
            for group in groups {
                let rate = group.lr ?? lr, decay = group.weightDecay ?? weightDecay
                for p in group.parameters {
                    guard var g = p.grad else { continue }
                    if decay != 0 { g = g + decay * p }
                    if momentum != 0 {
                        let key = ObjectIdentifier(p)
                        if let v = velocities[key] {
                            v *= momentum
                            v += g
                        } else {
                            velocities[key] = g.clone()
                        }
                        g = velocities[key]!
                    }
                    // One pass without a temporary when the layout allows (values are the same).
                    if p.isContiguous && g.shape == p.shape && g.storage !== p.storage {
                        p.subtractScaledInPlace(g, scale: rate)
                    } else {
                        p -= rate * g
                    }
                }
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
