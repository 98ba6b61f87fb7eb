import XCTest
@testable import D2L
import TestSupport

/// Autograd against central finite differences (`gradientCheck`), at least once per
/// differentiable operation. Inputs are small and drawn from seeded generators; most functions
/// end in `weigh` (a fixed uneven weighting) so every output entry matters differently.
/// `assertGradientsMatch` asserts `maxError < 1e-2` and prints the worst entry on failure.
final class GradientCheckTests: XCTestCase {
    // MARK: Arithmetic, with and without broadcasting

    func testAddSubtractMultiplyDivideWithBroadcasting() {
        let a = sample([2, 3, 4], seed: 1), b = sample([3, 1], seed: 2, low: 0.5, high: 2)
        assertGradientsMatch([a, b]) { weigh($0[0] + $0[1]) }
        assertGradientsMatch([a, b]) { weigh($0[0] - $0[1]) }
        assertGradientsMatch([a, b]) { weigh($0[1] - $0[0]) }
        assertGradientsMatch([a, b]) { weigh($0[0] * $0[1]) }
        assertGradientsMatch([a, b]) { weigh($0[0] / $0[1]) }
        assertGradientsMatch([b, a]) { weigh($0[1] / $0[0]) }
    }

    func testArithmeticWithAZeroDimensionalTensor() {
        let a = sample([2, 3], seed: 33), s = Tensor(1.5)
        assertGradientsMatch([a, s]) { weigh($0[0] * $0[1] + $0[1]) }
        assertGradientsMatch([a, s]) { weigh($0[0] / $0[1] - $0[1] * $0[1]) }
    }

    func testScalarArithmeticAndNegation() {
        let a = sample([3, 4], seed: 3, low: 0.5, high: 2)
        let c: Float = 0.75
        assertGradientsMatch([a]) { weigh(2 * $0[0] + 1) }
        assertGradientsMatch([a]) { weigh(1 - $0[0] / 4) }
        assertGradientsMatch([a]) { weigh(3 / $0[0]) }
        assertGradientsMatch([a]) { weigh($0[0] * c - c) }
        assertGradientsMatch([a]) { weigh(c / $0[0] + c * $0[0]) }
        assertGradientsMatch([a]) { weigh(-$0[0]) }
    }

    func testPowers() {
        let a = sample([2, 3], seed: 4, low: 0.5, high: 2), b = sample([3], seed: 5)
        assertGradientsMatch([a, b]) { weigh($0[0] ** $0[1]) }   // tensor ** tensor, broadcast
        assertGradientsMatch([a]) { weigh($0[0] ** 3) }          // tensor ** integer literal
        assertGradientsMatch([a]) { weigh($0[0] ** 0.5) }        // tensor ** real literal
        assertGradientsMatch([a]) { weigh($0[0].pow(2)) }
        assertGradientsMatch([a]) { weigh($0[0].pow(-0.5)) }
        assertGradientsMatch([b]) { weigh(2 ** $0[0]) }          // number ** tensor
    }

    // MARK: Elementwise functions

    func testExpLogSqrt() {
        let x = sample([3, 3], seed: 6, low: 0.5, high: 2)
        assertGradientsMatch([x]) { weigh($0[0].exp()) }
        assertGradientsMatch([x]) { weigh($0[0].log()) }
        assertGradientsMatch([x]) { weigh($0[0].sqrt()) }
    }

    func testAbsAndReluAwayFromZero() {
        let x = Tensor([-1.5, -0.7, 0.4, 1.2, -2.0, 0.9])
        assertGradientsMatch([x]) { weigh($0[0].abs()) }
        assertGradientsMatch([x]) { weigh($0[0].relu()) }
    }

    func testTrigonometricAndSquashingFunctions() {
        let x = sample([2, 5], seed: 7, low: -3, high: 3)
        assertGradientsMatch([x]) { weigh($0[0].sin()) }
        assertGradientsMatch([x]) { weigh($0[0].cos()) }
        assertGradientsMatch([x]) { weigh($0[0].tanh()) }
        assertGradientsMatch([x]) { weigh($0[0].sigmoid()) }
    }

