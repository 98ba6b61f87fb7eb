import XCTest
import D2L
import TestSupport

/// PyTorch's GRU recurrence written one tensor operation at a time on the layer's own weights
/// (gates r, z, n; b_hn inside the reset product): the reference the fused `GRU` must match.
private func gruByHand(_ x: Tensor, _ state: Tensor, _ gru: GRU) -> (Tensor, Tensor) {
    var H = state[0]
    var outputs: [Tensor] = []
    for t in 0..<x.shape[0] {
        let a = (matmul(x[t], gru.weightIH.T) + gru.biasIH!).chunk(3, dim: 1)
        let b = (matmul(H, gru.weightHH.T) + gru.biasHH!).chunk(3, dim: 1)
        let r = (a[0] + b[0]).sigmoid(), z = (a[1] + b[1]).sigmoid()
        let n = (a[2] + r * b[2]).tanh()
        H = (1 - z) * n + z * H
        outputs.append(H)
    }
    return (Tensor.stack(outputs), H.unsqueeze(0))
}

final class GRUTests: XCTestCase {
    func testParameterNamesShapesAndInitMatchPyTorch() {
        let gru = GRU(28, 256)
        XCTAssertEqual(gru.namedParameters().map(\.0), ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"])
        XCTAssertEqual(gru.parameters().map(\.shape), [[768, 28], [768, 256], [768], [768]])
        let bound = 1 / Float(256).squareRoot()
        for p in gru.parameters() {
            let largest = p.toArray().map(abs).max()!
            XCTAssertLessThanOrEqual(largest, bound)
            XCTAssertGreaterThan(largest, 0.9 * bound, "spread over the whole interval")
        }
        XCTAssertEqual(GRU(3, 4, bias: false).namedParameters().map(\.0), ["weight_ih_l0", "weight_hh_l0"])
        let (Y, state) = gru(Tensor.rand([35, 32, 28]))
        XCTAssertEqual(Y.shape, [35, 32, 256])
        XCTAssertEqual(state.shape, [1, 32, 256])
        XCTAssertEqual(state[0].toArray(), Y[34].toArray())
    }

    func testFusedLayerEqualsTheRecurrenceByHandForwardAndGradients() {
        let gru = GRU(5, 7, generator: RandomGenerator(seed: 3))
        for p in gru.parameters() { noGrad { p *= 4 } }  // gates away from ½, so a swapped gate shows
        let x = sample([4, 3, 5], seed: 4).requiresGrad()
        let h0 = sample([1, 3, 7], seed: 5).requiresGrad()
        let weightsY = sample([4, 3, 7], seed: 6), weightsH = sample([1, 3, 7], seed: 7)
        func gradients(_ run: (Tensor, Tensor) -> (Tensor, Tensor)) -> (Tensor, Tensor, [Tensor]) {
            for t in [x, h0] + gru.parameters() { t.grad = nil }
            let (Y, H) = run(x, h0)
            ((Y * weightsY).sum() + (H * weightsH).sum()).backward()
            return (Y.detach(), H.detach(), [x.grad!, h0.grad!] + gru.parameters().map { $0.grad! })
        }
        let fused = gradients { gru($0, $1) }
        let byHand = gradients { gruByHand($0, $1, gru) }
        assertClose(fused.0, byHand.0, atol: 1e-5)
        assertClose(fused.1, byHand.1, atol: 1e-5)
        for (a, b) in zip(fused.2, byHand.2) { assertClose(a, b, atol: 1e-4) }
    }

    func testGRUGradientsMatchFiniteDifferences() {
        let gru = GRU(3, 4, generator: RandomGenerator(seed: 8))
        for p in gru.parameters() { noGrad { p *= 3 } }
        let weightsY = sample([3, 2, 4], seed: 9), weightsH = sample([1, 2, 4], seed: 10)
        let inputs = [sample([3, 2, 3], seed: 11), sample([1, 2, 4], seed: 12)] + gru.parameters().map { $0.detach() }
        assertGradientsMatch(inputs, tolerance: 2e-3) { t in
            (gru.weightIH, gru.weightHH, gru.biasIH, gru.biasHH) = (t[2], t[3], t[4], t[5])
            let (Y, H) = gru(t[0], t[1])
            return (Y * weightsY).sum() + (H * weightsH).sum()
        }
    }

    func testWithoutBiasAndContinuingFromTheState() {
        let gru = GRU(2, 3, bias: false, generator: RandomGenerator(seed: 1))
        let X = sample([6, 2, 2], seed: 2)
        let (Y, _) = gru(X)
        let (first, state) = gru(X[0..<2], gru.beginState(batchSize: 2))
        let (second, _) = gru(X[2..<6], state.detached())
        assertClose(Tensor.cat([first, second], dim: 0), Y, atol: 1e-6)
        // Zero input and zero state: r = z = ½, n = 0, so H stays 0.
        XCTAssertEqual(gru(Tensor.zeros([3, 2, 2])).0.toArray(), [Float](repeating: 0, count: 18))
    }
}
