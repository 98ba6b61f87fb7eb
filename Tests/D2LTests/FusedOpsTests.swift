import XCTest
@testable import D2L
import TestSupport

/// The fused kernels behind the MLP's training step (`Tensor.linear`, the one-pass
/// `CrossEntropyLoss`, the SGD update, the parallel byte-to-float batch) against finite
/// differences and against the same computation written with the unfused ops.
final class FusedOpsTests: XCTestCase {
    /// xWᵀ + b as the separate ops compute it: the reference for `Tensor.linear`.
    private func unfusedLinear(_ x: Tensor, _ w: Tensor, _ b: Tensor?) -> Tensor {
        let y = matmul(x, w.T)
        return b.map { y + $0 } ?? y
    }

    /// logsumexp(o) − o_y built from broadcasting ops, as `CrossEntropyLoss` was before fusing.
    private func unfusedCrossEntropy(_ logits: Tensor, _ labels: Tensor) -> Tensor {
        let shifted = logits - logits.max(axis: 1, keepDims: true).detach()
        let logSumExp = shifted.exp().sum(axis: 1).log()
        return logSumExp - shifted[Tensor.arange(labels.shape[0]), labels]
    }

    private func labels(_ values: [Float]) -> Tensor { Tensor(shape: [values.count], values: values, dtype: .int64) }

    // MARK: linear

    func testLinearMatchesMatmulPlusBiasForwardAndBackward() {
        let x = sample([5, 7], seed: 1).requiresGrad(), w = sample([3, 7], seed: 2).requiresGrad()
        let b = sample([3], seed: 3).requiresGrad()
        let fused = Tensor.linear(x, w, b)
        XCTAssertEqual(fused.gradFn?.description, "<AddmmBackward0>")
        let seed = sample([5, 3], seed: 4)
        fused.backward(gradient: seed)
        let (gx, gw, gb) = (x.grad!, w.grad!, b.grad!)
        for t in [x, w, b] { t.grad = nil }
        let reference = unfusedLinear(x, w, b)
        reference.backward(gradient: seed)
        assertClose(fused, reference, atol: 1e-6, rtol: 1e-6)
        assertClose(gx, x.grad!, atol: 1e-6, rtol: 1e-6)
        assertClose(gw, w.grad!, atol: 1e-6, rtol: 1e-6)
        assertClose(gb, b.grad!, atol: 1e-6, rtol: 1e-6)
        XCTAssertTrue(gw.isContiguous, "the weight gradient comes in the weight's own [out, in] layout")
    }

    func testLinearValuesByHand() {
        // [1 2] · [[1 0] [0 1] [1 1]]ᵀ + [0.5 0 −1] = [1.5 2 2].
        let x = Tensor(shape: [1, 2], values: [1, 2])
        let w = Tensor(shape: [3, 2], values: [1, 0, 0, 1, 1, 1])
        assertClose(Tensor.linear(x, w, Tensor([0.5, 0, -1])), [1.5, 2, 2], shape: [1, 3])
        assertClose(Tensor.linear(x, w), [1, 2, 3], shape: [1, 3])
    }

    func testLinearGradientsMatchFiniteDifferences() {
        let x = sample([4, 6], seed: 5), w = sample([3, 6], seed: 6), b = sample([3], seed: 7)
        assertGradientsMatch([x, w, b]) { weigh(Tensor.linear($0[0], $0[1], $0[2])) }
        assertGradientsMatch([x, w]) { weigh(Tensor.linear($0[0], $0[1])) }
        // A stack of inputs [2, 2, 6] folds into one product of 4 rows.
        let stack = sample([2, 2, 6], seed: 8)
        assertGradientsMatch([stack, w, b]) { weigh(Tensor.linear($0[0], $0[1], $0[2])) }
    }

    func testLinearOnStridedAndVectorInputsMatchesMatmul() {
        let w = sample([3, 6], seed: 9), b = sample([3], seed: 10)
        let wide = sample([6, 4], seed: 11)
        assertClose(Tensor.linear(wide.T, w, b), unfusedLinear(wide.T, w, b), atol: 1e-6, rtol: 1e-6)
        let v = sample([6], seed: 12)
        assertClose(Tensor.linear(v, w, b), unfusedLinear(v, w, b), atol: 1e-6, rtol: 1e-6)
        let stack = sample([2, 5, 6], seed: 13)
        assertClose(Tensor.linear(stack, w, b), unfusedLinear(stack, w, b), atol: 1e-6, rtol: 1e-6)
        XCTAssertEqual(Tensor.linear(stack, w, b).shape, [2, 5, 3])
    }

