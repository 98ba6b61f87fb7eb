/// Trains `net` on one minibatch with `trainer`: gradients of the summed loss, then a step.
/// Returns the summed loss and the number of correct predictions.
///
/// d2l: `train_batch_ch13(net, X, y, loss, trainer, devices)` (§13.1.2). `loss` returns one value
/// per example (`reduction: .none`). The network is switched to training mode, as the book's
/// `net.train()`; there is one CPU, so no `devices`. The same step runs every batch of
/// `trainCh3`'s epoch.
public func trainBatchCh13(_ net: any Layer, _ X: Tensor, _ y: Tensor, loss: (Tensor, Tensor) -> Tensor,
                           trainer: any Optimizer) -> (lossSum: Double, correct: Double) {
    net.train()
    return trainBatch({ net($0) }, X, y, loss: loss, updater: .optimizerOnSum(trainer))
}

/// Trains `net` for `numEpochs` with `trainer` on the summed loss, evaluating on `testIter`
/// after each epoch; `augmentation`, when given, is applied to every training batch with its own
/// draws from `generator`.
///
/// d2l: `train_ch13(net, train_iter, test_iter, loss, trainer, num_epochs, devices)` (§13.1.2),
/// whose loader applies the augmentation per example (`train_augs`); here it is applied per
/// batch, each image with its own draw, which is the same thing. Plots the running train loss and
/// accuracy five times an epoch and the test accuracy after it, prints the book's result line
/// and `… examples/sec on CPU`, and writes the curves to `figureName`.
/// - Throws: `TrainingDiverged` when a minibatch loss blows up.
@discardableResult
public func trainCh13<Batches: BatchSequence>(
    _ net: any Layer, _ trainIter: Batches, _ testIter: DataLoader, loss: (Tensor, Tensor) -> Tensor,
    trainer: any Optimizer, numEpochs: Int, augmentation: (any ImageAugmentation)? = nil,
    generator: RandomGenerator = .global, figureName: String = "train_ch13.svg"
) throws -> TrainingResult where Batches.Element == (Tensor, Tensor) {
    let batches = AugmentedBatches(base: trainIter, augmentation: augmentation, generator: generator)
    return try trainClassifier({ net($0) }, setMode: { net.train($0) }, batches, testIter, loss: loss,
                               numEpochs: numEpochs, updater: .optimizerOnSum(trainer), pointsPerEpoch: 5,
                               yLimits: 0...1, learningRate: nil, figureName: figureName)
}

/// The batches of `base` with `augmentation` applied to each batch's images (labels unchanged).
struct AugmentedBatches<Base: BatchSequence>: BatchSequence where Base.Element == (Tensor, Tensor) {
    let base: Base
    let augmentation: (any ImageAugmentation)?
    let generator: RandomGenerator

    var count: Int { base.count }

    func makeIterator() -> AnyIterator<(Tensor, Tensor)> {
        var iterator = base.makeIterator()
        return AnyIterator {
            guard let (X, y) = iterator.next() else { return nil }
            guard let augmentation else { return (X, y) }
            return (augmentation(X, generator: generator), y)
        }
    }
}
