import ArgumentParser
import ChapterSupport
import ConvNets
import D2L

/// `swift run chapter6 <section>`: the book's chapter 6, *Convolutional Neural Networks*.
@main
struct Chapter6: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chapter6",
        abstract: "Chapter 6 of Dive into Deep Learning: Convolutional Neural Networks.",
        subcommands: [Corr2d.self, EdgeDetection.self, LearnKernel.self, PaddingStride.self, ChannelsSection.self,
                      PoolingSection.self, LeNetShapes.self, LeNetSection.self,
                      ChapterReportCommand<Chapter6>.self]
    )
}

/// §6.2.1 The cross-correlation operation.
struct Corr2d: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "corr2d", abstract: "§6.2.1 corr2d on the book's 3×3 input and 2×2 kernel.")
    func run() {
        printSection("6.2.1", "The cross-correlation operation")
        let X = Tensor([[0.0, 1, 2], [3, 4, 5], [6, 7, 8]]), K = Tensor([[0.0, 1], [2, 3]])
        print(CrossCorrelation.corr2d(X, K))
    }
}

/// §6.2.3 Object edge detection in images.
struct EdgeDetection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edge-detection",
        abstract: "§6.2.3 The [1, -1] kernel finds vertical edges, and none in the transposed image.")
    func run() {
        printSection("6.2.3", "Object edge detection in images")
        let X = CrossCorrelation.edgeImage()
        print("X =\n\(X)")
        let Y = CrossCorrelation.corr2d(X, CrossCorrelation.edgeKernel)
        print("Y = corr2d(X, K) =\n\(Y)")
        print("corr2d(X.t(), K) =\n\(CrossCorrelation.corr2d(X.T, CrossCorrelation.edgeKernel))")
    }
}

/// §6.2.4 Learning a kernel.
struct LearnKernel: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "learn-kernel",
        abstract: "§6.2.4 Learn the edge kernel from X and Y by gradient descent (loss every 2 epochs).")
    @Option(help: "Seed for the initial kernel.") var seed: UInt64 = 0
    func run() throws {
        printSection("6.2.4", "Learning a kernel")
        let X = CrossCorrelation.edgeImage()
        let Y = CrossCorrelation.corr2d(X, CrossCorrelation.edgeKernel)
        let (kernel, losses) = try explainingDivergence(bookLR: 3e-2, option: "lr") {
            try CrossCorrelation.learnKernel(X, Y, generator: RandomGenerator(seed: seed))
        }
        for (epoch, loss) in losses { print("epoch \(epoch), loss \(formatMetric(Double(loss)))") }
        print("learned kernel: \(kernel)")
    }
}

/// §6.3 Padding and stride.
struct PaddingStride: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "padding-stride", abstract: "§6.3 Output shapes under padding and stride.")
    func run() {
        printSection("6.3", "Padding and stride")
        let X = Tensor.rand([8, 8]).reshape(1, 1, 8, 8)
        func shape(_ conv: Conv2d) -> [Int] { Array(conv(X).shape.dropFirst(2)) }
        print("Conv2d(1, 1, kernel_size=3, padding=1): \(shape(Conv2d(1, 1, kernelSize: 3, padding: 1)))")
        print("Conv2d(1, 1, kernel_size=(5, 3), padding=(2, 1)): \(shape(Conv2d(1, 1, kernelSize: (5, 3), padding: (2, 1))))")
        print("Conv2d(1, 1, kernel_size=3, padding=1, stride=2): \(shape(Conv2d(1, 1, kernelSize: 3, stride: 2, padding: 1)))")
        print("Conv2d(1, 1, kernel_size=(3, 5), padding=(0, 1), stride=(3, 4)): \(shape(Conv2d(1, 1, kernelSize: (3, 5), stride: (3, 4), padding: (0, 1))))")
    }
}

