import ArgumentParser
import ChapterSupport
import D2L
import Foundation
import Vision

/// Which target data `fine-tuning` trains on.
enum FineTuningTask: String, ExpressibleByArgument, CaseIterable {
    /// The hot-dog task when its data can be had and there are weights to fine-tune (or
    /// `--scratch`), else the offline task.
    case auto
    /// The book's task: hot dog or not, on `hotdog/` (or `hotdog.zip`) from the data folder.
    case hotdog
    /// The offline task: a small split of MNIST-5k, from a source model trained on Fashion-MNIST.
    case mnist5k
}

/// §13.2 Fine-tuning ResNet-18: the book's hot-dog task when its photos are in the data folder
/// (or can be downloaded) and `--weights` gives torchvision's pretrained ResNet-18; offline, a
/// source model trained on Fashion-MNIST (cached in the data folder) fine-tuned on a small split
/// of MNIST-5k. `--scratch` trains the same net from random weights for comparison.
struct FineTuning: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fine-tuning",
        abstract: "§13.2 Fine-tune a pretrained ResNet-18: the book's hot-dog task with --weights when its data is "
            + "here, else a net pretrained on Fashion-MNIST on a small MNIST split (--scratch: from random weights).")

    @Option(help: "Target data: hotdog (the book's), mnist5k (offline), or auto (hotdog when its data and --weights or --scratch are there).")
    var task: FineTuningTask = .auto
    @Flag(help: "Train the same net from scratch (the book's baseline: all layers at 10× the learning rate).")
    var scratch = false
    @Flag(help: "Exercise 13.2.1: freeze every pretrained layer and train only the new output layer.")
    var freeze = false
    @Option(help: "A safetensors file of torchvision-named ResNet-18 weights to fine-tune (loaded non-strictly; fc is always new); the hot-dog task needs one, the offline task defaults to its Fashion-MNIST source model.")
    var weights: String?
    @Option(help: "MNIST-5k digits to train on (the rest, shuffled, are the test set).")
    var trainExamples = 500
    @Option(help: "Passes over the target training data (the book: 5).")
    var epochs = 5
    @Option(help: "Learning rate of the pretrained layers; the new fc gets 10×, --scratch uses 10× on all (default: the book's 5e-5 for hot dogs, 5e-4 offline).")
    var lr: Float?
    @Option(help: "Examples per minibatch on the target data (default: the book's 128 for hot dogs, 32 offline).")
    var batchSize: Int?
    @Option(help: "Epochs of Fashion-MNIST for the source model, when it is not cached yet.")
    var sourceEpochs = 1
    @Option(help: "Seed for the split, initialisation and shuffling.")
    var seed: UInt64 = 0

    func validate() throws {
        try OptionChecks.atLeast(1, trainExamples, option: "--train-examples")
        try OptionChecks.atLeast(1, epochs, option: "--epochs")
        if let lr { try OptionChecks.positiveFinite(lr, option: "--lr") }
        if let batchSize { try OptionChecks.atLeast(1, batchSize, option: "--batch-size") }
        try OptionChecks.atLeast(1, sourceEpochs, option: "--source-epochs")
        if scratch && (freeze || weights != nil) {
            throw ValidationError("--scratch trains from random weights; it cannot be combined with --freeze or --weights")
        }
        if task == .hotdog && weights == nil && !scratch {
            throw ValidationError("the hot-dog task fine-tunes ImageNet weights: pass --weights FILE (torchvision's "
                                  + "ResNet-18 as safetensors) or --scratch")
        }
    }

    /// The target data and the settings that go with it.
    private struct Target {
        let train: DataLoader, test: DataLoader
        let numClasses: Int
        /// Output classes of the pretrained net before its head is replaced (ImageNet's 1 000, or
        /// Fashion-MNIST's 10), so its weights load with their shapes.
        let sourceClasses: Int
        /// A short name for the figure's file name.
        let name: String
        let augmentation: (any ImageAugmentation)?
        let lr: Float
        /// What the test accuracy is measured on, for the result line.
        let testDescription: String
    }

    func run() throws {
        printSection("13.2", "Fine-tuning")
        let started = Date()
        let generator = RandomGenerator(seed: seed)
        let target = try hotdogFolder().map { try hotdogTarget($0, generator: generator) }
            ?? mnistTarget(generator: generator)
        let net = TorchvisionResNet(numClasses: target.sourceClasses, inputChannels: 3,
                                    generator: RandomGenerator(seed: seed))
        if !scratch { try loadSource(into: net) }
        FineTuningSection.replaceOutputLayer(net, numClasses: target.numClasses, generator: RandomGenerator(seed: seed &+ 1))
        if freeze {
            net.freeze()
            net.unfreeze(["fc"])
        }
        let lr10 = String(format: "%g", Double(target.lr * 10)), lr1 = String(format: "%g", Double(target.lr))
        let what = scratch ? "scratch_net: all layers from random weights, lr \(lr10)"
            : freeze ? "finetune_net, pretrained layers frozen: only fc trains, lr \(lr10)"
            : "finetune_net: pretrained layers lr \(lr1), new fc lr \(lr10)"
        print("\(what); SGD, weight decay 0.001, batch \(target.train.batchSize), \(epochs) epochs")
        let result = try explainingDivergence(bookLR: 5e-5) {
            try FineTuningSection.trainFineTuning(
                net, target.train, target.test, lr: scratch ? target.lr * 10 : target.lr, numEpochs: epochs,
                paramGroup: !scratch, augmentation: target.augmentation, generator: generator,
                figureName: "chapter13-fine-tuning-\(target.name)\(scratch ? "scratch" : freeze ? "frozen" : "finetune").svg")
        }
        print("\(scratch ? "from scratch" : freeze ? "fine-tuned (frozen body)" : "fine-tuned"): "
              + "test acc \(formatMetric(result.testAccuracy)) on \(target.testDescription)")
        print("wall time \(formatDuration(Date().timeIntervalSince(started)))")
    }

    /// The hot-dog data's folder when this run uses it, else `nil` after saying why not in one line.
    private func hotdogFolder() throws -> URL? {
        switch task {
        case .mnist5k: return nil
        case .hotdog: return try HotDogSection.dataFolder()
        case .auto:
            let folder: URL
            do {
                folder = try HotDogSection.dataFolder()
            } catch {
                print("The book's hot-dog data set is not available (\(error)); running the offline task instead.")
                return nil
            }
            if weights == nil && !scratch {
                print("\(folder.path) is here, but the hot-dog task fine-tunes ImageNet weights: pass --weights FILE "
                      + "(torchvision's ResNet-18 as safetensors) or --scratch; running the offline task instead.")
                return nil
            }
            return folder
        }
    }

    /// The book's task (§13.2.1): hot dog or not, 224 × 224 crops normalised with ImageNet's
    /// statistics, random resized crops and flips for training, lr 5e-5 and batch 128.
    private func hotdogTarget(_ root: URL, generator: RandomGenerator) throws -> Target {
        let (train, test, classes) = try HotDogSection.loadHotdog(batchSize: batchSize ?? 128, root: root,
                                                                   generator: generator)
        print("The book's hot-dog task: \(train.exampleCount) training and \(test.exampleCount) test photos "
              + "from \(root.path), classes \(classes)")
        return Target(train: train, test: test, numClasses: classes.count, sourceClasses: 1000, name: "hotdog-",
                      augmentation: HotDogSection.trainAugs,
                      lr: lr ?? 5e-5, testDescription: "\(test.exampleCount) hot-dog test photos")
    }

    /// The offline task: a shuffled split of MNIST-5k's real digits.
    private func mnistTarget(generator: RandomGenerator) throws -> Target {
        print("The target is MNIST-5k: \(trainExamples) digits for training, the other \(5000 - trainExamples) "
              + "for testing (shuffled, seed \(seed)).")
        let (train, test) = try FineTuningSection.loadMNIST5k(trainExamples: trainExamples, batchSize: batchSize ?? 32,
                                                              generator: generator)
        return Target(train: train, test: test, numClasses: 10, sourceClasses: 10, name: "", augmentation: nil,
                      lr: lr ?? 5e-4,
                      testDescription: "\(5000 - trainExamples) MNIST digits")
    }

    /// The pretrained layers: `--weights`, else the cached Fashion-MNIST model, else trained now
    /// and cached.
    private func loadSource(into net: TorchvisionResNet) throws {
        if let weights {
            let report = try FineTuningSection.loadPretrained(net, from: URL(fileURLWithPath: weights))
            print("pretrained weights: \(weights) (\(report.isComplete ? "every tensor but fc loaded" : report.description))")
            return
        }
        let url = FineTuningSection.sourceModelURL
        if FileManager.default.fileExists(atPath: url.path) {
            try FineTuningSection.loadPretrained(net, from: url)
            print("source model: \(url.path) (ResNet-18 trained on Fashion-MNIST by an earlier run)")
            return
        }
        print("source model: training ResNet-18 on Fashion-MNIST (60 000 images, grey repeated to 3 channels), "
              + "\(sourceEpochs) epoch(s), Adam lr 0.001, batch 128; it is saved and reused by later runs")
        let started = Date()
        let (source, _) = try FineTuningSection.trainSourceModel(numEpochs: sourceEpochs,
                                                                  generator: RandomGenerator(seed: seed))
        try source.saveParameters(to: url)
        print("source model trained in \(formatDuration(Date().timeIntervalSince(started))), saved to \(url.path)")
        try FineTuningSection.loadPretrained(net, from: url)
    }
}
