import ArgumentParser
import ChapterSupport
import D2L
import Foundation
import RNN

/// §9.5, §9.7 and §9.8: the English–French data, seq2seq training and beam search.
let translationSections: [ParsableCommand.Type] = [NMTDataSection.self, Seq2SeqSection.self, BeamSearchSection.self]

/// §9.5 Machine translation and the dataset.
struct NMTDataSection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "nmt-data",
        abstract: "§9.5 The English–French pairs: raw and preprocessed text, tokens, length histogram, one batch.")
    func run() throws {
        printSection("9.5", "Machine translation and the dataset")
        let raw = try readDataNMT()
        print(String(raw.prefix(75)))
        let text = preprocessNMT(raw)
        print(String(text.prefix(80)))
        let (source, target) = tokenizeNMT(text)
        print("source[:6]:", MachineTranslation.pythonList(Array(source.prefix(6))))
        print("target[:6]:", MachineTranslation.pythonList(Array(target.prefix(6))))
        print("\(source.count) pairs in \(FraEng.url.path)")
        reportWritten("length histogram written to") {
            try MachineTranslation.lengthHistogramFigure(source, target)
                .save(to: figuresDirectory.appendingPathComponent("chapter9-nmt-lengths.svg"))
        }
        let srcVocab = Vocab(tokens: source, minFreq: 2, reservedTokens: ["<pad>", "<bos>", "<eos>"])
        print("len(src_vocab):", srcVocab.count)
        print("truncate_pad(src_vocab[source[0]], 10, src_vocab['<pad>']):",
              MachineTranslation.pythonList(truncatePad(srcVocab[source[0]], numSteps: 10, paddingToken: srcVocab["<pad>"])))
        let (trainIter, _, _) = try loadDataNMT(batchSize: 2, numSteps: 8, generator: RandomGenerator(seed: 0))
        var batches = trainIter.makeIterator()
        if let (X, XValidLen, Y, YValidLen) = batches.next() {
            print("X:", X.long())
            print("valid lengths for X:", XValidLen.long())
            print("Y:", Y.long())
            print("valid lengths for Y:", YValidLen.long())
        }
    }
}

/// The options of §9.7's model and training, with the book's values as defaults.
struct Seq2SeqOptions: ParsableArguments {
    @Option(help: "Embedding width (the book's embed_size).") var embed = 32
    @Option(help: "Hidden units (the book's num_hiddens).") var hidden = 32
    @Option(help: "GRU layers (the book's num_layers).") var layers = 2
    @Option(help: "Dropout between GRU layers.") var dropout: Float = 0.1
    @Option(help: "Pairs per minibatch.") var batchSize = 64
    @Option(help: "Tokens per sequence (the book's num_steps).") var numSteps = 10
    @Option(parsing: .unconditional, help: "Adam's learning rate.") var lr: Float = 0.005
    @Option(help: "Epochs (the book's num_epochs).") var epochs = 300
    @Option(help: "Seed of the initial weights and the batch order (2 gives the book's translations here).")
    var seed: UInt64 = 2

    func validate() throws {
        for (value, option) in [(embed, "--embed"), (hidden, "--hidden"), (layers, "--layers"),
                                (batchSize, "--batch-size"), (numSteps, "--num-steps"), (epochs, "--epochs")] {
            try OptionChecks.atLeast(1, value, option: option)
        }
        try OptionChecks.positiveFinite(lr, option: "--lr")
        guard dropout >= 0 && dropout < 1 else { throw ValidationError("--dropout must be in [0, 1), got \(dropout)") }
    }

