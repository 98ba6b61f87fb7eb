import Foundation

/// How `trainEpochCh3` updates the parameters after each batch.
public enum Updater {
    /// A `torch.optim`-style optimizer: gradients of the mean loss, then `step()`.
    case optimizer(any Optimizer)
    /// A `torch.optim`-style optimizer stepped on the gradients of the summed loss, as the book's
    /// `train_batch_ch13` does (`l.sum().backward()`, §13.1.2).
    case optimizerOnSum(any Optimizer)
    /// The book's from-scratch updater, called with the batch size after gradients of the summed
    /// loss, e.g. `{ sgd([W, b], lr: 0.1, batchSize: $0) }`.
    case custom((Int) -> Void)

    /// The optimizer's learning rate, for messages; `nil` for a custom updater.
    var learningRate: Double? {
        switch self {
        case .optimizer(let sgd as SGD), .optimizerOnSum(let sgd as SGD): return Double(sgd.lr)
        case .optimizer(let adam as Adam), .optimizerOnSum(let adam as Adam): return Double(adam.lr)
        default: return nil
        }
    }
}

/// One pass over `trainIter`: forward, loss, backward, update. Returns the mean training loss
/// and the training accuracy of the epoch.
///
/// d2l: `train_epoch_ch3(net, train_iter, loss, updater)` (§3.6). `loss` returns one value per
/// example (`reduction: .none`).
/// - Throws: `TrainingDiverged` at the first minibatch whose loss is NaN or infinite, or 100×
///   the first minibatch's.
public func trainEpochCh3<Batches: BatchSequence>(
    _ net: (Tensor) -> Tensor, _ trainIter: Batches, loss: (Tensor, Tensor) -> Tensor, updater: Updater
) throws -> (loss: Double, accuracy: Double) where Batches.Element == (Tensor, Tensor) {
    let run = TrainingRun(numEpochs: 1, batchesPerEpoch: trainIter.count, legend: [], figureName: "",
                          learningRate: updater.learningRate)
    return try trainEpoch(net, trainIter, loss: loss, updater: updater, run: run, epoch: 0, pointsPerEpoch: 0)
}

/// `trainEpochCh3` as epoch `epoch` (from 0) of `run`: its minibatches count towards the run's
/// timer, speed and progress line, and divergence is judged against the run's first minibatch.
///
/// For a loop that trains with the book's `train_epoch_ch3` and records its own curves, such as
/// §4.4's polynomial fit; it adds no point to the figure.
/// - Throws: `TrainingDiverged` at the first minibatch whose loss blows up.
public func trainEpochCh3<Batches: BatchSequence>(
    _ net: (Tensor) -> Tensor, _ trainIter: Batches, loss: (Tensor, Tensor) -> Tensor, updater: Updater,
    run: TrainingRun, epoch: Int
) throws -> (loss: Double, accuracy: Double) where Batches.Element == (Tensor, Tensor) {
    try trainEpoch(net, trainIter, loss: loss, updater: updater, run: run, epoch: epoch, pointsPerEpoch: 0)
}

/// The epoch loop shared by `trainCh3` and `trainCh6`: `pointsPerEpoch` times per epoch it plots
/// the running train loss and accuracy (the book's `train_ch6` plots 5; `train_ch3` plots 0 here
/// and adds its point after the epoch).
func trainEpoch<Batches: BatchSequence>(
    _ net: (Tensor) -> Tensor, _ trainIter: Batches, loss: (Tensor, Tensor) -> Tensor, updater: Updater,
    run: TrainingRun, epoch: Int, pointsPerEpoch: Int
) throws -> (loss: Double, accuracy: Double) where Batches.Element == (Tensor, Tensor) {
    var metric = Accumulator(3)  // summed loss, number correct, number of examples
    let batches = trainIter.count
    run.startEpoch(epoch)
    defer { run.endEpoch() }
    for (i, (X, y)) in trainIter.enumerated() {
        let (lossSum, correct) = trainBatch(net, X, y, loss: loss, updater: updater)
        try run.step(batch: i, size: X.shape[0], loss: lossSum / Double(Swift.max(y.shape.first ?? 1, 1)))
        metric.add(lossSum, correct, Double(y.count))
        if pointsPerEpoch > 0 && ((i + 1) % Swift.max(1, batches / pointsPerEpoch) == 0 || i == batches - 1) {
            run.plot(Double(epoch) + Double(i + 1) / Double(batches), [metric[0] / metric[2], metric[1] / metric[2], nil])
        }
    }
    return (metric[0] / metric[2], metric[1] / metric[2])
}

