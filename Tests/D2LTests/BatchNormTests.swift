import XCTest
import D2L
import TestSupport

/// Batch normalization (§7.5): gradients against finite differences, PyTorch's running-statistic
/// update worked out by hand, evaluation mode, the state dict, and the fast kernels against the
/// same formula written with tensor operations.
final class BatchNormTests: XCTestCase {
    /// The training-mode formula from tensor ops: per channel (axis 1) mean and biased variance.
    private func reference(_ x: Tensor, _ gamma: Tensor, _ beta: Tensor, eps: Float = 1e-5) -> Tensor {
        let axes = [0] + Array(2..<x.ndim)
        let shape = [1, x.shape[1]] + [Int](repeating: 1, count: x.ndim - 2)
        let mean = x.mean(axes: axes, keepDims: true)
        let variance = ((x - mean) * (x - mean)).mean(axes: axes, keepDims: true)
        return gamma.reshape(shape) * (x - mean) / (variance + eps).sqrt() + beta.reshape(shape)
    }

    private func trainingNorm(_ t: [Tensor]) -> Tensor {
        Tensor.batchNorm(t[0], weight: t[1], bias: t[2], runningMean: nil, runningVar: nil, training: true)
    }

    func testTrainingGradients1dMatchFiniteDifferences() {
        let x = sample([6, 3], seed: 1, low: -2, high: 2)
        assertGradientsMatch([x, sample([3], seed: 2, low: 0.5, high: 1.5), sample([3], seed: 3)]) {
            weigh(self.trainingNorm($0))
        }
    }

    func testTrainingGradients1dOverSequencesMatchFiniteDifferences() {
        let x = sample([3, 2, 5], seed: 4, low: -2, high: 2)
        assertGradientsMatch([x, sample([2], seed: 5, low: 0.5, high: 1.5), sample([2], seed: 6)]) {
            weigh(self.trainingNorm($0))
        }
    }

    func testTrainingGradients2dMatchFiniteDifferences() {
        let x = sample([3, 2, 3, 4], seed: 7, low: -2, high: 2)
        assertGradientsMatch([x, sample([2], seed: 8, low: 0.5, high: 1.5), sample([2], seed: 9)]) {
            weigh(self.trainingNorm($0))
        }
    }

    func testEvaluationGradientsMatchFiniteDifferences() {
        let mean = Tensor(shape: [2], values: [0.3, -0.2]), variance = Tensor(shape: [2], values: [0.5, 2])
        let x = sample([2, 2, 3, 3], seed: 10, low: -2, high: 2)
        assertGradientsMatch([x, sample([2], seed: 11, low: 0.5, high: 1.5), sample([2], seed: 12)]) {
            weigh(Tensor.batchNorm($0[0], weight: $0[1], bias: $0[2], runningMean: mean, runningVar: variance,
                                   training: false))
        }
    }

    /// BatchNorm1d(2) on [[1, 2], [3, 6]]: channel means 2 and 4, biased variances 1 and 4,
    /// unbiased 2 and 8. PyTorch: running_mean = 0.9·0 + 0.1·mean, running_var = 0.9·1 + 0.1·unbiased.
    func testRunningStatisticsFollowPyTorchsUpdate() {
        let bn = BatchNorm1d(2)
        let x = Tensor(shape: [2, 2], values: [1, 2, 3, 6])
        let y = bn(x)
        let a = 1 / (1 + Float(1e-5)).squareRoot(), b = 2 / (4 + Float(1e-5)).squareRoot()
        assertClose(y, [-a, -b, a, b], shape: [2, 2], atol: 1e-6)
        assertClose(bn.runningMean, [0.2, 0.4], atol: 1e-6)
        assertClose(bn.runningVar, [1.1, 1.7], atol: 1e-6)
        XCTAssertEqual(bn.numBatchesTracked.item(), 1)
        XCTAssertEqual(bn.numBatchesTracked.dtype, .int64)
        _ = bn(x)
        assertClose(bn.runningMean, [0.38, 0.76], atol: 1e-6)
        assertClose(bn.runningVar, [1.19, 2.33], atol: 1e-6)
        XCTAssertEqual(bn.numBatchesTracked.item(), 2)
    }

    /// A momentum other than PyTorch's default weighs the batch by that amount.
    func testMomentumIsTheWeightOfTheNewBatch() {
        let bn = BatchNorm2d(1, momentum: 0.25)
        _ = bn(Tensor(shape: [1, 1, 2, 2], values: [1, 3, 5, 7]))   // mean 4, unbiased variance 20/3
        assertClose(bn.runningMean, [1], atol: 1e-6)
        assertClose(bn.runningVar, [0.75 + 0.25 * 20 / 3], atol: 1e-5)
    }

