import ArgumentParser
import ChapterSupport
import D2L
import Foundation
import LinearNetworks

/// §3.5 The image classification data set.
struct FashionMNISTSection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fashion-mnist",
        abstract: "§3.5 Fashion-MNIST: sizes, 18 labelled images, and the time to read the training set.")

    @Option(parsing: .unconditional, help: "Examples per minibatch when timing one pass.")
    var batchSize = 256

    /// Rejects a batch size below 1 before any data is read.
    func validate() throws {
        try OptionChecks.atLeast(1, batchSize, option: "--batch-size")
    }

    func run() throws {
        printSection("3.5", "The image classification dataset")
        let train = try FashionMNIST.load(train: true), test = try FashionMNIST.load(train: false)
        print("train: \(train.pixels.count) images, test: \(test.pixels.count) images")
        let first = train.images(0..<18)
        print("image shape: \(Array(first.shape.dropFirst()))")
        let titles = getFashionMNISTLabels(train.labels[0..<18].toIntArray())
        let timer = Timer()
        let (trainIter, _) = try loadDataFashionMNIST(batchSize: batchSize)
        var batches = 0
        for _ in trainIter { batches += 1 }
        print(String(format: "%.2f sec to load the data and read %d batches of %d", timer.stop(), batches, batchSize))
        reportWritten("18 training images written to") {
            try showImages(first, numRows: 2, numCols: 9, titles: titles, name: "chapter3-fashion-mnist.svg")
        }
    }
}

/// §3.6 Softmax regression from scratch.
struct SoftmaxScratchSection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "softmax-scratch",
        abstract: "§3.6 Softmax regression from scratch on Fashion-MNIST (book: 10 epochs, lr 0.1, batch 256).")

    @OptionGroup var options: TrainingOptions<SoftmaxBook>

    func run() throws {
        printSection("3.6", "Implementation of softmax regression from scratch")
        let g = RandomGenerator(seed: options.seed)
        let (trainIter, testIter) = try loadDataFashionMNIST(batchSize: options.batchSize, generator: g)
        let (params, _) = try options.explainingDivergence {
            try SoftmaxScratch.train(trainIter, testIter, numEpochs: options.epochs, lr: options.lr, generator: g)
        }
        reportWritten("predictions written to") {
            try predictCh3(params.net, testIter, name: "chapter3-softmax-scratch-predictions.svg")
        }
    }
}

/// §3.7 Concise softmax regression.
struct SoftmaxSection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "softmax",
        abstract: "§3.7 Concise softmax regression on Fashion-MNIST (book: 10 epochs, lr 0.1, batch 256).")

    @OptionGroup var options: TrainingOptions<SoftmaxBook>

    func run() throws {
        printSection("3.7", "Concise implementation of softmax regression")
        let g = RandomGenerator(seed: options.seed)
        let (trainIter, testIter) = try loadDataFashionMNIST(batchSize: options.batchSize, generator: g)
        let (net, _) = try options.explainingDivergence {
            try SoftmaxConcise.train(trainIter, testIter, numEpochs: options.epochs, lr: options.lr, generator: g)
        }
        reportWritten("predictions written to") { try predictCh3({ net($0) }, testIter, name: "chapter3-softmax-predictions.svg") }
    }
}