/// One minibatch of every book trainer: forward, loss, backward, update. Returns the summed
/// loss and the number of correct predictions, as the book's `train_batch_ch13` (§13.1).
func trainBatch(_ net: (Tensor) -> Tensor, _ X: Tensor, _ y: Tensor, loss: (Tensor, Tensor) -> Tensor,
                updater: Updater) -> (lossSum: Double, correct: Double) {
    let yHat = net(X)
    let l = loss(yHat, y)
    switch updater {
    case .optimizer(let optimizer):
        optimizer.zeroGrad()
        l.mean().backward()
        optimizer.step()
    case .optimizerOnSum(let optimizer):
        optimizer.zeroGrad()
        l.sum().backward()
        optimizer.step()
    case .custom(let update):
        l.sum().backward()
        update(X.shape[0])
    }
    return (Double(l.detach().sum().item()), accuracy(yHat.detach(), y))
}

/// Final figures of a training run.
public struct TrainingResult {
    /// Mean training loss of the last epoch.
    public let trainLoss: Double
    /// Training accuracy of the last epoch.
    public let trainAccuracy: Double
    /// Accuracy on the test set after the last epoch.
    public let testAccuracy: Double
    /// Training examples processed per second of training passes, over all epochs.
    public let examplesPerSecond: Double

    /// The book's result line, as `chapter3 softmax` prints it with seed 0: `loss 0.447, train acc 0.849, test acc 0.831`.
    public var summary: String {
        "loss \(formatMetric(trainLoss)), train acc \(formatMetric(trainAccuracy)), test acc \(formatMetric(testAccuracy))"
    }

    /// The book's speed line: `15000.0 examples/sec on CPU`.
    public var speedLine: String { String(format: "%.1f examples/sec on CPU", examplesPerSecond) }
}

/// Trains a classifier for `numEpochs`, evaluating on `testIter` after each, and ends with the
/// result lines and the figure: the body of `trainCh3` and `trainCh6`.
func trainClassifier<Batches: BatchSequence>(
    _ net: (Tensor) -> Tensor, setMode: (Bool) -> Void, _ trainIter: Batches, _ testIter: DataLoader,
    loss: (Tensor, Tensor) -> Tensor, numEpochs: Int, updater: Updater, pointsPerEpoch: Int,
    yLimits: ClosedRange<Double>?, learningRate: Double?, figureName: String
) throws -> TrainingResult where Batches.Element == (Tensor, Tensor) {
    let run = TrainingRun(numEpochs: numEpochs, batchesPerEpoch: trainIter.count,
                          legend: ["train loss", "train acc", "test acc"], yLimits: yLimits, figureName: figureName,
                          learningRate: learningRate ?? updater.learningRate)
    var last = (loss: 0.0, accuracy: 0.0), testAccuracy = 0.0
    for epoch in 0..<numEpochs {
        setMode(true)
        last = try trainEpoch(net, trainIter, loss: loss, updater: updater, run: run, epoch: epoch,
                              pointsPerEpoch: pointsPerEpoch)
        setMode(false)
        testAccuracy = evaluateAccuracy(net, testIter)
        let trainPoint: [Double?] = pointsPerEpoch > 0 ? [nil, nil] : [last.loss, last.accuracy]
        run.plot(Double(epoch + 1), trainPoint + [testAccuracy])
    }
    setMode(true)
    let result = TrainingResult(trainLoss: last.loss, trainAccuracy: last.accuracy, testAccuracy: testAccuracy,
                                examplesPerSecond: run.speed)
    run.finish([result.summary, result.speedLine])
    return result
}

/// Trains for `numEpochs`, evaluating on `testIter` after each epoch, with a live progress line
/// and the curves written to `figureName` (an SVG under `figuresDirectory`).
///
/// d2l: `train_ch3(net, train_iter, test_iter, loss, num_epochs, updater)` (§3.6). Prints the
/// book's result line and the training speed, then writes the figure.
/// - Throws: `TrainingDiverged` when a minibatch loss blows up (see `trainEpochCh3`).
@discardableResult
public func trainCh3<Batches: BatchSequence>(
    _ net: (Tensor) -> Tensor, _ trainIter: Batches, _ testIter: DataLoader, loss: (Tensor, Tensor) -> Tensor,
    numEpochs: Int, updater: Updater, setMode: (Bool) -> Void = { _ in }, learningRate: Double? = nil,
    figureName: String = "train_ch3.svg"
) throws -> TrainingResult where Batches.Element == (Tensor, Tensor) {
    try trainClassifier(net, setMode: setMode, trainIter, testIter, loss: loss, numEpochs: numEpochs, updater: updater,
                        pointsPerEpoch: 0, yLimits: 0.3...0.9, learningRate: learningRate, figureName: figureName)
}

/// `trainCh3` for a layer: training mode while training, evaluation mode while testing.
@discardableResult
public func trainCh3<Batches: BatchSequence>(
    _ net: any Layer, _ trainIter: Batches, _ testIter: DataLoader, loss: (Tensor, Tensor) -> Tensor,
    numEpochs: Int, updater: Updater, learningRate: Double? = nil, figureName: String = "train_ch3.svg"
) throws -> TrainingResult where Batches.Element == (Tensor, Tensor) {
    try trainCh3({ net($0) }, trainIter, testIter, loss: loss, numEpochs: numEpochs, updater: updater,
                 setMode: { net.train($0) }, learningRate: learningRate, figureName: figureName)
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