    func testClampMaximumMinimumWhere() {
        let x = Tensor([-1.5, -0.7, 0.4, 1.2, -2.0, 0.9])
        let y = Tensor([0.3, -1.1, 0.8, 0.2, -0.5, 1.4])
        assertGradientsMatch([x]) { weigh($0[0].clamp(min: -1, max: 1)) }
        assertGradientsMatch([x]) { weigh($0[0].clamp(min: 0)) }
        assertGradientsMatch([x, y]) { weigh(Tensor.maximum($0[0], $0[1])) }
        assertGradientsMatch([x, y]) { weigh(Tensor.minimum($0[0], $0[1])) }
        let condition = x > 0
        assertGradientsMatch([x, y]) { weigh(Tensor.where(condition, $0[0], $0[1])) }
        assertGradientsMatch([x]) { weigh(Tensor.where(condition, $0[0], Tensor(0.5))) }
    }

    func testMaximumAndWhereWithBroadcasting() {
        let m = Tensor([[0.3, -1.2, 2.0, 0.7], [1.1, 0.4, -0.6, -2.2], [0.9, 1.6, -0.1, 0.5]])
        let row = Tensor([0.25, -0.35, 0.15, 0.65]), column = Tensor([[1.0], [-1.0], [0.05]])
        assertGradientsMatch([m, row]) { weigh(Tensor.maximum($0[0], $0[1])) }
        assertGradientsMatch([m, column]) { weigh(Tensor.minimum($0[1], $0[0])) }
        let rowMask = Tensor([true, false, true]).reshape(3, 1)
        assertGradientsMatch([m, row]) { weigh(Tensor.where(rowMask, $0[0], $0[1])) }
    }

    // MARK: Views

    func testReshapeFlattenTransposePermute() {
        let x = sample([2, 3, 4], seed: 8)
        assertGradientsMatch([x]) { weigh($0[0].reshape(4, -1)) }
        assertGradientsMatch([x]) { weigh($0[0].reshape(as: Tensor.zeros([6, 4]))) }
        assertGradientsMatch([x]) { weigh($0[0].flatten()) }
        assertGradientsMatch([x]) { weigh($0[0].flatten(startDim: 1)) }
        assertGradientsMatch([x]) { weigh($0[0].transpose(0, 2)) }
        assertGradientsMatch([x]) { weigh($0[0].permute(2, 0, 1)) }
        assertGradientsMatch([x]) { weigh($0[0].T) }
        assertGradientsMatch([x]) { weigh($0[0][0].T) }
        // reshape of a non-contiguous view copies, and must still route gradients back
        assertGradientsMatch([x]) { weigh($0[0].transpose(0, 1).reshape(-1)) }
    }

    // `to(.float32)` is not checked here: only float32 tensors require grad and converting one to
    // float32 returns it unchanged (TensorCreationTests), so no differentiable conversion exists.
    func testSqueezeUnsqueezeExpandContiguousClone() {
        let x = sample([3, 1, 2], seed: 9)
        assertGradientsMatch([x]) { weigh($0[0].squeeze()) }
        assertGradientsMatch([x]) { weigh($0[0].squeeze(1)) }
        assertGradientsMatch([x]) { weigh($0[0].unsqueeze(0)) }
        assertGradientsMatch([x]) { weigh($0[0].unsqueeze(-1)) }
        assertGradientsMatch([x]) { weigh($0[0].expand(2, 3, 4, 2)) }
        assertGradientsMatch([x]) { weigh($0[0].expand(3, 5, 2)) }
        assertGradientsMatch([x]) { weigh($0[0].transpose(0, 2).contiguous()) }
        assertGradientsMatch([x]) { weigh($0[0].clone() * $0[0]) }
    }

    // MARK: Joining and splitting

