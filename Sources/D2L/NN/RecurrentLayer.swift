/// The hidden state a recurrent layer carries from one time step, and one minibatch, to the
/// next.
///
/// d2l: the `state` of §8.5–§9.3: one tensor for an RNN or GRU, the pair `(H, C)` for an LSTM.
/// `train_ch8` detaches it between sequential minibatches so gradients stop at the batch edge.
public protocol RecurrentState {
    /// The same values cut off from the autograd graph, as `state.detach_()` (§8.5.5).
    func detached() -> Self
}

extension Tensor: RecurrentState {
    /// `detach()`.
    public func detached() -> Tensor { detach() }
}

/// The state of an LSTM: hidden state `h` and memory cell `c`, each [layers·directions, N, h].
///
/// d2l: the tuple `(H, C)` of §9.2. Destructure it as `let (H, C) = (state.h, state.c)`.
public struct LSTMState: RecurrentState {
    /// Hidden state.
    public var h: Tensor
    /// Memory cell.
    public var c: Tensor

    /// The pair `(h, c)`.
    public init(h: Tensor, c: Tensor) {
        check(h.shape == c.shape, "LSTMState: h \(h.shape) and c \(c.shape) must have the same shape")
        self.h = h
        self.c = c
    }

    /// Both tensors detached.
    public func detached() -> LSTMState { LSTMState(h: h.detach(), c: c.detach()) }
}

/// A module that runs over a whole sequence from a state and returns its outputs and the final
/// state: `let (Y, state) = rnnLayer(X, state)`.
///
/// d2l: `nn.RNN`, `nn.GRU`, `nn.LSTM` (§8.6, §9.1–§9.4). `X` is [T, N, inputs] (time first, as
/// PyTorch's default), `Y` is [T, N, hidden · directions].
public protocol RecurrentLayer: Module {
    /// One tensor for RNN and GRU, `LSTMState` for LSTM.
    associatedtype State: RecurrentState
    /// Runs the layer over `x` starting from `state`.
    func forward(_ x: Tensor, _ state: State) -> (Tensor, State)
    /// The all-zero state for a batch of `batchSize` sequences, as the book's `begin_state`.
    func beginState(batchSize: Int) -> State
}

extension RecurrentLayer {
    /// Runs `forward`: `rnnLayer(X, state)`.
    public func callAsFunction(_ x: Tensor, _ state: State) -> (Tensor, State) { forward(x, state) }

    /// Runs from the zero state, as PyTorch does when no state is passed: `rnnLayer(X)`.
    public func callAsFunction(_ x: Tensor) -> (Tensor, State) {
        check(x.ndim == 3, "\(type(of: self)): expects X of shape [T, N, inputs], got \(x.shape)")
        return forward(x, beginState(batchSize: x.shape[1]))
    }
}
