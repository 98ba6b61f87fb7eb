import D2L

/// §3.2 Linear regression from scratch: synthetic data, a hand-written minibatch reader, the
/// model, the loss and minibatch SGD.
public enum LinearRegressionScratch {
    /// The book's true parameters, w = [2, −3.4] and b = 4.2.
    public static let trueW = Tensor([2, -3.4])
    /// See `trueW`.
    public static let trueB: Float = 4.2

    /// Minibatches of `batchSize` examples in a random order, as the book's generator
    /// `data_iter` (the last batch may be smaller).
    public static func dataIter(batchSize: Int, _ features: Tensor, _ labels: Tensor,
                                generator: RandomGenerator = .global) -> [(Tensor, Tensor)] {
        let n = features.shape[0]
        var indices = Array(0..<n)
        generator.shuffle(&indices)
        return stride(from: 0, to: n, by: batchSize).map { start in
            let batch = Tensor(Array(indices[start..<Swift.min(start + batchSize, n)]))
            return (features[batch], labels[batch])
        }
    }

    /// Trains w and b from w ~ N(0, 0.01²), b = 0 with the book's loop and returns them with the
    /// loss on all data after each epoch.
    /// - Throws: `TrainingDiverged` at the first minibatch whose loss is NaN, infinite or over
    ///   100× the first (a learning rate far too large).
    public static func train(features: Tensor, labels: Tensor, lr: Float = 0.03, numEpochs: Int = 3,
                             batchSize: Int = 10, generator: RandomGenerator = .global) throws
        -> (w: Tensor, b: Tensor, epochLosses: [Float]) {
        let w = Tensor.normal(mean: 0, std: 0.01, shape: [2, 1], generator: generator, requiresGrad: true)
        let b = Tensor.zeros([1], requiresGrad: true)
        var losses: [Float] = []
        var divergence = DivergenceCheck(learningRate: Double(lr))
        for epoch in 0..<numEpochs {
            let batches = dataIter(batchSize: batchSize, features, labels, generator: generator)
            for (i, (X, y)) in batches.enumerated() {
                let l = squaredLoss(linreg(X, w, b), y)
                try divergence.check(l, epoch: epoch, batch: i, of: batches.count)
                l.sum().backward()
                sgd([w, b], lr: lr, batchSize: batchSize)
            }
            losses.append(noGrad { squaredLoss(linreg(features, w, b), labels).mean().item() })
        }
        return (w, b, losses)
    }
}
