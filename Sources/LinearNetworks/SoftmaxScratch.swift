import D2L

/// §3.6 Softmax regression from scratch on Fashion-MNIST.
public enum SoftmaxScratch {
    /// Row-wise softmax exp(xᵢⱼ) / Σⱼ exp(xᵢⱼ), written plainly as the book does (§3.6.2).
    /// It overflows for large inputs; exercise 3.6.1 asks for a safe version.
    public static func softmax(_ X: Tensor) -> Tensor {
        let e = X.exp()
        return e / e.sum(axis: 1, keepDims: true)
    }

    /// −log of the probability each row assigns to its true class, as `cross_entropy` (§3.6.4),
    /// picked with fancy indexing `y_hat[range(len(y_hat)), y]`.
    public static func crossEntropy(_ yHat: Tensor, _ y: Tensor) -> Tensor {
        -yHat[Tensor.arange(yHat.shape[0]), y].log()
    }

    /// The model's parameters: W [784, 10] ~ N(0, 0.01²) and b = 0 (§3.6.1).
    public final class Parameters {
        /// Weights, one column per class.
        public let W: Tensor
        /// Biases, one per class.
        public let b: Tensor

        /// Fresh parameters for `inputs` features and `outputs` classes.
        public init(inputs: Int = 784, outputs: Int = 10, generator: RandomGenerator = .global) {
            W = Tensor.normal(mean: 0, std: 0.01, shape: [inputs, outputs], generator: generator, requiresGrad: true)
            b = Tensor.zeros([outputs], requiresGrad: true)
        }

        /// softmax(XW + b) with each image flattened, as the book's `net(X)` (§3.6.3).
        public func net(_ X: Tensor) -> Tensor {
            softmax(matmul(X.reshape(-1, W.shape[0]), W) + b)
        }
    }

    /// Trains for `numEpochs` with the book's `updater` (minibatch SGD, lr 0.1) and returns the
    /// parameters and the final figures.
    /// - Throws: `TrainingDiverged` when a minibatch loss is NaN, infinite or far above the first.
    public static func train(_ trainIter: DataLoader, _ testIter: DataLoader, numEpochs: Int = 10,
                             lr: Float = 0.1, generator: RandomGenerator = .global,
                             figureName: String = "chapter3-softmax-scratch.svg") throws -> (Parameters, TrainingResult) {
        let params = Parameters(generator: generator)
        let result = try trainCh3(params.net, trainIter, testIter, loss: crossEntropy, numEpochs: numEpochs,
                                  updater: .custom { sgd([params.W, params.b], lr: lr, batchSize: $0) },
                                  learningRate: Double(lr), figureName: figureName)
        return (params, result)
    }
}
