import ArgumentParser
import ChapterSupport
import D2L
import Foundation
import ModernConvNets

/// `--epochs --lr --batch-size --resize --train-examples --seed --book` for training the chapter 7
/// net `Net`: each value left out comes from the net's CPU preset, or from the book with `--book`.
/// The help of each option shows both, `(default: 0.05; the book: 0.01)`, from `Net`'s settings.
struct NetTrainingOptions<Net: ChapterSevenNet>: ParsableArguments {
    @Flag(help: "Train with the book's settings (\(Net.net.bookSummary)); hours on a CPU.")
    var book = false
    @Option(parsing: .unconditional, help: "Number of passes over the training images \(Net.net.defaultsNote { $0.epochs }).")
    var epochs: Int?
    @Option(parsing: .unconditional, help: "Learning rate \(Net.net.defaultsNote { $0.lr }).")
    var lr: Float?
    @Option(parsing: .unconditional, help: "Examples per minibatch \(Net.net.defaultsNote { $0.batchSize }).")
    var batchSize: Int?
    @Option(parsing: .unconditional, help: "Side the 28-pixel images are resized to \(Net.net.defaultsNote { $0.imageSide }).")
    var resize: Int?
    @Option(parsing: .unconditional,
            help: "Train on the first N of the 60 000 training images \(Net.net.defaultsNote { $0.examplesPerEpoch }).")
    var trainExamples: Int?
    @Option(help: "Seed for initialisation, shuffling and dropout.")
    var seed: UInt64 = 0

    func validate() throws {
        if let epochs { try OptionChecks.atLeast(1, epochs, option: "--epochs") }
        if let lr { try OptionChecks.positiveFinite(lr, option: "--lr") }
        if let batchSize { try OptionChecks.atLeast(1, batchSize, option: "--batch-size") }
        if let resize { try OptionChecks.atLeast(8, resize, option: "--resize") }
        if let trainExamples { try OptionChecks.atLeast(1, trainExamples, option: "--train-examples") }
    }

    /// The preset (or the book's settings) with what the command line gives put in.
    func settings(for net: TrainableNet) -> NetSettings {
        var s = book ? net.book : net.preset
        if let epochs { s.epochs = epochs }
        if let lr { s.lr = lr }
        if let batchSize { s.batchSize = batchSize }
        if let resize { s.resize = resize == 28 ? nil : resize }
        if let trainExamples { s.trainExamples = trainExamples >= 60_000 ? nil : trainExamples }
        return s
    }
}

/// A net `chapter7` can train, as a type, so that each gets its own subcommand.
protocol ChapterSevenNet {
    /// The net, its book settings and its preset.
    static var net: TrainableNet { get }
}

enum AlexNetCommand: ChapterSevenNet { static var net: TrainableNet { .alexnet } }
enum VGGCommand: ChapterSevenNet { static var net: TrainableNet { .vgg } }
enum NiNCommand: ChapterSevenNet { static var net: TrainableNet { .nin } }
enum GoogLeNetCommand: ChapterSevenNet { static var net: TrainableNet { .googlenet } }
enum ResNetCommand: ChapterSevenNet { static var net: TrainableNet { .resnet } }
enum DenseNetCommand: ChapterSevenNet { static var net: TrainableNet { .densenet } }

/// §7.1–7.7 `chapter7 NET`: trains one of the chapter's nets on Fashion-MNIST with `train_ch6`,
/// by default with a CPU preset that says what it changes and how long the book's run would take.
struct TrainNet<Net: ChapterSevenNet>: ParsableCommand {
    static var configuration: CommandConfiguration {
        let net = Net.net, book = net.book
        return CommandConfiguration(
            commandName: net.name,
            abstract: "§\(net.section) Train \(net.title.components(separatedBy: ":")[0]) on Fashion-MNIST "
                + "(a CPU preset; --book: \(book.imageSide) px, lr \(book.lr), batch \(book.batchSize), \(book.epochs) epochs).")
    }
    @OptionGroup var options: NetTrainingOptions<Net>

    func run() throws {
        let net = Net.net
        let run = options.settings(for: net)
        printSection(net.section, net.title)
        let changes = net.presetChanges(run)
        if changes.isEmpty {
            print("the book's settings: \(describe(run))")
        } else {
            print("CPU preset (the book trains for hours here): " + changes.joined(separator: ", ")
                  + "; \(describe(run)). --book runs the book's settings.")
        }
        print(bookTimeEstimate(net))
        let g = RandomGenerator(seed: options.seed)
        let (trainIter, testIter) = try loadDataFashionMNIST(batchSize: run.batchSize, resize: run.resize,
                                                             trainExamples: run.trainExamples, generator: g)
        let model = net.make(run.imageSide, g)
        try explainingDivergence(bookLR: net.book.lr) {
            try trainCh6(model, trainIter, testIter, numEpochs: run.epochs, lr: run.lr, generator: g,
                         figureName: "chapter7-\(net.name).svg")
        }
        if !changes.isEmpty {
            print("(a CPU preset's result; the book reports test acc \(net.bookTestAccuracy) at its settings)")
        }
    }

    /// `96 px, 20000 images, 2 epochs, lr 0.01, batch 128`.
    private func describe(_ s: NetSettings) -> String {
        "\(s.imageSide) px, \(s.examplesPerEpoch) images, \(Net.net.epochCount(s.epochs)), lr \(s.lr), batch \(s.batchSize)"
    }

    /// How long the book's run would take on this machine, from one timed training step at the
    /// book's image size: every training image once per epoch, plus the test images (a forward
    /// pass, about a third of a training step each).
    private func bookTimeEstimate(_ net: TrainableNet) -> String {
        let side = net.book.imageSide
        let secondsPerImage = timeTrainingStep(net, side: side)
        let perEpoch = secondsPerImage * (Double(net.book.examplesPerEpoch) + 10_000.0 / 3)
        return "--book (\(side) px, all 60000 images, \(net.book.epochs) epochs) would take about "
            + formatDuration(perEpoch * Double(net.book.epochs)) + " here "
            + "(measured: \(formatMetric(secondsPerImage * 1000, digits: 1)) ms per training image at \(side) px)"
    }

    /// Seconds per image of one forward, backward and SGD step on random images of `side`
    /// pixels, after a small warm-up step; a net of its own, so the run's net is untouched.
    private func timeTrainingStep(_ net: TrainableNet, side: Int) -> Double {
        let g = RandomGenerator(seed: 1)
        let model = net.make(side, g)
        let optimizer = SGD(model.trainableParameters(), lr: 0.001)
        let loss = CrossEntropyLoss()
        func step(_ n: Int) {
            let X = Tensor.rand([n, 1, side, side], generator: g)
            let y = Tensor(shape: [n], values: (0..<n).map { Float($0 % 10) }, dtype: .int64)
            optimizer.zeroGrad()
            loss(model(X), y).backward()
            optimizer.step()
        }
        step(2)
        let n = side > 100 ? 16 : 64
        let timer = Timer()
        step(n)
        return timer.stop() / Double(n)
    }
}
