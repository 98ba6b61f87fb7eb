import D2L
import ModernConvNets

/// How one training run of a chapter 7 net is set up: the book's values or a CPU preset's.
struct NetSettings {
    /// Passes over the training images, learning rate and minibatch size.
    var epochs: Int, lr: Float, batchSize: Int
    /// Side the images are resized to (nil keeps Fashion-MNIST's 28 pixels).
    var resize: Int?
    /// How many of the 60 000 training images are used (nil: all of them).
    var trainExamples: Int?

    /// The image side the net sees.
    var imageSide: Int { resize ?? 28 }
    /// Training images per epoch.
    var examplesPerEpoch: Int { Swift.min(trainExamples ?? 60_000, 60_000) }
}

/// A net of chapter 7 that `chapter7 NET` trains on Fashion-MNIST: its section, the book's
/// settings and result, the CPU preset used by default, and how to build it for an image size.
struct TrainableNet {
    /// Subcommand name and file name of the curves: `alexnet`.
    let name: String
    /// The book's section and its title.
    let section: String, title: String
    /// `lr, num_epochs, batch_size` and `resize` of the section's `train_ch6` call.
    let book: NetSettings
    /// What runs by default, sized to finish in a few minutes on a 2-core CPU.
    let preset: NetSettings
    /// The test accuracy the book reports at its settings.
    let bookTestAccuracy: String
    /// The net for square images of the given side.
    let make: (_ imageSide: Int, _ generator: RandomGenerator) -> Sequential
}

extension TrainableNet {
    /// §7.1.3: lr 0.01, 10 epochs, batch 128, 224 pixels.
    static let alexnet = TrainableNet(
        name: "alexnet", section: "7.1.3", title: "AlexNet: training on Fashion-MNIST",
        book: NetSettings(epochs: 10, lr: 0.01, batchSize: 128, resize: 224),
        preset: NetSettings(epochs: 1, lr: 0.05, batchSize: 16, resize: 67, trainExamples: 32_000),
        bookTestAccuracy: "0.883", make: { AlexNet.makeNet(imageSize: $0, generator: $1) })

    /// §7.2.3: the small VGG-11 (channels ÷ 4), lr 0.05, 10 epochs, batch 128, 224 pixels.
    static let vgg = TrainableNet(
        name: "vgg", section: "7.2.3", title: "VGG: training the small VGG-11 on Fashion-MNIST",
        book: NetSettings(epochs: 10, lr: 0.05, batchSize: 128, resize: 224),
        preset: NetSettings(epochs: 1, lr: 0.05, batchSize: 32, resize: 32, trainExamples: 48_000),
        bookTestAccuracy: "0.920", make: { ModernConvNets.vgg(VGG.smallConvArch, imageSize: $0, generator: $1) })

    /// §7.3.3: lr 0.1, 10 epochs, batch 128, 224 pixels.
    static let nin = TrainableNet(
        name: "nin", section: "7.3.3", title: "NiN: training on Fashion-MNIST",
        book: NetSettings(epochs: 10, lr: 0.1, batchSize: 128, resize: 224),
        preset: NetSettings(epochs: 1, lr: 0.1, batchSize: 32, resize: 72, trainExamples: 32_000),
        bookTestAccuracy: "0.790", make: { _, g in NiN.makeNet(generator: g) })

    /// §7.4.3: lr 0.1, 10 epochs, batch 128, 96 pixels.
    static let googlenet = TrainableNet(
        name: "googlenet", section: "7.4.3", title: "GoogLeNet: training on Fashion-MNIST",
        book: NetSettings(epochs: 10, lr: 0.1, batchSize: 128, resize: 96),
        preset: NetSettings(epochs: 1, lr: 0.1, batchSize: 32, resize: 32, trainExamples: 48_000),
        bookTestAccuracy: "0.886", make: { _, g in GoogLeNet.makeNet(generator: g) })

    /// §7.6.3: lr 0.05, 10 epochs, batch 256, 96 pixels.
    static let resnet = TrainableNet(
        name: "resnet", section: "7.6.3", title: "ResNet: training ResNet-18 on Fashion-MNIST",
        book: NetSettings(epochs: 10, lr: 0.05, batchSize: 256, resize: 96),
        preset: NetSettings(epochs: 2, lr: 0.05, batchSize: 128, resize: nil, trainExamples: 45_000),
        bookTestAccuracy: "0.893", make: { _, g in ResNet.makeNet(generator: g) })

    /// §7.7.5: lr 0.1, 10 epochs, batch 256, 96 pixels.
    static let densenet = TrainableNet(
        name: "densenet", section: "7.7.5", title: "DenseNet: training on Fashion-MNIST",
        book: NetSettings(epochs: 10, lr: 0.1, batchSize: 256, resize: 96),
        preset: NetSettings(epochs: 1, lr: 0.1, batchSize: 128, resize: 32, trainExamples: nil),
        bookTestAccuracy: "0.885", make: { _, g in DenseNet.makeNet(generator: g) })

    /// What an option's help says about its value: `(default: 0.05; the book: 0.01)`, the
    /// preset's value (used unless `--book` is given) and the book's.
    func defaultsNote<Value>(_ value: (NetSettings) -> Value) -> String {
        "(default: \(value(preset)); the book: \(value(book)))"
    }

    /// The book's settings in a few words: `224 px, all 60000 images, 10 epochs, lr 0.01, batch 128`.
    var bookSummary: String {
        "\(book.imageSide) px, all \(book.examplesPerEpoch) images, \(epochCount(book.epochs)), lr \(book.lr), batch \(book.batchSize)"
    }

    /// `1 epoch`, `2 epochs`.
    func epochCount(_ n: Int) -> String { n == 1 ? "1 epoch" : "\(n) epochs" }

    /// What the preset changes from the book, in words: `96 px (book 224), the first 20 000 of
    /// the 60 000 training images, 2 epochs (book 10)`; empty when it changes nothing.
    func presetChanges(_ run: NetSettings) -> [String] {
        var changes: [String] = []
        if run.resize != book.resize {
            changes.append("\(run.imageSide) px (book \(book.imageSide))")
        }
        if run.examplesPerEpoch != book.examplesPerEpoch {
            changes.append("the first \(run.examplesPerEpoch) of the 60000 training images")
        }
        if run.epochs != book.epochs { changes.append("\(epochCount(run.epochs)) (book \(book.epochs))") }
        if run.lr != book.lr { changes.append("lr \(run.lr) (book \(book.lr))") }
        if run.batchSize != book.batchSize { changes.append("batch \(run.batchSize) (book \(book.batchSize))") }
        return changes
    }
}
