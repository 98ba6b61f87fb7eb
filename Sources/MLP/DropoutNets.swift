import D2L

/// §4.6 Dropout from scratch: two hidden layers of 256 units with dropout 0.2 and 0.5 after
/// them, applied only while training.
public final class DropoutScratchNet: Module, Layer {
    let lin1: Linear, lin2: Linear, lin3: Linear
    /// Drop probabilities after the first and second hidden layers.
    public let dropout1: Float, dropout2: Float
    private let generator: RandomGenerator

    /// The book's `Net(num_inputs, num_outputs, num_hiddens1, num_hiddens2, is_training)`.
    public init(inputs: Int = 784, outputs: Int = 10, hiddens1: Int = 256, hiddens2: Int = 256,
                dropout1: Float = 0.2, dropout2: Float = 0.5, generator: RandomGenerator = .global) {
        lin1 = Linear(inputs, hiddens1, generator: generator)
        lin2 = Linear(hiddens1, hiddens2, generator: generator)
        lin3 = Linear(hiddens2, outputs, generator: generator)
        self.dropout1 = dropout1
        self.dropout2 = dropout2
        self.generator = generator
        super.init()
    }

    /// Flatten, two ReLU layers each followed by `dropoutLayer` when training, then the output layer.
    public func forward(_ x: Tensor) -> Tensor {
        var H = lin1(x.reshape(-1, lin1.weight.shape[1])).relu()
        if isTraining { H = dropoutLayer(H, dropout1, generator: generator) }
        H = lin2(H).relu()
        if isTraining { H = dropoutLayer(H, dropout2, generator: generator) }
        return lin3(H)
    }
}

/// §4.6.5 Concise dropout: the same network with `Dropout` layers, weights N(0, 0.01²).
public enum DropoutConcise {
    /// The network, initialised as the book does.
    public static func makeNet(generator: RandomGenerator = .global) -> Sequential {
        let net = Sequential {
            Flatten()
            Linear(784, 256, generator: generator)
            ReLU()
            Dropout(0.2, generator: generator)
            Linear(256, 256, generator: generator)
            ReLU()
            Dropout(0.5, generator: generator)
            Linear(256, 10, generator: generator)
        }
        MLPConcise.initNormal(net, generator: generator)
        return net
    }
}
