import Foundation

/// What `trainEpochCh3` and the later training loops need of an optimizer, as
/// `torch.optim.Optimizer`: clear the gradients, then update from them.
public protocol Optimizer: AnyObject {
    /// Sets every parameter's gradient to zero.
    func zeroGrad()
    /// Updates every parameter from its gradient.
    func step()
}

extension SGD: Optimizer {}
extension Adam: Optimizer {}

/// How `trainEpochCh3` updates the parameters after each batch.
public enum Updater {
    /// A `torch.optim`-style optimizer: gradients of the mean loss, then `step()`.
    case optimizer(any Optimizer)
    /// The book's from-scratch updater, called with the batch size after gradients of the summed
    /// loss, e.g. `{ sgd([W, b], lr: 0.1, batchSize: $0) }`.
    case custom((Int) -> Void)
}

/// One pass over `trainIter`: forward, loss, backward, update. Returns the mean training loss
/// and the training accuracy of the epoch.
///
/// d2l: `train_epoch_ch3(net, train_iter, loss, updater)` (§3.6). `loss` returns one value per
/// example (`reduction: .none`).
public func trainEpochCh3(_ net: (Tensor) -> Tensor, _ trainIter: DataLoader,
                          loss: (Tensor, Tensor) -> Tensor, updater: Updater) -> (loss: Double, accuracy: Double) {
    var metric = Accumulator(3)  // summed loss, number correct, number of examples
    for (X, y) in trainIter {
        let yHat = net(X)
        let l = loss(yHat, y)
        switch updater {
        case .optimizer(let optimizer):
            optimizer.zeroGrad()
            l.mean().backward()
            optimizer.step()
        case .custom(let update):
            l.sum().backward()
            update(X.shape[0])
        }
        metric.add(Double(l.detach().sum().item()), accuracy(yHat.detach(), y), Double(y.count))
    }
    return (metric[0] / metric[2], metric[1] / metric[2])
}

/// Final figures of a training run.
public struct TrainingResult {
    /// Mean training loss of the last epoch.
    public let trainLoss: Double
    /// Training accuracy of the last epoch.
    public let trainAccuracy: Double
    /// Accuracy on the test set after the last epoch.
    public let testAccuracy: Double
    /// Training examples processed per second, averaged over all epochs.
    public let examplesPerSecond: Double

    /// The book's result line: `loss 0.447, train acc 0.848, test acc 0.834`.
    public var summary: String {
        String(format: "loss %.3f, train acc %.3f, test acc %.3f", trainLoss, trainAccuracy, testAccuracy)
    }
}

/// Trains for `numEpochs`, evaluating on `testIter` after each epoch, with a live progress line
/// and the curves written to `figureName` (an SVG under `figuresDirectory`).
///
/// d2l: `train_ch3(net, train_iter, test_iter, loss, num_epochs, updater)` (§3.6). Prints the
/// book's result line and the training speed at the end.
@discardableResult
public func trainCh3(_ net: (Tensor) -> Tensor, _ trainIter: DataLoader, _ testIter: DataLoader,
                     loss: (Tensor, Tensor) -> Tensor, numEpochs: Int, updater: Updater,
                     setMode: (Bool) -> Void = { _ in }, figureName: String = "train_ch3.svg") throws -> TrainingResult {
    let animator = Animator(xLabel: "epoch", legend: ["train loss", "train acc", "test acc"],
                            xLimits: 1...Double(Swift.max(numEpochs, 2)), yLimits: 0.3...0.9, name: figureName)
    let timer = Timer()
    var last = (loss: 0.0, accuracy: 0.0), testAccuracy = 0.0, examples = 0
    for epoch in 0..<numEpochs {
        timer.start()
        setMode(true)
        last = trainEpochCh3(net, trainIter, loss: loss, updater: updater)
        timer.stop()
        examples += trainIter.exampleCount
        setMode(false)
        testAccuracy = evaluateAccuracy(net, testIter)
        animator.add(Double(epoch + 1), [last.loss, last.accuracy, testAccuracy])
    }
    setMode(true)
    let figure = try animator.finish()
    let result = TrainingResult(trainLoss: last.loss, trainAccuracy: last.accuracy, testAccuracy: testAccuracy,
                                examplesPerSecond: Double(examples) / timer.sum())
    print(result.summary)
    print(String(format: "%.1f examples/sec on CPU", result.examplesPerSecond))
    print("training curves written to \(figure.path)")
    return result
}

/// `trainCh3` for a module: training mode while training, evaluation mode while testing.
@discardableResult
public func trainCh3(_ net: Module, _ trainIter: DataLoader, _ testIter: DataLoader,
                     loss: (Tensor, Tensor) -> Tensor, numEpochs: Int, updater: Updater,
                     figureName: String = "train_ch3.svg") throws -> TrainingResult {
    try trainCh3({ net($0) }, trainIter, testIter, loss: loss, numEpochs: numEpochs, updater: updater,
                 setMode: { net.train($0) }, figureName: figureName)
}

/// Predicts the first `n` images of the test set and writes them in a grid titled with the true
/// and the predicted label; returns the figure's location.
///
/// d2l: `predict_ch3(net, test_iter, n=6)` (§3.6).
@discardableResult
public func predictCh3(_ net: (Tensor) -> Tensor, _ testIter: DataLoader, n: Int = 6,
                       name: String = "predict_ch3.svg") throws -> URL {
    var iterator = testIter.makeIterator()
    guard let (X, y) = iterator.next() else { failCheck("predictCh3: the test loader is empty") }
    let count = Swift.min(n, X.shape[0])
    let predicted = noGrad { net(X).argmax(axis: 1) }
    let trues = getFashionMNISTLabels(y.toIntArray())
    let preds = getFashionMNISTLabels(predicted.toIntArray())
    let titles = (0..<count).map { "\(trues[$0])\n\(preds[$0])" }
    return try showImages(X[0..<count], numRows: 1, numCols: count, titles: titles, name: name)
}
