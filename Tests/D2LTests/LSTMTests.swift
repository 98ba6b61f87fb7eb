import XCTest
import D2L
import TestSupport

/// PyTorch's LSTM recurrence written one tensor operation at a time on the layer's own weights
/// (gates i, f, g, o): the reference the fused `LSTM` must match.
private func lstmByHand(_ x: Tensor, _ state: LSTMState, _ lstm: LSTM) -> (Tensor, LSTMState) {
    var (H, C) = (state.h[0], state.c[0])
    var outputs: [Tensor] = []
    for t in 0..<x.shape[0] {
        let a = (matmul(x[t], lstm.weightIH.T) + lstm.biasIH! + matmul(H, lstm.weightHH.T) + lstm.biasHH!)
            .chunk(4, dim: 1)
        let (i, f, g, o) = (a[0].sigmoid(), a[1].sigmoid(), a[2].tanh(), a[3].sigmoid())
        C = f * C + i * g
        H = o * C.tanh()
        outputs.append(H)
    }
    return (Tensor.stack(outputs), LSTMState(h: H.unsqueeze(0), c: C.unsqueeze(0)))
}

final class LSTMTests: XCTestCase {
    func testParameterNamesShapesAndInitMatchPyTorch() {
        let lstm = LSTM(28, 256)
        XCTAssertEqual(lstm.namedParameters().map(\.0), ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"])
        XCTAssertEqual(lstm.parameters().map(\.shape), [[1024, 28], [1024, 256], [1024], [1024]])
        let bound = 1 / Float(256).squareRoot()
        for p in lstm.parameters() {
            let largest = p.toArray().map(abs).max()!
            XCTAssertLessThanOrEqual(largest, bound)
            XCTAssertGreaterThan(largest, 0.9 * bound, "spread over the whole interval")
        }
        XCTAssertEqual(LSTM(3, 4, bias: false).namedParameters().map(\.0), ["weight_ih_l0", "weight_hh_l0"])
        let (Y, state) = lstm(Tensor.rand([35, 32, 28]))
        XCTAssertEqual(Y.shape, [35, 32, 256])
        XCTAssertEqual(state.h.shape, [1, 32, 256])
        XCTAssertEqual(state.c.shape, [1, 32, 256])
        XCTAssertEqual(state.h[0].toArray(), Y[34].toArray())
    }

    func testFusedLayerEqualsTheRecurrenceByHandForwardAndGradients() {
        let lstm = LSTM(5, 7, generator: RandomGenerator(seed: 3))
        for p in lstm.parameters() { noGrad { p *= 4 } }  // gates away from ½, so a swapped gate shows
        let x = sample([4, 3, 5], seed: 4).requiresGrad()
        let h0 = sample([1, 3, 7], seed: 5).requiresGrad(), c0 = sample([1, 3, 7], seed: 13).requiresGrad()
        let weightsY = sample([4, 3, 7], seed: 6), weightsH = sample([1, 3, 7], seed: 7)
        let weightsC = sample([1, 3, 7], seed: 14)
        func gradients(_ run: (Tensor, LSTMState) -> (Tensor, LSTMState)) -> ([Tensor], [Tensor]) {
            for t in [x, h0, c0] + lstm.parameters() { t.grad = nil }
            let (Y, state) = run(x, LSTMState(h: h0, c: c0))
            ((Y * weightsY).sum() + (state.h * weightsH).sum() + (state.c * weightsC).sum()).backward()
            return ([Y, state.h, state.c].map { $0.detach() },
                    [x.grad!, h0.grad!, c0.grad!] + lstm.parameters().map { $0.grad! })
        }
        let fused = gradients { lstm($0, $1) }
        let byHand = gradients { lstmByHand($0, $1, lstm) }
        for (a, b) in zip(fused.0, byHand.0) { assertClose(a, b, atol: 1e-5) }
        for (a, b) in zip(fused.1, byHand.1) { assertClose(a, b, atol: 1e-4) }
    }

    func testLSTMGradientsMatchFiniteDifferences() {
        let lstm = LSTM(3, 4, generator: RandomGenerator(seed: 8))
        for p in lstm.parameters() { noGrad { p *= 3 } }
        let weightsY = sample([3, 2, 4], seed: 9), weightsC = sample([1, 2, 4], seed: 10)
        let inputs = [sample([3, 2, 3], seed: 11), sample([1, 2, 4], seed: 12), sample([1, 2, 4], seed: 15)]
            + lstm.parameters().map { $0.detach() }
        assertGradientsMatch(inputs, tolerance: 2e-3) { t in
            (lstm.weightIH, lstm.weightHH, lstm.biasIH, lstm.biasHH) = (t[3], t[4], t[5], t[6])
            let (Y, state) = lstm(t[0], LSTMState(h: t[1], c: t[2]))
            return (Y * weightsY).sum() + (state.c * weightsC).sum()
        }
    }

    func testContinuingFromTheStateEqualsTheLongerRun() {
        let lstm = LSTM(2, 3, bias: false, generator: RandomGenerator(seed: 1))
        let X = sample([6, 2, 2], seed: 2)
        let (Y, last) = lstm(X)
        let (first, state) = lstm(X[0..<2], lstm.beginState(batchSize: 2))
        let (second, end) = lstm(X[2..<6], state.detached())
        assertClose(Tensor.cat([first, second], dim: 0), Y, atol: 1e-6)
        assertClose(end.c, last.c, atol: 1e-6)
        XCTAssertGreaterThan(last.c.abs().sum().item(), 0.01, "the cell carries something")
    }
}
