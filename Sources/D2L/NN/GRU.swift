/// A gated recurrent unit layer: a reset gate r and an update gate z decide how much of the
/// previous state enters the candidate n and how much of it is kept.
///
///     r = σ(W_ir x + b_ir + W_hr h + b_hr),  z = σ(W_iz x + b_iz + W_hz h + b_hz)
///     n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)),  h' = (1 − z) ⊙ n + z ⊙ h
///
/// d2l: `nn.GRU(num_inputs, num_hiddens)` (§9.1.3), with PyTorch's semantics: `X` is [T, N, d]
/// (time first), the state [1, N, h] for one layer, and `gruLayer(X, state)` returns all hidden
/// states `Y` [T, N, h] and the last one as the new state [1, N, h]. The parameters have PyTorch's names
/// and shapes, the gates stacked in the order r, z, n (`weight_ih_l0` [3h, d], `weight_hh_l0`
/// [3h, h], `bias_ih_l0`, `bias_hh_l0` [3h]), and start uniform in ±1/√h as PyTorch's do. Note
/// that, as in PyTorch and cuDNN, the reset gate multiplies the hidden projection W_hn h + b_hn;
/// the book's scratch `gru` multiplies the state before the product, (r ⊙ h) W_hh, a slightly
/// different model that trains as well. With `numLayers` > 1 each layer reads the one below
/// (§9.3); `bidirectional` adds a reverse direction per layer whose weights end in `_reverse`
/// (§9.4); the state is then [layers·directions, N, h], in PyTorch's order.
///
/// The whole sequence is one autograd operation (`Tensor+GRU.swift`): one GEMM projects the
/// inputs of all steps for all three gates, each step is one GEMM plus a fused gate kernel, and
/// backward through time runs on GEMMs and a fused kernel too.
public final class GRU: Module, SizedRecurrentLayer {
    /// All weights under PyTorch's names (`weight_ih_l0` … `bias_hh_l1_reverse`), in its order.
    @Parameter public var weights: RecurrentWeights
    /// [W_ir; W_iz; W_in] [3·hiddenSize, inputSize] of the first layer, `weight_ih_l0`.
    public var weightIH: Tensor {
        get { weights.tensors[0] }
        set { weights.tensors[0] = newValue }
    }
    /// [W_hr; W_hz; W_hn] [3·hiddenSize, hiddenSize] of the first layer, `weight_hh_l0`.
    public var weightHH: Tensor {
        get { weights.tensors[1] }
        set { weights.tensors[1] = newValue }
    }
    /// [b_ir; b_iz; b_in] [3·hiddenSize] of the first layer, `bias_ih_l0` (`nil` without bias).
    public var biasIH: Tensor? {
        get { weights.hasBias ? weights.tensors[2] : nil }
        set {
            check(weights.hasBias && newValue != nil, "GRU: biasIH can only be replaced by a tensor in a layer with bias")
            weights.tensors[2] = newValue!
        }
    }
    /// [b_hr; b_hz; b_hn] [3·hiddenSize] of the first layer, `bias_hh_l0`.
    public var biasHH: Tensor? {
        get { weights.hasBias ? weights.tensors[3] : nil }
        set {
            check(weights.hasBias && newValue != nil, "GRU: biasHH can only be replaced by a tensor in a layer with bias")
            weights.tensors[3] = newValue!
        }
    }

    /// Width d of each input.
    public let inputSize: Int
    /// Width h of each hidden state, PyTorch's `hidden_size`.
    public let hiddenSize: Int
    /// Stacked layers, PyTorch's `num_layers`.
    public let numLayers: Int
    /// 2 for a bidirectional layer, else 1.
    public var numDirections: Int { weights.numDirections }
    /// Dropout probability on the outputs of every layer but the last, in training.
    public let dropout: Float
    private let generator: RandomGenerator

    /// A GRU from `inputSize` inputs to `hiddenSize` hidden units, as `nn.GRU(input_size,
    /// hidden_size, num_layers, bias, dropout=..., bidirectional=...)` (§9.1, §9.3, §9.4).
    public init(_ inputSize: Int, _ hiddenSize: Int, numLayers: Int = 1, bias: Bool = true, dropout: Float = 0,
                bidirectional: Bool = false, generator: RandomGenerator = .global) {
        check(inputSize > 0 && hiddenSize > 0 && numLayers > 0,
              "GRU: sizes and numLayers must be positive, got \(inputSize) → \(hiddenSize), \(numLayers) layers")
        check(dropout >= 0 && dropout < 1, "GRU: dropout must be in [0, 1), got \(dropout)")
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.numLayers = numLayers
        self.dropout = dropout
        self.generator = generator
        _weights = Parameter(wrappedValue: RecurrentWeights(gates: 3, inputSize: inputSize, hiddenSize: hiddenSize,
                                                            numLayers: numLayers, bidirectional: bidirectional,
                                                            bias: bias, generator: generator), key: "")
        super.init()
    }

    /// Runs over `x` [T, N, inputSize] from `state` [layers·directions, N, hiddenSize]; returns
    /// `Y` [T, N, directions·hiddenSize] (the last layer's states, both directions side by side)
    /// and the new state, each layer and direction's last state.
    public func forward(_ x: Tensor, _ state: Tensor) -> (Tensor, Tensor) {
        check(x.ndim == 3 && x.shape[2] == inputSize && x.shape[0] > 0,
              "GRU: expects X of shape [T ≥ 1, N, \(inputSize)], got \(x.shape)")
        let layers = numLayers * numDirections, steps = x.shape[0]
        check(state.shape == [layers, x.shape[1], hiddenSize],
              "GRU: expects a state of shape [\(layers), \(x.shape[1]), \(hiddenSize)] for X \(x.shape), got \(state.shape)")
        let (Y, finals) = runStackedRecurrence(x, numLayers: numLayers, numDirections: numDirections, dropout: dropout,
                                               training: isTraining, generator: generator) { input, layer, direction, s in
            let w = weights.weights(layer: layer, direction: direction)
            let Y = Tensor.gruRecurrence(input, state[s], weightIH: w.ih, weightHH: w.hh, biasIH: w.biasIH,
                                         biasHH: w.biasHH)
            return (Y, [Y[steps - 1]])
        }
        return (Y, finals[0])
    }

    /// The zero state [layers·directions, batchSize, hiddenSize].
    public func beginState(batchSize: Int) -> Tensor { Tensor.zeros([numLayers * numDirections, batchSize, hiddenSize]) }
}
