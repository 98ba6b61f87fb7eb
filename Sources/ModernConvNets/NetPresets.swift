import D2L

/// How one training run of a chapter 7 net is set up: the book's values or a CPU preset's.
///
/// d2l: the `lr, num_epochs, batch_size` and `resize` of each §7.x `d2l.train_ch6` call, plus how
/// many training images a CPU preset uses.
public struct NetSettings: Equatable, Sendable {
    /// Passes over the training images, learning rate and minibatch size.
    public var epochs: Int, lr: Float, batchSize: Int
    /// Side the images are resized to (nil keeps Fashion-MNIST's 28 pixels).
    public var resize: Int?
    /// How many of the 60 000 training images are used (nil: all of them).
    public var trainExamples: Int?

    /// Settings of one run; `resize` and `trainExamples` nil keep 28 pixels and all images.
    public init(epochs: Int, lr: Float, batchSize: Int, resize: Int? = nil, trainExamples: Int? = nil) {
        self.epochs = epochs
        self.lr = lr
        self.batchSize = batchSize
        self.resize = resize
        self.trainExamples = trainExamples
    }

    /// The image side the net sees.
    public var imageSide: Int { resize ?? 28 }
    /// Training images per epoch.
    public var examplesPerEpoch: Int { Swift.min(trainExamples ?? 60_000, 60_000) }
}

/// A net of chapter 7 that `chapter7 NET` trains on Fashion-MNIST: its section, the book's
/// settings and result, the CPU preset used by default, and how to build it for an image size.
///
/// d2l: the training cells of §7.1.3, 7.2.3, 7.3.3, 7.4.3, 7.6.3 and 7.7.5. The book's settings
/// take hours on a laptop CPU, so the program runs a preset that says what it changes.
public struct TrainableNet {
    /// Subcommand name and file name of the curves: `alexnet`.
    public let name: String
    /// The book's section and its title.
    public let section: String, title: String
    /// `lr, num_epochs, batch_size` and `resize` of the section's `train_ch6` call.
    public let book: NetSettings
    /// What runs by default, sized to finish in a few minutes on a 2-core CPU.
    public let preset: NetSettings
    /// The test accuracy the book reports at its settings.
    public let bookTestAccuracy: String
    /// The net for square images of the given side.
    public let make: (_ imageSide: Int, _ generator: RandomGenerator) -> Sequential

    /// The six nets `chapter7` trains, in the book's order.
    public static var all: [TrainableNet] { [.alexnet, .vgg, .nin, .googlenet, .resnet, .densenet] }
}

/// The book's settings and the CPU presets, one definition per net. (Keep this block compact:
/// the presets' numbers are tuned by measuring, and change on their own.)
public extension TrainableNet {
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
        preset: NetSettings(epochs: 2, lr: 0.05, batchSize: 32, resize: 32, trainExamples: 48_000),
        bookTestAccuracy: "0.920", make: { ModernConvNets.vgg(VGG.smallConvArch, imageSize: $0, generator: $1) })

    /// §7.3.3: lr 0.1, 10 epochs, batch 128, 224 pixels.
    static let nin = TrainableNet(
        name: "nin", section: "7.3.3", title: "NiN: training on Fashion-MNIST",
        book: NetSettings(epochs: 10, lr: 0.1, batchSize: 128, resize: 224),
        preset: NetSettings(epochs: 2, lr: 0.1, batchSize: 32, resize: 99, trainExamples: 40_000),
        bookTestAccuracy: "0.790", make: { _, g in NiN.makeNet(generator: g) })

    /// §7.4.3: lr 0.1, 10 epochs, batch 128, 96 pixels.
    static let googlenet = TrainableNet(
        name: "googlenet", section: "7.4.3", title: "GoogLeNet: training on Fashion-MNIST",
        book: NetSettings(epochs: 10, lr: 0.1, batchSize: 128, resize: 96),
        preset: NetSettings(epochs: 3, lr: 0.1, batchSize: 16, resize: 32, trainExamples: nil),
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
        preset: NetSettings(epochs: 3, lr: 0.1, batchSize: 128, resize: 32, trainExamples: nil),
        bookTestAccuracy: "0.885", make: { _, g in DenseNet.makeNet(generator: g) })
}

/// What `chapter7 NET` makes of the settings: the run's settings from the command line, the
/// first line it prints, and the help of its options.
public extension TrainableNet {
    /// The settings of a run: the preset (or with `book` the book's settings), with each value the
    /// command line gives put in. `resize` 28 means no resizing, `trainExamples` of 60 000 or more
    /// all images.
    func settings(book useBook: Bool = false, epochs: Int? = nil, lr: Float? = nil, batchSize: Int? = nil,
                  resize: Int? = nil, trainExamples: Int? = nil) -> NetSettings {
        var s = useBook ? book : preset
        if let epochs { s.epochs = epochs }
        if let lr { s.lr = lr }
        if let batchSize { s.batchSize = batchSize }
        if let resize { s.resize = resize == 28 ? nil : resize }
        if let trainExamples { s.trainExamples = trainExamples >= 60_000 ? nil : trainExamples }
        return s
    }

    /// The first line of a run: `CPU preset (the book trains for hours here): 67 px (book 224), …;
    /// 67 px, 32000 images, 1 epoch, lr 0.05, batch 16. --book runs the book's settings.`, naming
    /// every value that differs from the book; or `the book's settings: …` when none does.
    func firstLine(_ run: NetSettings) -> String {
        let changes = presetChanges(run)
        if changes.isEmpty { return "the book's settings: \(describe(run))" }
        return "CPU preset (the book trains for hours here): " + changes.joined(separator: ", ")
            + "; \(describe(run)). --book runs the book's settings."
    }

    /// `96 px, 20000 images, 2 epochs, lr 0.01, batch 128`.
    func describe(_ s: NetSettings) -> String {
        "\(s.imageSide) px, \(s.examplesPerEpoch) images, \(epochCount(s.epochs)), lr \(s.lr), batch \(s.batchSize)"
    }

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
