import D2L
import Foundation

/// §13.4 Anchor boxes: the anchors of one pixel of the cat-and-dog photo, labelling the book's
/// five anchors with the dog and cat boxes, and non-maximum suppression of its four predictions.
/// The functions themselves (`multiboxPrior`, `boxIoU`, `multiboxTarget`, `multiboxDetection`,
/// `showBBoxes`, …) are the core's, in `Sources/D2L/Detection/`.
public enum AnchorBoxesSection {
    /// The book's sizes and ratios for the photo, `sizes=[0.75, 0.5, 0.25], ratios=[1, 2, 0.5]`.
    public static let sizes: [Float] = [0.75, 0.5, 0.25], ratios: [Float] = [1, 2, 0.5]

    /// The labels of the five anchors of pixel (250, 250), in the book's order (§13.4.1).
    public static let pixelLabels = ["s=0.75, r=1", "s=0.5, r=1", "s=0.25, r=1", "s=0.75, r=2", "s=0.75, r=0.5"]

    /// `ground_truth` of §13.4.3: (class, x1, y1, x2, y2) of the dog (0) and the cat (1), as
    /// fractions of the photo's width and height.
    public static let groundTruth = Tensor(shape: [2, 5], values: [0, 0.1, 0.08, 0.52, 0.92,
                                                                   1, 0.55, 0.2, 0.9, 0.88])

    /// The five `anchors` of §13.4.3 to label, corners as fractions.
    public static let anchors = Tensor(shape: [5, 4], values: [0, 0.1, 0.2, 0.3, 0.15, 0.2, 0.4, 0.4,
                                                               0.63, 0.05, 0.88, 0.98, 0.66, 0.45, 0.8, 0.8,
                                                               0.57, 0.3, 0.92, 0.9])

    /// The four predicted boxes of §13.4.4 (offsets all zero, so the anchors themselves).
    public static let predictedAnchors = Tensor(shape: [4, 4], values: [0.1, 0.08, 0.52, 0.92, 0.08, 0.2, 0.56, 0.95,
                                                                        0.15, 0.3, 0.62, 0.91, 0.55, 0.2, 0.9, 0.88])

    /// `cls_probs` of §13.4.4: rows background, dog, cat; one column per predicted box.
    public static let clsProbs = Tensor(shape: [3, 4], values: [0, 0, 0, 0, 0.9, 0.8, 0.7, 0.1, 0.1, 0.2, 0.3, 0.9])

    /// `bbox_scale = torch.tensor((w, h, w, h))`: multiplies fractional corners into pixels.
    public static func bboxScale(_ img: Image) -> Tensor {
        Tensor(shape: [4], values: [Float(img.width), Float(img.height), Float(img.width), Float(img.height)])
    }

    /// The anchors of `img` with the book's sizes and ratios, reshaped to `[h, w, 5, 4]`
    /// (`boxes = Y.reshape(h, w, 5, 4)`, §13.4.1), and `Y` itself.
    public static func pixelAnchors(_ img: Image) -> (Y: Tensor, boxes: Tensor) {
        let X = Tensor.zeros([1, 3, img.height, img.width])
        let Y = multiboxPrior(X, sizes: sizes, ratios: ratios)
        return (Y, Y.reshape(img.height, img.width, sizes.count + ratios.count - 1, 4))
    }

    /// §13.4.1's figure: the five anchors centred on pixel (`row`, `column`), labelled.
    public static func pixelFigure(_ img: Image, boxes: Tensor, row: Int = 250, column: Int = 250) -> Image {
        var out = img
        showBBoxes(&out, boxes[row, column] * bboxScale(img), labels: pixelLabels)
        return out
    }

    /// §13.4.3's figure: the ground truth in black (`dog`, `cat`) and the five anchors numbered.
    public static func labellingFigure(_ img: Image) -> Image {
        var out = img
        let scale = bboxScale(img)
        showBBoxes(&out, groundTruth[..., 1...] * scale, labels: ["dog", "cat"], colors: [.black])
        showBBoxes(&out, anchors * scale, labels: ["0", "1", "2", "3", "4"])
        return out
    }

    /// `multibox_target(anchors.unsqueeze(0), ground_truth.unsqueeze(0))` (§13.4.3).
    public static func labels() -> (bboxOffset: Tensor, bboxMask: Tensor, classLabels: Tensor) {
        multiboxTarget(anchors.unsqueeze(0), groundTruth.unsqueeze(0))
    }

    /// §13.4.4's first figure: the four predictions with their confidences, before NMS.
    public static func predictionsFigure(_ img: Image) -> Image {
        var out = img
        showBBoxes(&out, predictedAnchors * bboxScale(img), labels: ["dog=0.9", "dog=0.8", "dog=0.7", "cat=0.9"])
        return out
    }

    /// `multibox_detection(cls_probs.unsqueeze(0), offset_preds.unsqueeze(0),
    /// anchors.unsqueeze(0), nms_threshold=0.5)` (§13.4.4), offsets all zero.
    public static func detection(nmsThreshold: Float = 0.5) -> Tensor {
        multiboxDetection(clsProbs.unsqueeze(0), Tensor.zeros([1, predictedAnchors.count]),
                          predictedAnchors.unsqueeze(0), nmsThreshold: nmsThreshold)
    }

    /// §13.4.4's last figure: the boxes `output` keeps (class ≠ −1), labelled `dog=0.9` / `cat=0.9`.
    public static func detectionFigure(_ img: Image, output: Tensor) -> Image {
        var out = img
        for row in output[0].toArray2D() where row[0] != -1 {
            let label = ["dog=", "cat="][Int(row[0])] + String(format: "%g", row[1])
            showBBoxes(&out, Tensor(shape: [1, 4], values: Array(row[2...])) * bboxScale(img), labels: [label])
        }
        return out
    }
}
