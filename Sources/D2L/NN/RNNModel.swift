/// A character-level language model that carries a state: ids [N, T] and a state in, logits
/// [T·N, vocab] (time-major rows) and the next state out. What `trainCh8` and `predictCh8` train
/// and sample from: the from-scratch model of §8.5 and `RNNModel` of §8.6 both are one.
///
/// d2l: the duck type `net(X, state)` / `net.begin_state(batch_size, device)` of §8.5–§8.6.
public protocol RecurrentLanguageModel: AnyObject {
    /// One tensor for RNN and GRU, `LSTMState` for LSTM.
    associatedtype State: RecurrentState
    /// Logits [T·N, vocab] for the ids `X` [N, T], and the state after the last step.
    func callAsFunction(_ X: Tensor, _ state: State) -> (Tensor, State)
    /// The zero state for `batchSize` sequences.
    func beginState(batchSize: Int) -> State
    /// What the updater trains (a module's parameters, or the scratch model's `params`).
    func trainableParameters() -> [Tensor]
}

/// A recurrent layer over one-hot characters followed by an output `Linear` on every step.
///
/// d2l: `RNNModel(rnn_layer, vocab_size)` (§8.6). The inputs `X` [N, T] are transposed to
/// time-major and one-hot encoded, the layer gives `Y` [T, N, h·directions], and the output
/// layer maps `Y` reshaped to [T·N, h·directions] to logits [T·N, vocab].
public final class RNNModel<Layer: SizedRecurrentLayer>: Module, RecurrentLanguageModel {
    /// The recurrent layer, `self.rnn`.
    public let rnn: Layer
    /// Size of the vocabulary (inputs and outputs).
    public let vocabSize: Int
    /// Width of the layer's hidden state.
    public let numHiddens: Int
    /// The output layer, `self.linear`.
    public let linear: Linear

    /// The model around `rnnLayer` for a vocabulary of `vocabSize` tokens.
    public init(_ rnnLayer: Layer, vocabSize: Int, generator: RandomGenerator = .global) {
        check(vocabSize > 0, "RNNModel: vocabSize must be positive, got \(vocabSize)")
        rnn = rnnLayer
        self.vocabSize = vocabSize
        numHiddens = rnnLayer.hiddenSize
        linear = Linear(numHiddens * rnnLayer.numDirections, vocabSize, generator: generator)
        super.init()
    }

    /// Logits [T·N, vocab] for ids `inputs` [N, T], and the new state.
    public func forward(_ inputs: Tensor, _ state: Layer.State) -> (Tensor, Layer.State) {
        check(inputs.ndim == 2, "RNNModel: expects token ids of shape [N, T], got \(inputs.shape)")
        let X = Tensor.oneHot(inputs.T, numClasses: vocabSize).float()
        let (Y, newState) = rnn(X, state)
        return (linear(Y.reshape([-1, Y.shape[2]])), newState)
    }

    /// `forward`: `net(X, state)`.
    public func callAsFunction(_ inputs: Tensor, _ state: Layer.State) -> (Tensor, Layer.State) {
        forward(inputs, state)
    }

    /// The layer's zero state, as `begin_state(device, batch_size=1)`.
    public func beginState(batchSize: Int = 1) -> Layer.State { rnn.beginState(batchSize: batchSize) }
}
