/// A recurrent layer that tells its width, so a model can size its output layer from it.
///
/// d2l: the `rnn.hidden_size` and `rnn.bidirectional` that `RNNModel` reads (§8.6).
public protocol SizedRecurrentLayer: RecurrentLayer {
    /// Width h of each hidden state.
    var hiddenSize: Int { get }
    /// 2 for a bidirectional layer, else 1.
    var numDirections: Int { get }
}

/// An Elman RNN layer: H_t = f(X_t W_ihᵀ + b_ih + H_{t−1} W_hhᵀ + b_hh), f = tanh or ReLU.
///
/// d2l: `nn.RNN(input_size, hidden_size)` (§8.6), with PyTorch's semantics: `X` is [T, N, d]
/// (time first), the state [1, N, h], and `rnnLayer(X, state)` returns all hidden states
/// `Y` [T, N, h] and the last one as the new state [1, N, h]. The parameters have PyTorch's
/// names and shapes (`weight_ih_l0` [h, d], `weight_hh_l0` [h, h], `bias_ih_l0`, `bias_hh_l0`
/// [h]), so a state dict matches PyTorch's, and start uniform in ±1/√h as PyTorch's do. It has
/// one layer: PyTorch's `num_layers` (stacked RNNs, §9.3) is not implemented yet.
///
/// The whole sequence is one autograd operation (see `Tensor+RNN.swift`): one GEMM projects the
/// inputs of all steps, each step is one GEMM plus a fused activation, and backward through time
/// runs on GEMMs too.
public final class RNN: Module, SizedRecurrentLayer {
    /// The activation f of `nn.RNN(nonlinearity=...)`.
    public enum Nonlinearity: Sendable {
        /// `'tanh'`, the default.
        case tanh
        /// `'relu'`.
        case relu
    }

    /// W_ih [hiddenSize, inputSize], saved as `weight_ih_l0`.
    @Parameter public var weightIH: Tensor
    /// W_hh [hiddenSize, hiddenSize], saved as `weight_hh_l0`.
    @Parameter public var weightHH: Tensor
    /// b_ih [hiddenSize], saved as `bias_ih_l0` (`nil` without bias).
    @Parameter public var biasIH: Tensor?
    /// b_hh [hiddenSize], saved as `bias_hh_l0`.
    @Parameter public var biasHH: Tensor?

    /// Width d of each input.
    public let inputSize: Int
    /// Width h of each hidden state, PyTorch's `hidden_size`.
    public let hiddenSize: Int
    /// Always 1: this layer is not bidirectional.
    public var numDirections: Int { 1 }
    /// The activation.
    public let nonlinearity: Nonlinearity

    /// A one-layer RNN from `inputSize` inputs to `hiddenSize` hidden units, as
    /// `nn.RNN(input_size, hidden_size, nonlinearity=..., bias=...)`.
    public init(_ inputSize: Int, _ hiddenSize: Int, nonlinearity: Nonlinearity = .tanh, bias: Bool = true,
                generator: RandomGenerator = .global) {
        check(inputSize > 0 && hiddenSize > 0, "RNN: sizes must be positive, got \(inputSize) → \(hiddenSize)")
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.nonlinearity = nonlinearity
        // PyTorch draws every parameter from U(−1/√h, 1/√h), in this order.
        let bound = 1 / Float(hiddenSize).squareRoot()
        func uniform(_ shape: [Int]) -> Tensor {
            Tensor.uniform(low: -bound, high: bound, shape: shape, generator: generator)
        }
        _weightIH = Parameter(wrappedValue: uniform([hiddenSize, inputSize]), key: "weight_ih_l0")
        _weightHH = Parameter(wrappedValue: uniform([hiddenSize, hiddenSize]), key: "weight_hh_l0")
        _biasIH = Parameter(wrappedValue: bias ? uniform([hiddenSize]) : nil, key: "bias_ih_l0")
        _biasHH = Parameter(wrappedValue: bias ? uniform([hiddenSize]) : nil, key: "bias_hh_l0")
        super.init()
    }

    /// Runs over `x` [T, N, inputSize] from `state` [1, N, hiddenSize]; returns `Y`
    /// [T, N, hiddenSize] and the new state, `Y`'s last step.
    public func forward(_ x: Tensor, _ state: Tensor) -> (Tensor, Tensor) {
        check(x.ndim == 3 && x.shape[2] == inputSize && x.shape[0] > 0,
              "RNN: expects X of shape [T ≥ 1, N, \(inputSize)], got \(x.shape)")
        check(state.shape == [1, x.shape[1], hiddenSize],
              "RNN: expects a state of shape [1, \(x.shape[1]), \(hiddenSize)] for X \(x.shape), got \(state.shape)")
        let Y = Tensor.rnnRecurrence(x, state, weightIH: weightIH, weightHH: weightHH, biasIH: biasIH,
                                     biasHH: biasHH, relu: nonlinearity == .relu)
        let steps = x.shape[0]
        return (Y, Y[(steps - 1)..<steps])
    }

    /// The zero state [1, batchSize, hiddenSize].
    public func beginState(batchSize: Int) -> Tensor { Tensor.zeros([1, batchSize, hiddenSize]) }
}
