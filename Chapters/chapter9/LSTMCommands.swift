import ArgumentParser
import ChapterSupport
import D2L
import RNN

/// §9.2, from scratch and concise.
let lstmSections: [ParsableCommand.Type] = [LSTMScratchSection.self, LSTMConciseSection.self]

/// §9.2's settings: 500 epochs, lr 1, 256 hidden units.
enum LSTMBook: LanguageModelBook {
    static let epochs = 500
    static let lr: Float = 1
    static let hidden = 256
}

/// §9.2.2 LSTM from scratch.
struct LSTMScratchSection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lstm-scratch",
        abstract: "§9.2.2 An LSTM from plain tensors trained on The Time Machine (500 epochs, lr 1, 256 hidden).")
    @OptionGroup var options: LanguageModelOptions<LSTMBook>
    func run() throws {
        printSection("9.2", "Long short-term memory (LSTM), from scratch")
        let generator = RandomGenerator(seed: options.seed)
        let (trainIter, vocab) = try ModernRNNTraining.loadData(generator: generator)
        let net = LSTMScratch.makeModel(vocabSize: vocab.count, numHiddens: options.hidden, generator: generator)
        try explainingDivergence(bookLR: LSTMBook.lr) {
            try ModernRNNTraining.train(net, trainIter, vocab: vocab, numEpochs: options.epochs, lr: options.lr,
                                        figureName: "chapter9-lstm-scratch.svg")
        }
    }
}

/// §9.2.3 Concise LSTM.
struct LSTMConciseSection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lstm",
        abstract: "§9.2.3 nn.LSTM inside RNNModel trained on The Time Machine (500 epochs, lr 1, 256 hidden).")
    @OptionGroup var options: LanguageModelOptions<LSTMBook>
    func run() throws {
        printSection("9.2", "Long short-term memory (LSTM), concise")
        let generator = RandomGenerator(seed: options.seed)
        let (trainIter, vocab) = try ModernRNNTraining.loadData(generator: generator)
        let net = LSTMConcise.makeModel(vocabSize: vocab.count, numHiddens: options.hidden, generator: generator)
        try explainingDivergence(bookLR: LSTMBook.lr) {
            try ModernRNNTraining.train(net, trainIter, vocab: vocab, numEpochs: options.epochs, lr: options.lr,
                                        figureName: "chapter9-lstm.svg")
        }
    }
}
