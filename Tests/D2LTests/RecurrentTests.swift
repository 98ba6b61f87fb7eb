import Foundation
import XCTest
import D2L
import TestSupport

/// The recurrence of §8.4 written one tensor operation at a time (the §8.5 way), on the layer's
/// own weights: the reference the fused `RNN` must match, values and gradients.
private func recurrenceByHand(_ x: Tensor, _ state: Tensor, _ rnn: RNN) -> (Tensor, Tensor) {
    var H = state[0]
    var outputs: [Tensor] = []
    for t in 0..<x.shape[0] {
        let Z = matmul(x[t], rnn.weightIH.T) + rnn.biasIH! + matmul(H, rnn.weightHH.T) + rnn.biasHH!
        H = rnn.nonlinearity == .tanh ? Z.tanh() : Z.relu()
        outputs.append(H)
    }
    return (Tensor.stack(outputs), H.unsqueeze(0))
}

final class RecurrentTests: XCTestCase {
    func testParameterNamesAndShapesMatchPyTorch() {
        let rnn = RNN(28, 256)
        XCTAssertEqual(rnn.namedParameters().map(\.0), ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"])
        XCTAssertEqual(rnn.parameters().map(\.shape), [[256, 28], [256, 256], [256], [256]])
        XCTAssertEqual(Array(rnn.stateDict().keys).sorted(), ["bias_hh_l0", "bias_ih_l0", "weight_hh_l0", "weight_ih_l0"])
        // PyTorch's init: U(−1/√h, 1/√h) for every parameter.
        let bound = 1 / Float(256).squareRoot()
        for p in rnn.parameters() {
            let values = p.toArray()
            XCTAssertLessThanOrEqual(values.map(abs).max()!, bound)
            XCTAssertGreaterThan(values.map(abs).max()!, 0.9 * bound, "spread over the whole interval")
        }
        XCTAssertEqual(RNN(3, 4, bias: false).namedParameters().map(\.0), ["weight_ih_l0", "weight_hh_l0"])
    }

    func testShapesAsTheBookPrintsThem() {
        // §8.6: Y [35, 32, 256] and the new state [1, 32, 256].
        let rnn = RNN(28, 256)
        let (Y, state) = rnn(Tensor.rand([35, 32, 28]), rnn.beginState(batchSize: 32))
        XCTAssertEqual(Y.shape, [35, 32, 256])
        XCTAssertEqual(state.shape, [1, 32, 256])
        XCTAssertEqual(state[0].toArray(), Y[34].toArray())
    }

    func testFusedLayerEqualsTheRecurrenceByHandForwardAndGradients() {
        for nonlinearity in [RNN.Nonlinearity.tanh, .relu] {
            let rnn = RNN(5, 7, nonlinearity: nonlinearity, generator: RandomGenerator(seed: 3))
            let x = sample([4, 3, 5], seed: 4).requiresGrad()
            let h0 = sample([1, 3, 7], seed: 5).requiresGrad()
            let weightsY = sample([4, 3, 7], seed: 6), weightsH = sample([1, 3, 7], seed: 7)
            func gradients(_ run: (Tensor, Tensor) -> (Tensor, Tensor)) -> (Tensor, Tensor, [Tensor]) {
                for t in [x, h0] + rnn.parameters() { t.grad = nil }
                let (Y, H) = run(x, h0)
                ((Y * weightsY).sum() + (H * weightsH).sum()).backward()
                return (Y.detach(), H.detach(), [x.grad!, h0.grad!] + rnn.parameters().map { $0.grad! })
            }
            let fused = gradients { rnn($0, $1) }
            let byHand = gradients { recurrenceByHand($0, $1, rnn) }
            assertClose(fused.0, byHand.0, atol: 1e-6)
            assertClose(fused.1, byHand.1, atol: 1e-6)
            for (a, b) in zip(fused.2, byHand.2) { assertClose(a, b, atol: 1e-5) }
        }
    }

    func testRNNGradientsMatchFiniteDifferences() {
        let rnn = RNN(3, 4, generator: RandomGenerator(seed: 8))
        let weightsY = sample([3, 2, 4], seed: 9), weightsH = sample([1, 2, 4], seed: 10)
        let inputs = [sample([3, 2, 3], seed: 11), sample([1, 2, 4], seed: 12)] + rnn.parameters().map { $0.detach() }
        assertGradientsMatch(inputs, tolerance: 2e-3) { t in
            (rnn.weightIH, rnn.weightHH, rnn.biasIH, rnn.biasHH) = (t[2], t[3], t[4], t[5])
            let (Y, H) = rnn(t[0], t[1])
            XCTAssertEqual(H.toArray(), Y[2..<3].toArray())
            return (Y * weightsY).sum() + (Y[2..<3] * weightsH).sum()
        }
    }

    func testContinuingFromTheStateEqualsTheLongerRun() {
        let rnn = RNN(2, 3, generator: RandomGenerator(seed: 1))
        let X = sample([6, 2, 2], seed: 2)
        let (Y, _) = rnn(X)
        let (first, state) = rnn(X[0..<2], rnn.beginState(batchSize: 2))
        let (second, _) = rnn(X[2..<6], state.detached())
        assertClose(Tensor.cat([first, second], dim: 0), Y, atol: 1e-6)
    }

    func testFastTanhAgreesWithLibm() {
        let values = (-2000...2000).map { Float($0) / 100 } + [0, -0, 1e-30, 50, -50, 1e4]
        let y = Tensor(shape: [values.count], values: values).tanh().toArray()
        for (x, t) in zip(values, y) {
            XCTAssertEqual(t, Foundation.tanh(x), accuracy: 3e-7 * max(1, abs(Foundation.tanh(x))), "tanh(\(x))")
        }
        XCTAssertTrue(Tensor([Float.nan]).tanh().item().isNaN)
        XCTAssertEqual(Tensor([Float.infinity, -Float.infinity]).tanh().toArray(), [1, -1])
    }

    func testGradClippingRescalesToThetaOverModuleAndParameterList() {
        let rnn = RNN(2, 2)
        for (i, p) in rnn.parameters().enumerated() { p.grad = Tensor.full(p.shape, Float(i + 1)) }
        // ‖g‖² = 4·1 + 4·4 + 2·9 + 2·16 = 70.
        let norm = gradClipping(rnn, theta: 1)
        XCTAssertEqual(norm, Float(70).squareRoot(), accuracy: 1e-5)
        let clipped = rnn.parameters().map { ($0.grad! * $0.grad!).sum().item() }.reduce(0, +)
        XCTAssertEqual(clipped, 1, accuracy: 1e-5)
        XCTAssertEqual(rnn.weightHH.grad![0, 0].item(), 2 / Float(70).squareRoot(), accuracy: 1e-6)
        // A scratch parameter list below θ is left alone.
        let w = Tensor.zeros([3]).requiresGrad()
        w.grad = Tensor([0.1, 0.2, 0.2])
        XCTAssertEqual(gradClipping([w], theta: 1), 0.3, accuracy: 1e-6)
        XCTAssertEqual(w.grad!.toArray(), [0.1, 0.2, 0.2])
    }
}
