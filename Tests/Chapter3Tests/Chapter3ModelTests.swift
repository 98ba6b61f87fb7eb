import D2L
import Foundation
import LinearNetworks
import TestSupport
import XCTest

/// Linear regression (§3.2, §3.3) recovers the true parameters.
final class Chapter3LinearRegressionTests: XCTestCase {
    func testScratchRecoversWAndB() throws {
        let g = RandomGenerator(seed: 3)
        let (X, y) = syntheticData(LinearRegressionScratch.trueW, LinearRegressionScratch.trueB, numExamples: 1000, generator: g)
        XCTAssertEqual(X.shape, [1000, 2])
        XCTAssertEqual(y.shape, [1000, 1])
        let (w, b, losses) = try LinearRegressionScratch.train(features: X, labels: y, generator: g)
        assertClose(w.reshape(-1), [2, -3.4], atol: 0.02, rtol: 0)
        XCTAssertEqual(b.item(), 4.2, accuracy: 0.02)
        XCTAssertEqual(losses.count, 3)
        XCTAssertLessThan(losses[2], losses[0])
        XCTAssertLessThan(losses[2], 1e-3)
    }

    func testConciseRecoversWAndB() throws {
        let g = RandomGenerator(seed: 4)
        let (X, y) = syntheticData(LinearRegressionScratch.trueW, LinearRegressionScratch.trueB, numExamples: 1000, generator: g)
        let (net, losses) = try LinearRegressionConcise.train(features: X, labels: y, generator: g)
        let layer = net[0] as! Linear
        assertClose(layer.weight.reshape(-1), [2, -3.4], atol: 0.02, rtol: 0)
        XCTAssertEqual(layer.bias!.item(), 4.2, accuracy: 0.02)
        XCTAssertLessThan(losses.last!, 1e-3)
    }
}

/// Softmax regression pieces against the values the book prints (§3.6), and training on a
/// small synthetic problem.
final class Chapter3SoftmaxTests: XCTestCase {
    let yHat = Tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]])
    let y = Tensor([0, 2])

    func testCrossEntropyMatchesBookExample() {
        XCTAssertEqual(yHat[[0, 1], y].toArray(), [0.1, 0.5])
        assertClose(SoftmaxScratch.crossEntropy(yHat, y), [2.3026, 0.6931], atol: 1e-4, rtol: 0)
    }

    func testAccuracyMatchesBookExample() {
        XCTAssertEqual(accuracy(yHat, y) / Double(y.count), 0.5)
    }

    func testSoftmaxRowsSumToOne() {
        let X = Tensor.normal(mean: 0, std: 1, shape: [2, 5], generator: RandomGenerator(seed: 1))
        let p = SoftmaxScratch.softmax(X)
        assertClose(p.sum(axis: 1), [1, 1], atol: 1e-6)
        XCTAssertGreaterThan(p.min().item(), 0)
    }

    func testCrossEntropyLossIsStableAndMatchesScratchVersion() {
        let logits = Tensor([[1.0, 2, 3], [1000, 0, -1000]])
        let labels = Tensor([2, 1])
        let losses = CrossEntropyLoss(reduction: .none)(logits, labels)
        XCTAssertTrue(losses.toArray().allSatisfy(\.isFinite))
        XCTAssertEqual(losses[1].item(), 1000, accuracy: 1e-3)
        let small = logits[0..<1]
        assertClose(CrossEntropyLoss(reduction: .none)(small, Tensor([2])),
                    SoftmaxScratch.crossEntropy(SoftmaxScratch.softmax(small), Tensor([2])).toArray(), atol: 1e-5)
        XCTAssertEqual(CrossEntropyLoss()(logits, labels).item(), losses.mean().item(), accuracy: 1e-3)
        XCTAssertEqual(CrossEntropyLoss(reduction: .sum)(logits, labels).item(), losses.sum().item(), accuracy: 1e-3)
    }

    func testCrossEntropyAndMSEGradientsMatchFiniteDifferences() {
        let logits = sample([4, 3], seed: 5, low: -2, high: 2)
        let labels = Tensor([0, 2, 1, 2])
        assertGradientsMatch([logits]) { CrossEntropyLoss()($0[0], labels) }
        let target = sample([4, 3], seed: 6)
        assertGradientsMatch([logits]) { MSELoss()($0[0], target) }
        assertGradientsMatch([logits]) { squaredLoss($0[0], target).sum() }
    }

    /// Four well-separated Gaussian blobs in 8 dimensions, as [n, 8] features and int labels.
    private func blobs(_ n: Int, seed: UInt64) -> (Tensor, Tensor) {
        let g = RandomGenerator(seed: seed)
        let labels = Tensor.randint(0, 4, shape: [n], generator: g)
        let centres = Tensor.normal(mean: 0, std: 3, shape: [4, 8], generator: RandomGenerator(seed: 99))
        let X = centres[labels] + Tensor.normal(mean: 0, std: 1, shape: [n, 8], generator: g)
        return (X, labels)
    }

    func testTrainCh3LearnsBothWaysAndWritesItsFigure() throws {
        let folder = try TemporaryFolder(holdingFigures: true)
        defer { folder.remove() }
        let (X, y) = blobs(400, seed: 1), (Xt, yt) = blobs(200, seed: 2)
        let g = RandomGenerator(seed: 3)
        let trainIter = loadArray(X, y, batchSize: 32, generator: g), testIter = loadArray(Xt, yt, batchSize: 64, isTrain: false)

        let net = Sequential { Linear(8, 4, generator: g) }
        let before = evaluateAccuracy(net, testIter)
        let trainer = SGD(net.parameters(), lr: 0.1)
        let loss = CrossEntropyLoss(reduction: .none)
        let result = try trainCh3(net, trainIter, testIter, loss: { loss($0, $1) }, numEpochs: 3,
                                  updater: .optimizer(trainer), figureName: "blobs.svg")
        XCTAssertGreaterThan(result.testAccuracy, 0.9)
        XCTAssertGreaterThan(result.testAccuracy, before)
        XCTAssertGreaterThan(result.examplesPerSecond, 0)
        let svg = try String(contentsOf: folder.appendingPathComponent("blobs.svg"), encoding: .utf8)
        XCTAssertTrue(svg.contains("train loss") && svg.contains("test acc"))

        let W = Tensor.normal(mean: 0, std: 0.01, shape: [8, 4], generator: g, requiresGrad: true)
        let b = Tensor.zeros([4], requiresGrad: true)
        let scratchNet: (Tensor) -> Tensor = { SoftmaxScratch.softmax(matmul($0, W) + b) }
        let first = try trainEpochCh3(scratchNet, trainIter, loss: SoftmaxScratch.crossEntropy,
                                  updater: .custom { sgd([W, b], lr: 0.1, batchSize: $0) })
        let second = try trainEpochCh3(scratchNet, trainIter, loss: SoftmaxScratch.crossEntropy,
                                   updater: .custom { sgd([W, b], lr: 0.1, batchSize: $0) })
        XCTAssertLessThan(second.loss, first.loss, "the loss falls")
        XCTAssertGreaterThan(evaluateAccuracy(scratchNet, testIter), 0.9)

        let grid = try predictCh3({ scratchNet($0.reshape(-1, 8)) }, loadArray(Xt.reshape(200, 1, 2, 4), yt, batchSize: 8, isTrain: false), n: 4,
                                  name: "predict.svg")
        XCTAssertTrue(try String(contentsOf: grid, encoding: .utf8).contains("data:image/png;base64,"))
    }
}

