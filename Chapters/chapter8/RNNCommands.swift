import ArgumentParser
import ChapterSupport
import D2L
import RNN

/// The sections that train recurrent nets, §8.5–8.6.
let rnnSections: [ParsableCommand.Type] = [RNNScratchSection.self, RNNConciseSection.self]

/// Options of both training sections; their defaults are the book's except the width.
struct RNNTrainingOptions: ParsableArguments {
    @Option(help: "Epochs (book: 500).") var epochs = 500
    @Option(help: "Learning rate (book: 1).") var lr: Float = 1
    @Option(help: "Hidden units (book: 512 from scratch, 256 concise).") var hidden: Int?
    @Option(help: "Seed of the initial weights and the samplers.") var seed: UInt64 = 0
    @Flag(help: "Random sampling instead of sequential partitioning.") var randomIter = false

    func validate() throws {
        try OptionChecks.atLeast(1, epochs, option: "--epochs")
        try OptionChecks.positiveFinite(lr, option: "--lr")
        if let hidden { try OptionChecks.atLeast(1, hidden, option: "--hidden") }
    }
}

/// §8.5 RNN from scratch.
struct RNNScratchSection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rnn-scratch",
        abstract: "§8.5 An RNN from plain tensors trained on The Time Machine (500 epochs, 512 hidden).")
    @OptionGroup var options: RNNTrainingOptions
    func run() throws {
        printSection("8.5", "Implementation of recurrent neural networks from scratch")
        let setup = try RNNScratch.setUp(numHiddens: options.hidden ?? 512, useRandomIter: options.randomIter,
                                         generator: RandomGenerator(seed: options.seed))
        print("untrained: \(setup.untrainedPrediction)")
        try explainingDivergence(bookLR: 1) {
            try RNNScratch.train(setup, numEpochs: options.epochs, lr: options.lr, useRandomIter: options.randomIter)
        }
    }
}

/// §8.6 Concise RNN.
struct RNNConciseSection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rnn-concise",
        abstract: "§8.6 nn.RNN inside RNNModel trained on The Time Machine (500 epochs, 256 hidden).")
    @OptionGroup var options: RNNTrainingOptions
    func run() throws {
        printSection("8.6", "Concise implementation of recurrent neural networks")
        let setup = try RNNConcise.setUp(numHiddens: options.hidden ?? 256, useRandomIter: options.randomIter,
                                         generator: RandomGenerator(seed: options.seed))
        print("Y.shape \(setup.outputShape), state_new.shape \(setup.stateShape)")
        print("untrained: \(setup.untrainedPrediction)")
        try explainingDivergence(bookLR: 1) {
            try RNNConcise.train(setup, numEpochs: options.epochs, lr: options.lr, useRandomIter: options.randomIter)
        }
    }
}