    func testLinearLayerUsesTheFusedProduct() {
        let layer = Linear(4, 2, generator: RandomGenerator(seed: 14))
        let x = sample([3, 4], seed: 15)
        assertClose(layer(x), unfusedLinear(x, layer.weight, layer.bias), atol: 1e-6, rtol: 1e-6)
    }

    // MARK: cross-entropy

    func testCrossEntropyMatchesUnfusedForwardAndBackward() {
        let logits = (sample([6, 5], seed: 16) * 4).detach().requiresGrad()
        let y = labels([0, 4, 2, 2, 1, 3])
        let fused = CrossEntropyLoss(reduction: .none)(logits, y)
        XCTAssertEqual(fused.gradFn?.description, "<NllLossBackward0>")
        let seed = sample([6], seed: 17)
        fused.backward(gradient: seed)
        let g = logits.grad!
        logits.grad = nil
        let reference = unfusedCrossEntropy(logits, y)
        reference.backward(gradient: seed)
        assertClose(fused, reference, atol: 1e-6, rtol: 1e-6)
        assertClose(g, logits.grad!, atol: 1e-6, rtol: 1e-6)
    }

    func testCrossEntropyBookExampleAndLargeLogits() {
        // §3.6: ŷ = [[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]], y = [0, 2] gives [2.3026, 0.6931].
        let probabilities = Tensor(shape: [2, 3], values: [0.1, 0.3, 0.6, 0.3, 0.2, 0.5])
        assertClose(CrossEntropyLoss(reduction: .none)(probabilities.log(), labels([0, 2])), [2.3026, 0.6931],
                    atol: 1e-4, rtol: 0)
        // Scores of 1000 overflow a naive exp; shifted by the row maximum they are fine.
        let large = Tensor(shape: [1, 3], values: [1000, 999, 998])
        assertClose(CrossEntropyLoss(reduction: .none)(large, labels([1])), [1.407_606], atol: 1e-5, rtol: 0)
    }

    func testCrossEntropyGradientsMatchFiniteDifferences() {
        let logits = sample([4, 3], seed: 18, low: -2, high: 2)
        let y = labels([2, 0, 1, 2])
        assertGradientsMatch([logits]) { weigh(CrossEntropyLoss(reduction: .none)($0[0], y)) }
        assertGradientsMatch([logits]) { CrossEntropyLoss()($0[0], y) }
        // Strided logits (a transposed view) take the same path after a copy.
        let tall = sample([3, 4], seed: 19)
        assertGradientsMatch([tall]) { CrossEntropyLoss(reduction: .sum)($0[0].T, y) }
    }

    // MARK: SGD update and batches from bytes

    func testFusedSGDUpdateEqualsTheTwoStepUpdate() {
        let p = sample([300, 300], seed: 20).requiresGrad(), g = sample([300, 300], seed: 21)
        let expected = noGrad { p - 0.1 * g }
        p.grad = g
        SGD([p], lr: 0.1).step()
        XCTAssertEqual(p.toArray(), expected.toArray(), "p − lr·g rounds the same in one pass")
    }

    func testInPlaceUpdatesMatchOutOfPlaceOnesAboveTheSplitSize() {
        // In place, the kernel reads and writes through one pointer (so the loop vectorises).
        let a = sample([1000, 300], seed: 22), b = sample([1000, 300], seed: 23)  // over the split size
        let sum = a + b, difference = a - b, scaled = a * 0.5
        let x = a.clone()
        x += b
        XCTAssertEqual(x.toArray(), sum.toArray())
        let z = a.clone()
        z -= b
        XCTAssertEqual(z.toArray(), difference.toArray())
        let y = a.clone()
        y *= 0.5
        XCTAssertEqual(y.toArray(), scaled.toArray())
    }

    func testBatchFromBytesMatchesPerPixelDivision() {
        // 300 images of 16×16: enough pixels for the conversion to be split over the cores.
        var pixels = [UInt8](repeating: 0, count: 300 * 256)
        for i in pixels.indices { pixels[i] = UInt8((i * 37) % 256) }
        let images = ByteImages(pixels: pixels, count: 300, height: 16, width: 16)
        let rows = Array((0..<300).reversed())
        let batch = images.batch(rows)
        XCTAssertEqual(batch.shape, [300, 1, 16, 16])
        let values = batch.toArray()
        var mismatches = 0
        for (i, r) in rows.enumerated() {
            for k in 0..<256 where values[i * 256 + k] != Float(pixels[r * 256 + k]) * (1 / 255) { mismatches += 1 }
        }
        XCTAssertEqual(mismatches, 0)
    }
}
