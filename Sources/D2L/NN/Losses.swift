import Foundation

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
/// never underflow to log 0 (the "LogSumExp trick" of §3.7.2). Forward and backward are each one
/// pass over the scores (PyTorch's `log_softmax` + `nll_loss`, fused): the gradient of row i is
/// gᵢ·(softmax(oᵢ) − onehot(yᵢ)).
public struct CrossEntropyLoss {
    /// How per-example losses are combined.
    public let reduction: Reduction

    /// A loss with the given reduction.
    public init(reduction: Reduction = .mean) { self.reduction = reduction }

    /// The loss of scores `logits` [n, classes] against `labels` [n] (`int64`).
    public func callAsFunction(_ logits: Tensor, _ labels: Tensor) -> Tensor {
        check(logits.ndim == 2 && labels.ndim == 1 && logits.shape[0] == labels.shape[0],
              "CrossEntropyLoss: expects logits [n, classes] and labels [n], got \(logits.shape) and \(labels.shape)")
        let n = logits.shape[0], classes = logits.shape[1]
        check(classes > 0 || n == 0, "CrossEntropyLoss: logits of shape \(logits.shape) have no classes")
        let scores = logits.isContiguous ? logits : logits.contiguousCopy()
        let targets = labels.isContiguous ? labels : labels.contiguousCopy()
        let o = scores.base, t = targets.base
        // Per row: the largest score m, the label, and s = Σ exp(o − m); loss = log s − (o_y − m).
        let losses = Tensor(uninitializedShape: [n])
        var rowMax = [Float](repeating: 0, count: n), rowSum = [Float](repeating: 0, count: n)
        var picked = [Int](repeating: 0, count: n)
        let out = losses.storage.pointer
        for i in 0..<n {
            let label = Int(t[i])
            check(Float(label) == t[i] && label >= 0 && label < classes,
                  "CrossEntropyLoss: label \(t[i]) of example \(i) is not a class index in 0..<\(classes)")
            picked[i] = label
            let row = o + i * classes
            var m = row[0]
            for j in 1..<Swift.max(classes, 1) where row[j] > m { m = row[j] }
            var sum: Float = 0
            for j in 0..<classes { sum += fastExp(row[j] - m) }
            rowMax[i] = m
            rowSum[i] = sum
            out[i] = Foundation.log(sum) - (row[label] - m)
        }
        // The backward reuses m and s of every row, and holds `scores` so its values stay alive.
        let result = Tensor.record(losses, "NllLossBackward0", inputs: [logits]) { [rowMax, rowSum, picked] g in
            let grad = Tensor(uninitializedShape: [n, classes])
            let o = scores.base, d = grad.storage.pointer, gBase = g.base, gStride = g.strides.first ?? 0
            for i in 0..<n {
                let row = o + i * classes, dRow = d + i * classes
                let gi = gBase[i * gStride], m = rowMax[i], scale = gi / rowSum[i]
                for j in 0..<classes { dRow[j] = scale * fastExp(row[j] - m) }
                dRow[picked[i]] -= gi
            }
            return [grad]
        }
        return reduction.apply(result)
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
