import ArgumentParser
import ChapterSupport
import D2L
import Foundation
import LinearNetworks

/// §3.1 Linear regression.
struct LinearRegressionIntro: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "linear-regression",
        abstract: "§3.1 Linear regression: a Swift loop against one vectorised add, and normal densities.")

    func run() throws {
        printSection("3.1", "Linear regression")
        let (loop, vectorized) = LinearRegressionBasics.vectorizationTiming()
        print(String(format: "adding two 10000-element vectors: loop %.5f sec, vectorised %.5f sec", loop, vectorized))
        reportWritten("normal distributions plotted to") { try LinearRegressionBasics.plotNormals() }
    }
}

/// Prints how far the learned parameters are from the true ones, as tensors like the book's
/// `true_w - w.reshape(true_w.shape)` and `true_b - b`.
private func reportErrors(w: Tensor, b: Tensor) {
    print("error in estimating w: \(LinearRegressionScratch.trueW - w.detach().reshape(-1))")
    print("error in estimating b: \(LinearRegressionScratch.trueB - b.detach().reshape(-1))")
}

/// The book's `epoch 1, loss 0.000248` lines, `nan` spelled the same everywhere.
private func printEpochLosses(_ losses: [Float]) {
    for (epoch, l) in losses.enumerated() { print("epoch \(epoch + 1), loss \(formatMetric(Double(l), digits: 6))") }
}

/// The book's 1000 synthetic examples with w = [2, −3.4], b = 4.2 (§3.2.1).
private func bookData(_ g: RandomGenerator) -> (features: Tensor, labels: Tensor) {
    syntheticData(LinearRegressionScratch.trueW, LinearRegressionScratch.trueB, numExamples: 1000, generator: g)
}

/// §3.2 Linear regression from scratch.
struct LinregScratch: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "linreg-scratch",
        abstract: "§3.2 Linear regression from scratch: recover w = [2, -3.4], b = 4.2 from synthetic data.")

    @OptionGroup var options: TrainingOptions<LinearRegressionBook>

    func run() throws {
        printSection("3.2", "Linear regression implementation from scratch")
        let g = RandomGenerator(seed: options.seed)
        let (features, labels) = bookData(g)
        print("features: \(features[0]), label: \(labels[0])")
        let (w, b, losses) = try options.explainingDivergence {
            try LinearRegressionScratch.train(features: features, labels: labels, lr: options.lr,
                                              numEpochs: options.epochs, batchSize: options.batchSize, generator: g)
        }
        printEpochLosses(losses)
        reportErrors(w: w, b: b)
    }
}

/// §3.3 Concise linear regression.
struct Linreg: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "linreg",
        abstract: "§3.3 Concise linear regression with Linear, MSELoss and SGD.")

    @OptionGroup var options: TrainingOptions<LinearRegressionBook>

    func run() throws {
        printSection("3.3", "Concise implementation of linear regression")
        let g = RandomGenerator(seed: options.seed)
        let (features, labels) = bookData(g)
        let (net, losses) = try options.explainingDivergence {
            try LinearRegressionConcise.train(features: features, labels: labels, lr: options.lr,
                                              numEpochs: options.epochs, batchSize: options.batchSize, generator: g)
        }
        printEpochLosses(losses)
        let layer = net[0] as! Linear
        reportErrors(w: layer.weight, b: layer.bias!)
    }
}