    func testCatAndStack() {
        let a = sample([2, 3], seed: 10), b = sample([2, 2], seed: 11), c = sample([2, 3], seed: 12)
        assertGradientsMatch([a, b]) { weigh(Tensor.cat([$0[0], $0[1]], dim: 1)) }
        assertGradientsMatch([a, c]) { weigh(Tensor.cat([$0[0], $0[1], $0[0]], dim: 0)) }
        assertGradientsMatch([a, c]) { weigh(Tensor.stack([$0[0], $0[1]], dim: 1)) }
        assertGradientsMatch([a, c]) { weigh(Tensor.stack([$0[0], $0[1]])) }
    }

    func testNarrowSplitChunk() {
        let a = sample([2, 5], seed: 13)
        assertGradientsMatch([a]) { weigh($0[0].narrow(1, start: 1, length: 3)) }
        assertGradientsMatch([a]) { x in
            let parts = x[0].split(2, dim: 1)  // widths 2, 2, 1
            return weigh(parts[0]) + 3 * weigh(parts[1]) - weigh(parts[2])
        }
        assertGradientsMatch([a]) { x in
            let parts = x[0].split(sizes: [1, 4], dim: 1)
            return weigh(parts[1]) * parts[0].sum()
        }
        assertGradientsMatch([a]) { x in
            let parts = x[0].chunk(2, dim: 0)
            return weigh(parts[0] * parts[1])
        }
    }

    // MARK: Reductions

    func testSumOverAllAxisAxesAndKeepDims() {
        let x = sample([2, 3, 4], seed: 14)
        assertGradientsMatch([x]) { $0[0].sum() * 2 }
        assertGradientsMatch([x]) { weigh($0[0].sum(axis: 1)) }
        assertGradientsMatch([x]) { weigh($0[0].sum(axis: -1, keepDims: true)) }
        assertGradientsMatch([x]) { weigh($0[0].sum(axes: [0, 2])) }
        assertGradientsMatch([x]) { weigh($0[0].sum(axes: [0, 2], keepDims: true)) }
    }

    func testMeanOverAllAxisAndAxes() {
        let x = sample([2, 3, 4], seed: 15)
        assertGradientsMatch([x]) { $0[0].mean() * 3 }
        assertGradientsMatch([x]) { weigh($0[0].mean(axis: 0)) }
        assertGradientsMatch([x]) { weigh($0[0].mean(axis: -1, keepDims: true)) }
        assertGradientsMatch([x]) { weigh($0[0].mean(axes: [1, 2])) }
    }

    func testMaxAndMinWithoutTies() {
        let x = Tensor([[0.3, -1.2, 2.0, 0.7], [1.1, 0.4, -0.6, -2.2], [0.9, 1.6, -0.1, 0.5]])
        assertGradientsMatch([x]) { $0[0].max() * 2 }
        assertGradientsMatch([x]) { $0[0].min() * 2 }
        assertGradientsMatch([x]) { weigh($0[0].max(axis: 1)) }
        assertGradientsMatch([x]) { weigh($0[0].max(axis: 0, keepDims: true)) }
        assertGradientsMatch([x]) { weigh($0[0].min(axis: 0)) }
        assertGradientsMatch([x]) { weigh($0[0].min(axis: -1, keepDims: true)) }
    }

    func testProdIncludingZeros() {
        let x = Tensor([[0.3, -1.2, 2.0, 0.7], [1.1, 0.4, -0.6, -2.2], [0.9, 1.6, -0.1, 0.5]])
        assertGradientsMatch([x]) { $0[0].prod() * 10 }
        assertGradientsMatch([x]) { weigh($0[0].prod(axis: 1)) }
        assertGradientsMatch([x]) { weigh($0[0].prod(axis: 0, keepDims: true)) }
        // With one zero only that factor gets a gradient (the product of the others).
        assertGradientsMatch([Tensor([2.0, 0, 3, -1])]) { $0[0].prod() }
        // With two zeros in a row (and three in all) those partial derivatives are zero.
        assertGradientsMatch([Tensor([[2.0, 0, 3], [0, 1.5, 0]])]) { weigh($0[0].prod(axis: 1)) + $0[0].prod() }
    }

