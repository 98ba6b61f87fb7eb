import XCTest
import D2L
import TestSupport

/// A stacked, bidirectional GRU or LSTM written as single-layer ones sharing its weights: the
/// reverse direction reads the time-reversed input and its outputs are reversed back; each layer
/// reads both directions of the one below side by side.
private func composedGRU(_ x: Tensor, _ state: Tensor, _ gru: GRU) -> (Tensor, Tensor) {
    var input = x
    var finals: [Tensor] = []
    for layer in 0..<gru.numLayers {
        var outputs: [Tensor] = []
        for direction in 0..<gru.numDirections {
            let w = gru.weights.weights(layer: layer, direction: direction)
            let cell = GRU(input.shape[2], gru.hiddenSize)
            (cell.weightIH, cell.weightHH, cell.biasIH, cell.biasHH) = (w.ih, w.hh, w.biasIH, w.biasHH)
            let s = layer * gru.numDirections + direction
            let (Y, H) = cell(direction == 1 ? input.flip(0) : input, state[s..<(s + 1)])
            outputs.append(direction == 1 ? Y.flip(0) : Y)
            finals.append(H)
        }
        input = Tensor.cat(outputs, dim: 2)
    }
    return (input, Tensor.cat(finals, dim: 0))
}

private func composedLSTM(_ x: Tensor, _ state: LSTMState, _ lstm: LSTM) -> (Tensor, LSTMState) {
    var input = x
    var hs: [Tensor] = [], cs: [Tensor] = []
    for layer in 0..<lstm.numLayers {
        var outputs: [Tensor] = []
        for direction in 0..<lstm.numDirections {
            let w = lstm.weights.weights(layer: layer, direction: direction)
            let cell = LSTM(input.shape[2], lstm.hiddenSize)
            (cell.weightIH, cell.weightHH, cell.biasIH, cell.biasHH) = (w.ih, w.hh, w.biasIH, w.biasHH)
            let s = layer * lstm.numDirections + direction
            let (Y, last) = cell(direction == 1 ? input.flip(0) : input,
                                 LSTMState(h: state.h[s..<(s + 1)], c: state.c[s..<(s + 1)]))
            outputs.append(direction == 1 ? Y.flip(0) : Y)
            hs.append(last.h)
            cs.append(last.c)
        }
        input = Tensor.cat(outputs, dim: 2)
    }
    return (input, LSTMState(h: Tensor.cat(hs, dim: 0), c: Tensor.cat(cs, dim: 0)))
}

final class StackedRecurrentTests: XCTestCase {
    func testParameterNamesAndShapesFollowPyTorch() {
        let gru = GRU(3, 4, numLayers: 2, bidirectional: true)
        var expected: [String] = []
        for layer in 0..<2 {
            for suffix in ["", "_reverse"] {
                expected += ["weight_ih", "weight_hh", "bias_ih", "bias_hh"].map { "\($0)_l\(layer)\(suffix)" }
            }
        }
        XCTAssertEqual(gru.namedParameters().map(\.0), expected)
        XCTAssertEqual(gru.parameters().map(\.shape)[0...1], [[12, 3], [12, 4]])
        XCTAssertEqual(gru.parameters().map(\.shape)[8...9], [[12, 8], [12, 4]], "layer 1 reads both directions")
        XCTAssertEqual(Array(gru.stateDict().keys).sorted(), expected.sorted())
        XCTAssertEqual(LSTM(3, 4, numLayers: 2, bias: false).parameters().map(\.shape),
                       [[16, 3], [16, 4], [16, 4], [16, 4]])
        XCTAssertEqual(LSTM(3, 4, numLayers: 2, bias: false).namedParameters().map(\.0),
                       ["weight_ih_l0", "weight_hh_l0", "weight_ih_l1", "weight_hh_l1"])
        XCTAssertEqual(gru.beginState(batchSize: 5).shape, [4, 5, 4])
    }

