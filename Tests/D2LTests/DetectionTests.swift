import D2L
import Foundation
import TestSupport
import XCTest

/// Boxes, anchors, IoU, anchor labelling and NMS of §13.3–13.4, against the values the book
/// prints and small cases worked out by hand.
final class DetectionTests: XCTestCase {
    /// The book's dog and cat boxes on catdog.jpg (§13.3), in pixels.
    private let dogCat = Tensor(shape: [2, 4], values: [60, 45, 378, 516, 400, 112, 655, 493])

    func testCornerCenterRoundTripReturnsTheBookBoxes() {
        let center = boxCornerToCenter(dogCat)
        assertClose(center, [219, 280.5, 318, 471, 527.5, 302.5, 255, 381], shape: [2, 4])
        XCTAssertEqual(boxCenterToCorner(center).toArray(), dogCat.toArray(), "§13.3 prints all True")
        // Any leading axes: a batch [1, 2, 4] keeps its shape.
        XCTAssertEqual(boxCornerToCenter(dogCat.reshape(1, 2, 4)).shape, [1, 2, 4])
    }

    func testMultiboxPriorOnTheBookPhotoShape() {
        // §13.4.1: h, w = 561, 728; sizes [0.75, 0.5, 0.25], ratios [1, 2, 0.5].
        let start = Date()
        let Y = multiboxPrior(Tensor.zeros([1, 3, 561, 728]), sizes: [0.75, 0.5, 0.25], ratios: [1, 2, 0.5])
        let seconds = Date().timeIntervalSince(start)
        XCTAssertEqual(Y.shape, [1, 2_042_040, 4])
        let boxes = Y.reshape(561, 728, 5, 4)
        // The book prints it with 2 decimals.
        XCTAssertEqual(boxes[250, 250, 0].toArray().map { ($0 * 100).rounded() / 100 }, [0.06, 0.07, 0.63, 0.82])
        // The five boxes of a pixel: widths s·√r·h/w, heights s/√r (fractions of the sides).
        let pixel = boxCornerToCenter(boxes[250, 250]).toArray2D()
        let expected: [(Float, Float)] = [(0.75, 1), (0.5, 1), (0.25, 1), (0.75, 2), (0.75, 0.5)]
        for (row, (s, r)) in zip(pixel, expected) {
            XCTAssertEqual(row[2], s * r.squareRoot() * 561 / 728, accuracy: 1e-5)
            XCTAssertEqual(row[3], s / r.squareRoot(), accuracy: 1e-5)
            XCTAssertEqual(row[0], 250.5 / 728, accuracy: 1e-6)
            XCTAssertEqual(row[1], 250.5 / 561, accuracy: 1e-6)
        }
        print("multiboxPrior on 561×728: \(String(format: "%.3f", seconds)) s")
    }

    func testMultiboxPriorOrdersPixelsRowMajor() {
        // A 2 × 3 map, one size and one ratio: one box per pixel, centred on ((j+½)/3, (i+½)/2).
        let Y = multiboxPrior(Tensor.zeros([2, 3]), sizes: [0.5], ratios: [1])
        XCTAssertEqual(Y.shape, [1, 6, 4])
        let centers = boxCornerToCenter(Y[0]).toArray2D()
        for i in 0..<2 {
            for j in 0..<3 {
                XCTAssertEqual(centers[i * 3 + j][0], (Float(j) + 0.5) / 3, accuracy: 1e-6)
                XCTAssertEqual(centers[i * 3 + j][1], (Float(i) + 0.5) / 2, accuracy: 1e-6)
                XCTAssertEqual(centers[i * 3 + j][2], 0.5 * 2 / 3, accuracy: 1e-6, "square in pixels")
            }
        }
    }

    func testBoxIoUByHand() {
        let a = Tensor(shape: [3, 4], values: [0, 0, 2, 2, 1, 1, 3, 3, 5, 5, 5, 5])
        let b = Tensor(shape: [2, 4], values: [0, 0, 2, 2, 10, 10, 11, 11])
        // [1,1,3,3] overlaps [0,0,2,2] in a unit square: 1 / (4 + 4 − 1). An empty box gives 0.
        assertClose(boxIoU(a, b), [1, 0, 1.0 / 7, 0, 0, 0], shape: [3, 2])
        XCTAssertEqual(boxIoU(a, Tensor.zeros([0, 4])).shape, [3, 0])
    }

