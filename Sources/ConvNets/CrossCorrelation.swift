import D2L

/// §6.2 Convolutions for images, from scratch.
public enum CrossCorrelation {
    /// The 2-d cross-correlation of `X` [h, w] with kernel `K` [kh, kw], as the book's `corr2d`
    /// (§6.2.1): output (i, j) is the sum of the window of X at (i, j) times K. Built from tensor
    /// slices, so autograd differentiates it (slow, but it is the definition).
    public static func corr2d(_ X: Tensor, _ K: Tensor) -> Tensor {
        let (h, w) = (K.shape[0], K.shape[1])
        var rows: [Tensor] = []
        for i in 0..<(X.shape[0] - h + 1) {
            var row: [Tensor] = []
            for j in 0..<(X.shape[1] - w + 1) {
                row.append((X[i..<(i + h), j..<(j + w)] * K).sum())
            }
            rows.append(Tensor.stack(row))
        }
        return Tensor.stack(rows)
    }

    /// A convolution layer from scratch (§6.2.2): a kernel and a scalar bias, `corr2d(x, w) + b`.
    public final class Conv2D: Module, Layer {
        /// The kernel.
        @Parameter public var weight: Tensor
        /// One bias for all positions.
        @Parameter public var bias: Tensor

        /// A layer with a `kernelSize` kernel drawn from U(0, 1), as `torch.rand`.
        public init(kernelSize: (Int, Int), generator: RandomGenerator = .global) {
            weight = Tensor.rand([kernelSize.0, kernelSize.1], generator: generator)
            bias = Tensor.zeros([1])
            super.init()
        }

        /// corr2d(x, weight) + bias.
        public func forward(_ x: Tensor) -> Tensor { CrossCorrelation.corr2d(x, weight) + bias }
    }

    /// The book's 6×8 image: ones with a band of zeros in columns 2–5 (§6.2.3).
    public static func edgeImage() -> Tensor {
        let X = Tensor.ones([6, 8])
        X[..., 2..<6] = 0
        return X
    }

    /// The edge-detecting kernel [1, −1] (§6.2.3).
    public static let edgeKernel = Tensor([[1.0, -1.0]])

    /// Learns a 1×2 kernel mapping `X` to `Y` by gradient descent on the squared error, as
    /// §6.2.4 does with `nn.Conv2d(1, 1, kernel_size=(1, 2), bias=False)` and lr 3e-2.
    /// Returns the kernel and the loss after every second epoch.
    /// - Throws: `TrainingDiverged` when the loss becomes NaN, infinite or 100× the first (a
    ///   learning rate far too large).
    public static func learnKernel(_ X: Tensor, _ Y: Tensor, epochs: Int = 10, lr: Float = 3e-2,
                                   generator: RandomGenerator = .global) throws -> (kernel: Tensor, losses: [(Int, Float)]) {
        let conv = Conv2d(1, 1, kernelSize: (1, 2), bias: false, generator: generator)
        let input = X.reshape(1, 1, X.shape[0], X.shape[1]), target = Y.reshape(1, 1, Y.shape[0], Y.shape[1])
        var losses: [(Int, Float)] = []
        var divergence = DivergenceCheck(learningRate: Double(lr))
        for i in 0..<epochs {
            let diff = conv(input) - target
            let l = diff * diff
            try divergence.check(l, epoch: i, batch: 0, of: 1)
            conv.weight.grad?.zero()
            l.sum().backward()
            noGrad { conv.weight -= lr * conv.weight.grad! }
            if (i + 1) % 2 == 0 { losses.append((i + 1, l.sum().item())) }
        }
        return (conv.weight.detach().reshape(1, 2), losses)
    }
}
