import D2L

/// §9.1 Gated recurrent units (GRU), from scratch.
public enum GRUScratch {
    /// W_xz, W_hz, b_z (update gate), W_xr, W_hr, b_r (reset gate), W_xh, W_hh, b_h (candidate
    /// state), W_hq, b_q (output): weights N(0, 0.01²), biases zero, all requiring gradients.
    ///
    /// d2l: `get_params(vocab_size, num_hiddens, device)` (§9.1.2.1).
    public static func getParams(vocabSize: Int, numHiddens: Int, generator: RandomGenerator = .global) -> [Tensor] {
        func normal(_ shape: [Int]) -> Tensor { Tensor.randn(shape, generator: generator) * 0.01 }
        func three() -> [Tensor] {
            [normal([vocabSize, numHiddens]), normal([numHiddens, numHiddens]), Tensor.zeros([numHiddens])]
        }
        let params = three() + three() + three() + [normal([numHiddens, vocabSize]), Tensor.zeros([vocabSize])]
        return params.map { $0.requiresGrad() }
    }

    /// The zero hidden state [batchSize, numHiddens].
    ///
    /// d2l: `init_gru_state(batch_size, num_hiddens, device)` (§9.1.2.2); the book returns a 1-tuple.
    public static func initGRUState(batchSize: Int, numHiddens: Int) -> Tensor {
        Tensor.zeros([batchSize, numHiddens])
    }

    /// One step at a time: Z = σ(X W_xz + H W_hz + b_z), R = σ(X W_xr + H W_hr + b_r),
    /// H̃ = tanh(X W_xh + (R ⊙ H) W_hh + b_h), H = Z ⊙ H + (1 − Z) ⊙ H̃, Y = H W_hq + b_q; returns
    /// the outputs of all steps stacked to [T·N, vocab] and the last H.
    ///
    /// d2l: `gru(inputs, state, params)` (§9.1.2.2); `inputs` is [T, N, vocab] (one-hot).
    public static func gru(_ inputs: Tensor, _ state: Tensor, _ params: [Tensor]) -> (Tensor, Tensor) {
        check(params.count == 11,
              "gru: expects [W_xz, W_hz, b_z, W_xr, W_hr, b_r, W_xh, W_hh, b_h, W_hq, b_q], got \(params.count) tensors")
        let (Wxz, Whz, bz, Wxr, Whr, br) = (params[0], params[1], params[2], params[3], params[4], params[5])
        let (Wxh, Whh, bh, Whq, bq) = (params[6], params[7], params[8], params[9], params[10])
        var H = state
        var outputs: [Tensor] = []
        for t in 0..<inputs.shape[0] {
            let X = inputs[t]
            let Z = (matmul(X, Wxz) + matmul(H, Whz) + bz).sigmoid()
            let R = (matmul(X, Wxr) + matmul(H, Whr) + br).sigmoid()
            let HTilda = (matmul(X, Wxh) + matmul(R * H, Whh) + bh).tanh()
            H = Z * H + (1 - Z) * HTilda
            outputs.append(matmul(H, Whq) + bq)
        }
        return (Tensor.cat(outputs, dim: 0), H)
    }

    /// `d2l.RNNModelScratch(len(vocab), num_hiddens, device, get_params, init_gru_state, gru)`
    /// (§9.1.2.3), untrained.
    public static func makeModel(vocabSize: Int, numHiddens: Int = 256,
                                 generator: RandomGenerator = .global) -> RNNModelScratch<Tensor> {
        RNNModelScratch(vocabSize: vocabSize, numHiddens: numHiddens,
                        getParams: { getParams(vocabSize: $0, numHiddens: $1, generator: generator) },
                        initState: { initGRUState(batchSize: $0, numHiddens: $1) },
                        forwardFn: { gru($0, $1, $2) })
    }
}

/// §9.1.3 Concise implementation of the GRU.
public enum GRUConcise {
    /// `d2l.RNNModel(nn.GRU(num_inputs, num_hiddens), len(vocab))` (§9.1.3), untrained.
    public static func makeModel(vocabSize: Int, numHiddens: Int = 256,
                                 generator: RandomGenerator = .global) -> RNNModel<GRU> {
        RNNModel(GRU(vocabSize, numHiddens, generator: generator), vocabSize: vocabSize, generator: generator)
    }
}
