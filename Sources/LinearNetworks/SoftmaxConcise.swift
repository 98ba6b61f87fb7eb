import D2L

/// §3.7 Concise softmax regression: `Flatten` + `Linear(784, 10)`, `CrossEntropyLoss` (which
/// includes the softmax, computed stably) and `SGD`.
public enum SoftmaxConcise {
    /// The network with weights N(0, 0.01²), as the book's `init_weights` applied to every
    /// `Linear` layer.
    public static func makeNet(generator: RandomGenerator = .global) -> Sequential {
        let net = Sequential {
            Flatten()
            Linear(784, 10, generator: generator)
        }
        net.apply { module in
            if let linear = module as? Linear { Init.normal(linear.weight, std: 0.01, generator: generator) }
        }
        return net
    }

    /// Trains for `numEpochs` with SGD at `lr` and returns the network and the final figures.
    /// - Throws: `TrainingDiverged` when a minibatch loss is NaN, infinite or far above the first.
    public static func train(_ trainIter: DataLoader, _ testIter: DataLoader, numEpochs: Int = 10,
                             lr: Float = 0.1, generator: RandomGenerator = .global,
                             figureName: String = "chapter3-softmax.svg") throws -> (Sequential, TrainingResult) {
        let net = makeNet(generator: generator)
        let loss = CrossEntropyLoss(reduction: .none)
        let trainer = SGD(net.parameters(), lr: lr)
        let result = try trainCh3(net, trainIter, testIter, loss: { loss($0, $1) }, numEpochs: numEpochs,
                                  updater: .optimizer(trainer), figureName: figureName)
        return (net, result)
    }
}
