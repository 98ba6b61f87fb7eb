/// A long short-term memory layer: an input gate i, a forget gate f and an output gate o guard a
/// memory cell c that the candidate g writes into.
///
///     i = σ(W_ii x + b_ii + W_hi h + b_hi),  f = σ(W_if x + b_if + W_hf h + b_hf)
///     g = tanh(W_ig x + b_ig + W_hg h + b_hg),  o = σ(W_io x + b_io + W_ho h + b_ho)
///     c' = f ⊙ c + i ⊙ g,  h' = o ⊙ tanh(c')
///
/// d2l: `nn.LSTM(num_inputs, num_hiddens)` (§9.2.3), with PyTorch's semantics: `X` is [T, N, d]
/// (time first), the state the pair (h, c) of [1, N, h] tensors (`LSTMState`), and
/// `lstmLayer(X, state)` returns all hidden states `Y` [T, N, h] and the new state, the last h
/// and c. The parameters have PyTorch's names and shapes, the gates stacked in the order i, f,
/// g, o (`weight_ih_l0` [4h, d], `weight_hh_l0` [4h, h], `bias_ih_l0`, `bias_hh_l0` [4h]), and
/// start uniform in ±1/√h as PyTorch's do. The book's scratch `lstm` computes the same model
/// with one bias per gate. One layer, one direction.
///
/// The whole sequence is one autograd operation (`Tensor+LSTM.swift`): one GEMM projects the
/// inputs of all steps for all four gates, each step is one GEMM plus a fused gate kernel, and
/// backward through time runs on GEMMs and a fused kernel too.
public final class LSTM: Module, SizedRecurrentLayer {
    /// [W_ii; W_if; W_ig; W_io] [4·hiddenSize, inputSize], saved as `weight_ih_l0`.
    @Parameter public var weightIH: Tensor
    /// [W_hi; W_hf; W_hg; W_ho] [4·hiddenSize, hiddenSize], saved as `weight_hh_l0`.
    @Parameter public var weightHH: Tensor
    /// [b_ii; b_if; b_ig; b_io] [4·hiddenSize], saved as `bias_ih_l0` (`nil` without bias).
    @Parameter public var biasIH: Tensor?
    /// [b_hi; b_hf; b_hg; b_ho] [4·hiddenSize], saved as `bias_hh_l0`.
    @Parameter public var biasHH: Tensor?

    /// Width d of each input.
    public let inputSize: Int
    /// Width h of each hidden state and memory cell, PyTorch's `hidden_size`.
    public let hiddenSize: Int
    /// Always 1: this layer is not bidirectional.
    public var numDirections: Int { 1 }

    /// A one-layer LSTM from `inputSize` inputs to `hiddenSize` hidden units, as
    /// `nn.LSTM(input_size, hidden_size, bias=...)`.
    public init(_ inputSize: Int, _ hiddenSize: Int, bias: Bool = true, generator: RandomGenerator = .global) {
        check(inputSize > 0 && hiddenSize > 0, "LSTM: sizes must be positive, got \(inputSize) → \(hiddenSize)")
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        // PyTorch draws every parameter from U(−1/√h, 1/√h), in this order.
        let bound = 1 / Float(hiddenSize).squareRoot()
        func uniform(_ shape: [Int]) -> Tensor {
            Tensor.uniform(low: -bound, high: bound, shape: shape, generator: generator)
        }
        _weightIH = Parameter(wrappedValue: uniform([4 * hiddenSize, inputSize]), key: "weight_ih_l0")
        _weightHH = Parameter(wrappedValue: uniform([4 * hiddenSize, hiddenSize]), key: "weight_hh_l0")
        _biasIH = Parameter(wrappedValue: bias ? uniform([4 * hiddenSize]) : nil, key: "bias_ih_l0")
        _biasHH = Parameter(wrappedValue: bias ? uniform([4 * hiddenSize]) : nil, key: "bias_hh_l0")
        super.init()
    }

    /// Runs over `x` [T, N, inputSize] from `state` (h and c, each [1, N, hiddenSize]); returns
    /// `Y` [T, N, hiddenSize] and the new state: `Y`'s last step and the last memory cell.
    public func forward(_ x: Tensor, _ state: LSTMState) -> (Tensor, LSTMState) {
        check(x.ndim == 3 && x.shape[2] == inputSize && x.shape[0] > 0,
              "LSTM: expects X of shape [T ≥ 1, N, \(inputSize)], got \(x.shape)")
        check(state.h.shape == [1, x.shape[1], hiddenSize],
              "LSTM: expects h and c of shape [1, \(x.shape[1]), \(hiddenSize)] for X \(x.shape), got \(state.h.shape)")
        let both = Tensor.lstmRecurrence(x, state.h, state.c, weightIH: weightIH, weightHH: weightHH,
                                         biasIH: biasIH, biasHH: biasHH)
        let steps = x.shape[0]
        let (Y, C) = (both[0], both[1])
        return (Y, LSTMState(h: Y[(steps - 1)..<steps], c: C[(steps - 1)..<steps]))
    }

    /// The zero state: h and c of shape [1, batchSize, hiddenSize].
    public func beginState(batchSize: Int) -> LSTMState {
        LSTMState(h: Tensor.zeros([1, batchSize, hiddenSize]), c: Tensor.zeros([1, batchSize, hiddenSize]))
    }
}
