/// The encoder of an encoder–decoder model: turns a source sequence into what the decoder
/// starts from.
///
/// d2l: `Encoder` (§9.6.1). `validLens` (the unpadded length of each source sequence) is the
/// book's extra `*args`; the seq2seq encoder of §9.7 ignores it, the attention models use it.
public protocol Encoder: Module {
    /// What `forward` returns: for §9.7's GRU encoder, the outputs and the final state.
    associatedtype Output
    /// Encodes `x`.
    func forward(_ x: Tensor, validLens: Tensor?) -> Output
}

extension Encoder {
    /// Runs `forward`: `encoder(X)`.
    public func callAsFunction(_ x: Tensor, validLens: Tensor? = nil) -> Output { forward(x, validLens: validLens) }
}

/// The decoder of an encoder–decoder model: makes its initial state from the encoder's outputs,
/// then maps a target sequence and a state to outputs and the next state.
///
/// d2l: `Decoder` with `init_state(enc_outputs, *args)` and `forward(X, state)` (§9.6.2).
public protocol Decoder: Module {
    /// What the matching encoder produces.
    associatedtype EncoderOutput
    /// What is carried from step to step (a tensor for §9.7's GRU decoder).
    associatedtype State
    /// The initial state from the encoder's outputs.
    func initState(_ encOutputs: EncoderOutput, validLens: Tensor?) -> State
    /// Decodes `x` from `state`.
    func forward(_ x: Tensor, _ state: State) -> (Tensor, State)
}

extension Decoder {
    /// `initState` without valid lengths.
    public func initState(_ encOutputs: EncoderOutput) -> State { initState(encOutputs, validLens: nil) }
    /// Runs `forward`: `let (out, next) = decoder(Y, state)`.
    public func callAsFunction(_ x: Tensor, _ state: State) -> (Tensor, State) { forward(x, state) }
}

/// An encoder and a decoder trained together: the encoder reads the source, its outputs set the
/// decoder's initial state, and the decoder reads the target (teacher forcing).
///
/// d2l: `EncoderDecoder` (§9.6.3). Parameters are named `encoder.…` and `decoder.…`, as PyTorch.
public final class EncoderDecoder<E: Encoder, D: Decoder>: Module where D.EncoderOutput == E.Output {
    /// The source side.
    public let encoder: E
    /// The target side.
    public let decoder: D

    /// Joins `encoder` and `decoder`.
    public init(_ encoder: E, _ decoder: D) {
        self.encoder = encoder
        self.decoder = decoder
        super.init()
    }

    /// Decoder outputs for target input `decX` given source `encX`, and the decoder's last state.
    public func forward(_ encX: Tensor, _ decX: Tensor, validLens: Tensor? = nil) -> (Tensor, D.State) {
        let encOutputs = encoder(encX, validLens: validLens)
        let state = decoder.initState(encOutputs, validLens: validLens)
        return decoder(decX, state)
    }

    /// Runs `forward`: `net(X, decX)`.
    public func callAsFunction(_ encX: Tensor, _ decX: Tensor, validLens: Tensor? = nil) -> (Tensor, D.State) {
        forward(encX, decX, validLens: validLens)
    }
}
