import D2L
import Foundation

/// §13.7 on this machine: the book's settings, the banana data as TinySSD's training and
/// validation sets (optionally fewer and smaller images, for a CPU preset), and the time a
/// training step takes, from which the book's run is estimated.
public enum SingleShotMultiboxSection {
    /// The book's training settings: 1 000 images of 256 × 256, batch 32, SGD with lr 0.2 and
    /// weight decay 5e-4, 20 epochs (§13.7.2).
    public static let bookEpochs = 20, bookBatchSize = 32, bookImageSize = 256, bookTrainExamples = 1000
    /// The book's learning rate and weight decay.
    public static let bookLR: Float = 0.2, bookWeightDecay: Float = 5e-4
    /// The book keeps boxes of confidence 0.9 or more (`display(img, output.cpu(), threshold=0.9)`).
    public static let bookThreshold: Float = 0.9

    /// The first `count` images of `images`, given to batches as `side × side` (resized
    /// bilinearly when `side` is not their size).
    public static func subset(_ images: ByteImages, count: Int, side: Int) -> ByteImages {
        check(count >= 1 && count <= images.count, "subset: count must be in 1...\(images.count), got \(count)")
        check(side >= 64, "subset: TinySSD needs images of at least 64 × 64, got side \(side)")
        let bytes = images.channels * images.height * images.width
        return ByteImages(pixels: Array(images.pixels[..<(count * bytes)]), count: count, channels: images.channels,
                          height: images.height, width: images.width,
                          resize: side == images.height && side == images.width ? nil : side)
    }

    /// The training loader over the first `trainExamples` banana training images at `side`
    /// pixels (shuffled), and the validation images at the same size with their labels.
    ///
    /// d2l: `train_iter, _ = d2l.load_data_bananas(batch_size)` (§13.7.2.1). Labels are
    /// fractions of the image, so resizing leaves them as they are.
    /// - Throws: `DataError` when the data cannot be read.
    public static func loadBananas(dataDir: URL, trainExamples: Int, side: Int, batchSize: Int,
                                   generator: RandomGenerator) throws -> (train: DataLoader, val: ByteImages, valLabels: Tensor) {
        let train = try BananasDataset(isTrain: true, dataDir: dataDir), val = try BananasDataset(isTrain: false, dataDir: dataDir)
        check(trainExamples <= train.count,
              "loadBananas: asked for \(trainExamples) training images, the set has \(train.count)")
        let trainLabels = train.labels[0..<trainExamples]
        return (DataLoader(images: subset(train.images, count: trainExamples, side: side), labels: trainLabels,
                           batchSize: batchSize, shuffle: true, generator: generator),
                subset(val.images, count: val.count, side: side), val.labels)
    }

    /// Seconds per image of one TinySSD training step (forward, `multiboxTarget`, loss,
    /// backward, SGD) on `batch` random `side × side` images with one box each, timed after a
    /// warm-up step; a net of its own, so a run's net is untouched.
    public static func secondsPerTrainingImage(side: Int, batch: Int = 8) -> Double {
        let g = RandomGenerator(seed: 1)
        let net = TinySSD(numClasses: 1, generator: g)
        let trainer = SGD(net.trainableParameters(), lr: bookLR, weightDecay: bookWeightDecay)
        let X = Tensor.rand([batch, 3, side, side], generator: g)
        let Y = Tensor(shape: [batch, 1, 5], values: Array(repeating: [0, 0.3, 0.35, 0.6, 0.7], count: batch).flatMap { $0 })
        _ = trainStepSSD(net, X, Y, trainer: trainer)
        let timer = Timer()
        _ = trainStepSSD(net, X, Y, trainer: trainer)
        return timer.stop() / Double(batch)
    }
}