    func testBoxIoUMatchesAPairwiseReference() {
        let g = RandomGenerator(seed: 7)
        let corners = { (n: Int) -> Tensor in
            let c = Tensor.uniform(low: 0, high: 1, shape: [n, 2], generator: g)
            let wh = Tensor.uniform(low: 0.05, high: 0.5, shape: [n, 2], generator: g)
            return Tensor.cat([c - wh / 2, c + wh / 2], dim: 1)
        }
        let (x, y) = (corners(300), corners(17))
        let iou = boxIoU(x, y).toArray2D(), xs = x.toArray2D(), ys = y.toArray2D()
        for i in stride(from: 0, to: 300, by: 13) {
            for j in 0..<17 {
                let (p, q) = (xs[i], ys[j])
                let iw = max(0, min(p[2], q[2]) - max(p[0], q[0])), ih = max(0, min(p[3], q[3]) - max(p[1], q[1]))
                let inter = iw * ih, union = (p[2] - p[0]) * (p[3] - p[1]) + (q[2] - q[0]) * (q[3] - q[1]) - inter
                XCTAssertEqual(iou[i][j], inter / union, accuracy: 1e-6)
            }
        }
    }

    /// §13.4.3's five anchors and two objects (0 dog, 1 cat).
    private let groundTruth = Tensor(shape: [2, 5], values: [0, 0.1, 0.08, 0.52, 0.92, 1, 0.55, 0.2, 0.9, 0.88])
    private let fiveAnchors = Tensor(shape: [5, 4], values: [0, 0.1, 0.2, 0.3, 0.15, 0.2, 0.4, 0.4,
                                                            0.63, 0.05, 0.88, 0.98, 0.66, 0.45, 0.8, 0.8,
                                                            0.57, 0.3, 0.92, 0.9])

    func testMultiboxTargetMatchesTheBook() {
        let (offset, mask, classes) = multiboxTarget(fiveAnchors.unsqueeze(0), groundTruth.unsqueeze(0))
        XCTAssertEqual(classes.shape, [1, 5])
        XCTAssertEqual(classes.dtype, .int64)
        XCTAssertEqual(classes.toIntArray(), [0, 1, 2, 0, 2])
        XCTAssertEqual(mask.toArray(), [0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1])
        // labels[0] as the book prints it (2 decimals in its print options).
        assertClose(offset, [0, 0, 0, 0, 1.40, 10.0, 2.59, 7.18, -1.20, 0.269, 1.68, -1.57,
                             0, 0, 0, 0, -0.571, -1.00, 0, 0.626], shape: [1, 20], atol: 0.006, rtol: 0.003)
    }

    func testMultiboxTargetLabelsEachImageOfABatch() {
        // The second image has the classes swapped: same boxes, same offsets, labels 2 and 1.
        let swapped = Tensor(shape: [2, 5], values: [1, 0.1, 0.08, 0.52, 0.92, 0, 0.55, 0.2, 0.9, 0.88])
        let (offset, mask, classes) = multiboxTarget(fiveAnchors, Tensor.stack([groundTruth, swapped], dim: 0))
        XCTAssertEqual(classes.toIntArray(), [0, 1, 2, 0, 2, 0, 2, 1, 0, 1])
        XCTAssertEqual(offset[1].toArray(), offset[0].toArray())
        XCTAssertEqual(mask[1].toArray(), mask[0].toArray())
        // Detection on a batch of two: the second image predicts only the cat box.
        let probs = Tensor.stack([clsProbs, Tensor(shape: [3, 4], values: [0.9, 0.9, 0.9, 0, 0.05, 0.05, 0.05, 0, 0.05, 0.05, 0.05, 1])])
        let out = multiboxDetection(probs, Tensor.zeros([2, 16]), fourAnchors)
        XCTAssertEqual(out.shape, [2, 4, 6])
        XCTAssertEqual(out[0, ..., 0].toArray(), [0, 1, -1, -1])
        assertClose(out[1, 0], [1, 1, 0.55, 0.2, 0.9, 0.88], atol: 1e-6)  // the cat, certain, first
    }

