/// The number of correct predictions: rows of scores `yHat` [n, classes] are turned into their
/// argmax and compared with `y`; a 1-d `yHat` is taken as predicted labels already.
///
/// d2l: `accuracy(y_hat, y)` (§3.6). Returns a count, not a fraction, so batches can be summed.
public func accuracy(_ yHat: Tensor, _ y: Tensor) -> Double {
    let predicted = yHat.ndim > 1 && yHat.shape[1] > 1 ? yHat.argmax(axis: 1) : yHat.reshape(-1)
    check(predicted.count == y.count, "accuracy: \(predicted.count) predictions for \(y.count) labels")
    return Double((predicted.to(.int64) == y.reshape(-1).to(.int64)).sum().item())
}

/// Accuracy of `net` over every batch of `dataIter`, in evaluation mode and without recording
/// gradients.
///
/// d2l: `evaluate_accuracy(net, data_iter)` (§3.6; `evaluate_accuracy_gpu` of §6.6 is the same
/// on the CPU).
public func evaluateAccuracy<Batches: Sequence>(_ net: (Tensor) -> Tensor, _ dataIter: Batches) -> Double
    where Batches.Element == (Tensor, Tensor) {
    var metric = Accumulator(2)
    noGrad {
        for (X, y) in dataIter { metric.add(accuracy(net(X), y), Double(y.count)) }
    }
    return metric[0] / metric[1]
}

/// `evaluateAccuracy` for a layer: switched to evaluation mode for the pass, then restored.
public func evaluateAccuracy<Batches: Sequence>(_ net: any Layer, _ dataIter: Batches) -> Double
    where Batches.Element == (Tensor, Tensor) {
    let wasTraining = net.isTraining
    net.eval()
    defer { net.train(wasTraining) }
    return evaluateAccuracy({ net($0) }, dataIter)
}
