/// A gated recurrent unit layer: a reset gate r and an update gate z decide how much of the
/// previous state enters the candidate n and how much of it is kept.
///
///     r = σ(W_ir x + b_ir + W_hr h + b_hr),  z = σ(W_iz x + b_iz + W_hz h + b_hz)
///     n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)),  h' = (1 − z) ⊙ n + z ⊙ h
///
/// d2l: `nn.GRU(num_inputs, num_hiddens)` (§9.1.3), with PyTorch's semantics: `X` is [T, N, d]
/// (time first), the state [1, N, h], and `gruLayer(X, state)` returns all hidden states `Y`
/// [T, N, h] and the last one as the new state [1, N, h]. The parameters have PyTorch's names
/// and shapes, the gates stacked in the order r, z, n (`weight_ih_l0` [3h, d], `weight_hh_l0`
/// [3h, h], `bias_ih_l0`, `bias_hh_l0` [3h]), and start uniform in ±1/√h as PyTorch's do. Note
/// that, as in PyTorch and cuDNN, the reset gate multiplies the hidden projection W_hn h + b_hn;
/// the book's scratch `gru` multiplies the state before the product, (r ⊙ h) W_hh, a slightly
/// different model that trains as well. One layer, one direction.
///
/// The whole sequence is one autograd operation (`Tensor+GRU.swift`): one GEMM projects the
/// inputs of all steps for all three gates, each step is one GEMM plus a fused gate kernel, and
/// backward through time runs on GEMMs and a fused kernel too.
public final class GRU: Module, SizedRecurrentLayer {
    /// [W_ir; W_iz; W_in] [3·hiddenSize, inputSize], saved as `weight_ih_l0`.
    @Parameter public var weightIH: Tensor
    /// [W_hr; W_hz; W_hn] [3·hiddenSize, hiddenSize], saved as `weight_hh_l0`.
    @Parameter public var weightHH: Tensor
    /// [b_ir; b_iz; b_in] [3·hiddenSize], saved as `bias_ih_l0` (`nil` without bias).
    @Parameter public var biasIH: Tensor?
    /// [b_hr; b_hz; b_hn] [3·hiddenSize], saved as `bias_hh_l0`.
    @Parameter public var biasHH: Tensor?

    /// Width d of each input.
    public let inputSize: Int
    /// Width h of each hidden state, PyTorch's `hidden_size`.
    public let hiddenSize: Int
    /// Always 1: this layer is not bidirectional.
    public var numDirections: Int { 1 }

    /// A one-layer GRU from `inputSize` inputs to `hiddenSize` hidden units, as
    /// `nn.GRU(input_size, hidden_size, bias=...)`.
    public init(_ inputSize: Int, _ hiddenSize: Int, bias: Bool = true, generator: RandomGenerator = .global) {
        check(inputSize > 0 && hiddenSize > 0, "GRU: sizes must be positive, got \(inputSize) → \(hiddenSize)")
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        // PyTorch draws every parameter from U(−1/√h, 1/√h), in this order.
        let bound = 1 / Float(hiddenSize).squareRoot()
        func uniform(_ shape: [Int]) -> Tensor {
            Tensor.uniform(low: -bound, high: bound, shape: shape, generator: generator)
        }
        _weightIH = Parameter(wrappedValue: uniform([3 * hiddenSize, inputSize]), key: "weight_ih_l0")
        _weightHH = Parameter(wrappedValue: uniform([3 * hiddenSize, hiddenSize]), key: "weight_hh_l0")
        _biasIH = Parameter(wrappedValue: bias ? uniform([3 * hiddenSize]) : nil, key: "bias_ih_l0")
        _biasHH = Parameter(wrappedValue: bias ? uniform([3 * hiddenSize]) : nil, key: "bias_hh_l0")
        super.init()
    }

    /// Runs over `x` [T, N, inputSize] from `state` [1, N, hiddenSize]; returns `Y`
    /// [T, N, hiddenSize] and the new state, `Y`'s last step.
    public func forward(_ x: Tensor, _ state: Tensor) -> (Tensor, Tensor) {
        check(x.ndim == 3 && x.shape[2] == inputSize && x.shape[0] > 0,
              "GRU: expects X of shape [T ≥ 1, N, \(inputSize)], got \(x.shape)")
        check(state.shape == [1, x.shape[1], hiddenSize],
              "GRU: expects a state of shape [1, \(x.shape[1]), \(hiddenSize)] for X \(x.shape), got \(state.shape)")
        let Y = Tensor.gruRecurrence(x, state, weightIH: weightIH, weightHH: weightHH, biasIH: biasIH, biasHH: biasHH)
        let steps = x.shape[0]
        return (Y, Y[(steps - 1)..<steps])
    }

    /// The zero state [1, batchSize, hiddenSize].
    public func beginState(batchSize: Int) -> Tensor { Tensor.zeros([1, batchSize, hiddenSize]) }
}
