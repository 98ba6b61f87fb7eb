/// The encoder of §9.7: an embedding followed by a multi-layer GRU over the source ids.
///
/// d2l: `Seq2SeqEncoder(vocab_size, embed_size, num_hiddens, num_layers, dropout=0)` (§9.7.1).
/// For ids `X` [N, T] it returns the GRU's outputs [T, N, numHiddens] (time first, as the
/// book's after its `permute`) and its final state [numLayers, N, numHiddens]. The ids are
/// embedded already transposed, which gives the same [T, N, embedSize] without a copy.
public final class Seq2SeqEncoder: Module, Encoder {
    /// `self.embedding`.
    public let embedding: Embedding
    /// `self.rnn`.
    public let rnn: GRU

    /// An encoder for a vocabulary of `vocabSize` tokens.
    public init(vocabSize: Int, embedSize: Int, numHiddens: Int, numLayers: Int, dropout: Float = 0,
                generator: RandomGenerator = .global) {
        embedding = Embedding(vocabSize, embedSize, generator: generator)
        rnn = GRU(embedSize, numHiddens, numLayers: numLayers, dropout: dropout, generator: generator)
        super.init()
    }

    /// `(output [T, N, h], state [layers, N, h])` for source ids `X` [N, T]; `validLens` is unused.
    public func forward(_ X: Tensor, validLens: Tensor?) -> (Tensor, Tensor) {
        check(X.ndim == 2, "Seq2SeqEncoder: expects ids of shape [N, T], got \(X.shape)")
        let embedded = embedding(X.T)
        return rnn(embedded, rnn.beginState(batchSize: X.shape[0]))
    }
}

/// The decoder of §9.7: an embedding, a multi-layer GRU and an output layer, with the top layer
/// of the state it receives fed as a context vector next to the input at every step.
///
/// d2l: `Seq2SeqDecoder(vocab_size, embed_size, num_hiddens, num_layers, dropout=0)` (§9.7.2).
/// The initial state is the encoder's final state. As in the book, the context of a call is the
/// top layer of the state passed *to that call*: in training (one call over the whole target)
/// it is the encoder's final state; when predicting one token per call it is the decoder's own
/// latest state, which is what the book's translations come from.
public final class Seq2SeqDecoder: Module, Decoder {
    /// `self.embedding`.
    public let embedding: Embedding
    /// `self.rnn`, reading embedding and context side by side.
    public let rnn: GRU
    /// `self.dense`, from hidden states to vocabulary scores.
    public let dense: Linear

    /// A decoder for a vocabulary of `vocabSize` tokens.
    public init(vocabSize: Int, embedSize: Int, numHiddens: Int, numLayers: Int, dropout: Float = 0,
                generator: RandomGenerator = .global) {
        embedding = Embedding(vocabSize, embedSize, generator: generator)
        rnn = GRU(embedSize + numHiddens, numHiddens, numLayers: numLayers, dropout: dropout, generator: generator)
        dense = Linear(numHiddens, vocabSize, generator: generator)
        super.init()
    }

    /// The encoder's final state, `enc_outputs[1]`.
    public func initState(_ encOutputs: (Tensor, Tensor), validLens: Tensor?) -> Tensor { encOutputs.1 }

    /// Scores [N, T, vocab] for target ids `X` [N, T] from `state` [layers, N, h], and the new state.
    public func forward(_ X: Tensor, _ state: Tensor) -> (Tensor, Tensor) {
        check(X.ndim == 2, "Seq2SeqDecoder: expects ids of shape [N, T], got \(X.shape)")
        let embedded = embedding(X.T)  // [T, N, e]
        let top = state[state.shape[0] - 1]  // [N, h]
        let context = top.unsqueeze(0).expand([X.shape[1], top.shape[0], top.shape[1]])
        let (output, next) = rnn(Tensor.cat([embedded, context], dim: 2), state)
        return (dense(output).permute(1, 0, 2), next)
    }
}