/// §6.4 Multiple input and output channels.
struct ChannelsSection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "channels", abstract: "§6.4 Several input and output channels, and 1×1 convolution.")
    func run() {
        printSection("6.4", "Multiple input and multiple output channels")
        let X = Tensor([[[0.0, 1, 2], [3, 4, 5], [6, 7, 8]], [[1, 2, 3], [4, 5, 6], [7, 8, 9]]])
        let K = Tensor([[[0.0, 1], [2, 3]], [[1, 2], [3, 4]]])
        print("corr2d_multi_in(X, K) =\n\(Channels.corr2dMultiIn(X, K))")
        let K3 = Tensor.stack([K, K + 1, K + 2])
        print("K.shape = \(K3.shape)\ncorr2d_multi_in_out(X, K) =\n\(Channels.corr2dMultiInOut(X, K3))")
        let X1 = Tensor.normal(mean: 0, std: 1, shape: [3, 3, 3]), K1 = Tensor.normal(mean: 0, std: 1, shape: [2, 3, 1, 1])
        let difference = (Channels.corr2dMultiInOut1x1(X1, K1) - Channels.corr2dMultiInOut(X1, K1)).abs().sum().item()
        print(String(format: "1×1 convolution as a matrix product differs from the loop by %.1e (< 1e-6: %@)",
                     difference, "\(difference < 1e-6)"))
    }
}

/// §6.5 Pooling.
struct PoolingSection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pooling", abstract: "§6.5 Max and average pooling, with padding, stride and channels.")
    func run() {
        printSection("6.5", "Pooling")
        let X = Tensor([[0.0, 1, 2], [3, 4, 5], [6, 7, 8]])
        print("pool2d(X, (2, 2)) =\n\(Pooling.pool2d(X, poolSize: (2, 2)))")
        print("pool2d(X, (2, 2), 'avg') =\n\(Pooling.pool2d(X, poolSize: (2, 2), mode: .avg))")
        let X4 = Tensor.arange(16, dtype: .float32).reshape(1, 1, 4, 4)
        print("X =\n\(X4)")
        print("nn.MaxPool2d(3)(X) =\n\(MaxPool2d(kernelSize: 3)(X4))")
        print("nn.MaxPool2d(3, padding=1, stride=2)(X) =\n\(MaxPool2d(kernelSize: 3, stride: 2, padding: 1)(X4))")
        print("nn.MaxPool2d((2, 3), stride=(2, 3), padding=(0, 1))(X) =\n\(Tensor.maxPool2d(X4, kernel: (2, 3), stride: (2, 3), padding: (0, 1)))")
        let X2 = Tensor.cat([X4, X4 + 1], dim: 1)
        print("two channels: nn.MaxPool2d(3, padding=1, stride=2)(X) =\n\(MaxPool2d(kernelSize: 3, stride: 2, padding: 1)(X2))")
    }
}

/// §6.6.1 LeNet, layer by layer.
struct LeNetShapes: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lenet-shapes", abstract: "§6.6.1 The output shape of each LeNet layer.")
    func run() {
        printSection("6.6.1", "LeNet")
        for (name, shape) in LeNet.layerShapes(LeNet.makeNet()) {
            print("\(name.padding(toLength: 12, withPad: " ", startingAt: 0)) output shape:\t\(shape)")
        }
    }
}

/// §6.6.2 Training LeNet.
struct LeNetSection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lenet",
        abstract: "§6.6.2 Train LeNet on Fashion-MNIST (book: 10 epochs, lr 0.9, batch 256).")
    @OptionGroup var options: TrainingOptions<LeNetBook>

    func run() throws {
        printSection("6.6.2", "LeNet: training")
        let g = RandomGenerator(seed: options.seed)
        let (trainIter, testIter) = try loadDataFashionMNIST(batchSize: options.batchSize, generator: g)
        try options.explainingDivergence {
            try trainCh6(LeNet.makeNet(generator: g), trainIter, testIter, numEpochs: options.epochs, lr: options.lr,
                         generator: g, figureName: "chapter6-lenet.svg")
        }
    }
}

/// §6.6.2: 10 epochs of minibatches of 256 at lr 0.9.
enum LeNetBook: BookTrainingDefaults {
    static let epochs = 10, lr: Float = 0.9, batchSize = 256
}
