import D2L

/// §8.5 Implementation of recurrent neural networks from scratch.
public enum RNNScratch {
    /// W_xh, W_hh, b_h, W_hq, b_q: weights N(0, 0.01²), biases zero, all requiring gradients.
    ///
    /// d2l: `get_params(vocab_size, num_hiddens, device)` (§8.5.2).
    public static func getParams(vocabSize: Int, numHiddens: Int, generator: RandomGenerator = .global) -> [Tensor] {
        func normal(_ shape: [Int]) -> Tensor { Tensor.randn(shape, generator: generator) * 0.01 }
        let params = [normal([vocabSize, numHiddens]), normal([numHiddens, numHiddens]), Tensor.zeros([numHiddens]),
                      normal([numHiddens, vocabSize]), Tensor.zeros([vocabSize])]
        return params.map { $0.requiresGrad() }
    }

    /// The zero hidden state [batchSize, numHiddens].
    ///
    /// d2l: `init_rnn_state(batch_size, num_hiddens, device)`; the book returns a 1-tuple.
    public static func initRNNState(batchSize: Int, numHiddens: Int) -> Tensor { Tensor.zeros([batchSize, numHiddens]) }

    /// One step at a time: H = tanh(X W_xh + H W_hh + b_h), Y = H W_hq + b_q; returns the
    /// outputs of all steps stacked to [T·N, vocab] and the last H.
    ///
    /// d2l: `rnn(inputs, state, params)` (§8.5.2); `inputs` is [T, N, vocab] (one-hot).
    public static func rnn(_ inputs: Tensor, _ state: Tensor, _ params: [Tensor]) -> (Tensor, Tensor) {
        check(params.count == 5, "rnn: expects [W_xh, W_hh, b_h, W_hq, b_q], got \(params.count) tensors")
        let (Wxh, Whh, bh, Whq, bq) = (params[0], params[1], params[2], params[3], params[4])
        var H = state
        var outputs: [Tensor] = []
        for t in 0..<inputs.shape[0] {
            H = (matmul(inputs[t], Wxh) + matmul(H, Whh) + bh).tanh()
            outputs.append(matmul(H, Whq) + bq)
        }
        return (Tensor.cat(outputs, dim: 0), H)
    }
}

/// A recurrent net from plain tensors: one-hot inputs, a state function and a step function.
///
/// d2l: `RNNModelScratch(vocab_size, num_hiddens, device, get_params, init_state, forward_fn)`
/// (§8.5.2). Trained by `trainCh8` with the book's `sgd`, since it is not a `Module`. `State` is
/// what `init_state` returns: one tensor for the RNN (§8.5) and the GRU (§9.1), `LSTMState` for
/// the LSTM (§9.2).
public final class RNNModelScratch<State: RecurrentState>: RecurrentLanguageModel {
    /// Size of the vocabulary.
    public let vocabSize: Int
    /// Width of the hidden state.
    public let numHiddens: Int
    /// The parameters, `self.params`.
    public let params: [Tensor]
    private let initState: (Int, Int) -> State
    private let forwardFn: (Tensor, State, [Tensor]) -> (Tensor, State)

    /// The model with `getParams`, `initState` and `forwardFn` (the book's three functions).
    public init(vocabSize: Int, numHiddens: Int, getParams: (Int, Int) -> [Tensor],
                initState: @escaping (Int, Int) -> State,
                forwardFn: @escaping (Tensor, State, [Tensor]) -> (Tensor, State)) {
        self.vocabSize = vocabSize
        self.numHiddens = numHiddens
        params = getParams(vocabSize, numHiddens)
        self.initState = initState
        self.forwardFn = forwardFn
    }

    /// Logits [T·N, vocab] for ids `X` [N, T]: `F.one_hot(X.T, vocab_size)` then the step loop.
    public func callAsFunction(_ X: Tensor, _ state: State) -> (Tensor, State) {
        forwardFn(Tensor.oneHot(X.T, numClasses: vocabSize).float(), state, params)
    }

    /// The zero state, `begin_state(batch_size, device)`.
    public func beginState(batchSize: Int) -> State { initState(batchSize, numHiddens) }

    /// `params`, what the updater trains.
    public func trainableParameters() -> [Tensor] { params }
}

extension RNNModelScratch where State == Tensor {
    /// The §8.5 RNN: `RNNScratch`'s `getParams`, `initRNNState` and `rnn` unless others are given.
    public convenience init(vocabSize: Int, numHiddens: Int,
                            getParams: (Int, Int) -> [Tensor] = { RNNScratch.getParams(vocabSize: $0, numHiddens: $1) }) {
        self.init(vocabSize: vocabSize, numHiddens: numHiddens, getParams: getParams,
                  initState: { RNNScratch.initRNNState(batchSize: $0, numHiddens: $1) },
                  forwardFn: { RNNScratch.rnn($0, $1, $2) })
    }
}

extension RNNScratch {
    /// What the §8.5 run starts from: The Time Machine in minibatches of 32 × 35 steps (sequential,
    /// or random sampling), its vocabulary, the untrained model with `numHiddens` hidden units and
    /// its prediction after "time traveller " (the book's `predict_ch8(..., 10, net, vocab)`).
    public struct Setup {
        /// The model, its data and vocabulary.
        public let net: RNNModelScratch<Tensor>, trainIter: SeqDataLoader, vocab: Vocab
        /// The untrained model's 10 characters after "time traveller ".
        public let untrainedPrediction: String
    }

    /// Loads the data and builds the untrained model of §8.5.2–8.5.3.
    public static func setUp(numHiddens: Int = 512, useRandomIter: Bool = false,
                             generator: RandomGenerator = .global) throws -> Setup {
        let (trainIter, vocab) = try loadDataTimeMachine(batchSize: 32, numSteps: 35, useRandomIter: useRandomIter,
                                                         generator: generator)
        let net = RNNModelScratch(vocabSize: vocab.count, numHiddens: numHiddens,
                                  getParams: { getParams(vocabSize: $0, numHiddens: $1, generator: generator) })
        return Setup(net: net, trainIter: trainIter, vocab: vocab,
                     untrainedPrediction: predictCh8("time traveller ", numPreds: 10, net: net, vocab: vocab))
    }

    /// The book's §8.5.4 run on `setup`: `train_ch8` for `numEpochs` (500) at lr `lr` (1), which
    /// prints its progress and result lines; the figure is `chapter8-rnn-scratch[-random].svg`.
    @discardableResult
    public static func train(_ setup: Setup, numEpochs: Int = 500, lr: Float = 1,
                             useRandomIter: Bool = false) throws -> LanguageModelResult {
        try trainCh8(setup.net, setup.trainIter, vocab: setup.vocab, lr: lr, numEpochs: numEpochs,
                     useRandomIter: useRandomIter,
                     figureName: useRandomIter ? "chapter8-rnn-scratch-random.svg" : "chapter8-rnn-scratch.svg")
    }
}
