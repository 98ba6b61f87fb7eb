import D2L

/// §8.6 Concise implementation of recurrent neural networks.
public enum RNNConcise {
    /// What the §8.6 run starts from: The Time Machine in minibatches of 32 × 35 steps, its
    /// vocabulary, `nn.RNN(len(vocab), numHiddens)` inside an untrained `RNNModel`, the shapes the
    /// layer gives for a random input (§8.6.1) and the untrained prediction (§8.6.2).
    public struct Setup {
        /// The model, its data and vocabulary.
        public let net: RNNModel<RNN>, trainIter: SeqDataLoader, vocab: Vocab
        /// `Y.shape` and `state_new.shape` of the layer on `rand(35, 32, len(vocab))`.
        public let outputShape: [Int], stateShape: [Int]
        /// The untrained model's 10 characters after "time traveller".
        public let untrainedPrediction: String
    }

    /// Loads the data and builds the untrained model of §8.6.1–8.6.2.
    public static func setUp(numHiddens: Int = 256, useRandomIter: Bool = false,
                             generator: RandomGenerator = .global) throws -> Setup {
        let batchSize = 32, numSteps = 35
        let (trainIter, vocab) = try loadDataTimeMachine(batchSize: batchSize, numSteps: numSteps,
                                                         useRandomIter: useRandomIter, generator: generator)
        let rnnLayer = RNN(vocab.count, numHiddens, generator: generator)
        let X = Tensor.rand([numSteps, batchSize, vocab.count], generator: generator)
        let (Y, stateNew) = rnnLayer(X, rnnLayer.beginState(batchSize: batchSize))
        let net = RNNModel(rnnLayer, vocabSize: vocab.count, generator: generator)
        return Setup(net: net, trainIter: trainIter, vocab: vocab, outputShape: Y.shape, stateShape: stateNew.shape,
                     untrainedPrediction: predictCh8("time traveller", numPreds: 10, net: net, vocab: vocab))
    }

    /// The book's §8.6.3 run on `setup`: `train_ch8` for `numEpochs` (500) at lr `lr` (1), which
    /// prints its progress and result lines; the figure is `chapter8-rnn-concise[-random].svg`.
    @discardableResult
    public static func train(_ setup: Setup, numEpochs: Int = 500, lr: Float = 1,
                             useRandomIter: Bool = false) throws -> LanguageModelResult {
        try trainCh8(setup.net, setup.trainIter, vocab: setup.vocab, lr: lr, numEpochs: numEpochs,
                     useRandomIter: useRandomIter,
                     figureName: useRandomIter ? "chapter8-rnn-concise-random.svg" : "chapter8-rnn-concise.svg")
    }
}
