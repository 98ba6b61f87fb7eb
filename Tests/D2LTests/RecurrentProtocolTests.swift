import D2L
import XCTest

/// The smallest recurrent layer: h_t = tanh(x_t W + h_{t-1} U), with one tensor as its state.
private final class TinyRNN: Module, RecurrentLayer {
    @Parameter var W = Tensor.full([2, 3], 0.1)
    @Parameter var U = Tensor.full([3, 3], 0.2)

    func forward(_ x: Tensor, _ state: Tensor) -> (Tensor, Tensor) {
        var h = state[0]
        var outputs: [Tensor] = []
        for t in 0..<x.shape[0] {
            h = (matmul(x[t], W) + matmul(h, U)).tanh()
            outputs.append(h)
        }
        return (Tensor.stack(outputs), h.unsqueeze(0))
    }

    func beginState(batchSize: Int) -> Tensor { Tensor.zeros([1, batchSize, 3]) }
}

/// Encoder: the mean over time of a linear map; decoder: adds that context to each step.
private final class MeanEncoder: Module, Encoder {
    let proj = Linear(2, 3)
    func forward(_ x: Tensor, validLens: Tensor?) -> Tensor { proj(x).mean(axis: 0) }
}

private final class AddContextDecoder: Module, Decoder {
    let proj = Linear(2, 3)
    func initState(_ encOutputs: Tensor, validLens: Tensor?) -> Tensor { encOutputs }
    func forward(_ x: Tensor, _ state: Tensor) -> (Tensor, Tensor) { (proj(x) + state, state) }
}

final class RecurrentProtocolTests: XCTestCase {
    func testRecurrentLayerReturnsOutputsAndState() {
        let rnn = TinyRNN()
        let X = Tensor.ones([4, 5, 2])  // T = 4 steps, N = 5 sequences
        let (Y, state) = rnn(X)
        XCTAssertEqual(Y.shape, [4, 5, 3])
        XCTAssertEqual(state.shape, [1, 5, 3])
        XCTAssertEqual(state[0].toArray(), Y[3].toArray(), "the final state is the last output")
        // One step by hand: tanh(1·0.1·2) = tanh(0.2).
        XCTAssertEqual(Y[0, 0, 0].item(), Foundation.tanh(0.2), accuracy: 1e-6)
        // Continuing from the state is the same as running the longer sequence.
        let (Y2, _) = rnn(X[0..<2], rnn.beginState(batchSize: 5))
        let (Y3, _) = rnn(X[2..<4], rnn(X[0..<2]).1)
        XCTAssertEqual(Tensor.cat([Y2, Y3], dim: 0).toArray(), Y.toArray())
    }

    func testDetachedStateStopsGradients() {
        let rnn = TinyRNN()
        let (_, state) = rnn(Tensor.ones([3, 2, 2]))
        XCTAssertTrue(state.requiresGrad)
        XCTAssertFalse(state.detached().requiresGrad)
        let lstm = LSTMState(h: state, c: state * 2)
        let cut = lstm.detached()
        XCTAssertFalse(cut.h.requiresGrad || cut.c.requiresGrad)
        XCTAssertEqual(cut.c.toArray(), (state * 2).toArray())
    }

    func testEncoderDecoderPassesTheEncodingAsInitialState() {
        let net = EncoderDecoder(MeanEncoder(), AddContextDecoder())
        let encX = Tensor.ones([6, 4, 2]), decX = Tensor.zeros([5, 4, 2])
        let (out, state) = net(encX, decX)
        XCTAssertEqual(out.shape, [5, 4, 3])
        XCTAssertEqual(state.toArray(), net.encoder(encX).toArray())
        // With zero decoder input, each output is the decoder bias plus the context.
        let expected = net.decoder.proj.bias! + net.encoder(encX)
        XCTAssertEqual(out[2].toArray(), expected.toArray())
        XCTAssertEqual(net.namedParameters().map(\.0),
                       ["encoder.proj.weight", "encoder.proj.bias", "decoder.proj.weight", "decoder.proj.bias"])
    }
}
