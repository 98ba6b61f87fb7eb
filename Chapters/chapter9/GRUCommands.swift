import ArgumentParser
import ChapterSupport
import D2L
import RNN

/// §9.1, from scratch and concise.
let gruSections: [ParsableCommand.Type] = [GRUScratchSection.self, GRUConciseSection.self]

/// §9.1's settings: 500 epochs, lr 1, 256 hidden units.
enum GRUBook: LanguageModelBook {
    static let epochs = 500
    static let lr: Float = 1
    static let hidden = 256
}

/// §9.1.2 GRU from scratch.
struct GRUScratchSection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gru-scratch",
        abstract: "§9.1.2 A GRU from plain tensors trained on The Time Machine (500 epochs, lr 1, 256 hidden).")
    @OptionGroup var options: LanguageModelOptions<GRUBook>
    func run() throws {
        printSection("9.1", "Gated recurrent units (GRU), from scratch")
        let generator = RandomGenerator(seed: options.seed)
        let (trainIter, vocab) = try ModernRNNTraining.loadData(generator: generator)
        let net = GRUScratch.makeModel(vocabSize: vocab.count, numHiddens: options.hidden, generator: generator)
        try explainingDivergence(bookLR: GRUBook.lr) {
            try ModernRNNTraining.train(net, trainIter, vocab: vocab, numEpochs: options.epochs, lr: options.lr,
                                        figureName: "chapter9-gru-scratch.svg")
        }
    }
}

/// §9.1.3 Concise GRU.
struct GRUConciseSection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gru",
        abstract: "§9.1.3 nn.GRU inside RNNModel trained on The Time Machine (500 epochs, lr 1, 256 hidden).")
    @OptionGroup var options: LanguageModelOptions<GRUBook>
    func run() throws {
        printSection("9.1", "Gated recurrent units (GRU), concise")
        let generator = RandomGenerator(seed: options.seed)
        let (trainIter, vocab) = try ModernRNNTraining.loadData(generator: generator)
        let net = GRUConcise.makeModel(vocabSize: vocab.count, numHiddens: options.hidden, generator: generator)
        try explainingDivergence(bookLR: GRUBook.lr) {
            try ModernRNNTraining.train(net, trainIter, vocab: vocab, numEpochs: options.epochs, lr: options.lr,
                                        figureName: "chapter9-gru.svg")
        }
    }
}