    /// After `eval()` the running statistics normalise, nothing is updated, and the output of an
    /// element no longer depends on the rest of the batch.
    func testEvaluationUsesTheRunningStatistics() {
        let bn = BatchNorm2d(2)
        bn.runningMean.copy(from: Tensor(shape: [2], values: [1, -1]))
        bn.runningVar.copy(from: Tensor(shape: [2], values: [4, 0.25]))
        noGrad {
            bn.weight.copy(from: Tensor(shape: [2], values: [2, 3]))
            bn.bias.copy(from: Tensor(shape: [2], values: [0.5, -0.5]))
        }
        bn.eval()
        let x = sample([3, 2, 2, 2], seed: 13)
        let y = bn(x)
        let values = x.toArray()
        var expected: [Float] = []
        for (i, v) in values.enumerated() {
            let c = (i / 4) % 2
            let (m, s, g, b): (Float, Float, Float, Float) = c == 0 ? (1, 4, 2, 0.5) : (-1, 0.25, 3, -0.5)
            expected.append(g * (v - m) / (s + 1e-5).squareRoot() + b)
        }
        assertClose(y, expected, shape: [3, 2, 2, 2], atol: 1e-5)
        assertClose(bn.runningMean, [1, -1])
        XCTAssertEqual(bn.numBatchesTracked.item(), 0)
        assertClose(bn(x[0..<1, ...]), Tensor(shape: [1, 2, 2, 2], values: Array(expected[0..<8])), atol: 1e-5)
    }

    func testBuffersAreSavedUnderPyTorchsNamesAndNotTrained() {
        let net = Sequential { Conv2d(1, 2, kernelSize: 3); BatchNorm2d(2) }
        XCTAssertEqual(net.namedParameters().map(\.0), ["0.weight", "0.bias", "1.weight", "1.bias"])
        XCTAssertEqual(net.namedBuffers().map(\.0), ["1.running_mean", "1.running_var", "1.num_batches_tracked"])
        XCTAssertEqual(Set(net.stateDict().keys),
                       ["0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var",
                        "1.num_batches_tracked"])
        XCTAssertFalse(net.buffers().contains { $0.requiresGrad })
        assertClose(net.stateDict()["1.running_var"]!, [1, 1])
    }

    /// A batch big enough to be split over the cores, with a large mean against a small spread
    /// (where a naive one-pass variance cancels): forward and all three gradients agree with the
    /// tensor-op formula.
    func testLargeBatchMatchesTheTensorFormula() {
        let x = (sample([8, 16, 48, 48], seed: 14) + 100)
        let gamma = sample([16], seed: 15, low: 0.5, high: 1.5), beta = sample([16], seed: 16)
        let dy = sample(x.shape, seed: 17)
        let leaves = [x, gamma, beta].map { $0.clone().requiresGrad() }
        let fast = trainingNorm(leaves)
        (fast * dy).sum().backward()
        let slow = [x, gamma, beta].map { $0.clone().requiresGrad() }
        let expected = reference(slow[0], slow[1], slow[2])
        (expected * dy).sum().backward()
        assertClose(fast, expected, atol: 2e-4)
        assertClose(leaves[0].grad!, slow[0].grad!, atol: 2e-3)
        assertClose(leaves[1].grad!, slow[1].grad!, atol: 0.1, rtol: 1e-3)
        assertClose(leaves[2].grad!, slow[2].grad!, atol: 0.05, rtol: 1e-4)
    }

    func testEachLayerKeepsTheShapeOfItsInputs() {
        XCTAssertEqual(BatchNorm1d(3)(sample([4, 3], seed: 18)).shape, [4, 3])
        XCTAssertEqual(BatchNorm1d(3)(sample([4, 3, 5], seed: 18)).shape, [4, 3, 5])
        XCTAssertEqual(BatchNorm2d(3)(sample([4, 3, 2, 2], seed: 18)).shape, [4, 3, 2, 2])
    }

    /// A trained layer saved to safetensors and loaded into a fresh one has the same weights and
    /// buffers (`num_batches_tracked` stays an int64), so in eval mode it predicts the same.
    func testTrainedLayerRoundTripsThroughSafetensors() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let bn = BatchNorm2d(3)
        for seed in 19...21 { _ = bn(sample([4, 3, 3, 3], seed: UInt64(seed), low: -1, high: 3)) }
        noGrad {
            bn.weight.copy(from: Tensor(shape: [3], values: [0.5, 2, -1]))
            bn.bias.copy(from: Tensor(shape: [3], values: [0.25, 0, 1]))
        }
        let url = folder.appendingPathComponent("bn.safetensors")
        try bn.saveParameters(to: url)

        let copy = BatchNorm2d(3)
        let report = try copy.loadParameters(from: url)
        XCTAssertTrue(report.isComplete, "\(report)")
        for (name, tensor) in bn.stateDict() {
            XCTAssertEqual(copy.stateDict()[name]!.toArray(), tensor.toArray(), name)
            XCTAssertEqual(copy.stateDict()[name]!.dtype, tensor.dtype, name)
        }
        XCTAssertEqual(copy.numBatchesTracked.item(), 3)
        XCTAssertNotEqual(copy.runningMean.toArray(), [0, 0, 0])
        bn.eval()
        copy.eval()
        let x = sample([2, 3, 3, 3], seed: 22)
        XCTAssertEqual(copy(x).toArray(), bn(x).toArray())
    }
}
