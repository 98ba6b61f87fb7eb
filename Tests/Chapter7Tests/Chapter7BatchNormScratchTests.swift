import D2L
import ModernConvNets
import TestSupport
import XCTest

/// §7.5 from scratch: the book's `batch_norm` on values worked out by hand, its gradients
/// against finite differences, and the `BatchNorm` layer's modes and state.
final class Chapter7BatchNormScratchTests: XCTestCase {
    func testBatchNormOnAFullyConnectedInputByHand() {
        // Feature 0 is [1, 3]: mean 2, biased variance 1. Feature 1 is [2, 6]: mean 4, variance 4.
        let X = Tensor([[1.0, 2], [3, 6]])
        let (Y, mean, variance) = BatchNormalization.batchNorm(
            X, gamma: Tensor([[2.0, 1]]), beta: Tensor([[0.0, 10]]), movingMean: Tensor.zeros([1, 2]),
            movingVar: Tensor.ones([1, 2]), eps: 1e-5, momentum: 0.9, training: true)
        let s0 = 1 / Float(1 + 1e-5).squareRoot(), s1 = 2 / Float(4 + 1e-5).squareRoot()
        assertClose(Y, [-2 * s0, 10 - s1, 2 * s0, 10 + s1], shape: [2, 2])
        // 0.9 of the old value plus 0.1 of the batch's: the biased variance, as the book.
        assertClose(mean, [0.2, 0.4], shape: [1, 2])
        assertClose(variance, [1.0, 1.3], shape: [1, 2])
        XCTAssertFalse(mean.requiresGrad || variance.requiresGrad, "moving averages are cut off from the graph")
    }

    func testBatchNormOfAConvolutionAveragesOverBatchAndPositions() {
        // Channel 0 holds 0…7 over two images of 2×2, channel 1 is constant 5.
        let values: [Float] = [0, 1, 2, 3, 5, 5, 5, 5, 4, 5, 6, 7, 5, 5, 5, 5]
        let X = Tensor(shape: [2, 2, 2, 2], values: values)
        let (Y, mean, variance) = BatchNormalization.batchNorm(
            X, gamma: Tensor.ones([1, 2, 1, 1]), beta: Tensor.zeros([1, 2, 1, 1]),
            movingMean: Tensor.zeros([1, 2, 1, 1]), movingVar: Tensor.ones([1, 2, 1, 1]),
            eps: 1e-5, momentum: 0.9, training: true)
        assertClose(mean, [0.35, 0.5], shape: [1, 2, 1, 1])
        assertClose(variance, [0.9 + 0.1 * 5.25, 0.9], shape: [1, 2, 1, 1], atol: 1e-5)
        let y = Y.toArray()
        XCTAssertEqual(y[0], -3.5 / Float(5.25 + 1e-5).squareRoot(), accuracy: 1e-5)
        XCTAssertEqual(y[4], 0, accuracy: 1e-6, "a constant channel normalises to 0 thanks to eps")
    }

    func testOutsideTrainingTheMovingAveragesNormalise() {
        let X = Tensor([[1.0, 2], [3, 6]])
        let (Y, mean, _) = BatchNormalization.batchNorm(
            X, gamma: Tensor.ones([1, 2]), beta: Tensor.zeros([1, 2]), movingMean: Tensor([[1.0, 2]]),
            movingVar: Tensor([[4.0, 1]]), eps: 0, momentum: 0.9, training: false)
        assertClose(Y, [0, 0, 1, 4])
        assertClose(mean, [1, 2], shape: [1, 2])
    }

    func testBatchNormGradientsMatchFiniteDifferences() {
        let X = sample([3, 2, 2, 3], seed: 3), gamma = sample([1, 2, 1, 1], seed: 4), beta = sample([1, 2, 1, 1], seed: 5)
        let weights = sample([3, 2, 2, 3], seed: 6)  // a loss that is not a plain sum (whose gradient would be 0)
        assertGradientsMatch([X, gamma, beta], tolerance: 2e-2) { t in
            let (Y, _, _) = BatchNormalization.batchNorm(
                t[0], gamma: t[1], beta: t[2], movingMean: Tensor.zeros([1, 2, 1, 1]),
                movingVar: Tensor.ones([1, 2, 1, 1]), eps: 1e-5, momentum: 0.9, training: true)
            return (Y * weights).sum()
        }
    }

    func testTheLayerKeepsItsMovingAveragesAsBuffers() {
        let layer = BatchNorm(3, numDims: 2)
        XCTAssertEqual(layer.namedParameters().map(\.0), ["gamma", "beta"])
        XCTAssertEqual(layer.namedBuffers().map(\.0), ["moving_mean", "moving_var"])
        let X = Tensor([[1.0, 0, 2], [3, 0, 4]])
        _ = layer(X)
        assertClose(layer.movingMean, [0.2, 0, 0.3], shape: [1, 3])
        layer.eval()
        let before = layer.movingMean.toArray()
        _ = layer(X)
        XCTAssertEqual(layer.movingMean.toArray(), before, "evaluation leaves the moving averages alone")
    }

    /// 28×28 images of noise with a bright 6×6 square somewhere inside one quadrant: the quadrant
    /// is the class (0–3).
    private func quadrantImages(_ n: Int, generator g: RandomGenerator) -> (Tensor, Tensor) {
        let side = 28, square = 6
        var pixels = [Float](repeating: 0, count: n * side * side), labels = [Int](repeating: 0, count: n)
        for i in 0..<n {
            let label = g.nextInt(in: 0..<4)
            let top = (label / 2) * 14 + g.nextInt(in: 0..<(14 - square + 1))
            let left = (label % 2) * 14 + g.nextInt(in: 0..<(14 - square + 1))
            for p in 0..<(side * side) { pixels[i * side * side + p] = 0.3 * g.nextNormal() }
            for r in top..<(top + square) { for c in left..<(left + square) { pixels[i * side * side + r * side + c] += 1 } }
            labels[i] = label
        }
        return (Tensor(shape: [n, 1, side, side], values: pixels), Tensor(labels))
    }

    /// The book's LeNet with the scratch `BatchNorm`, trained a few epochs on a small generated
    /// set, classifies held-out images in evaluation mode (through the moving averages) well
    /// above chance (0.25) and above the same net untrained.
    func testLeNetWithBatchNormClassifiesABatch() throws {
        let folder = try TemporaryFolder(holdingFigures: true)
        defer { folder.remove() }
        let g = RandomGenerator(seed: 1)
        let net = BatchNormalization.lenet(generator: g)
        XCTAssertEqual(net(Tensor.rand([4, 1, 28, 28], generator: g)).shape, [4, 10])
        XCTAssertEqual(net.namedBuffers().count, 8, "two moving averages in each of the four BatchNorm layers")
        let (X, y) = quadrantImages(256, generator: g), (Xt, yt) = quadrantImages(256, generator: g)
        let testIter = loadArray(Xt, yt, batchSize: 128, isTrain: false)
        let untrained = evaluateAccuracy(net, testIter)
        let result = try trainCh6(net, loadArray(X, y, batchSize: 16, generator: g), testIter, numEpochs: 3, lr: 1.0,
                                  generator: g, figureName: "batchnorm-scratch-test.svg")
        XCTAssertGreaterThan(result.testAccuracy, max(untrained, 0.25) + 0.5,
                             "held-out accuracy in evaluation mode against the untrained net (\(untrained)) and chance; \(result)")
        let movingMean = (net[1] as! BatchNorm).movingMean
        XCTAssertGreaterThan(movingMean.abs().max().item(), 0.01, "training moved the first layer's moving mean")
    }
}
