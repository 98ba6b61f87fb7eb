import ArgumentParser
import ChapterSupport
import D2L
import ModernConvNets

/// `swift run chapter7 <section>`: the book's chapter 7, *Modern Convolutional Neural Networks*.
@main
struct Chapter7: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chapter7",
        abstract: "Chapter 7 of Dive into Deep Learning: Modern Convolutional Neural Networks.",
        subcommands: [Shapes.self, TrainNet<AlexNetCommand>.self, TrainNet<VGGCommand>.self, TrainNet<NiNCommand>.self,
                      TrainNet<GoogLeNetCommand>.self, BatchNormScratch.self, BatchNormConcise.self,
                      TrainNet<ResNetCommand>.self, TrainNet<DenseNetCommand>.self,
                      ChapterReportCommand<Chapter7>.self]
    )
}

/// The nets whose layer-by-layer shapes `shapes` prints, with the book's input for each.
enum ShapeTableNet: String, ExpressibleByArgument, CaseIterable {
    case alexnet, vgg, nin, googlenet, resnet, densenet

    /// The book's section, the net, and the side of the square one-channel input it walks.
    var table: (section: String, title: String, net: Sequential, side: Int) {
        switch self {
        case .alexnet: ("7.1.2", "AlexNet", AlexNet.makeNet(), 224)
        case .vgg: ("7.2.2", "VGG-11", VGG.makeNet(VGG.convArch), 224)
        case .nin: ("7.3.2", "NiN", NiN.makeNet(), 224)
        case .googlenet: ("7.4.2", "GoogLeNet", GoogLeNet.makeNet(), 96)
        case .resnet: ("7.6.2", "ResNet-18", ResNet.makeNet(), 224)
        case .densenet: ("7.7.4", "DenseNet", DenseNet.makeNet(), 96)
        }
    }
}

/// §7.1–7.4, 7.6, 7.7: the output shape after each layer (or stage) of a net, as the book's tables.
struct Shapes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "§7.1–7.4, 7.6, 7.7 The output shape of each layer of a net for the book's input.")
    @Argument(help: "The net: \(ShapeTableNet.allCases.map(\.rawValue).joined(separator: ", ")).")
    var net: ShapeTableNet

    func run() {
        let (section, title, model, side) = net.table
        printSection(section, title)
        print("X = rand(1, 1, \(side), \(side))")
        for line in model.shapeTable(for: Tensor.rand([1, 1, side, side])) { print(line) }
    }
}

/// §7.5.5 LeNet with the from-scratch batch normalization, at the book's settings.
struct BatchNormScratch: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "batch-norm",
        abstract: "§7.5.5 Train LeNet with from-scratch batch norm on Fashion-MNIST (book: 10 epochs, lr 1.0, batch 256).")
    @OptionGroup var options: TrainingOptions<LeNetBatchNormBook>

    func run() throws {
        printSection("7.5.5", "Batch normalization from scratch: LeNet")
        let net = try trainBatchNormLeNet(BatchNormalization.lenet, options, figureName: "chapter7-batch-norm.svg")
        // The scale and shift the first batch-norm layer (after the first convolution) learned.
        guard let first = net.layers[1] as? BatchNorm else { return }
        print("net[1].gamma.reshape((-1,)) = \(first.gamma.reshape(-1))")
        print("net[1].beta.reshape((-1,)) = \(first.beta.reshape(-1))")
    }
}

/// §7.5.6 LeNet with the library's `BatchNorm2d` / `BatchNorm1d`, at the book's settings.
struct BatchNormConcise: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "batch-norm-concise",
        abstract: "§7.5.6 Train LeNet with the concise BatchNorm layers on Fashion-MNIST (book: 10 epochs, lr 1.0, batch 256).")
    @OptionGroup var options: TrainingOptions<LeNetBatchNormBook>

    func run() throws {
        printSection("7.5.6", "Batch normalization, concise implementation: LeNet")
        try trainBatchNormLeNet(BatchNormalization.lenetConcise, options, figureName: "chapter7-batch-norm-concise.svg")
    }
}

/// Trains the LeNet `makeNet` builds on Fashion-MNIST with `train_ch6` at `options` (the book's
/// settings unless changed), as both §7.5 sections do, and returns it.
@discardableResult
func trainBatchNormLeNet(_ makeNet: (RandomGenerator) -> Sequential, _ options: TrainingOptions<LeNetBatchNormBook>,
                         figureName: String) throws -> Sequential {
    let g = RandomGenerator(seed: options.seed)
    let (trainIter, testIter) = try loadDataFashionMNIST(batchSize: options.batchSize, generator: g)
    let net = makeNet(g)
    try options.explainingDivergence {
        try trainCh6(net, trainIter, testIter, numEpochs: options.epochs, lr: options.lr,
                     generator: g, figureName: figureName)
    }
    return net
}

/// §7.5.5 and §7.5.6: 10 epochs of minibatches of 256 at lr 1.0.
enum LeNetBatchNormBook: BookTrainingDefaults {
    static let epochs = 10, lr: Float = 1.0, batchSize = 256
}
