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
        net.settings(book: book, epochs: epochs, lr: lr, batchSize: batchSize, resize: resize,
                     trainExamples: trainExamples)
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
        print(net.firstLine(run))
        print(net.bookTimeEstimate())
        let g = RandomGenerator(seed: options.seed)
        let (trainIter, testIter) = try loadDataFashionMNIST(batchSize: run.batchSize, resize: run.resize,
                                                             trainExamples: run.trainExamples, generator: g)
        let model = net.make(run.imageSide, g)
        try explainingDivergence(bookLR: net.book.lr) {
            try trainCh6(model, trainIter, testIter, numEpochs: run.epochs, lr: run.lr, generator: g,
                         figureName: "chapter7-\(net.name).svg")
        }
        if !net.presetChanges(run).isEmpty {
            print("(a CPU preset's result; the book reports test acc \(net.bookTestAccuracy) at its settings)")
        }
    }
}
