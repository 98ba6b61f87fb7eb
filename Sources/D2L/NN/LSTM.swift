/// A long short-term memory layer: an input gate i, a forget gate f and an output gate o guard a
/// memory cell c that the candidate g writes into.
///
///     i = σ(W_ii x + b_ii + W_hi h + b_hi),  f = σ(W_if x + b_if + W_hf h + b_hf)
///     g = tanh(W_ig x + b_ig + W_hg h + b_hg),  o = σ(W_io x + b_io + W_ho h + b_ho)
///     c' = f ⊙ c + i ⊙ g,  h' = o ⊙ tanh(c')
///
/// d2l: `nn.LSTM(num_inputs, num_hiddens)` (§9.2.3), with PyTorch's semantics: `X` is [T, N, d]
/// (time first), the state the pair (h, c) of [1, N, h] tensors for one layer (`LSTMState`), and
/// `lstmLayer(X, state)` returns all hidden states `Y` [T, N, h] and the new state, the last h
/// and c. The parameters have PyTorch's names and shapes, the gates stacked in the order i, f,
/// g, o (`weight_ih_l0` [4h, d], `weight_hh_l0` [4h, h], `bias_ih_l0`, `bias_hh_l0` [4h]), and
/// start uniform in ±1/√h as PyTorch's do. The book's scratch `lstm` computes the same model
/// with one bias per gate. With `numLayers` > 1 each layer reads the one below (§9.3);
/// `bidirectional` adds a reverse direction per layer whose weights end in `_reverse` (§9.4); h
/// and c are then [layers·directions, N, h], in PyTorch's order.
///
/// The whole sequence is one autograd operation (`Tensor+LSTM.swift`): one GEMM projects the
/// inputs of all steps for all four gates, each step is one GEMM plus a fused gate kernel, and
/// backward through time runs on GEMMs and a fused kernel too.
public final class LSTM: Module, SizedRecurrentLayer {
    /// All weights under PyTorch's names (`weight_ih_l0` … `bias_hh_l1_reverse`), in its order.
    @Parameter public var weights: RecurrentWeights
    /// [W_ii; W_if; W_ig; W_io] [4·hiddenSize, inputSize] of the first layer, `weight_ih_l0`.
    public var weightIH: Tensor {
        get { weights.tensors[0] }
        set { weights.tensors[0] = newValue }
    }
    /// [W_hi; W_hf; W_hg; W_ho] [4·hiddenSize, hiddenSize] of the first layer, `weight_hh_l0`.
    public var weightHH: Tensor {
        get { weights.tensors[1] }
        set { weights.tensors[1] = newValue }
    }
    /// [b_ii; b_if; b_ig; b_io] [4·hiddenSize] of the first layer, `bias_ih_l0` (`nil` without bias).
    public var biasIH: Tensor? {
        get { weights.hasBias ? weights.tensors[2] : nil }
        set {
            check(weights.hasBias && newValue != nil, "LSTM: biasIH can only be replaced by a tensor in a layer with bias")
            weights.tensors[2] = newValue!
        }
    }
    /// [b_hi; b_hf; b_hg; b_ho] [4·hiddenSize] of the first layer, `bias_hh_l0`.
    public var biasHH: Tensor? {
        get { weights.hasBias ? weights.tensors[3] : nil }
        set {
            check(weights.hasBias && newValue != nil, "LSTM: biasHH can only be replaced by a tensor in a layer with bias")
            weights.tensors[3] = newValue!
        }
    }

    /// Width d of each input.
    public let inputSize: Int
    /// Width h of each hidden state and memory cell, PyTorch's `hidden_size`.
    public let hiddenSize: Int
    /// Stacked layers, PyTorch's `num_layers`.
    public let numLayers: Int
    /// 2 for a bidirectional layer, else 1.
    public var numDirections: Int { weights.numDirections }
    /// Dropout probability on the outputs of every layer but the last, in training.
    public let dropout: Float
    private let generator: RandomGenerator

    /// An LSTM from `inputSize` inputs to `hiddenSize` hidden units, as `nn.LSTM(input_size,
    /// hidden_size, num_layers, bias, dropout=..., bidirectional=...)` (§9.2–§9.4).
    public init(_ inputSize: Int, _ hiddenSize: Int, numLayers: Int = 1, bias: Bool = true, dropout: Float = 0,
                bidirectional: Bool = false, generator: RandomGenerator = .global) {
        check(inputSize > 0 && hiddenSize > 0 && numLayers > 0,
              "LSTM: sizes and numLayers must be positive, got \(inputSize) → \(hiddenSize), \(numLayers) layers")
        check(dropout >= 0 && dropout < 1, "LSTM: dropout must be in [0, 1), got \(dropout)")
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.numLayers = numLayers
        self.dropout = dropout
        self.generator = generator
        _weights = Parameter(wrappedValue: RecurrentWeights(gates: 4, inputSize: inputSize, hiddenSize: hiddenSize,
                                                            numLayers: numLayers, bidirectional: bidirectional,
                                                            bias: bias, generator: generator), key: "")
        super.init()
    }

    /// Runs over `x` [T, N, inputSize] from `state` (h and c, each [layers·directions, N,
    /// hiddenSize]); returns `Y` [T, N, directions·hiddenSize] (the last layer's hidden states,
    /// both directions side by side) and the new state: each layer and direction's last h and c.
    public func forward(_ x: Tensor, _ state: LSTMState) -> (Tensor, LSTMState) {
        check(x.ndim == 3 && x.shape[2] == inputSize && x.shape[0] > 0,
              "LSTM: expects X of shape [T ≥ 1, N, \(inputSize)], got \(x.shape)")
        let layers = numLayers * numDirections, steps = x.shape[0]
        check(state.h.shape == [layers, x.shape[1], hiddenSize],
              "LSTM: expects h and c of shape [\(layers), \(x.shape[1]), \(hiddenSize)] for X \(x.shape), "
              + "got \(state.h.shape)")
        let (Y, finals) = runStackedRecurrence(x, numLayers: numLayers, numDirections: numDirections, dropout: dropout,
                                               training: isTraining, generator: generator) { input, layer, direction, s in
            let w = weights.weights(layer: layer, direction: direction)
            let both = Tensor.lstmRecurrence(input, state.h[s], state.c[s], weightIH: w.ih, weightHH: w.hh,
                                             biasIH: w.biasIH, biasHH: w.biasHH)
            let (H, C) = (both[0], both[1])
            return (H, [H[steps - 1], C[steps - 1]])
        }
        return (Y, LSTMState(h: finals[0], c: finals[1]))
    }

    /// The zero state: h and c of shape [layers·directions, batchSize, hiddenSize].
    public func beginState(batchSize: Int) -> LSTMState {
        let shape = [numLayers * numDirections, batchSize, hiddenSize]
        return LSTMState(h: Tensor.zeros(shape), c: Tensor.zeros(shape))
    }
}
