import ArgumentParser
import ChapterSupport
import D2L
import Foundation
import Vision

/// §13.2 Fine-tuning ResNet-18: offline, a source model trained on Fashion-MNIST (cached in the
/// data folder) is fine-tuned on a small split of MNIST-5k, and `--scratch` trains the same net
/// from random weights for comparison.
struct FineTuning: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fine-tuning",
        abstract: "§13.2 Fine-tune a ResNet-18 pretrained on Fashion-MNIST on a small MNIST split "
            + "(--scratch: the same net from random weights).")

    @Flag(help: "Train the same net from scratch (the book's baseline: all layers at 10× the learning rate).")
    var scratch = false
    @Flag(help: "Exercise 13.2.1: freeze every pretrained layer and train only the new output layer.")
    var freeze = false
    @Option(help: "A safetensors file of torchvision-named ResNet-18 weights to fine-tune instead of the Fashion-MNIST source model (loaded non-strictly; fc is always new).")
    var weights: String?
    @Option(help: "MNIST-5k digits to train on (the rest, shuffled, are the test set).")
    var trainExamples = 500
    @Option(help: "Passes over the target training split (the book: 5).")
    var epochs = 5
    @Option(help: "Learning rate of the pretrained layers (the new fc gets 10×; --scratch uses 10× on all).")
    var lr: Float = 5e-4
    @Option(help: "Examples per minibatch on the target data.")
    var batchSize = 32
    @Option(help: "Epochs of Fashion-MNIST for the source model, when it is not cached yet.")
    var sourceEpochs = 1
    @Option(help: "Seed for the split, initialisation and shuffling.")
    var seed: UInt64 = 0

    func validate() throws {
        try OptionChecks.atLeast(1, trainExamples, option: "--train-examples")
        try OptionChecks.atLeast(1, epochs, option: "--epochs")
        try OptionChecks.positiveFinite(lr, option: "--lr")
        try OptionChecks.atLeast(1, batchSize, option: "--batch-size")
        try OptionChecks.atLeast(1, sourceEpochs, option: "--source-epochs")
        if scratch && (freeze || weights != nil) {
            throw ValidationError("--scratch trains from random weights; it cannot be combined with --freeze or --weights")
        }
    }

    func run() throws {
        printSection("13.2", "Fine-tuning")
        let started = Date()
        let generator = RandomGenerator(seed: seed)
        let hotdog = dataDirectory.appendingPathComponent("hotdog/train").path
        print((FileManager.default.fileExists(atPath: hotdog)
               ? "hotdog/ is in the data folder, but this command runs only the offline task; "
               : "The book's hot-dog data set is not available offline; ")
              + "the target is MNIST-5k instead: "
              + "\(trainExamples) digits for training, the other \(5000 - trainExamples) for testing (shuffled, seed \(seed)).")
        let (train, test) = try FineTuningSection.loadMNIST5k(trainExamples: trainExamples, batchSize: batchSize,
                                                              generator: generator)
        let net = FineTuningSection.sourceNet(generator: RandomGenerator(seed: seed))
        if !scratch { try loadSource(into: net) }
        FineTuningSection.replaceOutputLayer(net, generator: RandomGenerator(seed: seed &+ 1))
        if freeze {
            net.freeze()
            net.unfreeze(["fc"])
        }
        let lr10 = String(format: "%g", Double(lr * 10)), lr1 = String(format: "%g", Double(lr))
        let what = scratch ? "scratch_net: all layers from random weights, lr \(lr10)"
            : freeze ? "finetune_net, pretrained layers frozen: only fc trains, lr \(lr10)"
            : "finetune_net: pretrained layers lr \(lr1), new fc lr \(lr10)"
        print("\(what); SGD, weight decay 0.001, batch \(batchSize), \(epochs) epochs")
        let result = try explainingDivergence(bookLR: 5e-5) {
            try FineTuningSection.trainFineTuning(
                net, train, test, lr: scratch ? lr * 10 : lr, numEpochs: epochs, paramGroup: !scratch,
                generator: generator, figureName: "chapter13-fine-tuning-\(scratch ? "scratch" : freeze ? "frozen" : "finetune").svg")
        }
        print("\(scratch ? "from scratch" : freeze ? "fine-tuned (frozen body)" : "fine-tuned"): "
              + "test acc \(formatMetric(result.testAccuracy)) on \(5000 - trainExamples) MNIST digits")
        print("wall time \(formatDuration(Date().timeIntervalSince(started)))")
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
