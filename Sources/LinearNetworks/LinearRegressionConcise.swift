import D2L

/// §3.3 Concise linear regression: the same model with `Linear`, `MSELoss` and `SGD`.
public enum LinearRegressionConcise {
    /// Trains `Sequential { Linear(2, 1) }` (weights N(0, 0.01²), bias 0) and returns the
    /// network with the loss on all data after each epoch.
    /// - Throws: `TrainingDiverged` at the first minibatch whose loss is NaN, infinite or over
    ///   100× the first (a learning rate far too large).
    public static func train(features: Tensor, labels: Tensor, lr: Float = 0.03, numEpochs: Int = 3,
                             batchSize: Int = 10, generator: RandomGenerator = .global) throws
        -> (net: Sequential, epochLosses: [Float]) {
        let dataIter = loadArray(features, labels, batchSize: batchSize, generator: generator)
        let net = Sequential { Linear(2, 1, generator: generator) }
        let layer = net[0] as! Linear
        Init.normal(layer.weight, mean: 0, std: 0.01, generator: generator)
        Init.zeros(layer.bias!)
        let loss = MSELoss()
        let trainer = SGD(net.parameters(), lr: lr)
        var losses: [Float] = []
        var divergence = DivergenceCheck(learningRate: Double(lr))
        for epoch in 0..<numEpochs {
            for (i, (X, y)) in dataIter.enumerated() {
                let l = loss(net(X), y)
                try divergence.check(l, epoch: epoch, batch: i, of: dataIter.count)
                trainer.zeroGrad()
                l.backward()
                trainer.step()
            }
            losses.append(noGrad { loss(net(features), labels).item() })
        }
        return (net, losses)
    }
}
