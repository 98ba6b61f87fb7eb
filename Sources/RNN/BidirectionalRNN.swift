import D2L

/// §9.4 Bidirectional recurrent neural networks, and §9.4.3's warning: a bidirectional model
/// used as a language model.
public enum BidirectionalRNN {
    /// `d2l.RNNModel(nn.LSTM(num_inputs, num_hiddens, num_layers, bidirectional=True),
    /// len(vocab))` (§9.4.3), with the book's 2 layers of 256 hidden units by default, untrained.
    ///
    /// The book builds it to show a wrong use: trained to predict the next character, the reverse
    /// direction reads that very character from the future, so the training perplexity falls
    /// low while predicting forward, where no future is given, produces nonsense.
    public static func makeModel(vocabSize: Int, numHiddens: Int = 256, numLayers: Int = 2,
                                 generator: RandomGenerator = .global) -> RNNModel<LSTM> {
        RNNModel(LSTM(vocabSize, numHiddens, numLayers: numLayers, bidirectional: true, generator: generator),
                 vocabSize: vocabSize, generator: generator)
    }

    /// What the program prints after training: why the low perplexity does not mean a good model.
    public static let warning = "The perplexity is low because the reverse direction sees the character it is asked "
        + "to predict; generating text, there is no future to read, so the predictions above are nonsense. "
        + "A bidirectional RNN suits tasks that have the whole sequence in hand (tagging, encoding), "
        + "not predicting what comes next."
}
