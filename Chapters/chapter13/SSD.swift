import ArgumentParser
import ChapterSupport
import D2L
import Foundation
import Vision

/// §13.7 TinySSD trained on the banana data, then used on a validation image: the book's
/// settings with `--book`, by default a CPU preset that says what it changes.
struct SSD: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ssd",
        abstract: "§13.7 Single shot multibox detection: train TinySSD on the banana data, then box a validation image's banana.")

    @Flag(help: "The book's settings exactly: all 1000 images at 256×256, 20 epochs (long on a CPU).")
    var book = false
    @Option(help: "Passes over the training images (the book: 20; preset: \(Preset.epochs)).")
    var epochs: Int?
    @Option(help: "Side the images are resized to (the book: 256; preset: \(Preset.imageSize)).")
    var imageSize: Int?
    @Option(help: "Training images, the first ones of the set (the book: all 1000; preset: \(Preset.trainExamples)).")
    var trainExamples: Int?
    @Option(help: "SGD's learning rate (the book: 0.2).")
    var lr: Float = SingleShotMultiboxSection.bookLR
    @Option(help: "Examples per minibatch (the book: 32).")
    var batchSize = SingleShotMultiboxSection.bookBatchSize
    @Option(help: "Which validation image to predict on (0–99).")
    var valImage = 0
    @Option(help: "Smallest confidence of a drawn box (the book: 0.9).")
    var threshold: Float = SingleShotMultiboxSection.bookThreshold
    @Option(help: "Folder with banana-cutout.png and background photos, for generating the offline banana set.")
    var parts: String?
    @Option(help: "Seed for initialisation and the training order.")
    var seed: UInt64 = 0

    /// The CPU preset: what the default run changes from the book's settings.
    enum Preset {
        static let epochs = 30, imageSize = 128, trainExamples = 1000
    }

    func validate() throws {
        if let epochs { try OptionChecks.atLeast(1, epochs, option: "--epochs") }
        if let imageSize { try OptionChecks.atLeast(64, imageSize, option: "--image-size") }
        if let trainExamples { try OptionChecks.atLeast(1, trainExamples, option: "--train-examples") }
        try OptionChecks.positiveFinite(lr, option: "--lr")
        try OptionChecks.atLeast(1, batchSize, option: "--batch-size")
        try OptionChecks.atLeast(0, valImage, option: "--val-image")
        if book && (epochs != nil || imageSize != nil || trainExamples != nil) {
            throw ValidationError("--book runs the book's epochs, image size and training images; leave out --epochs, --image-size and --train-examples")
        }
    }

    func run() throws {
        printSection("13.7", "Single shot multibox detection")
        let section = SingleShotMultiboxSection.self
        let numEpochs = epochs ?? (book ? section.bookEpochs : Preset.epochs)
        let side = imageSize ?? (book ? section.bookImageSize : Preset.imageSize)
        let examples = trainExamples ?? (book ? section.bookTrainExamples : Preset.trainExamples)
        describeSettings(numEpochs: numEpochs, side: side, examples: examples)
        let dir = try bananaDetectionDirectory(parts: parts.map { URL(fileURLWithPath: $0) })
        let generator = RandomGenerator(seed: seed)
        let data = try section.loadBananas(dataDir: dir, trainExamples: examples, side: side, batchSize: batchSize,
                                           generator: generator)
        guard valImage < data.val.count else {
            throw ValidationError("--val-image must be below \(data.val.count), the number of validation images")
        }
        let net = TinySSD(numClasses: 1, generator: generator)
        let started = Date()
        try explainingDivergence(bookLR: section.bookLR) {
            _ = try trainSSD(net, data.train, numEpochs: numEpochs, lr: lr, weightDecay: section.bookWeightDecay)
        }
        print("wall time \(formatDuration(Date().timeIntervalSince(started)))")
        try predict(net, data.val, data.valLabels)
    }

    /// The first lines: the settings, and for a preset what differs from the book and how long
    /// the book's run would take here.
    private func describeSettings(numEpochs: Int, side: Int, examples: Int) {
        let section = SingleShotMultiboxSection.self
        print("settings: \(examples) training images at \(side)×\(side), batch \(batchSize), SGD lr \(lr), "
              + "weight decay \(section.bookWeightDecay), \(numEpochs) epochs")
        var changes: [String] = []
        if numEpochs != section.bookEpochs { changes.append("\(numEpochs) epochs instead of \(section.bookEpochs)") }
        if side != section.bookImageSize { changes.append("images resized to \(side)×\(side) instead of \(section.bookImageSize)×\(section.bookImageSize)") }
        if examples != section.bookTrainExamples { changes.append("\(examples) training images instead of \(section.bookTrainExamples)") }
        if lr != section.bookLR { changes.append("lr \(lr) instead of \(section.bookLR)") }
        if batchSize != section.bookBatchSize { changes.append("batch \(batchSize) instead of \(section.bookBatchSize)") }
        guard !changes.isEmpty else { return }
        print("CPU preset, differs from the book: " + changes.joined(separator: "; "))
        let perImage = section.secondsPerTrainingImage(side: section.bookImageSize)
        let bookSeconds = perImage * Double(section.bookTrainExamples * section.bookEpochs)
        print("--book (all 1000 images at 256×256, 20 epochs) would take about \(formatDuration(bookSeconds)) here "
              + "(measured: \(formatMetric(perImage * 1000, digits: 1)) ms per training image)")
    }

    /// §13.7.3: the trained net on one validation image, the boxes kept with confidence at least
    /// `threshold` drawn on it, and the image's true box for comparison.
    private func predict(_ net: TinySSD, _ val: ByteImages, _ labels: Tensor) throws {
        printSubsection("13.7.3", "Prediction")
        let X = val.batch([valImage])
        let output = predictSSD(net, X)
        let truth = labels[valImage, 0].toArray()
        print("validation image \(valImage): true box " + format(Array(truth[1...])))
        let rows = output.toArray2D()
        let confident = rows.filter { $0[1] >= threshold }
        print("\(output.shape[0]) boxes found, \(confident.count) with confidence ≥ \(threshold)")
        if confident.isEmpty && !rows.isEmpty {
            print("none is drawn; the most confident ones (train longer, or lower --threshold):")
        }
        let trueBox = Tensor(shape: [1, 4], values: Array(truth[1...]))
        for row in confident.isEmpty ? Array(rows.prefix(3)) : Array(confident.prefix(5)) {
            let iou = boxIoU(Tensor(shape: [1, 4], values: Array(row[2...])), trueBox).item()
            print(String(format: "  confidence %.3f, box ", row[1]) + format(Array(row[2...]))
                  + String(format: ", IoU with the true box %.3f", iou))
        }
        writeFigure(displaySSD(Image(X[0]), output, threshold: threshold), "chapter13-ssd-prediction.png",
                    label: "prediction written to")
    }

    private func format(_ box: [Float]) -> String {
        "[" + box.map { String(format: "%.3f", $0) }.joined(separator: ", ") + "]"
    }
}
