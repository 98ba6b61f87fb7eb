import D2L

/// §8.6 Concise implementation of recurrent neural networks.
public enum RNNConcise {
    /// The book's §8.6 run: `nn.RNN(len(vocab), 256)` inside `RNNModel`, 500 epochs, lr 1,
    /// batch 32, 35 steps. Prints the layer's output shapes, the untrained prediction, then
    /// trains as `train_ch8`.
    @discardableResult
    public static func train(numEpochs: Int = 500, lr: Float = 1, numHiddens: Int = 256, useRandomIter: Bool = false,
                             generator: RandomGenerator = .global) throws -> (RNNModel<RNN>, LanguageModelResult) {
        let batchSize = 32, numSteps = 35
        let (trainIter, vocab) = try loadDataTimeMachine(batchSize: batchSize, numSteps: numSteps,
                                                         useRandomIter: useRandomIter, generator: generator)
        let rnnLayer = RNN(vocab.count, numHiddens, generator: generator)
        let X = Tensor.rand([numSteps, batchSize, vocab.count], generator: generator)
        let (Y, stateNew) = rnnLayer(X, rnnLayer.beginState(batchSize: batchSize))
        print("Y.shape \(Y.shape), state_new.shape \(stateNew.shape)")
        let net = RNNModel(rnnLayer, vocabSize: vocab.count, generator: generator)
        print("untrained: \(predictCh8("time traveller", numPreds: 10, net: net, vocab: vocab))")
        let result = try trainCh8(net, trainIter, vocab: vocab, lr: lr, numEpochs: numEpochs, useRandomIter: useRandomIter,
                                  figureName: useRandomIter ? "chapter8-rnn-concise-random.svg" : "chapter8-rnn-concise.svg")
        return (net, result)
    }
}
