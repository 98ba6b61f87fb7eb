import D2L

/// §5.1 Layers and modules: the book's custom modules.
public enum BuildersGuide {
    /// The book's `MLP`: a hidden layer of 256 ReLU units and an output layer of 10 (§5.1.1).
    public final class MLP: Module, Layer {
        let hidden: Linear, out: Linear

        /// Layers with PyTorch's default initialisation.
        public init(generator: RandomGenerator = .global) {
            hidden = Linear(20, 256, generator: generator)
            out = Linear(256, 10, generator: generator)
            super.init()
        }

        /// out(ReLU(hidden(X))).
        public func forward(_ x: Tensor) -> Tensor { out(hidden(x).relu()) }
    }

    /// A hand-written `Sequential` (§5.1.2): its layers are kept in order and applied in turn.
    public final class MySequential: Module, Layer {
        let blocks: [any Layer]

        /// Wraps `blocks`, as `MySequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10))`.
        public init(_ blocks: any Layer...) {
            self.blocks = blocks
            super.init()
        }

        /// Feeds `x` through the blocks in order.
        public func forward(_ x: Tensor) -> Tensor {
            var X = x
            for block in blocks { X = block(X) }
            return X
        }
    }

    /// A module with a constant (non-trained) weight and control flow in `forward` (§5.1.3):
    /// the same linear layer is used twice, and the output is halved until its L1 norm is ≤ 1.
    public final class FixedHiddenMLP: Module, Layer {
        /// Random, never updated: it does not require gradients, so it is not a parameter.
        let randWeight: Tensor
        let linear: Linear

        /// The book's module, with a fixed U(0, 1) weight [20, 20].
        public init(generator: RandomGenerator = .global) {
            randWeight = Tensor.rand([20, 20], generator: generator)
            linear = Linear(20, 20, generator: generator)
            super.init()
        }

        /// linear(ReLU(linear(X)·W + 1)), then halved while its absolute sum exceeds 1; returns the sum.
        public func forward(_ x: Tensor) -> Tensor {
            var X = linear(x)
            X = (matmul(X, randWeight) + 1).relu()
            X = linear(X)
            while X.abs().sum().item() > 1 { X = X / 2 }
            return X.sum()
        }
    }

    /// Modules nested inside modules (§5.1.3): a small `Sequential` inside a custom module,
    /// itself inside another `Sequential`.
    public final class NestMLP: Module, Layer {
        let net: Sequential, linear: Linear

        /// The book's nesting.
        public init(generator: RandomGenerator = .global) {
            net = Sequential { Linear(20, 64, generator: generator); ReLU(); Linear(64, 32, generator: generator); ReLU() }
            linear = Linear(32, 16, generator: generator)
            super.init()
        }

        /// linear(net(X)).
        public func forward(_ x: Tensor) -> Tensor { linear(net(x)) }
    }

    /// §5.4 A layer without parameters: subtracts the mean, so its output has mean 0.
    public final class CenteredLayer: Module, Layer {
        /// A centering layer.
        public override init() { super.init() }
        /// X − mean(X).
        public func forward(_ x: Tensor) -> Tensor { x - x.mean() }
    }

    /// §5.4 A layer with parameters: ReLU(XW + b) with W [inUnits, units] and b [units] ~ N(0, 1).
    public final class MyLinear: Module, Layer {
        /// Weights [inUnits, units].
        @Parameter public var weight: Tensor
        /// Biases [units].
        @Parameter public var bias: Tensor

        /// A layer from `inUnits` to `units`.
        public init(_ inUnits: Int, _ units: Int, generator: RandomGenerator = .global) {
            weight = Tensor.randn([inUnits, units], generator: generator)
            bias = Tensor.randn([units], generator: generator)
            super.init()
        }

        /// ReLU(XW + b).
        public func forward(_ x: Tensor) -> Tensor { (matmul(x, weight) + bias).relu() }
    }

    /// §5.2.1.3 A network whose second and third hidden layers are the same `Linear` object:
    /// its parameters are shared and their gradients add up.
    public static func tiedNet(generator: RandomGenerator = .global) -> (net: Sequential, shared: Linear) {
        let shared = Linear(8, 8, generator: generator)
        let net = Sequential {
            Linear(4, 8, generator: generator); ReLU()
            shared; ReLU()
            shared; ReLU()
            Linear(8, 1, generator: generator)
        }
        return (net, shared)
    }

    /// §5.2.2.1 The book's custom initialiser: w ~ U(−10, 10), then zeroed where |w| < 5.
    public static func customInit(_ weight: Tensor, generator: RandomGenerator = .global) {
        Init.uniform(weight, low: -10, high: 10, generator: generator)
        noGrad { weight *= (weight.abs() >= 5).float() }
    }
}
