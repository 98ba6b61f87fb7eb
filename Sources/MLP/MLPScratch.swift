import D2L

/// §4.2 An MLP from scratch: one hidden layer of 256 ReLU units on Fashion-MNIST.
public final class MLPScratch {
    /// Input to hidden weights [784, 256] and biases.
    public let W1: Tensor, b1: Tensor
    /// Hidden to output weights [256, 10] and biases.
    public let W2: Tensor, b2: Tensor

    /// Weights N(0, 0.01²), biases zero, as the book initialises them.
    public init(inputs: Int = 784, hiddens: Int = 256, outputs: Int = 10, generator: RandomGenerator = .global) {
        W1 = Tensor.normal(mean: 0, std: 0.01, shape: [inputs, hiddens], generator: generator, requiresGrad: true)
        b1 = Tensor.zeros([hiddens], requiresGrad: true)
        W2 = Tensor.normal(mean: 0, std: 0.01, shape: [hiddens, outputs], generator: generator, requiresGrad: true)
        b2 = Tensor.zeros([outputs], requiresGrad: true)
    }

    /// All four parameters, for the optimizer.
    public var parameters: [Tensor] { [W1, b1, W2, b2] }

    /// max(X, 0), written out as the book's `relu` (§4.2.2).
    public static func relu(_ X: Tensor) -> Tensor { Tensor.maximum(X, Tensor.zerosLike(X)) }

    /// Flattens the images, then ReLU(XW₁ + b₁)W₂ + b₂: raw scores for the 10 classes.
    public func net(_ X: Tensor) -> Tensor {
        let H = MLPScratch.relu(matmul(X.reshape(-1, W1.shape[0]), W1) + b1)
        return matmul(H, W2) + b2
    }
}

/// §4.3 The concise MLP: `Flatten`, `Linear(784, 256)`, `ReLU`, `Linear(256, 10)`, weights
/// initialised N(0, 0.01²).
public enum MLPConcise {
    /// The network, initialised as the book does.
    public static func makeNet(generator: RandomGenerator = .global) -> Sequential {
        let net = Sequential {
            Flatten()
            Linear(784, 256, generator: generator)
            ReLU()
            Linear(256, 10, generator: generator)
        }
        initNormal(net, generator: generator)
        return net
    }

    /// Sets every `Linear` weight in `net` to N(0, 0.01²), as the book's `init_weights`.
    public static func initNormal(_ net: Module, generator: RandomGenerator = .global) {
        net.apply { if let l = $0 as? Linear { Init.normal(l.weight, std: 0.01, generator: generator) } }
    }
}
