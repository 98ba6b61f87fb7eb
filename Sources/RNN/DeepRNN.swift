import D2L

/// §9.3 Deep recurrent neural networks.
public enum DeepRNN {
    /// `d2l.RNNModel(nn.LSTM(num_inputs, num_hiddens, num_layers), len(vocab))` (§9.3.2), with
    /// the book's 2 layers of 256 hidden units by default, untrained. The book trains it with
    /// lr 2 for 500 epochs.
    public static func makeModel(vocabSize: Int, numHiddens: Int = 256, numLayers: Int = 2,
                                 generator: RandomGenerator = .global) -> RNNModel<LSTM> {
        RNNModel(LSTM(vocabSize, numHiddens, numLayers: numLayers, generator: generator), vocabSize: vocabSize,
                 generator: generator)
    }
}
