/// How a loss combines the per-example values.
public enum Reduction: Sendable {
    /// One value per example.
    case none
    /// Their mean (PyTorch's default).
    case mean
    /// Their sum.
    case sum

    func apply(_ losses: Tensor) -> Tensor {
        switch self {
        case .none: return losses
        case .mean: return losses.mean()
        case .sum: return losses.sum()
        }
    }
}

/// Cross-entropy between raw scores (logits) and class labels, softmax included.
///
/// d2l: `nn.CrossEntropyLoss(reduction='none')` (§3.7). Computed as logsumexp(o) − o_y with the
/// largest score subtracted first, so large logits never overflow exp and tiny probabilities
/// never underflow to log 0 (the "LogSumExp trick" of §3.7.2).
public struct CrossEntropyLoss {
    /// How per-example losses are combined.
    public let reduction: Reduction

    /// A loss with the given reduction.
    public init(reduction: Reduction = .mean) { self.reduction = reduction }

    /// The loss of scores `logits` [n, classes] against `labels` [n] (`int64`).
    public func callAsFunction(_ logits: Tensor, _ labels: Tensor) -> Tensor {
        check(logits.ndim == 2 && labels.ndim == 1 && logits.shape[0] == labels.shape[0],
              "CrossEntropyLoss: expects logits [n, classes] and labels [n], got \(logits.shape) and \(labels.shape)")
        let shift = logits.max(axis: 1, keepDims: true).detach()
        let shifted = logits - shift
        let logSumExp = shifted.exp().sum(axis: 1).log()
        let picked = shifted[Tensor.arange(labels.shape[0]), labels.to(.int64)]
        return reduction.apply(logSumExp - picked)
    }
}

/// Squared error (ŷ − y)², as `nn.MSELoss` (§3.3). Note: no factor ½, unlike `squaredLoss`.
public struct MSELoss {
    /// How per-element losses are combined.
    public let reduction: Reduction

    /// A loss with the given reduction.
    public init(reduction: Reduction = .mean) { self.reduction = reduction }

    /// The loss of predictions against targets of the same shape.
    public func callAsFunction(_ prediction: Tensor, _ target: Tensor) -> Tensor {
        check(prediction.shape == target.shape,
              "MSELoss: prediction \(prediction.shape) and target \(target.shape) must have the same shape")
        let d = prediction - target
        return reduction.apply(d * d)
    }
}
