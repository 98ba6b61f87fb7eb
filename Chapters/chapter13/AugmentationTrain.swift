import ArgumentParser
import ChapterSupport
import D2L
import Foundation
import Vision

/// §13.1.2 ResNet-18 trained with and without augmentation: the book's CIFAR-10 experiment when
/// its binary files are in the data folder, else the same comparison on a small Fashion-MNIST
/// subset, where a net overfits quickly and augmentation has something to correct.
struct AugmentationTrain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "augmentation-train",
        abstract: "§13.1.2 Train ResNet-18 with and without augmentation and compare the test accuracies "
            + "(CIFAR-10 if present, else a small Fashion-MNIST subset).")

    @Option(help: "Fashion-MNIST substitute: training images (the first ones of the training set).")
    var trainExamples = 300
    @Option(help: "Passes over the training data (default: 10 for CIFAR-10, the book's; 20 for the substitute).")
    var epochs: Int?
    @Option(help: "Fashion-MNIST substitute: pixels of zero padding around each image before the random 28×28 crop (0: no shifts).")
    var padding = 2
    @Flag(inversion: .prefixedNo, help: "Fashion-MNIST substitute: random horizontal flips as well as the crops.")
    var flip = true
    @Option(help: "Adam's learning rate (the book: 0.001).")
    var lr: Float = 0.001
    @Option(help: "Examples per minibatch (default: 256 for CIFAR-10, the book's; 64 for the substitute).")
    var batchSize: Int?
    @Option(help: "Seed for initialisation, shuffling and the augmentations' draws.")
    var seed: UInt64 = 0

    func validate() throws {
        try OptionChecks.atLeast(1, trainExamples, option: "--train-examples")
        if let epochs { try OptionChecks.atLeast(1, epochs, option: "--epochs") }
        try OptionChecks.atLeast(0, padding, option: "--padding")
        try OptionChecks.positiveFinite(lr, option: "--lr")
        if let batchSize { try OptionChecks.atLeast(1, batchSize, option: "--batch-size") }
    }

    func run() throws {
        printSection("13.1.2", "Training with image augmentation")
        let started = Date()
        if FileManager.default.fileExists(atPath: CIFAR10.folder.appendingPathComponent(CIFAR10.testFile).path) {
            try runCIFAR10()
        } else {
            print("CIFAR-10 is not available (no \(CIFAR10.folder.path)); running the same comparison on "
                  + "\(trainExamples) Fashion-MNIST training images instead.")
            try runFashionMNIST()
        }
        print("wall time \(formatDuration(Date().timeIntervalSince(started)))")
    }

    /// The book's experiment: `d2l.resnet18(10, 3)`, Xavier weights, Adam, 10 epochs of batch 256,
    /// without and with random horizontal flips.
    private func runCIFAR10() throws {
        let numEpochs = epochs ?? 10
        let generator = RandomGenerator(seed: seed)
        let (train, test) = try AugmentationTrainingSection.loadCIFAR10(batchSize: batchSize ?? 256, generator: generator)
        var accuracies: [Double] = []
        for (name, aug) in [("no augmentation", nil), ("train_augs (horizontal flips)", AugmentationTrainingSection.trainAugs)]
            as [(String, (any ImageAugmentation)?)] {
            print("CIFAR-10, resnet18(10, 3), \(name):")
            let net = resnet18(numClasses: 10, inChannels: 3, generator: RandomGenerator(seed: seed))
            AugmentationTrainingSection.initWeights(net, generator: RandomGenerator(seed: seed))
            let result = try explainingDivergence(bookLR: 0.001) {
                try AugmentationTrainingSection.trainWithDataAug(
                    net, train, test, augmentation: aug, lr: lr, numEpochs: numEpochs, generator: generator,
                    figureName: "chapter13-augmentation-train-cifar10-\(aug == nil ? "none" : "flips").svg")
            }
            accuracies.append(result.testAccuracy)
        }
        print("test acc without augmentation \(formatMetric(accuracies[0])), with flips \(formatMetric(accuracies[1])) "
              + "(the book: 0.854 with flips)")
    }

    /// The substitute: torchvision's ResNet-18 on one grey channel, trained on the first
    /// `trainExamples` Fashion-MNIST images without and with random crops (and flips).
    private func runFashionMNIST() throws {
        let numEpochs = epochs ?? 20
        let generator = RandomGenerator(seed: seed)
        let all = try FashionMNIST.load(train: true).prefix(trainExamples)
        // The first 2 000 test images: evaluated after every epoch of both runs, the whole test
        // set would take longer than the training.
        let testSet = try FashionMNIST.load(train: false).prefix(2000)
        let size = batchSize ?? 64
        let train = DataLoader(images: all.pixels, labels: all.labels, batchSize: size, shuffle: true, generator: generator)
        let test = DataLoader(images: testSet.pixels, labels: testSet.labels, batchSize: 500, shuffle: false)
        var parts: [any ImageAugmentation] = []
        if padding > 0 { parts.append(RandomCrop(28, padding: padding)) }
        if flip { parts.append(RandomHorizontalFlip()) }
        let described = [padding > 0 ? "RandomCrop(28, padding=\(padding))" : nil, flip ? "RandomHorizontalFlip()" : nil]
            .compactMap { $0 }.joined(separator: " + ")
        let augmented = parts.isEmpty ? nil : Compose(parts)
        var accuracies: [Double] = []
        for (name, aug) in [("none", nil), (described.isEmpty ? "none" : described, augmented)]
            as [(String, (any ImageAugmentation)?)] {
            print("Fashion-MNIST, \(trainExamples) images, ResNet-18 (torchvision layout, 1 channel), "
                  + "\(numEpochs) epochs, batch \(size), Adam lr \(lr), augmentation: \(name)")
            let net = TorchvisionResNet(numClasses: 10, inputChannels: 1, generator: RandomGenerator(seed: seed))
            let result = try explainingDivergence(bookLR: 0.001) {
                try AugmentationTrainingSection.trainWithDataAug(
                    net, train, test, augmentation: aug, lr: lr, numEpochs: numEpochs, generator: generator,
                    figureName: "chapter13-augmentation-train-\(aug == nil ? "none" : "augmented").svg")
            }
            accuracies.append(result.testAccuracy)
        }
        print("test acc without augmentation \(formatMetric(accuracies[0])), with \(described.isEmpty ? "none" : described) "
              + "\(formatMetric(accuracies[1])) (the first 2 000 test images)")
    }
}
