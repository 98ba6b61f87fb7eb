import D2L
import Foundation

/// §13.1.2 Training with image augmentation: the same network trained with and without random
/// flips (and, on the offline substitute, shifts), compared by test accuracy.
public enum AugmentationTrainingSection {
    /// The book's `train_augs` for CIFAR-10: a random horizontal flip (the book's `ToTensor` is
    /// the loaders' byte-to-float conversion here). Its `test_augs` is no augmentation.
    public static let trainAugs: any ImageAugmentation = RandomHorizontalFlip()

    /// Xavier-uniform weights for every `Linear` and `Conv2d` of `net`.
    ///
    /// d2l: `init_weights(m)` applied with `net.apply(init_weights)` (§13.1.2).
    public static func initWeights(_ net: Module, generator: RandomGenerator = .global) {
        net.apply { module in
            if let linear = module as? Linear { Init.xavierUniform(linear.weight, generator: generator) }
            if let conv = module as? Conv2d { Init.xavierUniform(conv.weight, generator: generator) }
        }
    }

    /// Trains `net` with Adam at `lr` on the summed cross-entropy, `augmentation` (or none)
    /// applied to every training batch, and returns `trainCh13`'s result.
    ///
    /// d2l: `train_with_data_aug(train_augs, test_augs, net, lr=0.001)` (§13.1.2), which builds the
    /// CIFAR-10 loaders itself and trains 10 epochs; here the loaders are given, so the same
    /// function serves the Fashion-MNIST substitute.
    public static func trainWithDataAug(
        _ net: any Layer, _ trainIter: DataLoader, _ testIter: DataLoader, augmentation: (any ImageAugmentation)?,
        lr: Float = 0.001, numEpochs: Int = 10, generator: RandomGenerator = .global,
        figureName: String = "chapter13-augmentation-train.svg"
    ) throws -> TrainingResult {
        let loss = CrossEntropyLoss(reduction: .none)
        let trainer = Adam(net.trainableParameters(), lr: lr)
        return try trainCh13(net, trainIter, testIter, loss: { loss($0, $1) }, trainer: trainer, numEpochs: numEpochs,
                             augmentation: augmentation, generator: generator, figureName: figureName)
    }

    /// The loaders of §13.1.2: CIFAR-10's training split shuffled, its test split in order.
    ///
    /// d2l: `load_cifar10(is_train, augs, batch_size)`; the augmentation is applied by
    /// `trainCh13`, not by the loader.
    /// - Throws: `DataError` when the binary files are not in the data folder.
    public static func loadCIFAR10(batchSize: Int, generator: RandomGenerator = .global) throws
        -> (train: DataLoader, test: DataLoader) {
        let train = try CIFAR10.load(train: true), test = try CIFAR10.load(train: false)
        return (DataLoader(images: train.pixels, labels: train.labels, batchSize: batchSize, shuffle: true,
                           generator: generator),
                DataLoader(images: test.pixels, labels: test.labels, batchSize: batchSize, shuffle: false))
    }
}