    func testCumsumAndNorms() {
        let x = sample([3, 4], seed: 16)
        assertGradientsMatch([x]) { weigh($0[0].cumsum(axis: 1)) }
        assertGradientsMatch([x]) { weigh($0[0].cumsum(axis: 0)) }
        assertGradientsMatch([x]) { $0[0].norm() }
        assertGradientsMatch([x]) { $0[0].norm(p: 1) }
        assertGradientsMatch([sample([2, 2, 3], seed: 17)]) { $0[0].norm() * 2 }
    }

    // MARK: Linear algebra

    func testDotMvMm() {
        let u = sample([4], seed: 18), v = sample([4], seed: 19)
        let m = sample([3, 4], seed: 20), n = sample([4, 2], seed: 21)
        assertGradientsMatch([u, v]) { Tensor.dot($0[0], $0[1]) }
        assertGradientsMatch([u]) { Tensor.dot($0[0], $0[0]) }
        assertGradientsMatch([m, u]) { weigh(Tensor.mv($0[0], $0[1])) }
        assertGradientsMatch([m, n]) { weigh(Tensor.mm($0[0], $0[1])) }
    }

    func testMatmulOfMatricesIncludingTransposedOperands() {
        let m = sample([3, 4], seed: 22), n = sample([4, 2], seed: 23), p = sample([2, 4], seed: 24)
        assertGradientsMatch([m, n]) { weigh(matmul($0[0], $0[1])) }
        assertGradientsMatch([m, n]) { weigh(matmul($0[1].T, $0[0].T)) }
        assertGradientsMatch([m, p]) { weigh(matmul($0[0], $0[1].T)) }
        assertGradientsMatch([m]) { weigh(matmul($0[0], $0[0].T)) }
        assertGradientsMatch([m]) { weigh(matmul($0[0][..., 1..<3], $0[0][0..<2])) }
    }

    func testMatmulOfStacks() {
        let a = sample([2, 3, 4], seed: 25), b = sample([2, 4, 5], seed: 26)
        let w = sample([4, 5], seed: 27), c = sample([1, 4, 2], seed: 28), left = sample([5, 3], seed: 29)
        assertGradientsMatch([a, b]) { weigh(matmul($0[0], $0[1])) }                          // 3-d × 3-d
        assertGradientsMatch([a, w]) { weigh(matmul($0[0], $0[1])) }                          // 3-d × 2-d
        assertGradientsMatch([a, c]) { weigh(matmul($0[0], $0[1])) }                          // broadcast batch
        assertGradientsMatch([left, a]) { weigh(matmul($0[0], $0[1])) }                       // 2-d × 3-d
        assertGradientsMatch([a, b]) { weigh(matmul($0[1].transpose(1, 2), $0[0].transpose(1, 2))) }
        assertGradientsMatch([a, w]) { weigh(matmul($0[0].transpose(0, 1), $0[1])) }          // strided stack
    }

    func testMatmulVectorCases() {
        let a = sample([2, 3, 4], seed: 30), w = sample([4, 5], seed: 31)
        let v = sample([4], seed: 32), u = sample([4], seed: 33), r = sample([3], seed: 34)
        assertGradientsMatch([v, u]) { matmul($0[0], $0[1]) }                 // 1-d × 1-d
        assertGradientsMatch([v, w]) { weigh(matmul($0[0], $0[1])) }          // 1-d × 2-d
        assertGradientsMatch([w, sample([5], seed: 35)]) { weigh(matmul($0[0], $0[1])) }  // 2-d × 1-d
        assertGradientsMatch([a, v]) { weigh(matmul($0[0], $0[1])) }          // 3-d × 1-d
        assertGradientsMatch([r, a]) { weigh(matmul($0[0], $0[1])) }          // 1-d × 3-d
    }

    // MARK: Indexing

