import XCTest
import D2L
import TestSupport

/// One finite-difference gradient check per differentiable operation. Inputs are small and drawn
/// from seeded generators; functions end in a weighted sum so every output entry matters.
/// A fixed, uneven weighting so the checked scalar depends on each output entry differently.
private func weigh(_ t: Tensor) -> Tensor {
    (t * sample(t.shape, seed: 99, low: 0.5, high: 1.5)).sum()
}

final class GradientCheckTests: XCTestCase {
    // MARK: Arithmetic with broadcasting

    func testAddSubtractMultiplyDivideWithBroadcasting() {
        let a = sample([2, 3, 4], seed: 1), b = sample([3, 1], seed: 2, low: 0.5, high: 2)
        assertGradientsMatch([a, b]) { weigh($0[0] + $0[1]) }
        assertGradientsMatch([a, b]) { weigh($0[0] - $0[1]) }
        assertGradientsMatch([a, b]) { weigh($0[0] * $0[1]) }
        assertGradientsMatch([a, b]) { weigh($0[0] / $0[1]) }
        assertGradientsMatch([b, a]) { weigh($0[1] / $0[0]) }
    }

    func testScalarArithmeticAndNegation() {
        let a = sample([3, 4], seed: 3, low: 0.5, high: 2)
        assertGradientsMatch([a]) { weigh(2 * $0[0] + 1) }
        assertGradientsMatch([a]) { weigh(1 - $0[0] / 4) }
        assertGradientsMatch([a]) { weigh(3 / $0[0]) }
        assertGradientsMatch([a]) { weigh(-$0[0]) }
    }

    func testPowers() {
        let a = sample([2, 3], seed: 4, low: 0.5, high: 2), b = sample([3], seed: 5)
        assertGradientsMatch([a, b]) { weigh($0[0] ** $0[1]) }
        assertGradientsMatch([a]) { weigh($0[0] ** 3) }
        assertGradientsMatch([a]) { weigh($0[0].pow(2)) }
        assertGradientsMatch([a]) { weigh($0[0].pow(-0.5)) }
        assertGradientsMatch([b]) { weigh(2 ** $0[0]) }
    }

