import ArgumentParser
import ChapterSupport
import D2L
import RNN

/// §9.3 and §9.4: stacked and bidirectional LSTMs.
let deepSections: [ParsableCommand.Type] = [DeepRNNSection.self, BidirectionalRNNSection.self]

/// §9.3's settings: 500 epochs, lr 2, 256 hidden units (2 layers).
enum DeepRNNBook: LanguageModelBook {
    static let epochs = 500
    static let lr: Float = 2
    static let hidden = 256
}

/// §9.4's settings: 500 epochs, lr 1, 256 hidden units (2 layers, both directions).
enum BidirectionalRNNBook: LanguageModelBook {
    static let epochs = 500
    static let lr: Float = 1
    static let hidden = 256
}

/// §9.3 Deep RNN.
struct DeepRNNSection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deep-rnn",
        abstract: "§9.3 A 2-layer nn.LSTM inside RNNModel trained on The Time Machine (500 epochs, lr 2, 256 hidden).")
    @OptionGroup var options: LanguageModelOptions<DeepRNNBook>
    @Option(parsing: .unconditional, help: "Stacked layers (the book's num_layers).") var layers = 2
    func validate() throws { try OptionChecks.atLeast(1, layers, option: "--layers") }
    func run() throws {
        printSection("9.3", "Deep recurrent neural networks")
        let generator = RandomGenerator(seed: options.seed)
        let (trainIter, vocab) = try ModernRNNTraining.loadData(generator: generator)
        let net = DeepRNN.makeModel(vocabSize: vocab.count, numHiddens: options.hidden, numLayers: layers,
                                    generator: generator)
        try explainingDivergence(bookLR: DeepRNNBook.lr) {
            try ModernRNNTraining.train(net, trainIter, vocab: vocab, numEpochs: options.epochs, lr: options.lr,
                                        figureName: "chapter9-deep-rnn.svg")
        }
    }
}

/// §9.4 Bidirectional RNN, used (wrongly, as the book shows) as a language model.
struct BidirectionalRNNSection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bi-rnn",
        abstract: "§9.4.3 A 2-layer bidirectional nn.LSTM as a language model: low perplexity, nonsense text (500 epochs, lr 1).")
    @OptionGroup var options: LanguageModelOptions<BidirectionalRNNBook>
    @Option(parsing: .unconditional, help: "Stacked layers (the book's num_layers).") var layers = 2
    func validate() throws { try OptionChecks.atLeast(1, layers, option: "--layers") }
    func run() throws {
        printSection("9.4", "Bidirectional recurrent neural networks")
        let generator = RandomGenerator(seed: options.seed)
        let (trainIter, vocab) = try ModernRNNTraining.loadData(generator: generator)
        let net = BidirectionalRNN.makeModel(vocabSize: vocab.count, numHiddens: options.hidden, numLayers: layers,
                                             generator: generator)
        try explainingDivergence(bookLR: BidirectionalRNNBook.lr) {
            try ModernRNNTraining.train(net, trainIter, vocab: vocab, numEpochs: options.epochs, lr: options.lr,
                                        figureName: "chapter9-bi-rnn.svg")
        }
        print(BidirectionalRNN.warning)
    }
}
