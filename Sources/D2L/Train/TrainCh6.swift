/// Trains a model with minibatch SGD and cross-entropy, evaluating on `testIter` after each
/// epoch, with a progress line and the curves written as SVG.
///
/// d2l: `train_ch6(net, train_iter, test_iter, num_epochs, lr, device)` (§6.6). As the book does,
/// it first re-initialises every `Linear` and `Conv2d` weight with Xavier-uniform, and plots the
/// running train loss and accuracy five times an epoch. It runs the same epoch loop as
/// `trainCh3`; unlike the book it runs on the CPU, so it takes no `device`, and prints
/// `… examples/sec on CPU`. The test accuracy is the book's `evaluate_accuracy_gpu`, here
/// `evaluateAccuracy`.
/// - Throws: `TrainingDiverged` when a minibatch loss blows up (a learning rate far too large).
@discardableResult
public func trainCh6<Batches: BatchSequence>(
    _ net: any Layer, _ trainIter: Batches, _ testIter: DataLoader, numEpochs: Int, lr: Float,
    generator: RandomGenerator = .global, figureName: String = "train_ch6.svg"
) throws -> TrainingResult where Batches.Element == (Tensor, Tensor) {
    net.apply { module in
        if let linear = module as? Linear { Init.xavierUniform(linear.weight, generator: generator) }
        if let conv = module as? Conv2d { Init.xavierUniform(conv.weight, generator: generator) }
    }
    let optimizer = SGD(net.trainableParameters(), lr: lr)
    let loss = CrossEntropyLoss(reduction: .none)
    return try trainClassifier({ net($0) }, setMode: { net.train($0) }, trainIter, testIter, loss: { loss($0, $1) },
                               numEpochs: numEpochs, updater: .optimizer(optimizer), pointsPerEpoch: 5,
                               yLimits: nil, learningRate: Double(lr), figureName: figureName)
}