    // MARK: Unary functions

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
        assertGradientsMatch([x, y]) { weigh(Tensor.maximum($0[0], $0[1])) }
        assertGradientsMatch([x, y]) { weigh(Tensor.minimum($0[0], $0[1])) }
        let condition = x > 0
        assertGradientsMatch([x, y]) { weigh(Tensor.where(condition, $0[0], $0[1])) }
        assertGradientsMatch([x]) { weigh(Tensor.where(condition, $0[0], Tensor(0.5))) }
    }

    // MARK: Views

    func testReshapeFlattenTransposePermute() {
        let x = sample([2, 3, 4], seed: 8)
        assertGradientsMatch([x]) { weigh($0[0].reshape(4, -1)) }
        assertGradientsMatch([x]) { weigh($0[0].flatten(startDim: 1)) }
        assertGradientsMatch([x]) { weigh($0[0].transpose(0, 2)) }
        assertGradientsMatch([x]) { weigh($0[0].permute(2, 0, 1)) }
        assertGradientsMatch([x]) { weigh($0[0][0].T) }
        // reshape of a non-contiguous view copies, and must still route gradients back
        assertGradientsMatch([x]) { weigh($0[0].transpose(0, 1).reshape(-1)) }
    }

    func testSqueezeUnsqueezeExpandContiguousClone() {
        let x = sample([3, 1, 2], seed: 9)
        assertGradientsMatch([x]) { weigh($0[0].squeeze()) }
        assertGradientsMatch([x]) { weigh($0[0].squeeze(1)) }
        assertGradientsMatch([x]) { weigh($0[0].unsqueeze(0)) }
        assertGradientsMatch([x]) { weigh($0[0].expand(2, 3, 4, 2)) }
        assertGradientsMatch([x]) { weigh($0[0].transpose(0, 2).contiguous()) }
        assertGradientsMatch([x]) { weigh($0[0].clone() * $0[0]) }
        assertGradientsMatch([x]) { weigh($0[0].to(.float32)) }
    }

    // MARK: Joining and splitting

    func testCatStackNarrowSplitChunk() {
        let a = sample([2, 3], seed: 10), b = sample([2, 2], seed: 11), c = sample([2, 3], seed: 12)
        assertGradientsMatch([a, b]) { weigh(Tensor.cat([$0[0], $0[1]], dim: 1)) }
        assertGradientsMatch([a, c]) { weigh(Tensor.cat([$0[0], $0[1]], dim: 0)) }
        assertGradientsMatch([a, c]) { weigh(Tensor.stack([$0[0], $0[1]], dim: 1)) }
        assertGradientsMatch([a]) { weigh($0[0].narrow(1, start: 1, length: 2)) }
        assertGradientsMatch([a]) { x in
            let parts = x[0].split(2, dim: 1)
            return weigh(parts[0]) + 3 * weigh(parts[1])
        }
        assertGradientsMatch([a]) { x in
            let parts = x[0].chunk(2, dim: 0)
            return weigh(parts[0] * parts[1])
        }
    }

    // MARK: Reductions

    func testSumAndMeanOverAllAndChosenAxes() {
        let x = sample([2, 3, 4], seed: 13)
        assertGradientsMatch([x]) { $0[0].sum() * 2 }
        assertGradientsMatch([x]) { weigh($0[0].sum(axis: 1)) }
        assertGradientsMatch([x]) { weigh($0[0].sum(axes: [0, 2], keepDims: true)) }
        assertGradientsMatch([x]) { $0[0].mean() * 3 }
        assertGradientsMatch([x]) { weigh($0[0].mean(axis: -1, keepDims: true)) }
    }

    func testMaxMinProdCumsumNorm() {
        let x = Tensor([[0.3, -1.2, 2.0, 0.7], [1.1, 0.4, -0.6, -2.2], [0.9, 1.6, -0.1, 0.5]])
        assertGradientsMatch([x]) { $0[0].max() * 2 }
        assertGradientsMatch([x]) { $0[0].min() * 2 }
        assertGradientsMatch([x]) { weigh($0[0].max(axis: 1)) }
        assertGradientsMatch([x]) { weigh($0[0].min(axis: 0, keepDims: true)) }
        assertGradientsMatch([x]) { $0[0].prod() }
        assertGradientsMatch([x]) { weigh($0[0].prod(axis: 1)) }
        assertGradientsMatch([Tensor([2.0, 0, 3, -1])]) { $0[0].prod() }
        assertGradientsMatch([x]) { weigh($0[0].cumsum(axis: 1)) }
        assertGradientsMatch([x]) { weigh($0[0].cumsum(axis: 0)) }
        assertGradientsMatch([x]) { $0[0].norm() }
        assertGradientsMatch([x]) { $0[0].norm(p: 1) }
    }

    // MARK: Linear algebra

    func testDotMvMm() {
        let u = sample([4], seed: 14), v = sample([4], seed: 15)
        let m = sample([3, 4], seed: 16), n = sample([4, 2], seed: 17)
        assertGradientsMatch([u, v]) { Tensor.dot($0[0], $0[1]) }
        assertGradientsMatch([m, u]) { weigh(Tensor.mv($0[0], $0[1])) }
        assertGradientsMatch([m, n]) { weigh(Tensor.mm($0[0], $0[1])) }
        assertGradientsMatch([m, n]) { weigh(Tensor.mm($0[1].T, $0[0].T)) }
    }

    func testMatmulBatchedAndVectorCases() {
        let a = sample([2, 3, 4], seed: 18), b = sample([2, 4, 5], seed: 19)
        let w = sample([4, 5], seed: 20), v = sample([4], seed: 21), c = sample([1, 4, 2], seed: 22)
        assertGradientsMatch([a, b]) { weigh(matmul($0[0], $0[1])) }
        assertGradientsMatch([a, w]) { weigh(matmul($0[0], $0[1])) }
        assertGradientsMatch([a, c]) { weigh(matmul($0[0], $0[1])) }
        assertGradientsMatch([a, v]) { weigh(matmul($0[0], $0[1])) }
        assertGradientsMatch([v, w]) { weigh(matmul($0[0], $0[1])) }
        assertGradientsMatch([a, b]) { weigh(matmul($0[1].transpose(1, 2), $0[0].transpose(1, 2))) }
    }

    // MARK: Indexing

    func testBasicIndexing() {
        let x = sample([4, 5], seed: 23)
        assertGradientsMatch([x]) { weigh($0[0][1]) }
        assertGradientsMatch([x]) { weigh($0[0][-1]) }
        assertGradientsMatch([x]) { weigh($0[0][1..<3, 2...]) }
        assertGradientsMatch([x]) { weigh($0[0][..., 1]) }
        assertGradientsMatch([x]) { weigh($0[0][TensorIndex.stride(0..<4, by: 2), TensorIndex.all]) }
    }

    func testFancyIndexingScatterAddsRepeatedPositions() {
        let yHat = sample([3, 4], seed: 24)
        let rows = Tensor.arange(3), labels = Tensor([0, 2, 2])
        assertGradientsMatch([yHat]) { weigh($0[0][rows, labels]) }
        // Position 1 is picked twice: its gradient must be the sum of both picks.
        assertGradientsMatch([yHat]) { weigh($0[0][[1, 0, 1]]) }
        assertGradientsMatch([yHat]) { weigh($0[0][..., Tensor([3, 3, 0])]) }
    }
}
