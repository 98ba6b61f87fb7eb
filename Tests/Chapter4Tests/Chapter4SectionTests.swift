import D2L
import Foundation
import MLP
import TestSupport
import XCTest

/// §4.1–4.8 on small inputs: activation gradients, the MLP models, polynomial data, weight
/// decay norms, dropout nets and exploding products.
final class Chapter4SectionTests: XCTestCase {
    func testActivationGradientsAreTheBooksCurves() throws {
        let folder = try TemporaryFolder(holdingFigures: true)
        defer { folder.remove() }
        let files = try ActivationFunctions.plotWithGradient("sigmoid", { $0.sigmoid() })
        XCTAssertEqual(files.map(\.lastPathComponent), ["chapter4-sigmoid.svg", "chapter4-sigmoid-grad.svg"])
        // The sigmoid's gradient peaks at 0.25 at x = 0 and vanishes in the tails (§4.8.1).
        let x = Tensor([-8.0, 0, 8]).requiresGrad()
        x.sigmoid().sum().backward()
        XCTAssertEqual(x.grad![1].item(), 0.25, accuracy: 1e-6)
        XCTAssertLessThan(x.grad![0].item(), 4e-4)
        XCTAssertEqual(MLPScratch.relu(Tensor([-1.0, 2])).toArray(), [0, 2])
    }

    func testMLPModelsHaveTheBooksShapes() {
        let g = RandomGenerator(seed: 1)
        let scratch = MLPScratch(generator: g)
        XCTAssertEqual(scratch.parameters.map(\.shape), [[784, 256], [256], [256, 10], [10]])
        XCTAssertEqual(scratch.net(Tensor.zeros([3, 1, 28, 28])).shape, [3, 10])
        let concise = MLPConcise.makeNet(generator: g)
        XCTAssertEqual(concise.namedParameters().map(\.0), ["1.weight", "1.bias", "3.weight", "3.bias"])
        XCTAssertLessThan((concise[1] as! Linear).weight.abs().max().item(), 0.06, "weights are N(0, 0.01²)")
    }

    func testPolynomialFeaturesAndCubicFit() throws {
        let g = RandomGenerator(seed: 2)
        let (features, labels) = PolynomialRegression.makeData(generator: g)
        XCTAssertEqual(features.shape, [200, 20])
        XCTAssertEqual(features[..., 0].toArray(), [Float](repeating: 1, count: 200))
        // Column 2 is x²/2! where column 1 is x.
        assertClose(features[..., 2], (features[..., 1] * features[..., 1] / 2).toArray(), atol: 1e-5)
        XCTAssertEqual(labels.shape, [200])
        let folder = try TemporaryFolder(holdingFigures: true)
        defer { folder.remove() }
        let fit = try PolynomialRegression.fit(trainFeatures: features[0..<100, 0..<4], testFeatures: features[100..., 0..<4],
                                               trainLabels: labels[0..<100], testLabels: labels[100...],
                                               numEpochs: 400, name: "fit.svg", generator: g)
        assertClose(fit.weights.reshape(-1), [5, 1.2, -3.4, 5.6], atol: 0.15, rtol: 0)
        XCTAssertLessThan(fit.testLoss, 0.05)
    }

    func testWeightDecayShrinksTheWeights() throws {
        let folder = try TemporaryFolder(holdingFigures: true)
        defer { folder.remove() }
        let g = RandomGenerator(seed: 0)
        let data = WeightDecay.makeData(generator: g)
        let free = try WeightDecay.trainScratch(lambda: 0, data: data, generator: g, name: "a.svg")
        let decayed = try WeightDecay.trainScratch(lambda: 3, data: data, generator: g, name: "b.svg")
        XCTAssertEqual(free.norm, 13.6, accuracy: 2.5, "the book: about 13")
        XCTAssertLessThan(decayed.norm, 0.6, "the book: about 0.37")
        XCTAssertLessThan(decayed.testLoss, free.testLoss)
        let concise = try WeightDecay.trainConcise(wd: 3, data: data, generator: g, name: "c.svg")
        XCTAssertLessThan(concise.norm, 0.6)
        XCTAssertEqual(WeightDecay.l2Penalty(Tensor([3.0, 4])).item(), 12.5)
    }

    func testDropoutNetsDropOnlyWhileTraining() {
        let g = RandomGenerator(seed: 3)
        let X = Tensor.rand([4, 1, 28, 28], generator: g)
        for net in [DropoutScratchNet(generator: g), DropoutConcise.makeNet(generator: g)] as [any Layer] {
            net.eval()
            XCTAssertEqual(net(X).toArray(), net(X).toArray(), "evaluation is deterministic")
            net.train()
            XCTAssertNotEqual(net(X).toArray(), net(X).toArray(), "training draws new masks")
        }
    }

    func testProductOfRandomMatricesExplodes() {
        let (first, product) = NumericalStability.explodingProduct(generator: RandomGenerator(seed: 0))
        XCTAssertLessThan(first.abs().max().item(), 10)
        XCTAssertGreaterThan(product.abs().max().item(), 1e15)
    }
}