    func testStackedBidirectionalGRUEqualsSingleLayersComposed() {
        let gru = GRU(3, 4, numLayers: 2, bidirectional: true, generator: RandomGenerator(seed: 1))
        for p in gru.parameters() { noGrad { p *= 3 } }
        let x = sample([5, 2, 3], seed: 2).requiresGrad(), h0 = sample([4, 2, 4], seed: 3).requiresGrad()
        let (wY, wH) = (sample([5, 2, 8], seed: 4), sample([4, 2, 4], seed: 5))
        func run(_ f: (Tensor, Tensor) -> (Tensor, Tensor)) -> [Tensor] {
            for t in [x, h0] + gru.parameters() { t.grad = nil }
            let (Y, H) = f(x, h0)
            ((Y * wY).sum() + (H * wH).sum()).backward()
            return [Y.detach(), H.detach(), x.grad!, h0.grad!] + gru.parameters().map { $0.grad! }
        }
        let stacked = run { gru($0, $1) }, composed = run { composedGRU($0, $1, gru) }
        XCTAssertEqual(stacked[0].shape, [5, 2, 8])
        XCTAssertEqual(stacked[1].shape, [4, 2, 4])
        for (a, b) in zip(stacked, composed) { assertClose(a, b, atol: 1e-5) }
        // The reverse direction ends at the first step: its final state is Y[0]'s second half.
        let single = GRU(3, 4, bidirectional: true, generator: RandomGenerator(seed: 6))
        let (Y, H) = single(sample([5, 2, 3], seed: 7))
        assertClose(H[1], Y[0, ..., 4..<8], atol: 0)
        assertClose(H[0], Y[4, ..., 0..<4], atol: 0)
    }

    func testStackedBidirectionalLSTMEqualsSingleLayersComposed() {
        let lstm = LSTM(3, 4, numLayers: 2, bidirectional: true, generator: RandomGenerator(seed: 1))
        for p in lstm.parameters() { noGrad { p *= 3 } }
        let x = sample([5, 2, 3], seed: 2).requiresGrad()
        let h0 = sample([4, 2, 4], seed: 3).requiresGrad(), c0 = sample([4, 2, 4], seed: 8).requiresGrad()
        let (wY, wH, wC) = (sample([5, 2, 8], seed: 4), sample([4, 2, 4], seed: 5), sample([4, 2, 4], seed: 9))
        func run(_ f: (Tensor, LSTMState) -> (Tensor, LSTMState)) -> [Tensor] {
            for t in [x, h0, c0] + lstm.parameters() { t.grad = nil }
            let (Y, state) = f(x, LSTMState(h: h0, c: c0))
            ((Y * wY).sum() + (state.h * wH).sum() + (state.c * wC).sum()).backward()
            return [Y.detach(), state.h.detach(), state.c.detach(), x.grad!, h0.grad!, c0.grad!]
                + lstm.parameters().map { $0.grad! }
        }
        let stacked = run { lstm($0, $1) }, composed = run { composedLSTM($0, $1, lstm) }
        for (a, b) in zip(stacked, composed) { assertClose(a, b, atol: 1e-5) }
    }

    func testStackedBidirectionalGradientsMatchFiniteDifferences() {
        let lstm = LSTM(2, 2, numLayers: 2, bidirectional: true, generator: RandomGenerator(seed: 11))
        let gru = GRU(2, 2, numLayers: 2, bidirectional: true, generator: RandomGenerator(seed: 12))
        let x = sample([3, 2, 2], seed: 13), state = sample([4, 2, 2], seed: 14)
        let wY = sample([3, 2, 4], seed: 15)
        assertGradientsMatch([x, state, state * 0.5] + lstm.parameters().map { $0.detach() }, tolerance: 2e-3) { t in
            lstm.weights.tensors = Array(t[3...])
            let (Y, last) = lstm(t[0], LSTMState(h: t[1], c: t[2]))
            return (Y * wY).sum() + last.c.sum()
        }
        assertGradientsMatch([x, state] + gru.parameters().map { $0.detach() }, tolerance: 2e-3) { t in
            gru.weights.tensors = Array(t[2...])
            let (Y, last) = gru(t[0], t[1])
            return (Y * wY).sum() + (last * last).sum()
        }
    }

    func testDropoutActsBetweenLayersInTrainingOnly() {
        let gru = GRU(3, 4, numLayers: 2, dropout: 0.5, generator: RandomGenerator(seed: 1))
        let plain = GRU(3, 4, numLayers: 2, generator: RandomGenerator(seed: 1))
        let x = sample([4, 2, 3], seed: 2)
        XCTAssertNotEqual(gru(x).0.toArray(), plain(x).0.toArray())
        gru.eval()
        XCTAssertEqual(gru(x).0.toArray(), plain(x).0.toArray())
        // One layer: nothing to drop between.
        let one = GRU(3, 4, dropout: 0.5, generator: RandomGenerator(seed: 1))
        XCTAssertEqual(one(x).0.toArray(), GRU(3, 4, generator: RandomGenerator(seed: 1))(x).0.toArray())
    }
}
