/// `X` with every entry past each row's valid length set to `value`.
///
/// d2l: `sequence_mask(X, valid_len, value=0)` (§9.7.2). `X` is [N, T, ...]: row i keeps its
/// first `validLen[i]` positions along the second axis, and the rest (with everything behind
/// them on later axes) become `value`. The kept entries pass their gradient through.
public func sequenceMask(_ X: Tensor, validLen: Tensor, value: Float = 0) -> Tensor {
    check(X.ndim >= 2 && validLen.ndim == 1 && validLen.shape[0] == X.shape[0],
          "sequenceMask: expects X [N, T, ...] and validLen [N], got \(X.shape) and \(validLen.shape)")
    let rows = X.shape[0], maxLen = X.shape[1]
    let lengths = validLen.toArray()
    var padding = [Float](repeating: 0, count: rows * maxLen)
    for i in 0..<rows {
        for t in 0..<maxLen where Float(t) >= lengths[i] { padding[i * maxLen + t] = 1 }
    }
    let mask = Tensor(shape: [rows, maxLen] + Array(repeating: 1, count: X.ndim - 2), values: padding, dtype: .bool)
    return X.maskedFill(mask, value: value)
}

/// Softmax cross-entropy that ignores the padding of each target sequence.
///
/// d2l: `MaskedSoftmaxCELoss` (§9.7.2), the book's subclass of
/// `nn.CrossEntropyLoss(reduction='none')`. For predictions [N, T, V], labels [N, T] and valid
/// lengths [N], the loss of each token is weighted 1 within the valid length and 0 past it, and
/// the weighted losses are averaged over the T steps: one value per sequence, [N]. Dividing by
/// T rather than by the valid length is the book's choice, kept so the printed loss matches.
public struct MaskedSoftmaxCELoss {
    /// The loss.
    public init() {}

    /// Per-sequence losses [N] of `pred` [N, T, V] against `label` [N, T] with `validLen` [N].
    public func callAsFunction(_ pred: Tensor, _ label: Tensor, _ validLen: Tensor) -> Tensor {
        check(pred.ndim == 3 && label.shape == Array(pred.shape.prefix(2)),
              "MaskedSoftmaxCELoss: expects pred [N, T, V] and label [N, T], got \(pred.shape) and \(label.shape)")
        let weights = sequenceMask(Tensor.onesLike(label, dtype: .float32), validLen: validLen)
        let n = pred.shape[0], steps = pred.shape[1]
        let unweighted = CrossEntropyLoss(reduction: .none)(pred.reshape([-1, pred.shape[2]]), label.reshape([-1]))
        return (unweighted.reshape([n, steps]) * weights).mean(axis: 1)
    }
}