    func testIntegerRangeNegativeAndSteppedIndexing() {
        let x = sample([4, 5], seed: 36)
        assertGradientsMatch([x]) { weigh($0[0][1]) }
        assertGradientsMatch([x]) { weigh($0[0][-1]) }
        assertGradientsMatch([x]) { weigh($0[0][2, -2]) * 3 }
        assertGradientsMatch([x]) { weigh($0[0][1..<3, 2...]) }
        assertGradientsMatch([x]) { weigh($0[0][(-3)..<(-1)]) }
        assertGradientsMatch([x]) { weigh($0[0][..., 1]) }
        assertGradientsMatch([x]) { weigh($0[0][TensorIndex.stride(0..<4, by: 2), TensorIndex.all]) }
        assertGradientsMatch([x]) { weigh($0[0][TensorIndex.stride(1..<4, by: 2), TensorIndex.stride(0..<5, by: 3)]) }
        assertGradientsMatch([x]) { weigh($0[0][TensorIndex.newAxis, 1..<3]) }
        assertGradientsMatch([x]) { weigh($0[0].T[1..<4, 2]) }  // indexing a non-contiguous view
    }

    func testFancyIndexingScatterAddsRepeatedPositions() {
        let yHat = sample([3, 4], seed: 37)
        let rows = Tensor.arange(3), labels = Tensor([0, 2, 2])
        assertGradientsMatch([yHat]) { weigh($0[0][rows, labels]) }
        // Row 1 is picked twice: its gradient must be the sum of both picks.
        assertGradientsMatch([yHat]) { weigh($0[0][[1, 0, 1]]) }
        assertGradientsMatch([yHat]) { weigh($0[0][Tensor([2, 2]), Tensor([3, 3])]) }
        assertGradientsMatch([yHat]) { weigh($0[0][..., Tensor([3, 3, 0])]) }
        assertGradientsMatch([yHat]) { weigh($0[0].T[Tensor([1, 3, 1])]) }
        let rowMask = Tensor([true, false, true])  // a boolean mask along the first axis
        assertGradientsMatch([yHat]) { weigh($0[0][rowMask]) }
        assertGradientsMatch([yHat]) { weigh($0[0][..., yHat[0] > 0]) }
    }

    // MARK: Compositions used by the book

    func testSoftmaxCrossEntropyAndLinearLayer() {
        let X = sample([4, 3], seed: 38), W = sample([3, 5], seed: 39), b = sample([5], seed: 40)
        let y = Tensor([0, 4, 2, 4])
        assertGradientsMatch([X, W, b]) { p in
            let logits = matmul(p[0], p[1]) + p[2]
            let e = logits.exp()
            let softmax = e / e.sum(axis: 1, keepDims: true)
            return -softmax[Tensor.arange(4), y].log().mean()
        }
        assertGradientsMatch([X, W, b]) { p in
            weigh((matmul(p[0], p[1]) + p[2]).relu() + (matmul(p[0], p[1]) - p[2]).tanh())
        }
    }
}

/// Points where the derivative needs a convention. PyTorch's choices: |x|' = 0 and relu'(x) = 0
/// at 0, d(xᵖ)/dx = 0 for p = 0, and ‖x‖ has gradient 0 at x = 0 rather than NaN.
final class GradientEdgeCaseTests: XCTestCase {
    func testAbsAndReluHaveZeroGradientAtZero() {
        let x = Tensor([0.0, 2, -3]).requiresGrad()
        (x.abs() + x.relu()).sum().backward()
        XCTAssertEqual(x.grad!.toArray(), [0, 2, -1])
    }

    func testTiesInMaximumSplitTheGradient() {
        let a = Tensor([1.0, 2]).requiresGrad(), b = Tensor([1.0, 0]).requiresGrad()
        Tensor.maximum(a, b).sum().backward()
        XCTAssertEqual(a.grad!.toArray(), [0.5, 1])
        XCTAssertEqual(b.grad!.toArray(), [0.5, 0])
    }

