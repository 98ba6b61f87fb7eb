import D2L

/// Exercises of chapter 9, *Modern Recurrent Neural Networks*. Replace each `throw NotAttempted()`
/// with your answer; `swift test --filter Chapter9` grades them, `swift run grade chapter9` scores them.
public enum Chapter9 {}

extension Chapter9 {
    /// Exercise 9.1.1 — one GRU step, the book's way.
    ///
    /// For inputs `X` [n, d], the previous hidden state `H` [n, h] and `params` =
    /// [W_xz, W_hz, b_z, W_xr, W_hr, b_r, W_xh, W_hh, b_h] (as `get_params` of §9.1 makes them,
    /// without the output layer), return the new hidden state: the update gate
    /// Z = σ(X W_xz + H W_hz + b_z), the reset gate R = σ(X W_xr + H W_hr + b_r), the candidate
    /// H̃ = tanh(X W_xh + (R ⊙ H) W_hh + b_h), and H' = Z ⊙ H + (1 − Z) ⊙ H̃.
    public static func gruStep(_ X: Tensor, _ H: Tensor, _ params: [Tensor]) throws -> Tensor {
        throw NotAttempted()
    }

    /// Exercise 9.1.2 — one GRU step, PyTorch's way.
    ///
    /// `nn.GRU` stacks its gates in the order r, z, n: `weightIH` is [3h, d], `weightHH` [3h, h],
    /// the biases [3h], each split into three blocks of h rows. For one input `x` [n, d] and
    /// state `h` [n, h], return h' = (1 − z) ⊙ n + z ⊙ h, where r = σ(x W_irᵀ + b_ir + h W_hrᵀ + b_hr),
    /// z likewise, and n = tanh(x W_inᵀ + b_in + r ⊙ (h W_hnᵀ + b_hn)): unlike the book, the reset
    /// gate multiplies the hidden projection, bias included. The `GRU` layer must agree.
    public static func gruStepPyTorch(_ x: Tensor, _ h: Tensor, weightIH: Tensor, weightHH: Tensor,
                                      biasIH: Tensor, biasHH: Tensor) throws -> Tensor {
        throw NotAttempted()
    }

    /// Exercise 9.2.1 — one LSTM step.
    ///
    /// For inputs `X` [n, d], the hidden state `H` and memory cell `C` [n, h] and `params` =
    /// [W_xi, W_hi, b_i, W_xf, W_hf, b_f, W_xo, W_ho, b_o, W_xc, W_hc, b_c] (as
    /// `get_lstm_params` of §9.2 makes them, without the output layer), return the new `(H, C)`:
    /// gates I, F, O = σ(X W_x· + H W_h· + b_·), candidate C̃ = tanh(X W_xc + H W_hc + b_c),
    /// C' = F ⊙ C + I ⊙ C̃ and H' = O ⊙ tanh(C').
    public static func lstmStep(_ X: Tensor, _ H: Tensor, _ C: Tensor, _ params: [Tensor]) throws -> (Tensor, Tensor) {
        throw NotAttempted()
    }

    /// Exercise 9.3.1 — counting an LSTM's parameters.
    ///
    /// Return how many numbers `nn.LSTM(inputSize, hiddenSize, numLayers, bidirectional=...)`
    /// trains: each layer and direction has W_ih, W_hh and two biases for its four gates, and a
    /// layer above the first reads the outputs of both directions of the layer below.
    public static func lstmParameterCount(inputSize: Int, hiddenSize: Int, numLayers: Int,
                                          bidirectional: Bool) throws -> Int {
        throw NotAttempted()
    }

    /// Exercise 9.4.1 — a bidirectional RNN by hand.
    ///
    /// For inputs `X` [T, n, d], run one tanh RNN step by step with `forward` = [W_xh [d, h],
    /// W_hh [h, h], b_h [h]] from a zero state, and another with `backward` (same shapes) over
    /// the sequence from its last step to its first; return [T, n, 2h] whose step t holds the
    /// forward state at t followed by the backward state at t.
    public static func bidirectionalRNN(_ X: Tensor, forward: [Tensor], backward: [Tensor]) throws -> Tensor {
        throw NotAttempted()
    }
}

extension Chapter9 {
    /// Exercise 9.7.1 — masking padded positions.
    ///
    /// `X` is [n, T]; `validLen` [n] holds how many leading entries of each row are real (the
    /// rest is padding). Return `X` with every entry at position t ≥ validLen[i] of row i replaced
    /// by `value`, as the book's `sequence_mask` does.
    public static func sequenceMask(_ X: Tensor, validLen: [Int], value: Float) throws -> Tensor {
        throw NotAttempted()
    }

    /// Exercise 9.7.2 — BLEU.
    ///
    /// Both sentences are tokens separated by single spaces. Return
    /// exp(min(0, 1 − len_label / len_pred)) · Π_{n=1…k} p_n^(1/2ⁿ), where p_n is the number of
    /// the prediction's n-grams that match an n-gram of the label, divided by the number of the
    /// prediction's n-grams. A label n-gram can be matched only as often as it occurs in the label.
    /// The predictions graded have at least k tokens.
    public static func bleu(_ pred: String, _ label: String, k: Int) throws -> Double {
        throw NotAttempted()
    }

    /// Exercise 9.8.1 — one step of beam search.
    ///
    /// There are `beamLogProbs.count` candidate sequences, each with its log-probability so far;
    /// `nextLogProbs[b][y]` is the log-probability of token y following candidate b. Return the
    /// `k` extensions (b, y) with the largest total log-probability, largest first; on a tie,
    /// prefer the smaller b, then the smaller y.
    public static func beamStep(beamLogProbs: [Double], nextLogProbs: [[Double]], k: Int) throws
        -> [(beam: Int, token: Int)] {
        throw NotAttempted()
    }
}