    /// Loads the 600 pairs, builds the model and trains it as §9.7.6 does.
    func train(figureName: String) throws
        -> (net: EncoderDecoder<Seq2SeqEncoder, Seq2SeqDecoder>, srcVocab: Vocab, tgtVocab: Vocab) {
        let generator = RandomGenerator(seed: seed)
        let (trainIter, srcVocab, tgtVocab) = try loadDataNMT(batchSize: batchSize, numSteps: numSteps,
                                                              generator: generator)
        let net = Seq2Seq.makeModel(srcVocabSize: srcVocab.count, tgtVocabSize: tgtVocab.count, embedSize: embed,
                                    numHiddens: hidden, numLayers: layers, dropout: dropout, generator: generator)
        try explainingDivergence(bookLR: 0.005) {
            try trainSeq2seq(net, trainIter, lr: lr, numEpochs: epochs, tgtVocab: tgtVocab, figureName: figureName,
                             generator: generator)
        }
        return (net, srcVocab, tgtVocab)
    }
}

/// §9.7 Sequence to sequence learning.
struct Seq2SeqSection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "seq2seq",
        abstract: "§9.7 A GRU encoder–decoder trained on 600 English–French pairs (300 epochs, Adam lr 0.005), then translating.")
    @OptionGroup var options: Seq2SeqOptions
    @Option(help: "Beam width for the translations (1: greedy, as the book).") var beamSize = 1
    func validate() throws { try OptionChecks.atLeast(1, beamSize, option: "--beam-size") }
    func run() throws {
        printSection("9.7", "Sequence to sequence learning")
        let encoder = Seq2SeqEncoder(vocabSize: 10, embedSize: 8, numHiddens: 16, numLayers: 2)
        encoder.eval()
        let X = Tensor.zeros([4, 7], dtype: .int64)
        let (output, state) = encoder(X)
        print("encoder output.shape: \(output.shape), state.shape: \(state.shape)")
        let decoder = Seq2SeqDecoder(vocabSize: 10, embedSize: 8, numHiddens: 16, numLayers: 2)
        decoder.eval()
        let (decOutput, decState) = decoder(X, decoder.initState((output, state)))
        print("decoder output.shape: \(decOutput.shape), state.shape: \(decState.shape)")
        let loss = MaskedSoftmaxCELoss()(Tensor.ones([3, 4, 10]), Tensor.ones([3, 4], dtype: .int64),
                                         Tensor([4, 2, 0]).long())
        print("MaskedSoftmaxCELoss(ones(3, 4, 10), ones(3, 4), [4, 2, 0]):", loss)
        let (net, srcVocab, tgtVocab) = try options.train(figureName: "chapter9-seq2seq.svg")
        for pair in Seq2Seq.examples {
            if beamSize == 1 {
                let translation = predictSeq2seq(net, pair.english, srcVocab: srcVocab, tgtVocab: tgtVocab,
                                                 numSteps: options.numSteps)
                print(Seq2Seq.translationLine(pair.english, translation, reference: pair.french))
            } else {
                print(BeamSearch.translationLine(net, pair.english, reference: pair.french, srcVocab: srcVocab,
                                                 tgtVocab: tgtVocab, numSteps: options.numSteps, beamSize: beamSize))
            }
        }
    }
}

/// §9.8 Beam search.
struct BeamSearchSection: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "beam-search",
        abstract: "§9.8 Trains §9.7's model, then translates its four sentences with beam widths 1, 2 and 4.")
    @OptionGroup var options: Seq2SeqOptions
    @Option(parsing: .upToNextOption, help: "Beam widths to compare.") var beamSizes: [Int] = [1, 2, 4]
    func validate() throws {
        guard !beamSizes.isEmpty, beamSizes.allSatisfy({ $0 >= 1 }) else {
            throw ValidationError("--beam-sizes must be positive integers, got \(beamSizes)")
        }
    }
    func run() throws {
        printSection("9.8", "Beam search")
        print("score = log P / L^\(BeamSearch.alpha); beam width 1 is the greedy search of §9.7")
        let (net, srcVocab, tgtVocab) = try options.train(figureName: "chapter9-beam-search.svg")
        for pair in Seq2Seq.examples {
            for k in beamSizes {
                print(BeamSearch.translationLine(net, pair.english, reference: pair.french, srcVocab: srcVocab,
                                                 tgtVocab: tgtVocab, numSteps: options.numSteps, beamSize: k))
            }
        }
    }
}