/// Modules, parameters, initialisers and the small training utilities.
final class Chapter3ModuleTests: XCTestCase {
    func testSequentialCollectsNamedParametersAndAppliesInit() {
        let net = Sequential { Flatten(); Linear(4, 3); Linear(3, 2, bias: false) }
        XCTAssertEqual(net.namedParameters().map(\.0), ["1.weight", "1.bias", "2.weight"])
        XCTAssertEqual(net.parameters().map(\.shape), [[3, 4], [3], [2, 3]])
        var visited = 0
        net.apply { if let l = $0 as? Linear { Init.constant(l.weight, 0.5); visited += 1 } }
        XCTAssertEqual(visited, 2)
        XCTAssertEqual((net[2] as! Linear).weight.toArray(), [Float](repeating: 0.5, count: 6))
        XCTAssertEqual(net(Tensor.ones([5, 2, 2])).shape, [5, 2])
        net.eval()
        XCTAssertFalse(net[1].isTraining)
        net.train()
        XCTAssertTrue(net[1].isTraining)
    }

    func testSGDStepMatchesHandUpdateWithMomentumAndDecay() {
        let p = Tensor([1.0, -2]).requiresGrad()
        let opt = SGD([p], lr: 0.1, momentum: 0.9, weightDecay: 0.5)
        (p * p).sum().backward()  // gradient 2p = [2, -4]
        opt.step()                 // g = 2p + 0.5p = [2.5, -5]; v = g; p -= 0.1 v
        assertClose(p, [0.75, -1.5])
        opt.zeroGrad()
        (p * p).sum().backward()  // g = 2.5p = [1.875, -3.75]; v = 0.9 v + g
        opt.step()
        assertClose(p, [0.75 - 0.1 * (0.9 * 2.5 + 1.875), -1.5 - 0.1 * (0.9 * -5 + -3.75)], atol: 1e-5)
    }

    func testAccumulatorAndTimer() {
        var metric = Accumulator(2)
        metric.add(1, 2)
        metric.add(3, 4)
        XCTAssertEqual(metric.data, [4, 6])
        metric.reset()
        XCTAssertEqual(metric[1], 0)
        let timer = Timer()
        _ = Tensor.ones([1000]).sum()
        timer.stop()
        timer.start()
        timer.stop()
        XCTAssertEqual(timer.times.count, 2)
        XCTAssertEqual(timer.cumsum().last!, timer.sum(), accuracy: 1e-12)
        XCTAssertEqual(timer.avg(), timer.sum() / 2, accuracy: 1e-12)
    }
}