    func testAssignAnchorToBBoxAppliesItsThreshold() {
        let gt = groundTruth[..., 1...]
        XCTAssertEqual(assignAnchorToBBox(gt, fiveAnchors).toIntArray(), [-1, 0, 1, -1, 1])
        // Above every IoU but the greedy pairs: only anchors 1 and 4 keep a box.
        XCTAssertEqual(assignAnchorToBBox(gt, fiveAnchors, iouThreshold: 0.99).toIntArray(), [-1, 0, -1, -1, 1])
        // A low threshold lets anchor 3 (inside the cat box, IoU ≈ 0.21) take a box too.
        XCTAssertEqual(assignAnchorToBBox(gt, fiveAnchors, iouThreshold: 0.2).toIntArray(), [-1, 0, 1, 1, 1])
        // More boxes than anchors: each anchor gets one box, no anchor is reassigned.
        XCTAssertEqual(assignAnchorToBBox(gt, fiveAnchors[1..<2]).toIntArray(), [0])
        XCTAssertEqual(assignAnchorToBBox(Tensor.zeros([0, 4]), fiveAnchors).toIntArray(), [-1, -1, -1, -1, -1])
    }

    func testOffsetInverseUndoesOffsetBoxes() {
        let anchors = fiveAnchors, boxes = groundTruth[[0, 1, 1, 0, 1], 1...].contiguous()
        assertClose(offsetInverse(anchors, offsetBoxes(anchors, boxes)), boxes, atol: 1e-5)
        assertClose(offsetInverse(anchors, Tensor.zeros([5, 4])), anchors, atol: 1e-6)
    }

    /// §13.4.4's four predicted boxes and class probabilities (background, dog, cat).
    private let fourAnchors = Tensor(shape: [4, 4], values: [0.1, 0.08, 0.52, 0.92, 0.08, 0.2, 0.56, 0.95,
                                                            0.15, 0.3, 0.62, 0.91, 0.55, 0.2, 0.9, 0.88])
    private let clsProbs = Tensor(shape: [3, 4], values: [0, 0, 0, 0, 0.9, 0.8, 0.7, 0.1, 0.1, 0.2, 0.3, 0.9])

    func testNMSKeepsTheBookBoxes() {
        let scores = Tensor(shape: [4], values: [0.9, 0.8, 0.7, 0.9])
        let keep = nms(fourAnchors, scores, iouThreshold: 0.5)
        XCTAssertEqual(keep.dtype, .int64)
        XCTAssertEqual(keep.toIntArray(), [0, 3])
        // Threshold 1 removes nothing (order by score, ties by index); threshold 0 every overlap.
        XCTAssertEqual(nms(fourAnchors, scores, iouThreshold: 1).toIntArray(), [0, 3, 1, 2])
        XCTAssertEqual(nms(fourAnchors, scores, iouThreshold: 0).toIntArray(), [0, 3])
        XCTAssertEqual(nms(Tensor.zeros([0, 4]), Tensor.zeros([0]), iouThreshold: 0.5).toIntArray(), [])
    }

    func testMultiboxDetectionMatchesTheBook() {
        let output = multiboxDetection(clsProbs.unsqueeze(0), Tensor.zeros([1, 16]), fourAnchors.unsqueeze(0),
                                       nmsThreshold: 0.5)
        assertClose(output, [0, 0.9, 0.1, 0.08, 0.52, 0.92,
                             1, 0.9, 0.55, 0.2, 0.9, 0.88,
                             -1, 0.8, 0.08, 0.2, 0.56, 0.95,
                             -1, 0.7, 0.15, 0.3, 0.62, 0.91], shape: [1, 4, 6], atol: 1e-6)
        // The NMS threshold is applied: at 0.9 boxes 1 and 2 overlap box 0 too little to go.
        let loose = multiboxDetection(clsProbs.unsqueeze(0), Tensor.zeros([1, 16]), fourAnchors, nmsThreshold: 0.9)
        XCTAssertEqual(loose[0, ..., 0].toArray(), [0, 1, 0, 0])
        XCTAssertEqual(loose[0, ..., 1].toArray(), [0.9, 0.9, 0.8, 0.7])
        // Below posThreshold a kept box becomes background with confidence 1 − p.
        let low = multiboxDetection((clsProbs * 0.01).unsqueeze(0), Tensor.zeros([1, 16]), fourAnchors,
                                    posThreshold: 0.0085)
        assertClose(low[0, ..., 0], [0, 1, -1, -1], atol: 0)
        assertClose(low[0, 1, 1], [0.009], atol: 1e-6)
    }
}
