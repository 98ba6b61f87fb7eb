import D2L

/// §9.2 Long short-term memory (LSTM), from scratch.
public enum LSTMScratch {
    /// W_xi, W_hi, b_i (input gate), W_xf, W_hf, b_f (forget gate), W_xo, W_ho, b_o (output gate),
    /// W_xc, W_hc, b_c (candidate memory cell), W_hq, b_q (output): weights N(0, 0.01²), biases
    /// zero, all requiring gradients.
    ///
    /// d2l: `get_lstm_params(vocab_size, num_hiddens, device)` (§9.2.2.1).
    public static func getLSTMParams(vocabSize: Int, numHiddens: Int,
                                     generator: RandomGenerator = .global) -> [Tensor] {
        func normal(_ shape: [Int]) -> Tensor { Tensor.randn(shape, generator: generator) * 0.01 }
        func three() -> [Tensor] {
            [normal([vocabSize, numHiddens]), normal([numHiddens, numHiddens]), Tensor.zeros([numHiddens])]
        }
        let params = three() + three() + three() + three()
            + [normal([numHiddens, vocabSize]), Tensor.zeros([vocabSize])]
        return params.map { $0.requiresGrad() }
    }

    /// The zero hidden state and memory cell, each [batchSize, numHiddens].
    ///
    /// d2l: `init_lstm_state(batch_size, num_hiddens, device)` (§9.2.2.2), the pair `(H, C)`.
    public static func initLSTMState(batchSize: Int, numHiddens: Int) -> LSTMState {
        LSTMState(h: Tensor.zeros([batchSize, numHiddens]), c: Tensor.zeros([batchSize, numHiddens]))
    }

    /// One step at a time: I, F, O = σ(X W_x· + H W_h· + b_·), C̃ = tanh(X W_xc + H W_hc + b_c),
    /// C = F ⊙ C + I ⊙ C̃, H = O ⊙ tanh(C), Y = H W_hq + b_q; returns the outputs of all steps
    /// stacked to [T·N, vocab] and the last (H, C).
    ///
    /// d2l: `lstm(inputs, state, params)` (§9.2.2.2); `inputs` is [T, N, vocab] (one-hot).
    public static func lstm(_ inputs: Tensor, _ state: LSTMState, _ params: [Tensor]) -> (Tensor, LSTMState) {
        check(params.count == 14, "lstm: expects [W_xi, W_hi, b_i, W_xf, W_hf, b_f, W_xo, W_ho, b_o, "
              + "W_xc, W_hc, b_c, W_hq, b_q], got \(params.count) tensors")
        let (Wxi, Whi, bi, Wxf, Whf, bf) = (params[0], params[1], params[2], params[3], params[4], params[5])
        let (Wxo, Who, bo, Wxc, Whc, bc) = (params[6], params[7], params[8], params[9], params[10], params[11])
        let (Whq, bq) = (params[12], params[13])
        var (H, C) = (state.h, state.c)
        var outputs: [Tensor] = []
        for t in 0..<inputs.shape[0] {
            let X = inputs[t]
            let I = (matmul(X, Wxi) + matmul(H, Whi) + bi).sigmoid()
            let F = (matmul(X, Wxf) + matmul(H, Whf) + bf).sigmoid()
            let O = (matmul(X, Wxo) + matmul(H, Who) + bo).sigmoid()
            let CTilda = (matmul(X, Wxc) + matmul(H, Whc) + bc).tanh()
            C = F * C + I * CTilda
            H = O * C.tanh()
            outputs.append(matmul(H, Whq) + bq)
        }
        return (Tensor.cat(outputs, dim: 0), LSTMState(h: H, c: C))
    }

    /// `d2l.RNNModelScratch(len(vocab), num_hiddens, device, get_lstm_params, init_lstm_state,
    /// lstm)` (§9.2.2.3), untrained.
    public static func makeModel(vocabSize: Int, numHiddens: Int = 256,
                                 generator: RandomGenerator = .global) -> RNNModelScratch<LSTMState> {
        RNNModelScratch(vocabSize: vocabSize, numHiddens: numHiddens,
                        getParams: { getLSTMParams(vocabSize: $0, numHiddens: $1, generator: generator) },
                        initState: { initLSTMState(batchSize: $0, numHiddens: $1) },
                        forwardFn: { lstm($0, $1, $2) })
    }
}

/// §9.2.3 Concise implementation of the LSTM.
public enum LSTMConcise {
    /// `d2l.RNNModel(nn.LSTM(num_inputs, num_hiddens), len(vocab))` (§9.2.3), untrained.
    public static func makeModel(vocabSize: Int, numHiddens: Int = 256,
                                 generator: RandomGenerator = .global) -> RNNModel<LSTM> {
        RNNModel(LSTM(vocabSize, numHiddens, generator: generator), vocabSize: vocabSize, generator: generator)
    }
}
