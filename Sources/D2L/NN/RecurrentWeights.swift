/// The weights of a stacked, possibly bidirectional, recurrent layer under PyTorch's flat names:
/// for each layer k and each direction, `weight_ih_lk`, `weight_hh_lk`, `bias_ih_lk`,
/// `bias_hh_lk`, with `_reverse` appended for the backward direction.
///
/// d2l: the parameters of `nn.GRU` / `nn.LSTM(num_inputs, num_hiddens, num_layers,
/// bidirectional=...)` (§9.3–§9.4), in PyTorch's order, so a state dict has PyTorch's keys. A
/// module declares `@Parameter var weights: RecurrentWeights` and sets it with
/// `Parameter(wrappedValue: ..., key: "")`; the empty key puts the names at the module's top level.
public struct RecurrentWeights: ModuleTensors {
    /// The tensors, in PyTorch's order; a replacement list must keep their number.
    public var tensors: [Tensor] {
        didSet {
            check(tensors.count == names.count,
                  "RecurrentWeights: expects \(names.count) tensors (\(names.joined(separator: ", "))), got \(tensors.count)")
        }
    }
    /// Their names, `weight_ih_l0` … `bias_hh_l1_reverse`.
    public let names: [String]
    /// Stacked layers.
    public let numLayers: Int
    /// 2 when bidirectional, else 1.
    public let numDirections: Int
    /// Whether each layer and direction has its two biases.
    public let hasBias: Bool

    /// Every tensor under its own name.
    public var namedTensors: [(suffix: String, tensor: Tensor)] { Array(zip(names, tensors)) }

    /// Weights for `gates` gates per unit (1 RNN, 3 GRU, 4 LSTM), each drawn from U(±1/√h) as
    /// PyTorch does, layer by layer and direction by direction. Layer 0 reads `inputSize`
    /// inputs, the layers above it `numDirections · hiddenSize`.
    init(gates: Int, inputSize: Int, hiddenSize: Int, numLayers: Int, bidirectional: Bool, bias: Bool,
         generator: RandomGenerator) {
        let bound = 1 / Float(hiddenSize).squareRoot()
        let directions = bidirectional ? 2 : 1
        var tensors: [Tensor] = [], names: [String] = []
        for layer in 0..<numLayers {
            let inputs = layer == 0 ? inputSize : directions * hiddenSize
            for direction in 0..<directions {
                let suffix = "_l\(layer)" + (direction == 1 ? "_reverse" : "")
                var shapes = [("weight_ih", [gates * hiddenSize, inputs]), ("weight_hh", [gates * hiddenSize, hiddenSize])]
                if bias { shapes += [("bias_ih", [gates * hiddenSize]), ("bias_hh", [gates * hiddenSize])] }
                for (name, shape) in shapes {
                    tensors.append(Tensor.uniform(low: -bound, high: bound, shape: shape, generator: generator))
                    names.append(name + suffix)
                }
            }
        }
        self.tensors = tensors
        self.names = names
        self.numLayers = numLayers
        self.numDirections = directions
        hasBias = bias
    }

    /// Position of the first tensor (`weight_ih`) of `layer` and `direction` (1: reverse).
    func index(layer: Int, direction: Int) -> Int { (layer * numDirections + direction) * (hasBias ? 4 : 2) }

    /// W_ih, W_hh, b_ih, b_hh of `layer` in `direction` (0 forward, 1 reverse).
    public func weights(layer: Int, direction: Int = 0) -> (ih: Tensor, hh: Tensor, biasIH: Tensor?, biasHH: Tensor?) {
        check(layer >= 0 && layer < numLayers && direction >= 0 && direction < numDirections,
              "RecurrentWeights: no layer \(layer) direction \(direction) in \(numLayers) layers × \(numDirections) directions")
        let i = index(layer: layer, direction: direction)
        return (tensors[i], tensors[i + 1], hasBias ? tensors[i + 2] : nil, hasBias ? tensors[i + 3] : nil)
    }
}

/// Runs a stacked, possibly bidirectional, recurrence: each layer reads the previous layer's
/// outputs (both directions side by side), the reverse direction runs over the time-reversed
/// sequence, and dropout (in training only) sits between layers as in PyTorch.
///
/// `step(input, layer, direction, stateIndex)` runs one layer and direction over `input`
/// [T, N, ·] from the states at `stateIndex` and returns its outputs [T, N, h] in its own time
/// order plus its final states (one [N, h] tensor per state component). Returns the last
/// layer's outputs [T, N, directions · h] and each state component stacked to
/// [layers · directions, N, h].
func runStackedRecurrence(_ x: Tensor, numLayers: Int, numDirections: Int, dropout: Float, training: Bool,
                          generator: RandomGenerator,
                          step: (Tensor, Int, Int, Int) -> (Tensor, [Tensor])) -> (Tensor, [Tensor]) {
    var input = x
    var finals: [[Tensor]] = []
    for layer in 0..<numLayers {
        var outputs: [Tensor] = []
        for direction in 0..<numDirections {
            let reversed = direction == 1
            let (Y, last) = step(reversed ? input.flip(0) : input, layer, direction, layer * numDirections + direction)
            outputs.append(reversed ? Y.flip(0) : Y)
            finals.append(last)
        }
        input = outputs.count == 1 ? outputs[0] : Tensor.cat(outputs, dim: 2)
        if dropout > 0 && training && layer < numLayers - 1 {
            input = dropoutLayer(input, dropout, generator: generator)
        }
    }
    let components = finals[0].count
    return (input, (0..<components).map { k in Tensor.stack(finals.map { $0[k] }) })
}
