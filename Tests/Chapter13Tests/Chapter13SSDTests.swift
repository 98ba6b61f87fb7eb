import D2L
import Foundation
import TestSupport
import Vision
import XCTest

/// §13.7 Single shot multibox detection: the shapes the section prints, TinySSD's outputs on a
/// 256 × 256 batch, and the loss and metrics against a hand computation.
final class Chapter13SSDTests: XCTestCase {
    func testPredictorsAndBlocksGiveTheBookShapes() {
        let g = RandomGenerator(seed: 0)
        let Y1 = clsPredictor(8, 5, 10, generator: g)(Tensor.zeros([2, 8, 20, 20]))
        let Y2 = clsPredictor(16, 3, 10, generator: g)(Tensor.zeros([2, 16, 10, 10]))
        XCTAssertEqual(Y1.shape, [2, 55, 20, 20])
        XCTAssertEqual(Y2.shape, [2, 33, 10, 10])
        XCTAssertEqual(bboxPredictor(16, 10, generator: g)(Tensor.zeros([2, 16, 10, 10])).shape, [2, 40, 10, 10])
        XCTAssertEqual(concatPreds([Y1, Y2]).shape, [2, 25300])
        XCTAssertEqual(downSampleBlk(3, 10, generator: g)(Tensor.zeros([2, 3, 20, 20])).shape, [2, 10, 10, 10])
        XCTAssertEqual(baseNet(generator: g)(Tensor.zeros([2, 3, 256, 256])).shape, [2, 64, 32, 32])
    }

    func testFlattenPredPutsEachPixelsChannelsTogether() {
        // [1, 2 channels, 1, 2 pixels]: channels last gives pixel 0's two values, then pixel 1's.
        let pred = Tensor(shape: [1, 2, 1, 2], values: [1, 2, 10, 20])
        XCTAssertEqual(flattenPred(pred).toArray(), [1, 10, 2, 20])
    }

    func testTinySSDOutputsTheBookShapesAndNames() {
        let net = TinySSD(numClasses: 1, generator: RandomGenerator(seed: 0))
        // The book uses a batch of 32; two images give the same per-image shapes at 1/16 of the cost.
        let (anchors, clsPreds, bboxPreds) = net(Tensor.zeros([2, 3, 256, 256]))
        XCTAssertEqual(anchors.shape, [1, 5444, 4])
        XCTAssertEqual(clsPreds.shape, [2, 5444, 2])
        XCTAssertEqual(bboxPreds.shape, [2, 21776])
        let names = net.namedParameters().map(\.0)
        XCTAssertEqual(names.first, "blk_0.0.0.weight")
        XCTAssertTrue(names.contains("cls_4.weight") && names.contains("bbox_4.bias"), "\(names.suffix(4))")
        XCTAssertTrue(net.namedBuffers().map(\.0).contains("blk_1.1.running_mean"))
        // The first block's first anchor: size 0.2 and ratio 1 centred on pixel (0, 0) of 32 × 32.
        assertClose(anchors[0, 0], [0.015625 - 0.1, 0.015625 - 0.1, 0.015625 + 0.1, 0.015625 + 0.1], atol: 1e-6)
    }

    /// One image, two anchors, two classes: the first anchor is an object (class 1) whose offsets
    /// are off by 0.4, 0.2, 0.3 and 0.4, the second background with masked-out offsets.
    private let clsPreds = Tensor(shape: [1, 2, 2], values: [1, 2, 0, 1])
    private let clsLabels = Tensor(shape: [1, 2], values: [1, 0], dtype: .int64)
    private let bboxPreds = Tensor(shape: [1, 8], values: [0.1, 0.2, 0.3, 0.4, 1, 1, 1, 1])
    private let bboxLabels = Tensor(shape: [1, 8], values: [0.5, 0, 0, 0, 9, 9, 9, 9])
    private let bboxMasks = Tensor(shape: [1, 8], values: [1, 1, 1, 1, 0, 0, 0, 0])

    func testLossAndMetricsMatchAHandComputation() {
        // Cross entropy: −log softmax([1, 2])[1] = log(1 + e⁻¹) and −log softmax([0, 1])[0] = log(1 + e).
        let cls = (Foundation.log(1 + Foundation.exp(-1.0)) + Foundation.log(1 + Foundation.exp(1.0))) / 2
        let bbox = (0.4 + 0.2 + 0.3 + 0.4) / 8.0
        assertClose(calcLoss(clsPreds, clsLabels, bboxPreds, bboxLabels, bboxMasks), [Float(cls + bbox)], shape: [1])
        XCTAssertEqual(clsEval(clsPreds, clsLabels), 1, "anchor 0 right (class 1), anchor 1 wrong (1, not 0)")
        XCTAssertEqual(bboxEval(bboxPreds, bboxLabels, bboxMasks), 1.3, accuracy: 1e-6)
    }

    func testLossGradientsMatchFiniteDifferences() {
        assertGradientsMatch([clsPreds, bboxPreds]) { [self] in
            calcLoss($0[0], clsLabels, $0[1], bboxLabels, bboxMasks).sum()
        }
    }

    func testPredictionKeepsOnlyObjectRowsAndDrawsConfidentOnes() {
        let net = TinySSD(numClasses: 1, generator: RandomGenerator(seed: 1))
        let X = Tensor.rand([1, 3, 64, 64], generator: RandomGenerator(seed: 2))
        let output = predictSSD(net, X)
        XCTAssertEqual(output.ndim, 2)
        XCTAssertEqual(output.shape[1], 6)
        XCTAssertTrue(output.toArray2D().allSatisfy { $0[0] == 0 }, "only the banana class is left")
        let img = Image(X[0])
        let drawn = displaySSD(img, Tensor(shape: [1, 6], values: [0, 0.95, 0.25, 0.25, 0.75, 0.75]), threshold: 0.9)
        XCTAssertEqual(drawn[16, 32, 0], 255, "the box's top edge is white")
        XCTAssertEqual(displaySSD(img, Tensor(shape: [1, 6], values: [0, 0.5, 0.25, 0.25, 0.75, 0.75]), threshold: 0.9).pixels,
                       img.pixels, "a box below the threshold is not drawn")
    }
}