    func testNormOfTheZeroVectorHasZeroGradient() {
        let x = Tensor.zeros([3], requiresGrad: true)
        x.norm().backward()
        XCTAssertEqual(x.grad!.toArray(), [0, 0, 0], "torch.norm gives 0, not NaN, at the origin")
    }

    func testZerothPowerHasZeroGradientEverywhere() {
        let x = Tensor([0.0, 2, -3]).requiresGrad()
        x.pow(0).sum().backward()
        XCTAssertEqual(x.grad!.toArray(), [0, 0, 0], "d(x⁰)/dx is 0, also at x = 0")
    }
}

/// The checker itself must catch a wrong gradient, or every test above could pass vacuously.
final class GradientCheckerTests: XCTestCase {
    func testAWrongGradientIsFlaggedAndNamed() {
        // Detaching one factor halves the gradient of x·x: autograd says x, the truth is 2x.
        // The error is scaled by max(1, |numeric|), so below 1 it is |x| itself.
        let x = Tensor([0.1, -0.2, 0.4])
        let result = gradientCheck([x]) { ($0[0].detach() * $0[0]).sum() }
        XCTAssertEqual(result.maxError, 0.4, accuracy: 1e-3)
        XCTAssertEqual(result.worst?.input, 0)
        XCTAssertEqual(result.worst?.element, 2, "the largest |x| has the largest error")
        XCTAssertEqual(result.worst?.analytic ?? 0, 0.4, accuracy: 1e-6)
        XCTAssertEqual(result.worst?.numeric ?? 0, 0.8, accuracy: 1e-3)
        XCTAssertTrue(result.description.contains("input 0 element 2"), result.description)
    }

    func testANaNGradientInTheMiddleOfATensorFails() {
        // An op that doubles its input and whose backward is 2·g except for one NaN at element 2
        // of 5: a checker that keeps the worst entry with `error > maxError` (false for NaN) and
        // starts from element 0 would report max error 0 and pass.
        let x = Tensor([0.3, -0.8, 1.1, 0.6, -0.2])
        let result = gradientCheck([x]) { inputs in
            let input = inputs[0]
            let out = noGrad { input * 2 }
            return Tensor.record(out, "NaNInTheMiddleBackward", inputs: [input], saves: []) { g in
                var values = (g * 2).toArray()
                values[2] = .nan
                return [Tensor(values).reshape(g.shape)]
            }.sum()
        }
        XCTAssertFalse(result.maxError < 1e-2, "a NaN gradient must not pass: \(result)")
        XCTAssertEqual(result.worst?.input, 0)
        XCTAssertEqual(result.worst?.element, 2, "the report names the NaN entry: \(result)")
        XCTAssertTrue(result.description.contains("input 0 element 2"), result.description)
        XCTAssertTrue(result.description.contains("non-finite"), result.description)
    }

    func testANonFiniteFiniteDifferenceFails() {
        // log(x) at x = 0.005 with h = 1e-2 evaluates log of a negative number: the numeric
        // estimate is NaN while autograd's 1/x is finite. Element 1 of 3.
        let x = Tensor([0.5, 0.005, 0.8])
        let result = gradientCheck([x]) { $0[0].log().sum() }
        XCTAssertFalse(result.maxError < 1e-2, "a NaN finite difference must not pass: \(result)")
        XCTAssertEqual(result.worst?.element, 1, "\(result)")
        XCTAssertTrue(result.description.contains("non-finite"), result.description)
    }

    func testACorrectGradientPassesAndTheInputsAreLeftUnchanged() {
        let x = Tensor([0.5, -1.5, 2.0])
        let result = gradientCheck([x], h: 1e-2) { ($0[0] * $0[0]).sum() }
        XCTAssertLessThan(result.maxError, 1e-3, "\(result)")
        XCTAssertEqual(x.toArray(), [0.5, -1.5, 2.0])
        XCTAssertFalse(x.requiresGrad)
        XCTAssertNil(x.grad)
    }
}
